"""`python -m bot.privacy`: retention sweep, export and erasure (see bot/privacy/cli.py)."""

import sys

from bot.privacy.cli import main

sys.exit(main())
