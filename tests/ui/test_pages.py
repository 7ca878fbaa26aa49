"""Every page with a full plan: screenshots to look at, accessibility, runtime retranslation,
keyboard use, quick hide, and the small helpers behind the pages."""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWizard,
)
from uihelpers import click, field, type_text

from preparedness.model import Plan, plan_to_json
from preparedness.model.demo import demo_plan
from preparedness.questions import QUESTIONS
from preparedness.ui import passphrase, plan_edit
from preparedness.ui.fields import Field
from preparedness.ui.pages import PAGE_ORDER

SHOTS = Path("/tmp/preparedness-screenshots")
INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QCheckBox, QDateEdit)


def open_demo(window, lang: str = "en") -> Plan:  # type: ignore[no-untyped-def]
    window.set_language(lang)
    window.new_plan()
    plan = demo_plan(lang)
    window.session.plan = plan
    window._forget_pages()
    window.wizard.restart()
    QApplication.processEvents()
    return plan


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_screenshots_of_every_page(window, lang: str) -> None:
    """Writes PNGs to look at (see docs/UI.md); checks the direction of each page."""
    SHOTS.mkdir(exist_ok=True)
    window.set_language(lang)
    QApplication.processEvents()
    window.grab().save(str(SHOTS / f"{lang}-00-start.png"))
    open_demo(window, lang)
    for number, key in enumerate(PAGE_ORDER, start=1):
        window.go_to_page(key)
        QApplication.processEvents()
        assert window.current_page() is window.pages[key]
        expected = Qt.RightToLeft if lang == "ar" else Qt.LeftToRight
        assert window.current_page().layoutDirection() == expected
        assert window.grab().save(str(SHOTS / f"{lang}-{number:02d}-{key}.png"))
    window.quick_hide()
    window.grab().save(str(SHOTS / f"{lang}-99-hidden.png"))


def test_every_input_has_a_stable_name_and_accessible_texts(window) -> None:
    open_demo(window)
    missing = []
    for key in PAGE_ORDER:
        window.go_to_page(key)
        QApplication.processEvents()
        page = window.pages[key]
        for widget in page.findChildren(QWidgetTypes()):
            if not isinstance(widget, (*INPUTS, QAbstractButton)):
                continue
            internal = widget.objectName().startswith("qt_")
            tool = type(widget).__name__ == "QToolButton"  # combo/date arrows, scroll buttons
            if (internal or tool) and not widget.objectName().startswith("section."):
                continue
            if not widget.objectName() or not (widget.accessibleName() or _text(widget)):
                missing.append((key, type(widget).__name__, widget.objectName()))
    assert not missing
    for item in window.findChildren(Field):
        assert item.editor.objectName() == item.question.id
        label = window.lang.gettext(item.question.label)
        if item.question.help:
            assert item.editor.accessibleDescription() == window.lang.gettext(item.question.help)
        assert item.editor.accessibleName() == item.label_text(window.lang.gettext)
        if (
            item.question.id in QUESTIONS
            and "{" not in label
            and item.question.id
            not in (
                "adult.phone",
                "contact.phone",
                "legal.a_number",
            )
        ):
            assert item.editor.accessibleName() == label


def QWidgetTypes():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    return QWidget


def _text(widget) -> str:  # type: ignore[no-untyped-def]
    return widget.text() if isinstance(widget, QAbstractButton) else ""


def test_language_switches_at_once_and_keeps_answers(window, monkeypatch) -> None:
    """A pseudo-catalog marks every translated text: after one switch, all of ours on screen
    change at once, and every other page has changed by the time it is shown."""
    import preparedness.ui.language as language

    real = language.translator
    monkeypatch.setattr(
        language, "translator", lambda code: (lambda s: f"‹{s}›") if code == "fr" else real(code)
    )
    plan = open_demo(window)
    window.go_to_page("contacts")
    before = plan_to_json(plan)
    started = time.perf_counter()
    window.set_language("fr")
    elapsed = time.perf_counter() - started
    assert elapsed < 0.5  # the benchmark reports the real figure (goal: 100 ms)
    def marked(fields: list[Field]) -> bool:
        return all(f.label.text().startswith("‹") or "{" in f._label_msgid for f in fields)

    assert marked(window.pages["contacts"].findChildren(Field))
    assert window.pages["contacts"].title_label.text().count("‹") == 1
    assert window.start.new_button.text() == "‹Make a new plan›"
    for key in PAGE_ORDER:  # the pages off screen caught up before they were shown
        window.go_to_page(key)
        assert window.pages[key].title_label.text().startswith("‹")
        assert marked(window.pages[key].findChildren(Field))
    assert marked(window.findChildren(Field))
    window.go_to_page("contacts")
    # Qt's own buttons come from Qt's French catalog (languages.json names qtbase_fr)
    assert "Suivant" in window.wizard.button(QWizard.NextButton).text()
    assert plan_to_json(plan) == before
    names = [w.text() for w in window.pages["contacts"].findChildren(QLineEdit, "contact.name")]
    assert names[: len(plan.contacts)] == [c.name for c in plan.contacts]
    # a language Qt has no catalog for: our own texts for Qt's buttons
    window.set_language("so")
    assert window.wizard.buttonText(QWizard.NextButton) == real("so")("&Next >")


