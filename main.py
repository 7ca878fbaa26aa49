"""Start the Family Preparedness Plan app: ``python main.py`` (``--community`` on a shared
laptop), or a command of the CLI: ``python main.py demo --out DIR``."""

import sys

from preparedness.launch import entry

if __name__ == "__main__":
    sys.exit(entry(sys.argv[1:]))
