"""The ``preparedness`` command and ``python main.py``: the app, or a command of the CLI.

No arguments, or options only (``--community``, ``--lang ar``, Qt's ``-platform``…) open the
app (``preparedness.app.main``); a command word (``demo``, ``packet``…) or ``--help`` goes to
the CLI (``preparedness.cli.main``). Qt is imported only for the app, so the CLI still runs on
a machine without a screen or Qt's libraries.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def wants_app(argv: Sequence[str]) -> bool:
    return not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help"))


def entry(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if wants_app(argv):
        from preparedness.app import main as app_main

        return app_main(argv)
    from preparedness.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(entry())
