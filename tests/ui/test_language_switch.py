"""A language switch retranslates the page on screen; the other pages catch up when shown.

The pages off screen are stale after a switch (``BasePage.is_stale``) and must be in the
window's language (texts, Qt's own texts, direction) before they are painted: entered going
forward (``initializePage``), going back (no ``initializePage``), or after a quick hide.
Texts are compared with the catalog (``window.lang.gettext``), never with English literals.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget, QWizard
from test_pages import open_demo

from preparedness.model import plan_to_json
from preparedness.ui.fields import Field
from preparedness.ui.language import WIZARD_BUTTON_TEXTS
from preparedness.ui.pages import PAGE_ORDER
from preparedness.ui.pages.base import BasePage


def visit_every_page(window: Any) -> None:
    """Build every page (a page's fields are made when it is first entered)."""
    for key in PAGE_ORDER:
        window.go_to_page(key)
    QApplication.processEvents()


def in_language(page: BasePage, gettext: Any) -> list[str]:
    """What on ``page`` is not in the language of ``gettext`` (empty: all of it is)."""
    wrong = []
    if page.title_label.text() != gettext(page.title_msgid):
        wrong.append(f"title {page.title_label.text()!r}")
    subtitle = gettext(page.subtitle_msgid) if page.subtitle_msgid else ""
    if page.subtitle_label.text() != subtitle:
        wrong.append(f"subtitle {page.subtitle_label.text()!r}")
    for widget, msgid in page._texts:
        if widget.text() != gettext(msgid):  # type: ignore[attr-defined]
            wrong.append(f"{widget.objectName() or type(widget).__name__} {widget.text()!r}")  # type: ignore[attr-defined]
    fields = page.findChildren(Field)
    assert fields or page.key in ("review", "save", "print")
    for item in fields:
        label = item.label_text(gettext)
        if item.label.text() != label or item.editor.accessibleName() != label:
            wrong.append(f"{item.objectName()} {item.label.text()!r}")
        help_text = gettext(item.question.help) if item.question.help else ""
        if item.help.text() != help_text:
            wrong.append(f"{item.objectName()} help {item.help.text()!r}")
    return wrong


def test_a_page_built_before_a_switch_is_in_the_new_language_when_entered(window) -> None:
    plan = open_demo(window)
    visit_every_page(window)
    before = plan_to_json(plan)
    window.go_to_page("household")
    window.set_language("es")
    _ = window.lang.gettext
    school = window.pages["school"]
    assert _(school.title_msgid) != school.title_msgid  # the test means something
    assert in_language(window.pages["household"], _) == []  # the page on screen: at once
    assert school.is_stale()  # the others: when shown
    window.go_to_page("school")  # forward: initializePage
    assert window.current_page() is school
    assert in_language(school, _) == []
    for key in PAGE_ORDER:
        window.go_to_page(key)
        assert in_language(window.pages[key], _) == [], key
    assert plan_to_json(plan) == before


def test_going_back_after_a_switch_shows_the_new_language(window) -> None:
    """Back does not call initializePage: the page catches up when it is shown."""
    open_demo(window)
    visit_every_page(window)
    window.go_to_page("legal")
    window.set_language("fr")
    window.wizard.back()
    assert window.current_page() is window.pages["school"]
    assert in_language(window.pages["school"], window.lang.gettext) == []
    window.go_to_page("children")
    assert in_language(window.pages["children"], window.lang.gettext) == []


def test_switching_back_and_forth_leaves_no_page_behind(window) -> None:
    open_demo(window)
    visit_every_page(window)
    window.go_to_page("contacts")
    for code in ("es", "en", "zh_Hans", "es"):
        window.set_language(code)
    window.go_to_page("household")
    window.set_language("vi")
    window.set_language("so")  # no Qt catalog: our own texts for Qt's buttons
    window.go_to_page("review")
    _ = window.lang.gettext
    for key in reversed(PAGE_ORDER):
        window.go_to_page(key)
        assert in_language(window.pages[key], _) == [], key
    back = window.wizard.buttonText(QWizard.BackButton)
    assert back == _(WIZARD_BUTTON_TEXTS["back"][1])
    window.set_language("en")
    window.go_to_page("print")
    for key in PAGE_ORDER:
        assert in_language(window.pages[key], window.lang.gettext) == [], key


@pytest.mark.parametrize("how", ["forward", "back"])
def test_arabic_mirrors_a_page_built_before_the_switch(window, how: str) -> None:
    open_demo(window)
    visit_every_page(window)
    window.go_to_page("money" if how == "back" else "household")
    window.set_language("ar")
    # everything on screen mirrors at once
    assert window.layoutDirection() == Qt.RightToLeft
    assert window.current_page().layoutDirection() == Qt.RightToLeft
    assert window.wizard.button(QWizard.NextButton).layoutDirection() == Qt.RightToLeft
    window.go_to_page("school")
    page = window.pages["school"]
    QApplication.processEvents()
    assert page.layoutDirection() == Qt.RightToLeft
    assert not page.testAttribute(Qt.WA_SetLayoutDirection)  # follows the window again
    editors = [f.editor for f in page.findChildren(Field)]
    # phone numbers keep their own left-to-right direction; the rest mirror
    own = [e for e in editors if e.testAttribute(Qt.WA_SetLayoutDirection)]
    mirrored = [e for e in editors if e not in own]
    assert own and all(e.layoutDirection() == Qt.LeftToRight for e in own)
    assert mirrored and all(e.layoutDirection() == Qt.RightToLeft for e in mirrored)
    assert in_language(page, window.lang.gettext) == []
    # back to left to right: the page on screen at once, a page off screen when shown
    window.set_language("en")
    assert not any(f.editor.isRightToLeft() for f in page.findChildren(Field))
    window.go_to_page("household")
    household = window.pages["household"]
    assert household.layoutDirection() == Qt.LeftToRight
    assert all(f.editor.layoutDirection() == Qt.LeftToRight for f in household.findChildren(Field))


def test_a_switch_while_the_screen_is_hidden(window) -> None:
    open_demo(window)
    visit_every_page(window)
    window.go_to_page("contacts")
    window.quick_hide()
    window.set_language("ar")
    window.quick_hide()  # back
    page = window.pages["contacts"]
    assert window.current_page() is page
    assert in_language(page, window.lang.gettext) == []
    assert page.layoutDirection() == Qt.RightToLeft


class _LanguageChanges(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.count += 1
        return False


def test_qt_tells_a_page_off_screen_of_its_new_catalog_when_it_is_shown(window) -> None:
    """Qt's own texts inside a page (context menus, date pickers) follow it too."""
    open_demo(window)
    visit_every_page(window)
    window.go_to_page("household")
    inside: QWidget = window.pages["school"].findChildren(QLineEdit)[0]
    changes = _LanguageChanges()
    inside.installEventFilter(changes)
    try:
        window.set_language("es")  # Qt ships a Spanish catalog: Qt sends LanguageChange
        QApplication.processEvents()
        assert window.lang.has_qt_catalog()
        assert changes.count == 0  # held while the page is off screen
        window.go_to_page("school")
        assert changes.count == 1
    finally:
        inside.removeEventFilter(changes)


def test_a_text_size_change_reaches_pages_off_screen(window) -> None:
    open_demo(window)
    visit_every_page(window)
    window.go_to_page("household")
    window.set_language("es")
    window.larger_text()
    try:
        assert window.pages["school"].is_stale()
        window.go_to_page("school")
        assert not window.pages["school"].is_stale()
        assert in_language(window.pages["school"], window.lang.gettext) == []
    finally:
        window.smaller_text()


def test_a_page_entered_behind_the_quick_hide_catches_up_on_the_next_change(window) -> None:
    """Made current while the screen is hidden (Back: no initializePage, no show), a stale
    page is brought up to date by the next change of texts (here the text size), Qt's held
    LanguageChange included, and not twice."""
    open_demo(window)
    visit_every_page(window)
    window.go_to_page("caregivers")
    page = window.pages["contacts"]
    inside: QWidget = page.findChildren(QLineEdit)[0]
    changes = _LanguageChanges()
    inside.installEventFilter(changes)
    try:
        window.set_language("es")
        QApplication.processEvents()
        window.quick_hide()
        window.wizard.back()
        assert window.current_page() is page and page.is_stale() and changes.count == 0
        window.larger_text()
        assert not page.is_stale() and changes.count == 1
        assert in_language(page, window.lang.gettext) == []
        window.smaller_text()
        window.quick_hide()  # the page shows again
        QApplication.processEvents()
        assert changes.count == 1
        assert in_language(page, window.lang.gettext) == []
    finally:
        inside.removeEventFilter(changes)


def test_the_review_summary_is_in_the_new_language_when_gone_back_to(window) -> None:
    """The review page writes its summary only while shown: going back to it after a switch
    (no initializePage) still shows it in the new language."""
    open_demo(window)
    visit_every_page(window)
    window.go_to_page("save")
    window.set_language("es")
    window.wizard.back()
    review = window.pages["review"]
    assert window.current_page() is review
    shown = {key: label.text() for key, label in review.summaries.items()}
    heading = review.problems_title.text()
    review.update_summary()  # what the page writes in the window's language now
    assert shown == {key: label.text() for key, label in review.summaries.items()}
    assert heading == review.problems_title.text()
    assert in_language(review, window.lang.gettext) == []
    window.set_language("en")
    window.set_language("es")  # and on screen, at once
    assert heading == review.problems_title.text()
