"""Small building blocks shared by the pages: cards for list items, sections, phone lists."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from preparedness.i18n import N_
from preparedness.model import Phone, PhoneKind
from preparedness.questions import PHONE_KIND_LABELS
from preparedness.ui.fields import Field, PhoneField
from preparedness.ui.language import Gettext, current_gettext

REMOVE = N_("Remove")
REALLY_REMOVE = N_("Remove this? Everything written here will be deleted.")
YES_REMOVE = N_("Yes, remove")
KEEP = N_("No, keep it")
MOVE_UP = N_("Move up")
MOVE_DOWN = N_("Move down")
ADD_PHONE = N_("Add another number")
PHONE_N = N_("Phone {number}")
PHONE_KIND = N_("Kind of number")


def row(parent: QWidget, *widgets: QWidget, indent: int = 0) -> QWidget:
    """``widgets`` side by side, left-aligned (a stretch after them), in a margin-less strip."""
    strip = QWidget(parent)
    layout = QHBoxLayout(strip)
    layout.setContentsMargins(indent, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return strip


class Card(QGroupBox):
    """One child, contact, school…: its fields, and a remove button that asks first.

    The card's objectName is ``card.<id>`` so tests and screen readers can tell cards apart;
    the fields inside keep their question ids as objectNames.
    """

    remove_requested = Signal(str)
    move_requested = Signal(str, int)

    def __init__(
        self,
        item_id: str,
        title: Callable[[Gettext], str],
        parent: QWidget | None = None,
        *,
        removable: bool = True,
        movable: bool = False,
    ) -> None:
        super().__init__(parent)
        self.item_id = item_id
        self.setObjectName(f"card.{item_id}")
        self._title = title
        self.body = QVBoxLayout(self)
        self.body.setSpacing(6)
        self.buttons = QHBoxLayout()
        self.move_up = self.move_down = None
        if movable:
            self.move_up = QPushButton(self)
            self.move_up.setObjectName("item.move_up")
            self.move_up.clicked.connect(lambda: self.move_requested.emit(self.item_id, -1))
            self.move_down = QPushButton(self)
            self.move_down.setObjectName("item.move_down")
            self.move_down.clicked.connect(lambda: self.move_requested.emit(self.item_id, 1))
            self.buttons.addWidget(self.move_up)
            self.buttons.addWidget(self.move_down)
        self.buttons.addStretch(1)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("item.remove")
        self.remove_button.clicked.connect(self._ask_remove)
        self.remove_button.setVisible(removable)
        self.buttons.addWidget(self.remove_button)
        self.confirm = QWidget(self)
        confirm_layout = QHBoxLayout(self.confirm)
        confirm_layout.setContentsMargins(0, 0, 0, 0)
        self.confirm_text = QLabel(self.confirm)
        self.confirm_text.setWordWrap(True)
        self.confirm_yes = QPushButton(self.confirm)
        self.confirm_yes.setObjectName("item.remove_yes")
        self.confirm_yes.clicked.connect(lambda: self.remove_requested.emit(self.item_id))
        self.confirm_no = QPushButton(self.confirm)
        self.confirm_no.setObjectName("item.remove_no")
        self.confirm_no.clicked.connect(self._cancel_remove)
        confirm_layout.addWidget(self.confirm_text, 1)
        confirm_layout.addWidget(self.confirm_yes)
        confirm_layout.addWidget(self.confirm_no)
        self.confirm.hide()
        self._finished = False
        self.retranslate_ui(current_gettext())

    def add(self, widget: QWidget) -> QWidget:
        self.body.addWidget(widget)
        return widget

    def finish(self) -> None:
        """Put the buttons after the fields (call once the fields are added)."""
        if not self._finished:
            self.body.addLayout(self.buttons)
            self.body.addWidget(self.confirm)
            self._finished = True

    def _ask_remove(self) -> None:
        self.confirm.show()
        self.confirm_no.setFocus()

    def _cancel_remove(self) -> None:
        self.confirm.hide()
        self.remove_button.setFocus()

    def refresh_title(self) -> None:
        self.setTitle(self._title(current_gettext()))

    def retranslate_ui(self, _: Gettext) -> None:
        self.setTitle(self._title(_))
        self.remove_button.setText(_(REMOVE))
        self.remove_button.setAccessibleName(f"{_(REMOVE)}: {self.title()}")
        self.confirm_text.setText(_(REALLY_REMOVE))
        self.confirm_yes.setText(_(YES_REMOVE))
        self.confirm_no.setText(_(KEEP))
        if self.move_up is not None and self.move_down is not None:
            self.move_up.setText(_(MOVE_UP))
            self.move_down.setText(_(MOVE_DOWN))
            self.move_up.setAccessibleName(f"{_(MOVE_UP)}: {self.title()}")
            self.move_down.setAccessibleName(f"{_(MOVE_DOWN)}: {self.title()}")


class Section(QWidget):
    """A heading that opens and closes a group of questions (fewer questions at a time)."""

    def __init__(self, title_msgid: str, parent: QWidget | None = None, *, open_: bool = False):
        super().__init__(parent)
        self._title = title_msgid
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(open_)
        self.toggle.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.toggle.setObjectName(f"section.{title_msgid[:24]}")
        self.body_widget = QWidget(self)
        self.body = QVBoxLayout(self.body_widget)
        self.body.setContentsMargins(16, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body_widget)
        self.toggle.toggled.connect(self._set_open)
        self._set_open(open_)
        self.retranslate_ui(current_gettext())

    def _set_open(self, on: bool) -> None:
        self.body_widget.setVisible(on)
        self.toggle.setArrowType(Qt.DownArrow if on else Qt.RightArrow)

    def add(self, widget: QWidget) -> QWidget:
        self.body.addWidget(widget)
        return widget

    def retranslate_ui(self, _: Gettext) -> None:
        self.toggle.setText(_(self._title))
        self.toggle.setAccessibleName(_(self._title))


class _PhoneRow(PhoneField):
    """One number and its kind (mobile, home, work)."""

    def __init__(self, question_id: str, index: int, parent: QWidget | None = None) -> None:
        self.index = index
        super().__init__(
            question_id,
            parent,
            label=PHONE_N if index else None,
            label_params=lambda: {"number": str(self.index + 1)},
        )

    def editor_row(self) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor, 2)
        self.kind = QComboBox(row)
        self.kind.setObjectName(f"{self.question.id}_kind")
        for kind in PhoneKind:
            self.kind.addItem(kind.value, kind.value)
        self.kind.currentIndexChanged.connect(lambda _i: self.commit())
        layout.addWidget(self.kind)
        layout.addStretch(1)
        return row

    def _signal_sources(self) -> list[QWidget]:
        return [self.editor, self.kind]

    def value(self) -> Phone:
        return Phone(self.editor.text(), PhoneKind(self.kind.currentData()))

    def set_value(self, value: Phone) -> None:
        self.editor.setText(value.number)
        self.kind.setCurrentIndex(max(0, self.kind.findData(value.kind.value)))

    def retranslate_ui(self, _: Gettext) -> None:
        super().retranslate_ui(_)
        for i, kind in enumerate(PhoneKind):
            self.kind.setItemText(i, _(PHONE_KIND_LABELS[kind]))
        self.kind.setAccessibleName(f"{_(PHONE_KIND)}: {self.label_text(_)}")


class PhonesEditor(QWidget):
    """The numbers of an adult or contact: one row each, and a button to add another.

    The first row always exists so a new person shows a phone box at once.
    """

    edited = Signal()

    def __init__(
        self,
        question_id: str,
        phones: list[Phone],
        problem_base: str,
        register: Callable[[str, Field], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.question_id = question_id
        self.phones = phones
        self.problem_base = problem_base
        self.register = register
        self.rows: list[_PhoneRow] = []
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName(f"{question_id}.add")
        self.add_button.clicked.connect(self.add_phone)
        self.layout_.addWidget(self.add_button, 0, Qt.AlignLeading)
        if not self.phones:
            self.phones.append(Phone())
        for index in range(len(self.phones)):
            self._add_row(index)
        self.retranslate_ui(current_gettext())

    def _add_row(self, index: int) -> _PhoneRow:
        row = _PhoneRow(self.question_id, index, self)
        phones = self.phones

        def setter(value: Phone, i: int = index) -> None:
            phones[i] = value

        row.bind(lambda i=index: phones[i], setter)
        row.edited.connect(self.edited)
        row.problem_path = f"{self.problem_base}.phones[{index}]"
        self.register(row.problem_path, row)
        self.layout_.insertWidget(self.layout_.count() - 1, row)
        self.rows.append(row)
        return row

    def add_phone(self) -> None:
        self.phones.append(Phone())
        row = self._add_row(len(self.phones) - 1)
        row.editor.setFocus()
        self.edited.emit()

    def retranslate_ui(self, _: Gettext) -> None:
        self.add_button.setText(_(ADD_PHONE))
