"""A community night, from the flag to "Finish and next family", leaves no trace of the family.

The same session as ``test_leaves_nothing_behind`` (create, save to a chosen folder, print to
PDF, finish, checked by ``canary_session.run_on_empty_machine``), run the way
``preparedness --community`` runs. What a community night adds: no settings file was written,
and Qt's own settings file (QtProject.conf) holds no path at all.
"""

from __future__ import annotations

from pathlib import Path

from canary_session import run_on_empty_machine


def test_a_community_night_leaves_nothing_behind(tmp_path: Path) -> None:
    machine = run_on_empty_machine(tmp_path, community=True)
    # no settings written by a family's evening
    assert not list(machine.root.rglob("settings.json")), machine.written
    # Qt's own settings file: no folder, no file, no path of any kind
    for text in machine.qt_settings():
        assert str(machine.root) not in text and "/" not in text, text
