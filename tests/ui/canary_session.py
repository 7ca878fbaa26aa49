"""A full session with canary names in its own process, and the search for them afterwards.

Shared by ``test_leaves_nothing_behind`` and ``test_community_leaves_nothing_behind``:

- the test's side, ``run_on_empty_machine``: HOME, TMPDIR and the XDG folders point at empty
  folders *before* the session's process starts, so everything Qt, fontconfig or the app might
  write lands there; afterwards every file under them is searched for the canaries. It checks
  what every session must leave behind (no trace but the chosen PDF, plan and PDF readable by
  their owner only, nothing else in the chosen folder, no file-dialog history in Qt's own
  settings) and returns the machine for the test's own checks.
- the session's side, ``main``: this file run as a script. Real (Qt, non-native) file
  dialogs are used and answered by a timer, so Qt's own file-dialog history is exercised too.

Usage: python canary_session.py [--community] PLAN_PATH PDF_PATH CANARY...

With ``--community`` the window is made the way ``preparedness --community`` makes it (the
flag, the volunteer settings read from the XDG config folder, the real file dialogs starting
in a neutral folder) and the session ends with "Finish and next family".
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from uihelpers import cards, field, fill_a_family, type_text

# -- the test's side: an empty machine, the session, the search ---------------------------------

CANARIES = ("Zqxparent Núñez", "Zqxchild فاطمة", "Zqxcontact ሰላም")
# The chosen folder's name: Qt's file dialog would remember it in QtProject.conf if the app
# did not clear that history.
FOLDER_CANARY = "Zqxfamily-folder"
EMPTY_FOLDERS = ("HOME", "TMPDIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME")


def needles() -> list[bytes]:
    """Every canary (and their common prefix) as UTF-8 and as UTF-16 bytes."""
    words = [*CANARIES, FOLDER_CANARY, "Zqx"]
    found: list[bytes] = []
    for word in words:
        found += [word.encode("utf-8"), word.encode("utf-16-le")]
    return found


@dataclass(frozen=True)
class Machine:
    """Where a session could write, and what it wrote there."""

    root: Path  # holds the fake HOME, TMPDIR and XDG folders
    written: list[str]  # every file under root, relative to it

    def qt_settings(self) -> list[str]:
        """The text of each QtProject.conf Qt wrote, if any."""
        return [conf.read_text(errors="replace") for conf in self.root.rglob("QtProject.conf")]


def empty_machine_env(root: Path) -> dict[str, str]:
    """This environment, with HOME, TMPDIR and the XDG folders new and empty under ``root``.

    A process started with it writes whatever it writes (Qt, fontconfig, the app) under root.
    """
    env = dict(os.environ)
    env.pop("PREPAREDNESS_SETTINGS", None)
    for name in EMPTY_FOLDERS:
        folder = root / name.lower()
        folder.mkdir(parents=True)
        env[name] = str(folder)
    runtime = root / "runtime"
    runtime.mkdir(mode=0o700)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def find_traces(
    root: Path, needles: list[bytes], *, allowed: tuple[Path, ...] = ()
) -> tuple[list[str], list[str]]:
    """(where a needle was found, every file written) under ``root``; ``allowed`` files are
    listed as written but not searched."""
    hits: list[str] = []
    written: list[str] = []
    for path in root.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        written.append(str(path.relative_to(root)))
        if path in allowed:
            continue
        data = path.read_bytes()
        hits += [f"{path.relative_to(root)}: {n!r}" for n in needles if n in data]
    return hits, written


def run_on_empty_machine(tmp_path: Path, *, community: bool = False) -> Machine:
    """The canary session in its own process on an empty machine, then the shared checks.

    Volunteer settings are read and written where the app really keeps them (the XDG config
    folder, searched like the rest), not in the test's own settings file. The asserts carry
    their own messages: pytest rewrites asserts only in test modules.
    """
    root = tmp_path / "machine"
    env = empty_machine_env(root)
    chosen = Path(env["HOME"]) / FOLDER_CANARY
    chosen.mkdir()
    plan, pdf = chosen / "plan.fpp", chosen / "packet.pdf"
    flags = ["--community"] if community else []
    result = subprocess.run(
        [sys.executable, __file__, *flags, str(plan), str(pdf), *CANARIES],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,  # the session itself takes a few seconds
        cwd=str(tmp_path),
    )
    assert "SESSION-OK" in result.stdout, result.stdout + result.stderr
    for path in (plan, pdf):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == 0o600, f"{path.name}: mode {mode:o}, not 600"

    # The PDF is the one file the family asked for in clear.
    hits, written = find_traces(root, needles(), allowed=(pdf,))
    print("WRITTEN", written)
    assert not hits, f"traces found: {hits}\nfiles written: {written}"
    machine = Machine(root, written)
    # Qt's own settings: if the file exists, its FileDialog group is gone.
    for text in machine.qt_settings():
        assert "[FileDialog]" not in text, text
    # The chosen folder holds the plan and the PDF only (no temp files, no backup yet).
    left = sorted(p.name for p in chosen.iterdir())
    assert left == ["packet.pdf", "plan.fpp"], left
    return machine


# -- the session's side: this file run as a script ------------------------------------------------


def wait_for(app: QApplication, condition, timeout: float = 30.0, what=lambda: "") -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            modal = QApplication.activeModalWidget()
            detail = "" if modal is None else f"{type(modal).__name__} {modal.windowTitle()}"
            text = getattr(modal, "text", lambda: "")() if modal is not None else ""
            raise SystemExit(f"timed out; modal: {detail} {text} {what()}")
        app.processEvents()
        time.sleep(0.01)


def save_packet_and_finish(app: QApplication, window, pdf_path: Path, answer) -> None:  # type: ignore[no-untyped-def]
    """On the print page: make the packet, save it as a PDF (the file dialog answered by
    ``answer(pdf_path)``), then Finish."""
    printing = window.pages["print"]
    printing.make_button.click()
    wait_for(app, lambda: bool(printing.pdfs) or printing._status_error)
    assert printing.pdfs, getattr(printing.last_error, "__traceback_text__", "")
    answer(pdf_path)
    printing.save_button.click()
    wait_for(app, lambda: pdf_path.exists())
    window.finish_button.click()


def answer_file_dialog(path: Path, attempts: int = 100) -> None:
    """When the modal QFileDialog appears, choose ``path`` and accept, like a person."""

    def try_answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog) and dialog.isVisible():
            name = dialog.findChild(QLineEdit, "fileNameEdit")
            name.setText(str(path))  # typed into the dialog's name box, like a person
            dialog.accept()
            if dialog.isVisible() and attempts > 0:
                answer_file_dialog(path, attempts - 1)
        elif attempts > 0:
            answer_file_dialog(path, attempts - 1)

    QTimer.singleShot(50, try_answer)


def main() -> int:
    argv = sys.argv[1:]
    community = argv[:1] == ["--community"]
    if community:
        argv = argv[1:]
    plan_path, pdf_path = Path(argv[0]), Path(argv[1])
    parent, child, contact = argv[2:5]
    from preparedness.app import make_application, parse_args, run_mode
    from preparedness.settings import Mode, load_settings
    from preparedness.vault import use_test_kdf_params

    app = make_application([])
    from preparedness.ui.window import MainWindow

    restarted: list[int] = []
    if community:
        settings = load_settings()
        mode = run_mode(parse_args(["--community"]), settings)
        assert mode is Mode.COMMUNITY
        window = MainWindow(
            restarter=lambda: restarted.append(1),
            confirm=lambda _q: True,
            settings=settings,
            mode=mode,
        )
    else:
        window = MainWindow(restarter=lambda: restarted.append(1), confirm=lambda _q: True)
    window.show()
    with use_test_kdf_params():
        fill_a_family(window, parent, child, contact)
        page = window.pages["contacts"]
        page.add_contact()
        app.processEvents()
        type_text(field(cards(page)[1], "contact.name", QLineEdit), "Second Person")
        type_text(field(cards(page)[1], "contact.phone", QLineEdit), "612-555-0111")
        window.go_to_page("save")
        save = window.pages["save"]
        save.suggest()
        answer_file_dialog(plan_path)
        save.save_button.click()
        wait_for(app, lambda: window.session.plan_file is not None, what=save.status.text)
        window.wizard.next()
        save_packet_and_finish(app, window, pdf_path, answer_file_dialog)
    assert restarted == [1]
    window.close()
    app.processEvents()
    print("SESSION-OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
