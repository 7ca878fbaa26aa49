"""The first screen: pick a language by its own name, then make a new plan or open one.

Languages are shown as large buttons in their own script (no flags: a flag is a country, not
a language, and can frighten). Opening asks for the passphrase right here, with the reason in
plain words when it fails, and offers the backup copy when the file is damaged.
"""

from __future__ import annotations

import itertools
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
    from preparedness.ui.unlock import UnlockPanel
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
    def __init__(self, main: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or main)
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

        # The passphrase panel shows once a file is chosen: it is made then (start-up time).
        self._unlock_panel: UnlockPanel | None = None
        self._layout = layout
        self._unlock_index = layout.count()
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

    @property
    def unlock_panel(self) -> UnlockPanel:
        """The passphrase box (``unlock.UnlockPanel``), below the buttons."""
        if self._unlock_panel is None:
            from preparedness.ui.unlock import UnlockPanel

            panel = UnlockPanel(self.main, self, "start")
            panel.cancelled.connect(self.reset)
            self._layout.insertWidget(self._unlock_index, panel)
            # in the keyboard order where it shows: after the buttons, before the footer
            chain = [
                self.liaison_button,
                panel.passphrase,
                panel.unlock_button,
                panel.backup_button,
                panel.forgot_button,
                panel.cancel_button,
                self.volunteer_button,
            ]
            for before, after in itertools.pairwise(chain):
                QWidget.setTabOrder(before, after)
            self._unlock_panel = panel
        return self._unlock_panel

    # the names earlier code and tests use
    @property
    def passphrase(self) -> QLineEdit:
        return self.unlock_panel.passphrase

    @property
    def unlock_button(self) -> QPushButton:
        return self.unlock_panel.unlock_button

    @property
    def backup_button(self) -> QPushButton:
        return self.unlock_panel.backup_button

    @property
    def cancel_button(self) -> QPushButton:
        return self.unlock_panel.cancel_button

    @property
    def forgot_button(self) -> QPushButton:
        return self.unlock_panel.forgot_button

    @property
    def message(self) -> QLabel:
        return self.unlock_panel.message

    def reset(self) -> None:
        """Back to a clean first screen (after Finish or Cancel)."""
        if self._unlock_panel is not None:
            self._unlock_panel.reset()
        self.set_busy(False)
        self.mark_language(self.main.lang.code)
        self.update_mode()

    def update_mode(self) -> None:
        """The liaison's list button shows in liaison mode only."""
        self.liaison_button.setVisible(self.main.is_liaison())

    @property
    def path(self) -> Path | None:
        return self._unlock_panel.path if self._unlock_panel is not None else None

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
        if self._unlock_panel is not None:
            self._unlock_panel.set_busy(busy)

    def set_message(self, msgid: str, error: bool = False) -> None:
        self.unlock_panel.set_message(msgid, error)

    def is_pristine(self) -> bool:
        """Nothing of anyone on this screen: no file chosen, nothing typed."""
        panel = self._unlock_panel
        return panel is None or (panel.isHidden() and not panel.passphrase.text())

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
