"""`python -m bot.inbox`: staff accounts (see bot/inbox/cli.py)."""

import sys

from bot.inbox.cli import main

sys.exit(main())
