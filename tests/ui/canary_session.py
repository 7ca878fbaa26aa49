"""A full session with canary names, run in its own process by test_leaves_nothing_behind.

The test points HOME, TMPDIR and the XDG folders at empty folders *before* this process
starts, so everything Qt, fontconfig or the app might write lands there and can be searched.
Real (Qt, non-native) file dialogs are used and answered by a timer, so Qt's own file-dialog
history is exercised too.

Usage: python canary_session.py [--community] PLAN_PATH PDF_PATH CANARY...

With ``--community`` the window is made the way ``preparedness --community`` makes it (the
flag, the volunteer settings read from the XDG config folder, the real file dialogs starting
in a neutral folder) and the session ends with "Finish and next family".
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QPlainTextEdit
from uihelpers import cards, field, type_text


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
        window.start.new_button.click()
        page = window.pages["household"]
        type_text(field(page, "adult.name", QLineEdit), parent)
        type_text(field(page, "adult.phone", QLineEdit), "612-555-0101")
        type_text(field(page, "household.address", QPlainTextEdit), f"{parent} street 1")
        window.wizard.next()
        page = window.pages["children"]
        page.add_child()
        app.processEvents()
        type_text(field(cards(page)[0], "child.name", QLineEdit), child)
        window.wizard.next()
        page = window.pages["contacts"]
        page.add_contact()
        app.processEvents()
        type_text(field(cards(page)[0], "contact.name", QLineEdit), contact)
        type_text(field(cards(page)[0], "contact.phone", QLineEdit), "612-555-0110")
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
        printing = window.pages["print"]
        printing.make_button.click()
        wait_for(app, lambda: bool(printing.pdfs) or printing._status_error)
        assert printing.pdfs, getattr(printing.last_error, "__traceback_text__", "")
        answer_file_dialog(pdf_path)
        printing.save_button.click()
        wait_for(app, lambda: pdf_path.exists())
        window.finish_button.click()
    assert restarted == [1]
    window.close()
    app.processEvents()
    print("SESSION-OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