def test_quick_hide_blanks_at_once_and_keeps_the_plan(window, qtbot) -> None:
    plan = open_demo(window)
    before = plan_to_json(plan)
    window.go_to_page("children")
    started = time.perf_counter()
    qtbot.keyClick(window.wizard, Qt.Key_F12)
    elapsed = time.perf_counter() - started
    assert window.is_hidden_screen()
    assert elapsed < 0.2
    shot = window.grab().toImage()
    assert window.blank.isVisible() and not window.wizard.isVisible()
    del shot
    qtbot.keyClick(window, Qt.Key_F12)
    assert window.stack.currentWidget() is window.wizard
    assert window.current_page() is window.pages["children"]
    click(qtbot, window.hide_button)
    assert window.is_hidden_screen()
    click(qtbot, window.show_again)
    assert plan_to_json(window.session.plan) == before


def test_escape_never_closes_the_wizard(window, qtbot) -> None:
    open_demo(window)
    window.go_to_page("children")
    qtbot.keyClick(window.wizard, Qt.Key_Escape)
    qtbot.keyClick(window.wizard, Qt.Key_Escape)
    assert window.wizard.isVisible() and window.session.plan is not None


def test_keyboard_order_and_text_size(window, qtbot) -> None:
    window.new_plan()
    QApplication.processEvents()
    page = window.pages["household"]
    name = field(page, "adult.name", QLineEdit)
    assert QApplication.focusWidget() is name  # the first question has the focus
    qtbot.keyClick(name, Qt.Key_Tab)
    assert QApplication.focusWidget() is field(page, "adult.relationship", QLineEdit)
    size = QApplication.font().pointSize()
    click(qtbot, window.larger)
    assert QApplication.font().pointSize() == size + 2
    click(qtbot, window.smaller)
    assert QApplication.font().pointSize() == size
    click(qtbot, window.contrast)
    assert QApplication.palette().window().color().name() == "#000000"
    click(qtbot, window.contrast)


def test_window_title_and_names_stay_neutral(window) -> None:
    plan = open_demo(window)
    for key in PAGE_ORDER:
        window.go_to_page(key)
        assert plan.household.adults[0].name not in window.windowTitle()
        assert window.windowTitle() == "Family Preparedness Plan"


def test_problems_show_beside_the_field_after_the_person_moves_on(window, qtbot) -> None:
    window.new_plan()
    page = window.pages["household"]
    window.revalidate()
    name_row = field(page, "row.adult.name", Field)
    assert not name_row.problem_label.isVisible()  # an empty form is not an error
    window.wizard.next()
    window.wizard.back()
    window.revalidate()
    assert name_row.problem_label.isVisible()
    type_text(field(page, "adult.name", QLineEdit), "Ana")
    window.revalidate()
    assert not name_row.problem_label.isVisible()


def test_opening_runs_the_kdf_off_the_ui_thread(window, qtbot, tmp_path) -> None:
    """With the real (slow) KDF the event loop keeps turning while the plan opens."""
    from PySide6.QtCore import QTimer

    from preparedness.vault import DEFAULT_KDF, PlanFile
    from preparedness.vault.kdf import current_default_kdf

    window.new_plan()
    payload = window.session.payload()
    path = tmp_path / "slow.fpp"
    PlanFile.create(path, payload, "a b c d", kdf=DEFAULT_KDF)
    window.clear_everything()
    del current_default_kdf
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    started = time.perf_counter()
    window.open_plan(path, "a b c d")
    qtbot.waitUntil(lambda: window.session.plan is not None, timeout=20000)
    timer.stop()
    took = time.perf_counter() - started
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert took > 0.1  # the real KDF ran
    assert len(ticks) >= 3
    assert max(gaps) < 0.25, f"the window froze for {max(gaps):.2f} s"


