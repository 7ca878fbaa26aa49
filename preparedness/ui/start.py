"""The first screen: pick a language by its own name, then make a new plan or open one.

Languages are shown as large buttons in their own script (no flags: a flag is a country, not
a language, and can frighten). Opening asks for the passphrase right here, with the reason in
plain words when it fails, and offers the backup copy when the file is damaged.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from preparedness.i18n import N_
from preparedness.languages import all_languages
from preparedness.ui.appearance import set_role
from preparedness.ui.language import Gettext, current_gettext

if TYPE_CHECKING:
    from preparedness.ui.window import MainWindow

WELCOME = N_("Family Preparedness Plan")
WELCOME_TEXT = N_(
    "Make a plan for who takes care of your children if you cannot. "
    "Everything stays on this computer, locked with your passphrase."
)
CHOOSE_LANGUAGE = N_("Choose your language")
NEW_PLAN = N_("Make a new plan")
OPEN_PLAN = N_("Open a saved plan")
OPEN_TITLE = N_("Open a saved plan")
PLAN_FILES = N_("Plan files (*.fpp);;All files (*)")
PASSPHRASE = N_("Passphrase (or recovery code)")
UNLOCK = N_("Open")
CANCEL = N_("Cancel")
OPENING = N_("Opening… please wait.")
OPEN_BACKUP = N_("Open the backup copy")
UNEXPECTED = N_("This plan could not be opened.")
NOT_REVIEWED = N_("Not yet checked by a native speaker")


class StartScreen(QWidget):
    def __init__(self, main: MainWindow) -> None:
        super().__init__(main)
        self.main = main
        self.setObjectName("start")
        self.path: Path | None = None
        self._message = ""
        self._error = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.setSpacing(14)
        self.title = QLabel(self)
        set_role(self.title, "heading")
        self.title.setAlignment(Qt.AlignCenter)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setAlignment(Qt.AlignCenter)
        self.choose = QLabel(self)
        self.choose.setAlignment(Qt.AlignCenter)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.choose)

        grid_widget = QWidget(self)
        grid = QGridLayout(grid_widget)
        grid.setSpacing(10)
        self.language_buttons: dict[str, QPushButton] = {}
        columns = 4
        for index, lang in enumerate(all_languages()):
            button = QPushButton(lang.own_name, grid_widget)
            button.setObjectName(f"language.{lang.code}")
            button.setCheckable(True)
            button.setAutoExclusive(True)
            set_role(button, "big")
            button.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
            # The own name is the label; the English name helps a volunteer and screen readers.
            button.setAccessibleName(lang.own_name)
            button.setAccessibleDescription(lang.english_name)
            button.setToolTip(lang.english_name)
            button.clicked.connect(lambda _c=False, code=lang.code: self.main.set_language(code))
            grid.addWidget(button, index // columns, index % columns)
            self.language_buttons[lang.code] = button
        layout.addWidget(grid_widget)
        self.review_note = QLabel(self)
        self.review_note.setAlignment(Qt.AlignCenter)
        set_role(self.review_note, "help")
        layout.addWidget(self.review_note)

        actions = QWidget(self)
        row = QHBoxLayout(actions)
        self.new_button = QPushButton(actions)
        self.new_button.setObjectName("start.new")
        set_role(self.new_button, "big")
        self.new_button.clicked.connect(self.main.new_plan)
        self.open_button = QPushButton(actions)
        self.open_button.setObjectName("start.open")
        set_role(self.open_button, "big")
        self.open_button.clicked.connect(self.choose_file)
        row.addStretch(1)
        row.addWidget(self.new_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout.addWidget(actions)

        self.unlock_panel = QWidget(self)
        unlock = QVBoxLayout(self.unlock_panel)
        self.pass_label = QLabel(self.unlock_panel)
        self.passphrase = QLineEdit(self.unlock_panel)
        self.passphrase.setObjectName("start.passphrase")
        self.passphrase.setEchoMode(QLineEdit.Password)
        self.passphrase.returnPressed.connect(self.unlock)
        self.pass_label.setBuddy(self.passphrase)
        buttons = QHBoxLayout()
        self.unlock_button = QPushButton(self.unlock_panel)
        self.unlock_button.setObjectName("start.unlock")
        self.unlock_button.clicked.connect(self.unlock)
        self.backup_button = QPushButton(self.unlock_panel)
        self.backup_button.setObjectName("start.open_backup")
        self.backup_button.clicked.connect(self.use_backup)
        self.cancel_button = QPushButton(self.unlock_panel)
        self.cancel_button.setObjectName("start.cancel")
        self.cancel_button.clicked.connect(self.cancel_open)
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        self.message = QLabel(self.unlock_panel)
        self.message.setObjectName("start.message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.PlainText)
        unlock.addWidget(self.pass_label)
        unlock.addWidget(self.passphrase)
        unlock.addLayout(buttons)
        unlock.addWidget(self.message)
        layout.addWidget(self.unlock_panel)
        layout.addStretch(1)
        self.reset()

    def reset(self) -> None:
        """Back to a clean first screen (after Finish or Cancel)."""
        self.path = None
        self.passphrase.clear()
        self.unlock_panel.hide()
        self.backup_button.hide()
        self.set_message("")
        self.set_busy(False)
        self.mark_language(self.main.lang.code)

    def mark_language(self, code: str) -> None:
        for lang_code, button in self.language_buttons.items():
            button.setChecked(lang_code == code)

    def choose_file(self) -> None:
        _ = current_gettext()
        path = self.main.file_dialogs.open_path(self, _(OPEN_TITLE), _(PLAN_FILES))
        if path is None:
            return
        self.ask_passphrase(path)

    def ask_passphrase(self, path: Path) -> None:
        self.path = path
        self.backup_button.hide()
        self.set_message("")
        self.unlock_panel.show()
        self.passphrase.setFocus()

    def unlock(self) -> None:
        if self.path is None or not self.passphrase.text():
            return
        self.set_busy(True)
        self.set_message(OPENING)
        self.main.open_plan(self.path, self.passphrase.text())

    def open_failed(self, error: BaseException) -> None:
        """Called by the window with the vault's error: say what to do, keep the file as is."""
        self.set_busy(False)
        msgid = getattr(error, "default_message", None) or UNEXPECTED
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

    def use_backup(self) -> None:
        from preparedness.ui.services import backup_of

        if self.path is None:
            return
        self.path = backup_of(self.path)
        self.backup_button.hide()
        self.unlock()

    def cancel_open(self) -> None:
        self.reset()

    def set_busy(self, busy: bool) -> None:
        for widget in (self.unlock_button, self.new_button, self.open_button, self.passphrase):
            widget.setEnabled(not busy)

    def set_message(self, msgid: str, error: bool = False) -> None:
        self._message, self._error = msgid, error
        self.message.setText(current_gettext()(msgid) if msgid else "")
        set_role(self.message, "problem-error" if error else "help")

    def retranslate_ui(self, _: Gettext) -> None:
        self.title.setText(_(WELCOME))
        self.intro.setText(_(WELCOME_TEXT))
        self.choose.setText(_(CHOOSE_LANGUAGE))
        lang = self.main.lang.language
        self.review_note.setText("" if lang.reviewed else _(NOT_REVIEWED))
        self.new_button.setText(_(NEW_PLAN))
        self.open_button.setText(_(OPEN_PLAN))
        self.pass_label.setText(_(PASSPHRASE))
        self.passphrase.setAccessibleName(_(PASSPHRASE))
        self.unlock_button.setText(_(UNLOCK))
        self.backup_button.setText(_(OPEN_BACKUP))
        self.cancel_button.setText(_(CANCEL))
        self.set_message(self._message, self._error)
        self.mark_language(lang.code)
