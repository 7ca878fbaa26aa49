"""The volunteer's settings, behind a PIN: how this laptop behaves, never a family's data.

A small button on the start screen (and Ctrl+Shift+V) asks for the PIN (the first time: choose
one), then shows the mode and its lock, the idle time, the start language, the local-resources
profile, the printer and a liaison's plans folder — and says plainly what a shared laptop can
still keep that the app cannot clear. Settings are written only when the volunteer saves them.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from preparedness.i18n import N_
from preparedness.languages import all_languages
from preparedness.settings import (
    MAX_IDLE_SECONDS,
    MIN_IDLE_SECONDS,
    Mode,
    Settings,
    check_pin,
    set_pin,
    valid_pin,
)
from preparedness.ui.appearance import set_role
from preparedness.ui.language import Gettext

if TYPE_CHECKING:
    from preparedness.ui.window import MainWindow

MAX_PIN_TRIES = 5
PIN_LOCKOUT_SECONDS = 60

# -- the PIN
PIN_TITLE = N_("Volunteer settings")
PIN_ASK = N_("Type the volunteer PIN.")
PIN_CHOOSE = N_(
    "Choose a PIN for the volunteer settings: 4 to 8 digits. Families will not need it."
)
PIN = N_("PIN")
PIN_AGAIN = N_("PIN again")
PIN_WRONG = N_("That PIN is not right.")
PIN_LOCKED = N_("Too many wrong tries. Wait a minute, then try again.")
PIN_INVALID = N_("A PIN is 4 to 8 digits.")
PIN_MISMATCH = N_("The two PINs are not the same.")
OK = N_("OK")
CANCEL = N_("Cancel")

# -- the settings
SETTINGS_INTRO = N_(
    "These settings are for the helper who sets up this computer. They are kept on this "
    "computer; they never hold a family's answers."
)
MODE = N_("How this computer is used")
MODE_NAMES: dict[Mode, str] = {
    Mode.STANDARD: N_("One family at home"),
    Mode.COMMUNITY: N_("Community night (a shared laptop, one family after another)"),
    Mode.LIAISON: N_("Liaison (my laptop, a folder of many families' plans)"),
}
LOCK = N_("Lock this choice (only the PIN can change it)")
IDLE = N_("Clear the screen after this many minutes without use")
IDLE_HELP = N_("Community night only. A countdown warns first.")
START_LANGUAGE = N_("Language when the app starts")
PROFILE = N_("Local help printed in the packet")
NO_PROFILE = N_("None")
EDIT_PROFILES = N_("Edit local help…")
PRINTER = N_("Printer")
SYSTEM_PRINTER = N_("The computer's usual printer")
PLANS_FOLDER = N_("Folder of plans (liaison)")
NO_FOLDER = N_("No folder chosen")
CHOOSE_FOLDER = N_("Choose…")
CHOOSE_FOLDER_TITLE = N_("Choose the folder of plans")
NEW_PIN = N_("New PIN (leave empty to keep the PIN)")
SAVE = N_("Save the settings")
SAVED = N_("The settings are saved.")
NOT_SAVED = N_("The settings could not be saved on this computer.")

LEAKS_TITLE = N_("What this computer may still keep")
LEAKS: tuple[str, ...] = (
    N_(
        "In community-night mode the app writes nothing but the plan and the PDFs a family "
        "saves, and clears the clipboard and its own file-dialog history when a family "
        "finishes. Some things are outside the app's control:"
    ),
    N_(
        "Printing: the computer's print system (CUPS) may keep a copy of each printed job "
        "for a while. Ask the computer's owner to clear the print queue and job history "
        "after the evening."
    ),
    N_(
        "Memory written to disk: swap and hibernation files can hold parts of what was on "
        "screen. Use a computer with an encrypted disk, and shut it down (do not hibernate) "
        "at the end."
    ),
    N_(
        "Clipboard history: some desktops keep everything that was copied. Turn the "
        "clipboard manager off for the evening."
    ),
    N_(
        "Recent files: the app uses its own file dialog, but the desktop may still list "
        "files opened with other programs. Do not open a family's PDF in another program."
    ),
    N_(
        "Deleted files: a deleted PDF can often be recovered, especially from SSDs and USB "
        "sticks. Save PDFs only to the family's own USB stick, never to this computer."
    ),
)


def leaks_text(_: Gettext) -> str:
    first, *rest = LEAKS
    return "\n\n".join([_(first), *("• " + _(item) for item in rest)])


class PinDialog(QDialog):
    """Asks for the PIN, or (the first time) lets the volunteer choose one.

    ``accepted`` means the PIN was right or a new one was set (and saved by the window).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("pin_dialog")
        self.choosing = not window.settings.has_pin
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        form = QFormLayout()
        self.pin_label = QLabel(self)
        self.pin = QLineEdit(self)
        self.pin.setObjectName("pin.entry")
        self.again_label = QLabel(self)
        self.again = QLineEdit(self)
        self.again.setObjectName("pin.again")
        for edit in (self.pin, self.again):
            edit.setEchoMode(QLineEdit.Password)
            edit.setMaxLength(8)
            edit.setLayoutDirection(Qt.LeftToRight)
            edit.returnPressed.connect(self.submit)
        self.pin_label.setBuddy(self.pin)
        self.again_label.setBuddy(self.again)
        form.addRow(self.pin_label, self.pin)
        form.addRow(self.again_label, self.again)
        layout.addLayout(form)
        self.again.setVisible(self.choosing)
        self.again_label.setVisible(self.choosing)
        self.message = QLabel(self)
        self.message.setObjectName("pin.message")
        self.message.setWordWrap(True)
        set_role(self.message, "problem-error")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.ok = QPushButton(self)
        self.ok.setObjectName("pin.ok")
        self.ok.clicked.connect(self.submit)
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("pin.cancel")
        self.cancel.clicked.connect(self.reject)
        row.addWidget(self.ok)
        row.addWidget(self.cancel)
        layout.addLayout(row)
        self._message = ""
        self.finished.connect(self._wipe)
        self.retranslate_ui(window.lang.gettext)

    def _wipe(self) -> None:
        self.pin.setText("")
        self.again.setText("")

    def _say(self, msgid: str) -> None:
        self._message = msgid
        self.message.setText(self.window_.lang.gettext(msgid) if msgid else "")

    def submit(self) -> None:
        pin = self.pin.text().strip()
        window = self.window_
        if window.pin_locked_until > time.monotonic():
            self.pin.setText("")
            self._say(PIN_LOCKED)
            return
        if self.choosing:
            if not valid_pin(pin):
                self._say(PIN_INVALID)
                return
            if pin != self.again.text().strip():
                self._say(PIN_MISMATCH)
                return
            settings = replace(window.settings)
            set_pin(settings, pin)
            if not window.store_settings(settings):
                self._say(NOT_SAVED)
                return
            self.accept()
            return
        if check_pin(window.settings, pin):
            window.pin_tries = 0
            self.accept()
            return
        window.pin_tries += 1
        self.pin.setText("")
        if window.pin_tries >= MAX_PIN_TRIES:
            window.pin_tries = 0
            window.pin_locked_until = time.monotonic() + PIN_LOCKOUT_SECONDS
            self._say(PIN_LOCKED)
        else:
            self._say(PIN_WRONG)

    def retranslate_ui(self, _: Gettext) -> None:
        self.setWindowTitle(_(PIN_TITLE))
        self.text.setText(_(PIN_CHOOSE) if self.choosing else _(PIN_ASK))
        self.pin_label.setText(_(PIN))
        self.pin.setAccessibleName(_(PIN))
        self.again_label.setText(_(PIN_AGAIN))
        self.again.setAccessibleName(_(PIN_AGAIN))
        self.ok.setText(_(OK))
        self.cancel.setText(_(CANCEL))
        self._say(self._message)


