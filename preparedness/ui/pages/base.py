"""The base wizard page: a title, one clear question at a time, problems beside the fields.

Like Picard's setup wizard, each page is a small class; unlike a form, a page never refuses
to move on: problems are shown in plain words and the family decides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from preparedness.model import Plan, Problem, Severity
from preparedness.ui.fields import Field, set_role
from preparedness.ui.language import Gettext, current_gettext, retranslate_tree

if TYPE_CHECKING:
    from preparedness.ui.window import MainWindow

W = TypeVar("W", bound=QWidget)


class BasePage(QWizardPage):
    """Subclasses set ``key``, ``title_msgid``, ``subtitle_msgid`` and ``problem_prefixes``,
    and build their fields in ``build()`` (called whenever the page is entered)."""

    key = ""
    title_msgid = ""
    subtitle_msgid = ""
    # Problem.field prefixes shown on this page (e.g. "children[")
    problem_prefixes: tuple[str, ...] = ()

    def __init__(self, main: MainWindow) -> None:
        super().__init__(main.wizard)  # parented now: QWizard.setPage does not take ownership
        self.main = main
        self.setObjectName(f"page.{self.key}")
        self.fields_by_path: dict[str, Field] = {}
        self._signature: object = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # The page's own title and subtitle, not QWizardPage's: on the page on screen, each
        # QWizardPage.setTitle/setSubTitle hides and shows the whole wizard and lays it out
        # again (two full layouts per language switch); a label's text costs one.
        self.title_label = QLabel(self)
        self.title_label.setObjectName("page.title")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.PlainText)
        self._title_size = 0
        self.subtitle_label = QLabel(self)
        self.subtitle_label.setObjectName("page.subtitle")
        self.subtitle_label.setWordWrap(True)
        self.subtitle_label.setTextFormat(Qt.PlainText)
        self.subtitle_label.setIndent(13)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.HLine)
        rule.setFrameShadow(QFrame.Sunken)
        outer.addWidget(self.title_label)
        outer.addWidget(self.subtitle_label)
        outer.addSpacing(16)
        outer.addWidget(rule)
        self.page_problems = QLabel(self)
        self.page_problems.setObjectName("page.problems")
        self.page_problems.setWordWrap(True)
        self.page_problems.setTextFormat(Qt.PlainText)
        set_role(self.page_problems, "problem-nudge")
        self.page_problems.hide()
        outer.addWidget(self.page_problems)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.content = QWidget()
        self.content.setObjectName("page.content")
        self.layout_ = QVBoxLayout(self.content)
        self.layout_.setSpacing(10)
        self.scroll.setWidget(self.content)
        outer.addWidget(self.scroll)
        self._page_problem_list: list[Problem] = []
        self._texts: list[tuple[QWidget, str]] = []
        # A fresh page shows no problems (an empty form is not an error); once the person
        # moves on from it, every problem shows when they come back.
        self.show_all_problems = False
        # The window's text generation this page's texts are in (see ``ensure_translated``).
        self.text_generation = -1
        self._qt_language_changed = False

    # -- the model
    @property
    def plan(self) -> Plan:
        plan = self.main.session.plan
        assert plan is not None, "pages are only shown with an open plan"
        return plan

    def register(self, path: str, field: Field) -> Field:
        """Remember where a field's problems come from and notice its edits."""
        field.problem_path = path
        self.fields_by_path[path] = field
        field.edited.connect(self.main.plan_edited)
        return field

    def bound(self, field: Field, path: str, obj: object, attribute: str | None = None) -> Field:
        """Bind a field to ``obj.attribute`` (the question's attribute by default)."""
        name = attribute or field.question.attribute
        field.bind(lambda: getattr(obj, name), lambda value: setattr(obj, name, value))
        return self.register(path, field)

    # -- building
    def signature(self) -> object:
        """What the page's structure depends on; ``build`` runs again only when it changes."""
        return None

    def translated(self, widget: W, msgid: str) -> W:
        """A button or label built in ``build`` whose text is ``_(msgid)``."""
        self._texts.append((widget, msgid))
        widget.setText(current_gettext()(msgid))  # type: ignore[attr-defined]
        return widget

    def clear_content(self) -> None:
        self.fields_by_path.clear()
        self._texts.clear()
        while self.layout_.count():
            item = self.layout_.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def build(self) -> None:
        """Create the fields for the current plan (override)."""

    def refresh(self) -> None:
        """Reload values from the model into existing fields (cheap)."""
        for field in self.fields_by_path.values():
            field.load()

    def rebuild(self) -> None:
        self.clear_content()
        self.build()
        self.layout_.addStretch(1)
        self._signature = self.signature()

    def initializePage(self) -> None:  # Qt's name
        if self.main.session.plan is None:  # wizard.restart() after Finish: nothing to show
            return
        if self._signature is None or self._signature != self.signature():
            self.rebuild()
        else:
            self.refresh()
        self.main.revalidate()
        if not self.ensure_translated():
            self.retranslate_ui(current_gettext())

    def cleanupPage(self) -> None:  # Qt's name: going Back must keep every answer
        self.show_all_problems = True

    def validatePage(self) -> bool:  # Qt's name: never block; remember the visit
        self.show_all_problems = True
        return True

    def forget(self) -> None:
        """Drop the widgets of a closed plan (Finish, or a new plan)."""
        self.clear_content()
        self._signature = None
        self.show_all_problems = False
        self._page_problem_list = []
        self.page_problems.hide()

    # -- problems
    def wants(self, problem: Problem) -> bool:
        return problem.field.startswith(self.problem_prefixes) if self.problem_prefixes else False

    def show_problems(self, problems: list[Problem]) -> None:
        gettext = current_gettext()
        mine = [p for p in problems if self.wants(p)]
        by_path: dict[str, Problem] = {}
        page_level: list[Problem] = []
        for problem in mine:
            if problem.field in self.fields_by_path:
                current = by_path.get(problem.field)
                if current is None or (
                    current.severity == Severity.NUDGE and problem.severity == Severity.ERROR
                ):
                    by_path[problem.field] = problem
            else:
                page_level.append(problem)
        for path, field in self.fields_by_path.items():
            visible = self.show_all_problems or field.touched
            field.show_problem(by_path.get(path) if visible else None, gettext)
        self._page_problem_list = page_level if self.show_all_problems else []
        self._show_page_problems(gettext)

    def _show_page_problems(self, gettext: Gettext) -> None:
        texts = [p.message(gettext) for p in self._page_problem_list]
        self.page_problems.setText("\n".join(texts))
        self.page_problems.setVisible(bool(texts))

    # -- texts
    def is_stale(self) -> bool:
        """Are this page's texts older than the window's (language, text size, mode)?"""
        return self.text_generation != self.main.text_generation

    def ensure_translated(self) -> bool:
        """Bring a stale page's texts up to date; returns whether it was stale.

        A language switch retranslates only the page on screen (a switch stays fast however
        many pages were built); the others are marked stale and catch up here, when they
        are entered or shown, before Qt paints them.
        """
        if not self.is_stale():
            return False
        self.text_generation = self.main.text_generation
        self.follow_direction()
        if self._qt_language_changed:  # Qt's own texts inside (see ``event``)
            self._qt_language_changed = False
            QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LanguageChange))
        retranslate_tree(self, current_gettext())
        return True

    def event(self, event: QEvent) -> bool:  # Qt's name
        # Qt tells every widget of the window when its catalog changes; a stale page passes
        # it on to its widgets when it catches up, not now.
        if event.type() == QEvent.Type.LanguageChange and self.is_stale():
            self._qt_language_changed = True
            return True
        return super().event(event)

    def keep_direction(self) -> None:
        """Off screen during a language switch: keep the current direction until shown.

        Qt mirrors every widget of the window when the application's direction changes; a
        page that holds its own direction is passed over, and mirrors when it is shown
        (``follow_direction``), like its texts.
        """
        if not self.testAttribute(Qt.WA_SetLayoutDirection):
            self.setLayoutDirection(self.layoutDirection())

    def follow_direction(self) -> None:
        """The window's direction again (a no-op unless ``keep_direction`` held it)."""
        if self.testAttribute(Qt.WA_SetLayoutDirection):
            self.unsetLayoutDirection()

    def showEvent(self, event: QShowEvent) -> None:  # Qt's name: before the first paint
        self.follow_direction()
        self.ensure_translated()
        super().showEvent(event)

    def retranslate_ui(self, _: Gettext) -> None:
        size = round(self.main.font_size * 1.5)
        if size != self._title_size:  # only size and weight: the rest follows the window's
            font = QFont()
            font.setPointSize(size)
            font.setBold(True)
            self.title_label.setFont(font)
            self._title_size = size
        self.title_label.setText(_(self.title_msgid))
        subtitle = _(self.subtitle_msgid) if self.subtitle_msgid else ""
        self.subtitle_label.setText(subtitle)
        self.subtitle_label.setVisible(bool(subtitle))
        self._show_page_problems(_)
        for widget, msgid in self._texts:
            widget.setText(_(msgid))  # type: ignore[attr-defined]

    def first_input(self) -> QWidget | None:
        for field in self.fields_by_path.values():
            if field.isVisibleTo(self):
                return field.editor
        return None
