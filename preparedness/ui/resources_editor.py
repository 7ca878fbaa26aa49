"""A liaison's own copy of a local-resources profile: edit the entries, save as a new file.

Kept simple and safe: the shipped profiles are never changed; a copy gets its own id and is
written (mode 0600) to ``resources/`` next to the settings file, after the same checks the
packet applies (``preparedness.resources_profiles``). A phone number or web address is only
added by the liaison, from a source they name.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from preparedness.i18n import N_
from preparedness.resources_profiles import (
    ENTRY_KINDS,
    PROFILE_DIR,
    ProfileError,
    load_profile,
    parse_profile,
    profile_to_data,
    save_user_profile,
    user_profile_dir,
)
from preparedness.ui.appearance import set_role
from preparedness.ui.language import Gettext

if TYPE_CHECKING:
    from preparedness.ui.window import MainWindow

TITLE = N_("Local help printed in the packet")
INTRO = N_(
    "Make your own copy of a list of local help. Add only facts you found on a public page, "
    "and name that page under Sources. Leave a phone number empty when you do not know it: "
    "the packet prints a line to write it on."
)
START_FROM = N_("Start from")
BLANK = N_("An empty list")
PROFILE_ID = N_("Short name of the file (letters, digits, - and _)")
PROFILE_NAME = N_("Name shown in the packet")
CHECKED = N_("Checked in (year-month, like 2026-11)")
SOURCES = N_("Sources (one per line)")
COLUMNS: tuple[tuple[str, str], ...] = (
    ("kind", N_("Kind")),
    ("name", N_("Name")),
    ("what", N_("What they do for a family")),
    ("how", N_("How to reach them")),
    ("phone", N_("Phone")),
    ("web", N_("Web")),
)
KIND_NAMES: dict[str, str] = {
    "district": N_("School district"),
    "service": N_("Organisation"),
    "generic": N_("Kind of help"),
}
ADD = N_("Add a line")
REMOVE = N_("Remove the line")
SAVE = N_("Save my copy")
OPEN_FOLDER = N_("Open the folder")
CLOSE = N_("Close")
SAVED = N_("Saved. Choose it in the settings to use it.")
PROBLEM = N_("Not saved: {problem}")


class ResourcesEditor(QDialog):
    saved_profile = Signal(str)

    def __init__(self, window: MainWindow, start_from: str = "") -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("resources_editor")
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        set_role(self.intro, "help")
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.start_label = QLabel(self)
        self.start = QComboBox(self)
        self.start.setObjectName("resources.start_from")
        self.start.addItem("", "")
        from preparedness.resources_profiles import available_profiles

        for profile_id in available_profiles():
            self.start.addItem(profile_id, profile_id)
        self.start.setCurrentIndex(max(0, self.start.findData(start_from)))
        self.start.currentIndexChanged.connect(lambda _i: self.load(self.start.currentData()))
        self.id_label = QLabel(self)
        self.profile_id = QLineEdit(self)
        self.profile_id.setObjectName("resources.id")
        self.name_label = QLabel(self)
        self.name = QLineEdit(self)
        self.name.setObjectName("resources.name")
        self.checked_label = QLabel(self)
        self.checked = QLineEdit(self)
        self.checked.setObjectName("resources.checked")
        self.sources_label = QLabel(self)
        self.sources = QPlainTextEdit(self)
        self.sources.setObjectName("resources.sources")
        self.sources.setMaximumHeight(80)
        for label, widget in (
            (self.start_label, self.start),
            (self.id_label, self.profile_id),
            (self.name_label, self.name),
            (self.checked_label, self.checked),
            (self.sources_label, self.sources),
        ):
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout.addLayout(form)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("resources.entries")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("resources.add")
        self.add_button.clicked.connect(lambda: self.add_entry({"kind": "generic"}))
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("resources.remove")
        self.remove_button.clicked.connect(self.remove_entry)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("resources.save")
        self.save_button.clicked.connect(self.save)
        self.folder_button = QPushButton(self)
        self.folder_button.setObjectName("resources.open_folder")
        self.folder_button.clicked.connect(self.open_folder)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("resources.close")
        self.close_button.clicked.connect(self.accept)
        for button in (self.save_button, self.folder_button, self.close_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.message = QLabel(self)
        self.message.setObjectName("resources.message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self._message: tuple[str, str, bool] = ("", "", False)
        self.resize(980, 640)
        self.load(start_from)
        self.retranslate_ui(window.lang.gettext)

    # -- the table
    def load(self, profile_id: str) -> None:
        """Fill the form from a profile (or the template when none is chosen)."""
        data: dict[str, object]
        try:
            profile = load_profile(profile_id) if profile_id else None
        except (OSError, ValueError):
            profile = None
        if profile is None:
            template = PROFILE_DIR / "template.json"
            data = parse_profile_data(json.loads(template.read_text(encoding="utf-8")))
            data["id"] = ""
        else:
            data = profile_to_data(profile)
            data["id"] = f"{profile.id}-own" if profile.id in _shipped() else profile.id
        self.profile_id.setText(str(data.get("id", "")))
        self.name.setText(str(data.get("name", "")))
        self.checked.setText(str(data.get("checked", "")))
        sources = data.get("sources", [])
        self.sources.setPlainText("\n".join(sources if isinstance(sources, list) else []))
        self.table.setRowCount(0)
        entries = data.get("entries", [])
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict):
                self.add_entry(entry)

    def add_entry(self, entry: dict[str, object]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        kind = QComboBox(self.table)
        for value in ENTRY_KINDS:
            kind.addItem(self.window_.lang.gettext(KIND_NAMES[value]), value)
        kind.setCurrentIndex(max(0, kind.findData(entry.get("kind", "generic"))))
        self.table.setCellWidget(row, 0, kind)
        for column, (key, _label) in enumerate(COLUMNS[1:], start=1):
            value = entry.get(key, "")
            self.table.setItem(
                row, column, QTableWidgetItem(value if isinstance(value, str) else "")
            )

    def remove_entry(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def data(self) -> dict[str, object]:
        entries = []
        for row in range(self.table.rowCount()):
            kind = self.table.cellWidget(row, 0)
            entry: dict[str, object] = {
                "kind": kind.currentData() if isinstance(kind, QComboBox) else "generic"
            }
            for column, (key, _label) in enumerate(COLUMNS[1:], start=1):
                item = self.table.item(row, column)
                entry[key] = item.text().strip() if item is not None else ""
            entries.append(entry)
        sources = [s.strip() for s in self.sources.toPlainText().splitlines() if s.strip()]
        return {
            "schema": 1,
            "id": self.profile_id.text().strip(),
            "name": self.name.text().strip(),
            "checked": self.checked.text().strip(),
            "sources": sources,
            "entries": entries,
        }

    # -- actions
    def save(self) -> None:
        try:
            path = save_user_profile(self.data())
        except ProfileError as error:
            self._say(PROBLEM, str(error), True)
            return
        except OSError:
            self._say(PROBLEM, "", True)
            return
        self._say(SAVED, "", False)
        self.saved_profile.emit(path.stem)

    def open_folder(self) -> None:
        folder = user_profile_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _say(self, msgid: str, detail: str, error: bool) -> None:
        self._message = (msgid, detail, error)
        _ = self.window_.lang.gettext
        text = _(msgid).format(problem=detail) if msgid else ""
        self.message.setText(text)
        set_role(self.message, "problem-error" if error else "help")

    def retranslate_ui(self, _: Gettext) -> None:
        self.setWindowTitle(_(TITLE))
        self.intro.setText(_(INTRO))
        self.start_label.setText(_(START_FROM))
        self.start.setItemText(0, _(BLANK))
        self.id_label.setText(_(PROFILE_ID))
        self.name_label.setText(_(PROFILE_NAME))
        self.checked_label.setText(_(CHECKED))
        self.sources_label.setText(_(SOURCES))
        for label, widget in (
            (PROFILE_ID, self.profile_id),
            (PROFILE_NAME, self.name),
            (CHECKED, self.checked),
            (SOURCES, self.sources),
            (START_FROM, self.start),
        ):
            widget.setAccessibleName(_(label))
        self.table.setHorizontalHeaderLabels([_(label) for _key, label in COLUMNS])
        for row in range(self.table.rowCount()):
            kind = self.table.cellWidget(row, 0)
            if isinstance(kind, QComboBox):
                for index in range(kind.count()):
                    kind.setItemText(index, _(KIND_NAMES[kind.itemData(index)]))
        self.add_button.setText(_(ADD))
        self.remove_button.setText(_(REMOVE))
        self.save_button.setText(_(SAVE))
        self.folder_button.setText(_(OPEN_FOLDER))
        self.close_button.setText(_(CLOSE))
        self._say(*self._message)


def parse_profile_data(raw: object) -> dict[str, object]:
    """A template or profile file as a plain dict, checked by the packet's loader."""
    return profile_to_data(parse_profile(raw))


def _shipped() -> set[str]:
    from preparedness.resources_profiles import profile_ids

    return set(profile_ids())
