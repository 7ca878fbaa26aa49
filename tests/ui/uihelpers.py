"""Acting like a person on the real window: typing (any script), clicking, moving on.

``qtbot.keyClicks`` aborts the process on non-ASCII text (TECH-NOTES), so text is typed as
input-method commits, the way an on-screen or IME keyboard delivers it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)


class FakeFileDialogs:
    """Answers the file questions with paths a test queued (None = the person cancelled)."""

    def __init__(self) -> None:
        self.answers: list[Path | None] = []
        self.asked: list[tuple[str, str]] = []

    def save_path(self, parent: Any, title: str, suggested: str, name_filter: str) -> Path | None:
        self.asked.append(("save", suggested))
        return self.answers.pop(0) if self.answers else None

    def open_path(self, parent: Any, title: str, name_filter: str) -> Path | None:
        self.asked.append(("open", ""))
        return self.answers.pop(0) if self.answers else None

    def folder_path(self, parent: Any, title: str) -> Path | None:
        self.asked.append(("folder", ""))
        return self.answers.pop(0) if self.answers else None


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard: focus, then commit the text (works for every script)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_keys(widget: QWidget, text: str) -> None:
    """Type one key event per character (any script, no keyClicks)."""
    widget.setFocus()
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyPress, 0, Qt.NoModifier, ch))
        QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyRelease, 0, Qt.NoModifier, ch))


def replace_text(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    QApplication.sendEvent(widget, QKeyEvent(QEvent.KeyPress, Qt.Key_Delete, Qt.NoModifier))
    type_text(widget, text)


def click(qtbot: Any, button: QWidget) -> None:
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    assert button.isVisible(), f"{button.objectName()} is hidden"
    qtbot.mouseClick(button, Qt.LeftButton)
    QApplication.processEvents()  # layouts show new widgets through queued calls


def choose(combo: QComboBox, text: str) -> None:
    """Pick an item by its visible text, as with the keyboard (activated like a person)."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setFocus()
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def set_date(edit: QDateEdit, year: int, month: int, day: int) -> None:
    edit.setFocus()
    edit.setDate(QDate(year, month, day))


def check(box: QCheckBox, on: bool = True) -> None:
    box.setFocus()
    if box.isChecked() != on:
        box.click()


def card(window: Any, item_id: str) -> QWidget:
    found = window.findChild(QWidget, f"card.{item_id}")
    assert found is not None, item_id
    return found


def cards(page: QWidget, prefix: str = "") -> list[QWidget]:
    """The visible cards of a page, top to bottom."""
    from preparedness.ui.widgets import Card

    QApplication.processEvents()
    found = [w for w in page.findChildren(Card) if w.isVisibleTo(page)]
    found = [w for w in found if w.objectName()[5:].startswith(prefix)]
    return sorted(found, key=lambda w: w.mapTo(page, w.rect().topLeft()).y())


def field(parent: QWidget, name: str, cls: type = QWidget) -> Any:
    found = [w for w in parent.findChildren(cls, name) if w.isVisibleTo(parent.window())]
    assert found, f"no visible {cls.__name__} named {name!r}"
    return found[0]


def button(parent: QWidget, name: str) -> QPushButton:
    found = [w for w in parent.findChildren(QPushButton, name) if w.isVisibleTo(parent.window())]
    assert found, f"no visible button {name!r}"
    return found[0]


def next_page(qtbot: Any, window: Any) -> None:
    from PySide6.QtWidgets import QWizard

    before = window.wizard.currentId()
    click(qtbot, window.wizard.button(QWizard.NextButton))
    assert window.wizard.currentId() == before + 1


def back_page(qtbot: Any, window: Any) -> None:
    from PySide6.QtWidgets import QWizard

    before = window.wizard.currentId()
    click(qtbot, window.wizard.button(QWizard.BackButton))
    assert window.wizard.currentId() == before - 1


def page_key(window: Any) -> str:
    from preparedness.ui.pages import PAGE_ORDER

    return PAGE_ORDER[window.wizard.currentId()]


def button_with_text(parent: QWidget, text: str) -> QWidget:
    """A visible push or tool button by its (translated) text: section headers have no id."""
    from PySide6.QtWidgets import QAbstractButton

    for candidate in parent.findChildren(QAbstractButton):
        if candidate.text() == text and candidate.isVisibleTo(parent.window()):
            return candidate
    raise AssertionError(f"no visible button {text!r}")


def widget_texts(widget: QWidget, undo: bool = True) -> list[str]:
    """Every text a person or a screen reader could get from one widget, and (``undo``) what
    Ctrl+Z would bring back — which changes the widget, so only after the plan is closed."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QGroupBox,
        QLabel,
        QTextEdit,
        QWizardPage,
    )

    texts = [
        widget.windowTitle(),
        widget.toolTip(),
        widget.statusTip(),
        widget.whatsThis(),
        widget.accessibleName(),
        widget.accessibleDescription(),
    ]
    if isinstance(widget, QLabel):
        texts.append(widget.text())
    if isinstance(widget, QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QWizardPage):
        texts += [widget.title(), widget.subTitle()]
    if isinstance(widget, QLineEdit):
        texts += [widget.text(), widget.placeholderText()]
        for _ in range(50 if undo else 0):  # what Ctrl+Z would bring back
            if not widget.isUndoAvailable():
                break
            widget.undo()
            texts.append(widget.text())
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        texts.append(widget.toPlainText())
        document = widget.document()
        for _ in range(50 if undo else 0):
            if not document.isUndoAvailable():
                break
            document.undo()
            texts.append(widget.toPlainText())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
        texts.append(widget.currentText())
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        texts += model_texts(widget.model())
    return [t for t in texts if t]


def model_texts(model: Any, roles: range = range(0, 300)) -> list[str]:
    """Every value of every role of every cell and header of a table or list model."""
    found: list[str] = []
    columns = max(1, model.columnCount())
    for column in range(columns):
        for role in roles:
            value = model.headerData(column, Qt.Horizontal, role)
            if value is not None:
                found.append(str(value))
    for row in range(model.rowCount()):
        for column in range(columns):
            index = model.index(row, column)
            for role in roles:
                value = model.data(index, role)
                if value is not None:
                    found.append(str(value))
    return found


def all_texts(root: QWidget, undo: bool = True) -> list[str]:
    """The texts of a window and every widget in it (dialogs too), shown or not, and the
    clipboard's."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts += widget_texts(widget, undo)
    clipboard = QApplication.clipboard()
    if clipboard is not None:
        texts.append(clipboard.text())
    return texts


def fill_a_family(window: Any, parent: str, child: str, contact: str) -> None:
    """What a family types first: one adult (phone, address), one child, one contact.

    Starts from the start screen's New plan and ends on the contacts page.
    """
    window.start.new_button.click()
    QApplication.processEvents()
    page = window.pages["household"]
    type_text(field(page, "adult.name", QLineEdit), parent)
    type_text(field(page, "adult.phone", QLineEdit), "612-555-0101")
    type_text(field(page, "household.address", QPlainTextEdit), f"{parent} street 1")
    window.wizard.next()
    page = window.pages["children"]
    page.add_child()
    QApplication.processEvents()
    type_text(field(cards(page)[0], "child.name", QLineEdit), child)
    window.wizard.next()
    page = window.pages["contacts"]
    page.add_contact()
    QApplication.processEvents()
    type_text(field(cards(page)[0], "contact.name", QLineEdit), contact)
    type_text(field(cards(page)[0], "contact.phone", QLineEdit), "612-555-0110")
