"""A liaison's folder of plans: a list by code and dates, sorted and searched, opened one by one.

The list reads only what each plan file shows without its passphrase (``preparedness.liaison``):
the liaison's code for the plan, the day it was last saved, and — if the family agreed — its
review-by date and the earliest authorization expiry. Names never reach this model: a test
walks every role of every cell. After a family opens a plan that keeps its dates locked, the
list flags it from the opened plan, for as long as the app runs (never written anywhere).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from preparedness.formatting import format_date, format_number
from preparedness.i18n import N_
from preparedness.liaison import (
    Flag,
    PlanEntry,
    entry_after_opening,
    list_plans,
)
from preparedness.ui.appearance import set_role
from preparedness.ui.language import Gettext, current_gettext

if TYPE_CHECKING:
    from preparedness.ui.window import MainWindow

TITLE = N_("Plans in my folder")
INTRO = N_(
    "Each plan shows only the code you gave it and its dates. Names and answers stay locked "
    "inside each plan: open it with the family's passphrase."
)
FOLDER = N_("Folder:")
NO_FOLDER = N_("Choose the folder where you keep the families' plans.")
CHOOSE_FOLDER = N_("Choose the folder…")
CHOOSE_FOLDER_TITLE = N_("Choose the folder of plans")
SEARCH = N_("Search by code or date")
EMPTY = N_("No plans in this folder yet.")
OPEN = N_("Open the chosen plan")
NEW = N_("Make a new plan")
BACK = N_("Back")
COUNT = N_("{shown} of {total} plans")
FOLDER_UNREADABLE = N_("This folder cannot be read. Choose another one.")

COLUMNS: tuple[tuple[str, str], ...] = (
    ("label", N_("Code")),
    ("last_saved", N_("Last saved")),
    ("review_by", N_("Review by")),
    ("flags", N_("Needs attention")),
)
FLAG_TEXTS: dict[Flag, str] = {
    Flag.REVIEW_OVERDUE: N_("Review date has passed"),
    Flag.AUTHORIZATION_EXPIRED: N_("Authorization has expired"),
    Flag.AUTHORIZATION_EXPIRES_SOON: N_("Authorization ends within 60 days"),
    Flag.DATES_UNKNOWN: N_("Dates are locked: open to check"),
    Flag.UNREADABLE: N_("Cannot be read"),
}
FLAG_ORDER = (
    Flag.UNREADABLE,
    Flag.AUTHORIZATION_EXPIRED,
    Flag.REVIEW_OVERDUE,
    Flag.AUTHORIZATION_EXPIRES_SOON,
    Flag.DATES_UNKNOWN,
)
URGENT = {Flag.UNREADABLE, Flag.AUTHORIZATION_EXPIRED, Flag.REVIEW_OVERDUE}

SORT_ROLE = Qt.UserRole + 1
SEARCH_ROLE = Qt.UserRole + 2


class PlanListModel(QAbstractTableModel):
    """One row per plan file: code, last saved, review by, flags. Nothing else, in any role."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.entries: list[PlanEntry] = []
        self.opened: dict[Path, tuple[date | None, date | None]] = {}
        self.today: date | None = None
        self._gettext: Gettext = current_gettext()

    # -- loading
    def load(self, folder: Path | None, today: date | None = None) -> None:
        self.beginResetModel()
        self.today = today
        try:
            entries = list_plans(folder, today) if folder is not None else []
        except OSError:
            entries = []
        self.entries = [self._with_opened(e) for e in entries]
        self.endResetModel()

    def _with_opened(self, entry: PlanEntry) -> PlanEntry:
        dates = self.opened.get(_key(entry.path))
        if dates is None or Flag.DATES_UNKNOWN not in entry.flags:
            return entry
        return entry_after_opening(entry, *dates, today=self.today)

    def plan_opened(self, path: Path, review_by: date | None, expires: date | None) -> None:
        """The family opened this plan: flag it from the decrypted dates (memory only)."""
        self.opened[_key(path)] = (review_by, expires)
        for row, entry in enumerate(self.entries):
            if _key(entry.path) == _key(path):
                self.entries[row] = self._with_opened(entry)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def forget_opened(self) -> None:
        self.opened.clear()

    def entry(self, row: int) -> PlanEntry:
        return self.entries[row]

    def retranslate(self, gettext: Gettext) -> None:
        self._gettext = gettext
        self.headerDataChanged.emit(Qt.Horizontal, 0, len(COLUMNS) - 1)
        if self.entries:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.entries) - 1, len(COLUMNS) - 1)
            )

    # -- Qt's model interface
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(COLUMNS):
            return self._gettext(COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        column = COLUMNS[index.column()][0]
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole, Qt.ToolTipRole):
            return self._text(entry, column)
        if role == SORT_ROLE:
            return self._sort_key(entry, column)
        if role == SEARCH_ROLE:
            return self._search_text(entry)
        if role == Qt.ForegroundRole and column == "flags" and URGENT & entry.flags:
            return QBrush(QColor("#a00000"))
        if role == Qt.TextAlignmentRole and column != "flags":
            return int(Qt.AlignVCenter | Qt.AlignLeading)
        return None

    # -- texts
    def _lang(self) -> str:
        return self.window_.lang.code

    def _text(self, entry: PlanEntry, column: str) -> str:
        _ = self._gettext
        if column == "label":
            return entry.display_label
        if column == "last_saved":
            return format_date(entry.last_saved.date(), self._lang(), "medium")
        if column == "review_by":
            return format_date(entry.review_by, self._lang(), "medium")
        return "; ".join(_(FLAG_TEXTS[f]) for f in FLAG_ORDER if f in entry.flags)

    def _sort_key(self, entry: PlanEntry, column: str) -> Any:
        if column == "label":
            return entry.display_label.casefold()
        if column == "last_saved":
            return entry.last_saved.isoformat()
        if column == "review_by":
            return entry.review_by.isoformat() if entry.review_by else "9999"
        # most urgent first when sorted ascending
        ranks = [FLAG_ORDER.index(f) for f in entry.flags]
        return f"{min(ranks) if ranks else 9}{len(FLAG_ORDER) - len(ranks)}"

    def _search_text(self, entry: PlanEntry) -> str:
        parts = [
            entry.display_label,
            entry.last_saved.date().isoformat(),
            entry.review_by.isoformat() if entry.review_by else "",
            self._text(entry, "last_saved"),
            self._text(entry, "review_by"),
            self._text(entry, "flags"),
        ]
        return " ".join(parts).casefold()


