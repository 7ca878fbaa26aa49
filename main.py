"""Start the Family Preparedness Plan app: ``python main.py``."""

import sys

from preparedness.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
