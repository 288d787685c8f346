"""Entry point: no command opens the window; otherwise the command line (`python main.py --help`)."""

import sys

from reader.launch import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