class PlanFilter(QSortFilterProxyModel):
    """Search by code, by date (as written in the list or as YYYY-MM-DD), or by flag."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.needle = ""
        self.setSortRole(SORT_ROLE)

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self.needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, row: int, parent: QModelIndex | QPersistentModelIndex
    ) -> bool:  # Qt's name
        if not self.needle:
            return True
        model = self.sourceModel()
        text = model.data(model.index(row, 0, parent), SEARCH_ROLE) or ""
        return self.needle in text


class LiaisonScreen(QWidget):
    """The list, its search box and folder, and the passphrase box for the chosen plan."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("liaison")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 18, 32, 18)
        layout.setSpacing(10)
        self.title = QLabel(self)
        set_role(self.title, "heading")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        set_role(self.intro, "help")
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        folder_row = QHBoxLayout()
        self.folder_label = QLabel(self)
        self.folder = QLabel(self)
        self.folder.setObjectName("liaison.folder")
        self.folder.setTextFormat(Qt.PlainText)
        self.folder.setLayoutDirection(Qt.LeftToRight)
        self.folder.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.choose_folder_button = QPushButton(self)
        self.choose_folder_button.setObjectName("liaison.choose_folder")
        self.choose_folder_button.clicked.connect(self.choose_folder)
        folder_row.addWidget(self.folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_folder_button)
        layout.addLayout(folder_row)
        search_row = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("liaison.search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.count = QLabel(self)
        self.count.setObjectName("liaison.count")
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.count)
        layout.addLayout(search_row)

        self.model = PlanListModel(window)
        self.proxy = PlanFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("liaison.table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self)
        self.empty.setObjectName("liaison.empty")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)

        buttons = QHBoxLayout()
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("liaison.open")
        set_role(self.open_button, "big")
        self.open_button.clicked.connect(self.open_selected)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("liaison.new")
        self.new_button.clicked.connect(window.new_plan)
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("liaison.back")
        self.back_button.clicked.connect(window.show_start)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout.addLayout(buttons)

        from preparedness.ui.unlock import UnlockPanel

        self.unlock_panel = UnlockPanel(window, self, "liaison")
        self.unlock_panel.cancelled.connect(self.table.setFocus)
        layout.addWidget(self.unlock_panel)
        self._folder_problem = False
        self.retranslate_ui(current_gettext())

    # -- state
    def folder_path(self) -> Path | None:
        folder = self.window_.settings.plans_folder
        return Path(folder) if folder else None

    def refresh(self, today: date | None = None) -> None:
        """Read the folder's plan headers again (after a save, a finish, a new folder)."""
        folder = self.folder_path()
        self._folder_problem = folder is not None and not folder.is_dir()
        self.model.load(folder if not self._folder_problem else None, today)
        self.proxy.sort(self.proxy.sortColumn(), self.proxy.sortOrder())
        self.retranslate_ui(current_gettext())

    def reset(self) -> None:
        """Nothing typed stays: the search box and the passphrase box are emptied."""
        self.search.setText("")
        self.unlock_panel.reset()

    def _search(self, text: str) -> None:
        self.proxy.set_needle(text)
        self._update_count(current_gettext())

    def selected_entry(self) -> PlanEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.entry(self.proxy.mapToSource(rows[0]).row())

    def select_row(self, row: int) -> None:
        """Select one row of the list as shown (QTableView.selectRow misses in right-to-left
        layouts before the view is laid out, so the selection model is used directly)."""
        index = self.proxy.index(row, 0)
        if not index.isValid():
            return
        flags = QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)

    def select_label(self, label: str) -> bool:
        """Select the row of a code (for tests and for keyboard users)."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data() == label:
                self.select_row(row)
                return True
        return False

    def open_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        self.unlock_panel.ask(entry.path, entry.display_label)

    def choose_folder(self) -> None:
        _ = current_gettext()
        path = self.window_.file_dialogs.folder_path(self, _(CHOOSE_FOLDER_TITLE))
        if path is None:
            return
        self.window_.set_plans_folder(path)
        self.refresh()

    def plan_opened(self, path: Path, review_by: date | None, expires: date | None) -> None:
        self.model.plan_opened(path, review_by, expires)

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_entry() is not None)

    def _lang_code(self) -> str:
        return self.window_.lang.code

    def _update_count(self, _: Gettext) -> None:
        total = len(self.model.entries)
        shown = format_number(self.proxy.rowCount(), self._lang_code())
        self.count.setText(
            _(COUNT).format(shown=shown, total=format_number(total, self._lang_code()))
        )

    def retranslate_ui(self, _: Gettext) -> None:
        self.title.setText(_(TITLE))
        self.intro.setText(_(INTRO))
        self.folder_label.setText(_(FOLDER))
        folder = self.folder_path()
        self.folder.setText(str(folder) if folder is not None else _(NO_FOLDER))
        self.folder.setToolTip(str(folder) if folder is not None else "")
        self.choose_folder_button.setText(_(CHOOSE_FOLDER))
        self.search.setPlaceholderText(_(SEARCH))
        self.search.setAccessibleName(_(SEARCH))
        self.table.setAccessibleName(_(TITLE))
        self.table.setAccessibleDescription(_(INTRO))
        self.open_button.setText(_(OPEN))
        self.new_button.setText(_(NEW))
        self.back_button.setText(_(BACK))
        if self._folder_problem:
            self.empty.setText(_(FOLDER_UNREADABLE))
        elif folder is None:
            self.empty.setText(_(NO_FOLDER))
        else:
            self.empty.setText(_(EMPTY) if not self.model.entries else "")
        self.empty.setVisible(bool(self.empty.text()))
        self.model.retranslate(_)
        self._update_count(_)
        self._update_buttons()


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path)
