"""Start the Family Preparedness Plan app: ``python main.py`` (``--community`` on a shared
laptop), or a command of the CLI: ``python main.py demo --out DIR``."""

import sys

from preparedness.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
