"""One widget per question: label, help, the input, and a problem in plain words beside it.

Each field is built from ``preparedness.questions`` (so the screen and the paper use the same
words), writes to the model as the person types (so a language switch or a page change loses
nothing), and carries the question id as the input's ``objectName`` and its label and help as
the accessible name and description.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from preparedness.i18n import N_
from preparedness.model import Problem, Severity
from preparedness.questions import NO, NOT_ANSWERED, QUESTIONS, YES, Kind, Question
from preparedness.ui.appearance import set_role
from preparedness.ui.language import Gettext, current_gettext

NO_DATE = QDate(1900, 1, 1)  # QDateEdit cannot be empty: its minimum stands for "no date"
CLEAR_DATE = N_("Clear")


# Questions the wizard needs that preparedness.questions does not define (yet): UI-only.
def lookup(question_id: str) -> Question:
    return QUESTIONS[question_id]


class Field(QWidget):
    """Base of every question widget; subclasses provide the editor and its value."""

    edited = Signal()

    def __init__(
        self,
        question_id: str | Question,
        parent: QWidget | None = None,
        *,
        label: str | None = None,
        label_params: Callable[[], dict[str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.question: Question = (
            question_id if isinstance(question_id, Question) else lookup(question_id)
        )
        question_id = self.question.id
        self.setObjectName(f"row.{question_id}")
        self._label_msgid = label or self.question.label
        self._label_params = label_params
        self._getter: Callable[[], Any] | None = None
        self._setter: Callable[[Any], None] | None = None
        self.problem: Problem | None = None
        self.problem_path = ""
        self.touched = False  # problems show once the person has typed here or moved on

        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.PlainText)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self.help.setTextFormat(Qt.PlainText)
        set_role(self.help, "help")
        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.PlainText)
        self.problem_label.hide()
        self.editor: QWidget = self.make_editor()
        self.editor.setObjectName(question_id)
        self.label.setBuddy(self.editor)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.help)
        layout.addWidget(self.editor_row())
        layout.addWidget(self.problem_label)
        self.retranslate_ui(current_gettext())

    # -- for subclasses
    def make_editor(self) -> QWidget:
        raise NotImplementedError

    def editor_row(self) -> QWidget:
        return self.editor

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    # -- binding to the model
    def bind(self, getter: Callable[[], Any], setter: Callable[[Any], None]) -> Field:
        self._getter, self._setter = getter, setter
        self.load()
        return self

    def load(self) -> None:
        if self._getter is None:
            return
        blockers = [QSignalBlocker(w) for w in self._signal_sources()]
        try:
            self.set_value(self._getter())
        finally:
            del blockers

    def _signal_sources(self) -> list[QWidget]:
        return [self.editor]

    def commit(self) -> None:
        self.touched = True
        if self._setter is not None:
            self._setter(self.value())
        self.edited.emit()

    # -- texts
    def label_text(self, _: Gettext) -> str:
        text = _(self._label_msgid)
        if self._label_params is not None:
            text = text.format(**self._label_params())
        return text

    def retranslate_ui(self, _: Gettext) -> None:
        label = self.label_text(_)
        help_text = _(self.question.help) if self.question.help else ""
        self.label.setText(label)
        self.help.setText(help_text)
        self.help.setVisible(bool(help_text))
        self.editor.setAccessibleName(label)
        self.editor.setAccessibleDescription(help_text)
        self.show_problem(self.problem, _)

    def show_problem(self, problem: Problem | None, _: Gettext | None = None) -> None:
        """A problem in plain words under the input; never blocks moving on."""
        self.problem = problem
        if problem is None:
            self.problem_label.hide()
            self.problem_label.clear()
            return
        gettext = _ or current_gettext()
        self.problem_label.setText(problem.message(gettext))
        role = "problem-error" if problem.severity == Severity.ERROR else "problem-nudge"
        set_role(self.problem_label, role)
        self.problem_label.show()


class TextField(Field):
    editor: QLineEdit

    def make_editor(self) -> QWidget:
        editor = QLineEdit(self)
        editor.textEdited.connect(lambda _text: self.commit())
        return editor

    def value(self) -> str:
        return self.editor.text()

    def set_value(self, value: Any) -> None:
        self.editor.setText(value or "")


class PhoneField(TextField):
    """Numbers read left to right in every language (Unicode puts them LTR after Arabic)."""

    def make_editor(self) -> QWidget:
        editor = super().make_editor()
        editor.setLayoutDirection(Qt.LeftToRight)
        editor.setInputMethodHints(Qt.ImhDialableCharactersOnly)
        return editor


class LongTextField(Field):
    editor: QPlainTextEdit

    def make_editor(self) -> QWidget:
        editor = QPlainTextEdit(self)
        editor.setTabChangesFocus(True)  # Tab must move on for keyboard-only users
        editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 3 + 16)
        editor.textChanged.connect(self.commit)
        return editor

    def value(self) -> str:
        return self.editor.toPlainText()

    def set_value(self, value: Any) -> None:
        self.editor.setPlainText(value or "")


class DateField(Field):
    """A date or none; the minimum date stands for "not given" and shows as a dash."""

    editor: QDateEdit

    def make_editor(self) -> QWidget:
        editor = QDateEdit(self)
        editor.setCalendarPopup(True)
        editor.setMinimumDate(NO_DATE)
        editor.setMaximumDate(QDate(2200, 12, 31))
        editor.setSpecialValueText("—")
        editor.setDate(NO_DATE)
        editor.dateChanged.connect(lambda _d: self.commit())
        editor.setSizePolicy(QSizePolicy.Maximum, QSizePolicy.Fixed)
        return editor

    def editor_row(self) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        self.clear_button = QPushButton(row)
        self.clear_button.setObjectName(f"{self.question.id}.clear")
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        return row

    def clear(self) -> None:
        self.editor.setDate(NO_DATE)

    def value(self) -> date | None:
        qdate = self.editor.date()
        return None if qdate == NO_DATE else date(qdate.year(), qdate.month(), qdate.day())

    def set_value(self, value: Any) -> None:
        if value is None:
            self.editor.setDate(NO_DATE)
        else:
            self.editor.setDate(QDate(value.year, value.month, value.day))

    def retranslate_ui(self, _: Gettext) -> None:
        super().retranslate_ui(_)
        locale = QLocale()
        self.editor.setLocale(locale)
        # The locale's short format, but always with a four-digit year (birth dates!).
        fmt = locale.dateFormat(QLocale.ShortFormat)
        if "yyyy" not in fmt:
            fmt = fmt.replace("yy", "yyyy")
        self.editor.setDisplayFormat(fmt)
        # The size hint is computed once; other digits (Arabic-Indic) need more room.
        sample = locale.toString(QDate(2028, 12, 28), fmt)
        width = self.editor.fontMetrics().horizontalAdvance(sample + "—") + 48
        self.editor.setMinimumWidth(width)
        self.clear_button.setText(_(CLEAR_DATE))
        self.clear_button.setAccessibleName(f"{_(CLEAR_DATE)}: {self.label_text(_)}")


class CheckField(Field):
    """A plain yes/no where "no" is the honest default (e.g. "may pick up")."""

    editor: QCheckBox

    def make_editor(self) -> QWidget:
        editor = QCheckBox(self)
        editor.toggled.connect(lambda _on: self.commit())
        return editor

    def retranslate_ui(self, _: Gettext) -> None:
        super().retranslate_ui(_)
        self.label.hide()  # the check box carries the label itself
        self.editor.setText(self.label_text(_))

    def value(self) -> bool:
        return self.editor.isChecked()

    def set_value(self, value: Any) -> None:
        self.editor.setChecked(bool(value))


class ChoiceField(Field):
    """A list to choose from; items are (value, text, translate?) and can change later."""

    editor: QComboBox

    def __init__(
        self, question_id: str | Question, parent: QWidget | None = None, **kwargs: Any
    ) -> None:
        self._choices: list[tuple[Any, str, bool]] = []
        super().__init__(question_id, parent, **kwargs)

    def make_editor(self) -> QWidget:
        editor = QComboBox(self)
        editor.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        editor.setSizePolicy(QSizePolicy.Maximum, QSizePolicy.Fixed)
        editor.currentIndexChanged.connect(lambda _i: self.commit())
        return editor

    def set_choices(self, choices: Sequence[tuple[Any, str, bool]]) -> None:
        """Replace the items, keeping the current value selected."""
        current = self.value() if self._choices else None
        self._choices = list(choices)
        blocker = QSignalBlocker(self.editor)
        self.editor.clear()
        gettext = current_gettext()
        for data, text, translate in self._choices:
            self.editor.addItem(gettext(text) if translate else text, data)
        del blocker
        if self._getter is not None:
            self.load()
        else:
            self.set_value(current)

    def value(self) -> Any:
        index = self.editor.currentIndex()
        return self._choices[index][0] if 0 <= index < len(self._choices) else None

    def set_value(self, value: Any) -> None:
        for index, (data, _text, _tr) in enumerate(self._choices):
            if data == value:
                self.editor.setCurrentIndex(index)
                return
        if self._choices:
            self.editor.setCurrentIndex(0)

    def retranslate_ui(self, _: Gettext) -> None:
        super().retranslate_ui(_)
        for index, (_data, text, translate) in enumerate(self._choices):
            self.editor.setItemText(index, _(text) if translate else text)


class TriStateField(ChoiceField):
    """Yes / No / Not answered, for questions a family may prefer not to answer."""

    def __init__(
        self, question_id: str | Question, parent: QWidget | None = None, **kwargs: Any
    ) -> None:
        super().__init__(question_id, parent, **kwargs)
        self.set_choices([(None, NOT_ANSWERED, True), (True, YES, True), (False, NO, True)])


def make_field(question_id: str, parent: QWidget | None = None, **kwargs: Any) -> Field:
    """The default widget for a question's kind (YES_NO as a check box)."""
    kind = lookup(question_id).kind
    cls: type[Field] = {
        Kind.TEXT: TextField,
        Kind.LONG_TEXT: LongTextField,
        Kind.PHONE: PhoneField,
        Kind.DATE: DateField,
        Kind.YES_NO: CheckField,
        Kind.CONTACT: ChoiceField,
    }[kind]
    return cls(question_id, parent, **kwargs)