class VolunteerSettingsDialog(QDialog):
    """Every setting on one page; saved only with the Save button."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("volunteer_dialog")
        self.settings = replace(window.settings)
        self.plans_folder = self.settings.plans_folder
        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("volunteer.body")
        layout = QVBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.intro = QLabel(body)
        self.intro.setWordWrap(True)
        set_role(self.intro, "help")
        layout.addWidget(self.intro)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapAllRows)
        layout.addLayout(form)

        self.mode_label = QLabel(body)
        self.mode = QComboBox(body)
        self.mode.setObjectName("volunteer.mode")
        for mode in Mode:
            self.mode.addItem("", mode.value)
        self.mode.setCurrentIndex(self.mode.findData(self.settings.mode.value))
        self.mode_label.setBuddy(self.mode)
        form.addRow(self.mode_label, self.mode)
        self.lock = QCheckBox(body)
        self.lock.setObjectName("volunteer.lock")
        self.lock.setChecked(self.settings.mode_locked)
        form.addRow(self.lock)

        self.idle_label = QLabel(body)
        self.idle_label.setWordWrap(True)
        self.idle = QSpinBox(body)
        self.idle.setObjectName("volunteer.idle")
        self.idle.setRange(max(1, MIN_IDLE_SECONDS // 60), MAX_IDLE_SECONDS // 60)
        self.idle.setValue(max(1, round(self.settings.idle_seconds / 60)))
        self.idle_label.setBuddy(self.idle)
        self.idle_help = QLabel(body)
        set_role(self.idle_help, "help")
        form.addRow(self.idle_label, self.idle)
        form.addRow(self.idle_help)

        self.language_label = QLabel(body)
        self.language = QComboBox(body)
        self.language.setObjectName("volunteer.language")
        for lang in all_languages():
            self.language.addItem(lang.own_name, lang.code)
        first = self.settings.default_languages[0] if self.settings.default_languages else "en"
        self.language.setCurrentIndex(max(0, self.language.findData(first)))
        self.language_label.setBuddy(self.language)
        form.addRow(self.language_label, self.language)

        self.profile_label = QLabel(body)
        profile_row = QWidget(body)
        row = QHBoxLayout(profile_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.profile = QComboBox(profile_row)
        self.profile.setObjectName("volunteer.profile")
        self.edit_profiles = QPushButton(profile_row)
        self.edit_profiles.setObjectName("volunteer.edit_profiles")
        self.edit_profiles.clicked.connect(self._edit_profiles)
        row.addWidget(self.profile, 1)
        row.addWidget(self.edit_profiles)
        self.profile_label.setBuddy(self.profile)
        form.addRow(self.profile_label, profile_row)
        self._fill_profiles(self.settings.resources_profile)

        self.printer_label = QLabel(body)
        self.printer = QComboBox(body)
        self.printer.setObjectName("volunteer.printer")
        self.printer.addItem("", "")
        for name in available_printers():
            self.printer.addItem(name, name)
        if self.settings.printer and self.printer.findData(self.settings.printer) < 0:
            self.printer.addItem(self.settings.printer, self.settings.printer)  # not here today
        self.printer.setCurrentIndex(max(0, self.printer.findData(self.settings.printer)))
        self.printer_label.setBuddy(self.printer)
        form.addRow(self.printer_label, self.printer)

        self.folder_label = QLabel(body)
        folder_row = QWidget(body)
        row = QHBoxLayout(folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.folder = QLabel(folder_row)
        self.folder.setObjectName("volunteer.plans_folder")
        self.folder.setTextFormat(Qt.PlainText)
        self.folder.setLayoutDirection(Qt.LeftToRight)
        # a long path must not widen the dialog: it is cut, and shown whole as a tooltip
        self.folder.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.choose_folder = QPushButton(folder_row)
        self.choose_folder.setObjectName("volunteer.choose_folder")
        self.choose_folder.clicked.connect(self._choose_folder)
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose_folder)
        form.addRow(self.folder_label, folder_row)

        self.new_pin_label = QLabel(body)
        self.new_pin = QLineEdit(body)
        self.new_pin.setObjectName("volunteer.new_pin")
        self.new_pin.setEchoMode(QLineEdit.Password)
        self.new_pin.setMaxLength(8)
        self.new_pin.setLayoutDirection(Qt.LeftToRight)
        self.new_pin_label.setBuddy(self.new_pin)
        form.addRow(self.new_pin_label, self.new_pin)

        self.leaks_title = QLabel(body)
        set_role(self.leaks_title, "heading")
        self.leaks = QLabel(body)
        self.leaks.setObjectName("volunteer.leaks")
        self.leaks.setWordWrap(True)
        self.leaks.setTextFormat(Qt.PlainText)
        set_role(self.leaks, "sensitive")
        layout.addWidget(self.leaks_title)
        layout.addWidget(self.leaks)
        layout.addStretch(1)

        self.message = QLabel(self)
        self.message.setObjectName("volunteer.message")
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save = QPushButton(self)
        self.save.setObjectName("volunteer.save")
        self.save.clicked.connect(self.submit)
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("volunteer.cancel")
        self.cancel.clicked.connect(self.reject)
        buttons.addWidget(self.save)
        buttons.addWidget(self.cancel)
        outer.addLayout(buttons)
        self._message = ""
        self._message_error = False
        self.resize(760, 720)
        self.finished.connect(lambda _result: self.new_pin.setText(""))
        self.retranslate_ui(window.lang.gettext)

    def _fill_profiles(self, selected: str) -> None:
        from preparedness.resources_profiles import available_profiles, load_profile

        self.profile.clear()
        self.profile.addItem("", "")
        for profile_id in available_profiles():
            try:
                profile = load_profile(profile_id)
            except (OSError, ValueError):
                continue
            if profile is not None:
                self.profile.addItem(profile.name or profile_id, profile_id)
        self.profile.setCurrentIndex(max(0, self.profile.findData(selected)))

    def _edit_profiles(self) -> None:
        from preparedness.ui.resources_editor import ResourcesEditor
        from preparedness.ui.safety import hide_key

        self.editor = ResourcesEditor(self.window_, self.profile.currentData() or "")
        hide_key(self.editor)
        self.editor.saved_profile.connect(self._fill_profiles)
        self.editor.open()

    def _choose_folder(self) -> None:
        _ = self.window_.lang.gettext
        path = self.window_.file_dialogs.folder_path(self, _(CHOOSE_FOLDER_TITLE))
        if path is not None:
            self.plans_folder = str(path)
            self._show_folder(_)

    def _show_folder(self, _: Gettext) -> None:
        self.folder.setText(self.plans_folder or _(NO_FOLDER))
        self.folder.setToolTip(self.plans_folder)

    def chosen(self) -> Settings | None:
        """The settings as chosen in the dialog, or None (and a message) if a PIN is wrong."""
        settings = replace(self.settings)
        settings.mode = Mode(self.mode.currentData())
        settings.mode_locked = self.lock.isChecked()
        settings.idle_seconds = self.idle.value() * 60
        language = self.language.currentData() or "en"
        settings.default_languages = [language] if language == "en" else [language, "en"]
        settings.resources_profile = self.profile.currentData() or ""
        settings.printer = self.printer.currentData() or ""
        settings.plans_folder = self.plans_folder
        pin = self.new_pin.text().strip()
        if pin:
            if not valid_pin(pin):
                self._say(PIN_INVALID, error=True)
                return None
            set_pin(settings, pin)
        return settings

    def submit(self) -> None:
        settings = self.chosen()
        if settings is None:
            return
        if not self.window_.store_settings(settings):
            self._say(NOT_SAVED, error=True)
            return
        self.new_pin.setText("")
        self.window_.apply_settings(settings)
        self.accept()

    def _say(self, msgid: str, error: bool = False) -> None:
        self._message, self._message_error = msgid, error
        self.message.setText(self.window_.lang.gettext(msgid) if msgid else "")
        set_role(self.message, "problem-error" if error else "help")

    def retranslate_ui(self, _: Gettext) -> None:
        self.setWindowTitle(_(PIN_TITLE))
        self.intro.setText(_(SETTINGS_INTRO))
        self.mode_label.setText(_(MODE))
        self.mode.setAccessibleName(_(MODE))
        for index in range(self.mode.count()):
            self.mode.setItemText(index, _(MODE_NAMES[Mode(self.mode.itemData(index))]))
        self.lock.setText(_(LOCK))
        self.idle_label.setText(_(IDLE))
        self.idle.setAccessibleName(_(IDLE))
        self.idle.setAccessibleDescription(_(IDLE_HELP))
        self.idle_help.setText(_(IDLE_HELP))
        self.language_label.setText(_(START_LANGUAGE))
        self.language.setAccessibleName(_(START_LANGUAGE))
        self.profile_label.setText(_(PROFILE))
        self.profile.setAccessibleName(_(PROFILE))
        self.profile.setItemText(0, _(NO_PROFILE))
        self.edit_profiles.setText(_(EDIT_PROFILES))
        self.printer_label.setText(_(PRINTER))
        self.printer.setAccessibleName(_(PRINTER))
        self.printer.setItemText(0, _(SYSTEM_PRINTER))
        self.folder_label.setText(_(PLANS_FOLDER))
        self.choose_folder.setText(_(CHOOSE_FOLDER))
        self.choose_folder.setAccessibleName(_(CHOOSE_FOLDER_TITLE))
        self._show_folder(_)
        self.new_pin_label.setText(_(NEW_PIN))
        self.new_pin.setAccessibleName(_(NEW_PIN))
        self.leaks_title.setText(_(LEAKS_TITLE))
        self.leaks.setText(leaks_text(_))
        self.save.setText(_(SAVE))
        self.cancel.setText(_(CANCEL))
        self._say(self._message, self._message_error)


def available_printers() -> list[str]:
    """Printer names known to the system (CUPS); loaded only when the dialog opens."""
    from PySide6.QtPrintSupport import QPrinterInfo

    return sorted(QPrinterInfo.availablePrinterNames())


def plans_folder_path(settings: Settings) -> Path | None:
    folder = settings.plans_folder
    return Path(folder) if folder else None
