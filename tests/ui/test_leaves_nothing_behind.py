"""A full session (create, save, print to PDF, finish) leaves no trace of the family.

HOME, TMPDIR, XDG_CONFIG_HOME, XDG_CACHE_HOME, XDG_DATA_HOME and XDG_RUNTIME_DIR point at
empty folders before the session's process starts; afterwards no canary string is found
anywhere under them (in UTF-8 or UTF-16) except in the PDF the person chose; the encrypted
plan holds none in clear either. The chosen folder's own name is a canary too: Qt's file
dialog would remember it in QtProject.conf if the app did not clear that history.
The session and these checks are shared with the community test: ``canary_session.py``.
"""

from __future__ import annotations

from pathlib import Path

from canary_session import run_on_empty_machine


def test_a_session_leaves_nothing_behind(tmp_path: Path) -> None:
    run_on_empty_machine(tmp_path)
