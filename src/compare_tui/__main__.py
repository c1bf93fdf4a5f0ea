"""`python -m compare_tui` runs the command line."""

import sys

from compare_tui.cli import main

sys.exit(main())
