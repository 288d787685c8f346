"""`python -m reader`: the same as `python main.py` (no arguments opens the window; otherwise the command line)."""

import sys

from reader.launch import main

sys.exit(main(sys.argv[1:]))