def test_no_network_module_is_loaded(window) -> None:
    open_demo(window)
    for key in PAGE_ORDER:
        window.go_to_page(key)
    assert "PySide6.QtNetwork" not in sys.modules


def test_restart_command_is_this_process(window) -> None:
    from preparedness.ui.safety import restart_command

    program, args = restart_command()
    assert program == sys.executable
    assert isinstance(args, list)


# -- the helpers behind the pages -----------------------------------------------------------


def test_school_by_name_links_renames_and_forgets() -> None:
    from preparedness.model import Child

    plan = Plan()
    a, b = Child(name="A"), Child(name="B")
    plan.children += [a, b]
    plan_edit.set_school_by_name(plan, a, "Lincoln")
    plan_edit.set_school_by_name(plan, b, "lincoln ")
    assert a.school_id == b.school_id and len(plan.schools) == 1
    plan_edit.set_school_by_name(plan, b, "Roosevelt")
    assert len(plan.schools) == 2
    plan_edit.set_school_by_name(plan, b, "Rooseveltt")  # a typo fixed: renamed, not added
    assert [s.name for s in plan.schools] == ["Lincoln", "Rooseveltt"]
    plan_edit.set_school_by_name(plan, b, "")
    assert [s.name for s in plan.schools] == ["Lincoln"]


def test_move_contact_and_copy_holder() -> None:
    from preparedness.model import Contact

    plan = Plan(contacts=[Contact(name="One"), Contact(name="Two")])
    plan_edit.move_contact(plan, plan.contacts[1].id, -1)
    assert [c.name for c in plan.contacts] == ["Two", "One"]
    plan_edit.move_contact(plan, plan.contacts[0].id, -1)
    assert [c.name for c in plan.contacts] == ["Two", "One"]
    holder = plan_edit.set_holder_text(plan, "one")
    assert holder == plan.contacts[1].id
    assert plan_edit.holder_text(plan, holder) == "One"
    assert plan_edit.set_holder_text(plan, "The lawyer") == "The lawyer"


def test_passphrase_suggestion_and_hint() -> None:
    words = passphrase.suggest().split()
    assert len(words) == 4 and all(w in passphrase.word_list("en") for w in words)
    assert passphrase.strength("") == passphrase.EMPTY
    assert passphrase.strength("abc") == passphrase.WEAK
    assert passphrase.strength("blue river morning bread") == passphrase.STRONG
    assert passphrase.strength("abcdefghijklm") == passphrase.FAIR


def test_none_refcount_guard_survives_many_qt_calls(app) -> None:
    """PySide6 6.12 on Python 3.11 drops a reference to None on every void call (guard.py)."""
    from PySide6.QtWidgets import QLabel

    from preparedness.ui import guard

    label = QLabel()
    before = guard.top_up()
    for _ in range(20000):
        label.setText("x")
    if not guard.none_is_immortal():
        assert guard.top_up() >= guard.LOW_WATER
    assert before > 0


def test_suggested_words_come_from_the_language_list_or_english() -> None:
    from preparedness.ui import passphrase

    english = set(passphrase.word_list("en"))
    assert len(english) >= passphrase.MIN_WORDS
    assert all(w.isascii() and w.isalpha() for w in english)
    # Arabic words would need an Arabic keyboard: English words are suggested instead.
    assert set(passphrase.suggest(lang="ar").split()) <= english
    for lang in ("es", "fr", "ht", "so", "om", "hmn"):
        words = passphrase.word_list(lang)
        assert len(words) >= passphrase.MIN_WORDS and set(words) != english, lang
        assert all(w.isascii() for w in words)


def test_start_screen_says_when_a_translation_is_unchecked(window) -> None:  # type: ignore[no-untyped-def]
    from preparedness.ui.start import NOT_REVIEWED

    note = window.start.findChild(QLabel, "start.review_note")
    window.set_language("so")
    QApplication.processEvents()
    assert note.text() == window.lang.gettext(NOT_REVIEWED) and note.isVisibleTo(window)
    window.set_language("en")  # the source language needs no review
    QApplication.processEvents()
    assert note.text() == ""
