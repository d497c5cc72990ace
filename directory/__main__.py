import sys

from directory.cli import main

sys.exit(main())
