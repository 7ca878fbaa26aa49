"""Fixtures for driving the real window headless: offscreen Qt, the fast test KDF, fakes for
the three things a test must not do for real (open a modal file dialog, restart the
process, ask a modal yes/no question)."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication exists

from collections.abc import Iterator
from pathlib import Path

import pytest
from uihelpers import FakeFileDialogs


@pytest.fixture(autouse=True)
def _settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Volunteer settings (and a liaison's own resource profiles) go to a temporary folder."""
    path = tmp_path / "config" / "preparedness" / "settings.json"
    monkeypatch.setenv("PREPAREDNESS_SETTINGS", str(path))
    return path


@pytest.fixture(autouse=True)
def _fast_kdf() -> Iterator[None]:
    """New plan files use the vault's test KDF (reading accepts it anywhere)."""
    from preparedness.vault import use_test_kdf_params

    with use_test_kdf_params():
        yield


@pytest.fixture
def app(qapp):  # type: ignore[no-untyped-def]
    from preparedness.app import make_application

    return make_application([])


@pytest.fixture
def dialogs() -> FakeFileDialogs:
    return FakeFileDialogs()


@pytest.fixture
def restarts() -> list[int]:
    return []


@pytest.fixture
def window(app, qtbot, dialogs, restarts):  # type: ignore[no-untyped-def]
    from preparedness.ui import workers
    from preparedness.ui.window import MainWindow

    win = MainWindow(
        restarter=lambda: restarts.append(1),
        file_dialogs=dialogs,
        confirm=lambda _question: True,
    )
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    workers.wait_all()
    win.session.close()
    win.set_language("en")


@pytest.fixture
def make_window(app, qtbot, dialogs, restarts):  # type: ignore[no-untyped-def]
    """A window in a chosen mode, with the settings and timings a test passes."""
    from preparedness.ui import workers
    from preparedness.ui.window import MainWindow

    made = []

    def make(**kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("restarter", lambda: restarts.append(1))
        kwargs.setdefault("file_dialogs", dialogs)
        kwargs.setdefault("confirm", lambda _question: True)
        win = MainWindow(**kwargs)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        made.append(win)
        return win

    yield make
    workers.wait_all()
    for win in made:
        win.idle_guard.set_enabled(False)
        win.session.close()
        win.set_language("en")


@pytest.fixture
def tmp_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder
