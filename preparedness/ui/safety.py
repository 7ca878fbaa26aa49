"""Shared-laptop hygiene: what Qt remembers, what we write, and how a session ends.

The next family at a community night must find nothing of the last one: no folder names in
Qt's file-dialog history, no readable PDFs for other accounts, no plan left in memory (a
fresh process is the only honest way to promise that in Python).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject

# Neutral names: nothing here may ever carry a family's name.
WINDOW_TITLE = "Family Preparedness Plan"
PRINT_JOB_NAME = "Packet"
SUGGESTED_PLAN_NAME = "plan.fpp"
SUGGESTED_PDF_NAME = "packet-{copy}.pdf"
SUGGESTED_RECOVERY_PDF_NAME = "recovery-sheet.pdf"

# Qt's widget file dialog writes the last folder here (QtProject.conf, group FileDialog).
QT_FILE_DIALOG_GROUP = "FileDialog"


def clear_file_dialog_history() -> None:
    """Remove Qt's own FileDialog group (last folder, history, sidebar) and sync to disk."""
    from PySide6.QtCore import QSettings  # not needed for the first screen

    settings = QSettings(QSettings.UserScope, "QtProject")
    settings.remove(QT_FILE_DIALOG_GROUP)
    settings.sync()


def removable_media_folder() -> Path | None:
    """Where USB sticks appear on this system (``/media/<user>``, ``/run/media/<user>``…)."""
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    candidates = [Path("/run/media") / user, Path("/media") / user, Path("/Volumes")]
    if not user:
        candidates = candidates[2:]
    return next((c for c in candidates if c.is_dir() and os.access(c, os.R_OK | os.X_OK)), None)


def neutral_folder() -> str:
    """A starting folder that says nothing about the last family: USB sticks, else home."""
    media = removable_media_folder()
    return str(media) if media is not None else str(Path.home())


_quick_hide: list[Callable[[], None]] = []


def set_quick_hide(callback: Callable[[], None]) -> None:
    """The window's quick hide, for F12 inside dialogs (see ``hide_key``)."""
    _quick_hide[:] = [callback]


def hide_key(dialog: QObject) -> None:
    """Let F12 hide the screen from inside a modal dialog too.

    Qt blocks the window's own (application-wide) F12 shortcut while a modal dialog is open,
    so each modal dialog gets its own. Not for non-modal dialogs: two F12 shortcuts active at
    once would cancel each other out.
    """
    if not _quick_hide:
        return
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence, QShortcut

    shortcut = QShortcut(QKeySequence(Qt.Key_F12), dialog)
    shortcut.setContext(Qt.WindowShortcut)
    shortcut.activated.connect(_quick_hide[0])


def close_dialogs() -> None:
    """Close every open dialog and popup (file dialogs, questions, previews) at once."""
    from PySide6.QtWidgets import QApplication, QDialog

    popup = QApplication.activePopupWidget()
    while popup is not None:
        popup.close()
        next_popup = QApplication.activePopupWidget()
        if next_popup is popup:
            break
        popup = next_popup
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


def restart_command() -> tuple[str, list[str]]:
    """The command that started this process, to start the next family's fresh window."""
    argv = list(getattr(sys, "orig_argv", [])) or [sys.executable, *sys.argv]
    return sys.executable, argv[1:]


def restart_process() -> None:
    """Start the same command detached, then quit: nothing of this family stays in memory."""
    from PySide6.QtCore import QProcess

    program, args = restart_command()
    QProcess.startDetached(program, args)
    QCoreApplication.quit()


Restarter = Callable[[], None]
