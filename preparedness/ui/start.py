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
WELCOME_TEXT_COMMUNITY = N_(
    "Make a plan for who takes care of your children if you cannot. Save it on your own USB "
    "stick, locked with your passphrase, and take your papers home. Nothing stays on this "
    "computer."
)
CHOOSE_LANGUAGE = N_("Choose your language")
NEW_PLAN = N_("Make a new plan")
OPEN_PLAN = N_("Open a saved plan")
OPEN_TITLE = N_("Open a saved plan")
PLAN_FILES = N_("Plan files (*.fpp);;All files (*)")
LIAISON_LIST = N_("Plans in my folder")
VOLUNTEER = N_("Volunteer settings")
VOLUNTEER_HELP = N_("For the helper who sets up this computer. Asks for the helper's PIN.")
NOT_REVIEWED = N_(
    "This translation has not been checked by a native speaker yet. If a word is wrong or "
    "hard to understand, please tell the person who is helping you, so it can be fixed."
)


class StartScreen(QWidget):
    def __init__(self, main: MainWindow) -> None:
        super().__init__(main)
        self.main = main
        self.setObjectName("start")
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
        self.review_note.setWordWrap(True)
        self.review_note.setObjectName("start.review_note")
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

        self.liaison_button = QPushButton(actions)
        self.liaison_button.setObjectName("start.liaison")
        set_role(self.liaison_button, "big")
        self.liaison_button.clicked.connect(self.main.show_liaison_list)
        row.insertWidget(row.count() - 1, self.liaison_button)

        from preparedness.ui.unlock import UnlockPanel

        self.unlock_panel = UnlockPanel(main, self, "start")
        self.unlock_panel.cancelled.connect(self.reset)
        # the names earlier code and tests use
        self.passphrase = self.unlock_panel.passphrase
        self.unlock_button = self.unlock_panel.unlock_button
        self.backup_button = self.unlock_panel.backup_button
        self.cancel_button = self.unlock_panel.cancel_button
        self.forgot_button = self.unlock_panel.forgot_button
        self.message = self.unlock_panel.message
        layout.addWidget(self.unlock_panel)
        layout.addStretch(1)
        footer = QHBoxLayout()
        footer.addStretch(1)
        # Small on purpose: for the volunteer, not for the family (Ctrl+Shift+V as well).
        self.volunteer_button = QPushButton(self)
        self.volunteer_button.setObjectName("start.volunteer")
        self.volunteer_button.setFlat(True)
        set_role(self.volunteer_button, "small")
        self.volunteer_button.clicked.connect(self.main.open_volunteer_settings)
        footer.addWidget(self.volunteer_button)
        layout.addLayout(footer)
        self.reset()

    def reset(self) -> None:
        """Back to a clean first screen (after Finish or Cancel)."""
        self.unlock_panel.reset()
        self.set_busy(False)
        self.mark_language(self.main.lang.code)
        self.update_mode()

    def update_mode(self) -> None:
        """The liaison's list button shows in liaison mode only."""
        self.liaison_button.setVisible(self.main.is_liaison())

    @property
    def path(self) -> Path | None:
        return self.unlock_panel.path

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
        self.unlock_panel.ask(path)

    def unlock(self) -> None:
        self.unlock_panel.unlock()

    def open_failed(self, error: BaseException) -> None:
        self.unlock_panel.open_failed(error)

    def use_backup(self) -> None:
        self.unlock_panel.use_backup()

    def cancel_open(self) -> None:
        self.reset()

    def set_busy(self, busy: bool) -> None:
        for widget in (self.new_button, self.open_button, self.liaison_button):
            widget.setEnabled(not busy)
        self.unlock_panel.set_busy(busy)

    def set_message(self, msgid: str, error: bool = False) -> None:
        self.unlock_panel.set_message(msgid, error)

    def is_pristine(self) -> bool:
        """Nothing of anyone on this screen: no file chosen, nothing typed."""
        return self.unlock_panel.isHidden() and not self.passphrase.text()

    def retranslate_ui(self, _: Gettext) -> None:
        self.title.setText(_(WELCOME))
        community = self.main.is_community()
        self.intro.setText(_(WELCOME_TEXT_COMMUNITY) if community else _(WELCOME_TEXT))
        self.choose.setText(_(CHOOSE_LANGUAGE))
        lang = self.main.lang.language
        self.review_note.setText("" if lang.reviewed else _(NOT_REVIEWED))
        self.new_button.setText(_(NEW_PLAN))
        self.open_button.setText(_(OPEN_PLAN))
        self.liaison_button.setText(_(LIAISON_LIST))
        self.volunteer_button.setText(_(VOLUNTEER))
        self.volunteer_button.setToolTip(_(VOLUNTEER_HELP))
        self.volunteer_button.setAccessibleDescription(_(VOLUNTEER_HELP))
        self.mark_language(lang.code)
