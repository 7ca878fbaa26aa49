"""Unlock one plan file: the passphrase, or the recovery code when the family forgot it.

Used by the start screen and by a liaison's list. The reason a plan does not open is said
in plain words; the backup copy is offered when the file is damaged. "I forgot the
passphrase" turns the box into a recovery-code box (the code printed on the recovery sheet);
a plan opened that way must get a new passphrase before anything else (the window does that).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from preparedness.i18n import N_
from preparedness.ui.appearance import set_role
from preparedness.ui.bidi import isolate
from preparedness.ui.language import Gettext, current_gettext

if TYPE_CHECKING:
    from preparedness.ui.window import MainWindow

PASSPHRASE = N_("Passphrase (or recovery code)")
RECOVERY_CODE = N_("Recovery code (from the recovery sheet)")
RECOVERY_HELP = N_(
    "Type the code printed on the recovery sheet: 7 groups of 4 letters and numbers. "
    "Dashes and spaces do not matter."
)
FORGOT = N_("I forgot the passphrase")
USE_PASSPHRASE = N_("Use the passphrase instead")
UNLOCK = N_("Open")
OPENING_PLAN = N_("Open the plan {label}")
CANCEL = N_("Cancel")
OPENING = N_("Opening… please wait.")
OPEN_BACKUP = N_("Open the backup copy")
UNEXPECTED = N_("This plan could not be opened.")
NOT_A_CODE = N_(
    "This is not a recovery code. Check it against the sheet: 7 groups of 4 letters and numbers."
)
WRONG_CODE = N_(
    "This recovery code does not open this plan. Check each group against the sheet, "
    "or try the sheet of another plan."
)


class UnlockPanel(QWidget):
    """A passphrase box with Open, Cancel, "I forgot the passphrase" and the backup button.

    ``prefix`` makes the objectNames (``start.passphrase``, ``liaison.unlock``…).
    """

    cancelled = Signal()

    def __init__(self, main: MainWindow, parent: QWidget, prefix: str) -> None:
        super().__init__(parent)
        self.main = main
        self.setObjectName(f"{prefix}.unlock_panel")
        self.path: Path | None = None
        self.recovery = False
        self._message = ""
        self._error = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.which = QLabel(self)
        self.which.setObjectName(f"{prefix}.which")
        self.which.setTextFormat(Qt.PlainText)
        set_role(self.which, "heading")
        self._which = ""
        self.pass_label = QLabel(self)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        set_role(self.help, "help")
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName(f"{prefix}.passphrase")
        self.passphrase.setEchoMode(QLineEdit.Password)
        self.passphrase.returnPressed.connect(self.unlock)
        self.pass_label.setBuddy(self.passphrase)
        buttons = QHBoxLayout()
        self.unlock_button = QPushButton(self)
        self.unlock_button.setObjectName(f"{prefix}.unlock")
        self.unlock_button.clicked.connect(self.unlock)
        self.backup_button = QPushButton(self)
        self.backup_button.setObjectName(f"{prefix}.open_backup")
        self.backup_button.clicked.connect(self.use_backup)
        self.forgot_button = QPushButton(self)
        self.forgot_button.setObjectName(f"{prefix}.forgot")
        self.forgot_button.clicked.connect(self.toggle_recovery)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName(f"{prefix}.cancel")
        self.cancel_button.clicked.connect(self.cancel)
        for button in (self.unlock_button, self.backup_button, self.forgot_button):
            buttons.addWidget(button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        self.message = QLabel(self)
        self.message.setObjectName(f"{prefix}.message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.PlainText)
        layout.addWidget(self.which)
        layout.addWidget(self.pass_label)
        layout.addWidget(self.help)
        layout.addWidget(self.passphrase)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.reset()

    # -- state
    def reset(self) -> None:
        """Hidden, empty, nothing typed remembered (not even in the undo history)."""
        self.path = None
        self._which = ""
        self.passphrase.setText("")  # setText, unlike clear(), leaves nothing to undo
        self.set_recovery(False)
        self.hide()
        self.backup_button.hide()
        self.set_message("")
        self.set_busy(False)

    def ask(self, path: Path, label: str = "") -> None:
        """Ask for the passphrase of ``path``; ``label`` is the liaison's code to show."""
        self.path = path
        self._which = label
        self.backup_button.hide()
        self.set_recovery(False)
        self.set_message("")
        self.retranslate_ui(current_gettext())
        self.show()
        self.passphrase.setFocus()

    def toggle_recovery(self) -> None:
        self.set_recovery(not self.recovery)
        self.passphrase.setFocus()

    def set_recovery(self, on: bool) -> None:
        self.recovery = on
        self.passphrase.setText("")
        # A code is copied from paper: seeing it helps, and it reads left to right everywhere.
        self.passphrase.setEchoMode(QLineEdit.Normal if on else QLineEdit.Password)
        self.passphrase.setLayoutDirection(Qt.LeftToRight if on else Qt.LayoutDirectionAuto)
        self.help.setVisible(on)
        self.set_message("")
        self.retranslate_ui(current_gettext())

    def set_busy(self, busy: bool) -> None:
        for widget in (self.unlock_button, self.passphrase, self.forgot_button, self.backup_button):
            widget.setEnabled(not busy)

    def set_message(self, msgid: str, error: bool = False) -> None:
        self._message, self._error = msgid, error
        self.message.setText(current_gettext()(msgid) if msgid else "")
        set_role(self.message, "problem-error" if error else "help")

    # -- actions
    def unlock(self) -> None:
        secret = self.passphrase.text()
        if self.path is None or not secret.strip():
            return
        if self.recovery:
            from preparedness.vault import is_recovery_code

            # a code copied from the screen may carry invisible direction marks
            secret = "".join(ch for ch in secret if unicodedata.category(ch) != "Cf")
            if not is_recovery_code(secret):
                self.set_message(NOT_A_CODE, error=True)
                return
        self.set_busy(True)
        self.set_message(OPENING)
        self.main.open_plan(self.path, secret, panel=self)

    def open_failed(self, error: BaseException) -> None:
        """The vault's error in plain words; the file is left as it is."""
        self.set_busy(False)
        msgid = getattr(error, "default_message", None) or UNEXPECTED
        if self.recovery and getattr(error, "message_id", "") == "vault.error.wrong_passphrase":
            msgid = WRONG_CODE
        self.set_message(msgid, error=True)
        from preparedness.ui.services import backup_of

        backup = backup_of(self.path) if self.path is not None else None
        damaged = getattr(error, "message_id", "") in (
            "vault.error.damaged",
            "vault.error.contents_damaged",
        )
        self.backup_button.setVisible(bool(damaged and backup is not None and backup.exists()))
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def opened(self) -> None:
        """The plan is open: forget what was typed."""
        self.reset()

    def use_backup(self) -> None:
        from preparedness.ui.services import backup_of

        if self.path is None:
            return
        self.path = backup_of(self.path)
        self.backup_button.hide()
        self.unlock()

    def cancel(self) -> None:
        self.reset()
        self.cancelled.emit()

    def retranslate_ui(self, _: Gettext) -> None:
        which = _(OPENING_PLAN).format(label=isolate(self._which)) if self._which else ""
        self.which.setText(which)
        self.which.setVisible(bool(self._which))
        label = _(RECOVERY_CODE) if self.recovery else _(PASSPHRASE)
        self.pass_label.setText(label)
        self.passphrase.setAccessibleName(label)
        self.help.setText(_(RECOVERY_HELP))
        self.passphrase.setAccessibleDescription(_(RECOVERY_HELP) if self.recovery else "")
        self.unlock_button.setText(_(UNLOCK))
        self.backup_button.setText(_(OPEN_BACKUP))
        self.forgot_button.setText(_(USE_PASSPHRASE) if self.recovery else _(FORGOT))
        self.cancel_button.setText(_(CANCEL))
        self.set_message(self._message, self._error)
