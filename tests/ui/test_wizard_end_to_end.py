"""A family's evening, driven through the real window: English, and Arabic (right to left).

Pick a language, fill every page (names in several scripts), go back and forth, switch the
language in the middle, save with a passphrase, print to PDF, finish; then reopen the plan
and compare; then the wrong passphrase and a damaged file.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWizard,
)
from uihelpers import (
    back_page,
    button,
    button_with_text,
    cards,
    check,
    choose,
    click,
    field,
    next_page,
    page_key,
    set_date,
    type_keys,
    type_text,
)

from preparedness.model import MESSAGES, plan_to_json
from preparedness.questions import YES
from preparedness.vault import ContentsDamaged, Damaged, WrongPassphrase


@dataclass
class Family:
    lang: str
    parent: str
    child: str
    contact_1: str
    contact_2: str
    pet: str
    passphrase: str


ENGLISH = Family(
    lang="en",
    parent="María José Núñez",
    child="Sofía Ñandú",
    contact_1="ሰላማዊት ተስፋዬ",
    contact_2="Trần Thị Mai",
    pet="Cat «Luna»",
    passphrase="blue river morning bread",
)
ARABIC = Family(
    lang="ar",
    parent="فاطمة الزهراء",
    child="عمر يوسف",
    contact_1="أمينة وارسامي",
    contact_2="王丽华",
    pet="قطة اسمها لونا",
    passphrase="شمس بحر قمر نجمة",
)


def fill_plan(qtbot, window, family: Family, folder: Path) -> None:
    """Everything a family does, page by page, as a person would."""
    start = window.start
    click(qtbot, start.language_buttons[family.lang])
    assert window.lang.code == family.lang
    expected = Qt.RightToLeft if family.lang == "ar" else Qt.LeftToRight
    assert QApplication.layoutDirection() == expected
    click(qtbot, start.new_button)
    assert page_key(window) == "household"
    page = window.pages["household"]

    # household: the name typed one key at a time, the rest as input-method commits
    type_keys(field(page, "adult.name", QLineEdit), family.parent)
    type_text(field(page, "adult.relationship", QLineEdit), "mother")
    type_text(field(page, "adult.phone", QLineEdit), "612-555-0101")
    type_text(field(page, "household.address", QPlainTextEdit), "2817 Bloomington Ave S")
    # a wrong number gets a plain message next to the field, and does not block
    type_text(field(page, "household.home_phone", QLineEdit), "12")
    window.revalidate()
    problem = field(page, "row.household.home_phone").problem_label
    assert problem.isVisible()
    assert problem.text() == window.lang.gettext(MESSAGES["phone.invalid"])
    field(page, "household.home_phone", QLineEdit).clear()
    type_text(field(page, "household.home_phone", QLineEdit), "612-555-0100")
    window.revalidate()
    assert not field(page, "row.household.home_phone").problem_label.isVisible()
    next_page(qtbot, window)

    # children
    page = window.pages["children"]
    click(qtbot, button(page, "children.add"))
    child_card = cards(page)[0]
    type_text(field(child_card, "child.name", QLineEdit), family.child)
    set_date(field(child_card, "child.date_of_birth", QDateEdit), 2016, 11, 2)
    type_text(field(child_card, "child.school_id", QLineEdit), "Andersen School")
    type_text(field(child_card, "child.grade", QLineEdit), "4")
    health = window.lang.gettext("Health and medicines")
    click(qtbot, button_with_text(child_card, health))  # a folded section
    type_text(field(child_card, "child.allergies", QLineEdit), "Peanuts")
    next_page(qtbot, window)

    # contacts: two people, the second moved to the top, the first may pick up
    page = window.pages["contacts"]
    click(qtbot, button(page, "contacts.add"))
    first = cards(page)[0]
    type_text(field(first, "contact.name", QLineEdit), family.contact_1)
    type_text(field(first, "contact.phone", QLineEdit), "612-555-0110")
    check(field(first, "contact.may_pick_up", QCheckBox))
    choose(field(first, "contact.lives_outside_household", QComboBox), window.lang.gettext(YES))
    click(qtbot, button(page, "contacts.add"))
    second = cards(page)[1]
    type_text(field(second, "contact.name", QLineEdit), family.contact_2)
    type_text(field(second, "contact.phone", QLineEdit), "+52 55 1234 5678")
    click(qtbot, button(second, "item.move_up"))
    names = [c.name for c in window.session.plan.contacts]
    assert names == [family.contact_2, family.contact_1]
    ordered = cards(page)
    assert ordered[0].findChild(QLineEdit, "contact.name").text() == family.contact_2
    next_page(qtbot, window)

    # caregivers: choose from the contacts
    page = window.pages["caregivers"]
    care_card = cards(page)[0]
    choose(field(care_card, "care.primary_id", QComboBox), family.contact_1)
    check(field(care_card, "care.primary_agreed", QCheckBox))
    choose(field(care_card, "care.backup_id", QComboBox), family.contact_2)
    check(field(care_card, "authorization.signed", QCheckBox))
    type_text(field(care_card, "authorization.where_kept", QLineEdit), "Blue folder")
    next_page(qtbot, window)

    # school: the school typed on the child's card is here, once
    page = window.pages["school"]
    school_cards = cards(page)
    assert len(school_cards) == 1
    assert field(school_cards[0], "school.name", QLineEdit).text() == "Andersen School"
    check(field(school_cards[0], "school.emergency_card_updated", QCheckBox))
    next_page(qtbot, window)

    # legal: marked sensitive, skippable
    page = window.pages["legal"]
    note = field(page, "legal.sensitive_note", QLabel)
    assert note.isVisible()
    click(qtbot, button(page, "legal.skip"))
    assert page_key(window) == "documents"

    # documents: the usual papers are listed; we have the first
    page = window.pages["documents"]
    first_doc = cards(page)[0]
    choose(field(first_doc, "document.have_it", QComboBox), window.lang.gettext(YES))
    type_text(field(first_doc, "document.original_location", QLineEdit), "Blue folder")
    type_text(field(first_doc, "document.copy_holder", QLineEdit), family.contact_1)
    assert window.session.plan.documents[0].copy_holder == window.session.plan.contacts[1].id
    next_page(qtbot, window)

    # money and home
    page = window.pages["money"]
    type_text(field(page, "money.pets", QPlainTextEdit), family.pet)
    next_page(qtbot, window)

    # review: everything on one page, and a way back
    page = window.pages["review"]
    summary = field(page, "review.summary.children", QLabel).text()
    assert family.child in summary
    assert family.contact_2 in field(page, "review.summary.contacts", QLabel).text()
    click(qtbot, button(page, "review.goto.children"))
    assert page_key(window) == "children"
    # back and forth keeps every answer
    back_page(qtbot, window)
    assert field(window.pages["household"], "adult.name", QLineEdit).text() == family.parent
    while page_key(window) != "review":
        next_page(qtbot, window)


def save_plan(qtbot, window, dialogs, family: Family, folder: Path) -> Path:
    next_page(qtbot, window)
    assert page_key(window) == "save"
    page = window.pages["save"]
    assert not page.save_button.isEnabled()  # no passphrase yet
    type_text(page.passphrase, family.passphrase)
    type_text(page.confirm, family.passphrase[:-1])
    assert page.mismatch.isVisible()
    page.confirm.clear()
    type_text(page.confirm, family.passphrase)
    assert not page.mismatch.isVisible() and page.save_button.isEnabled()
    check(page.recovery_box)
    plan_path = folder / "plan.fpp"
    dialogs.answers.append(plan_path)
    click(qtbot, page.save_button)
    assert dialogs.asked[-1] == ("save", "plan.fpp")  # a neutral suggested name
    qtbot.waitUntil(lambda: window.session.plan_file is not None, timeout=10000)
    assert not window.session.dirty
    assert plan_path.exists()
    assert stat.S_IMODE(os.stat(plan_path).st_mode) == 0o600
    assert page.code.isVisible() and page.recovery_code
    return plan_path


def print_packet(qtbot, window, dialogs, family: Family, folder: Path) -> Path:
    next_page(qtbot, window)
    assert page_key(window) == "print"
    page = window.pages["print"]
    assert page.warning.isVisible()
    check(page.copy_boxes["caregiver"], False)
    check(page.copy_boxes["school"], False)
    click(qtbot, page.make_button)
    qtbot.waitUntil(lambda: bool(page.pdfs), timeout=60000)
    assert page.document.pageCount() > 0  # the in-app preview loaded from memory
    pdf_path = folder / "packet.pdf"
    dialogs.answers.append(pdf_path)
    click(qtbot, page.save_button)
    assert dialogs.asked[-1] == ("save", "packet-family.pdf")
    assert stat.S_IMODE(os.stat(pdf_path).st_mode) == 0o600
    from pypdf import PdfReader

    text = "".join(p.extract_text() or "" for p in PdfReader(pdf_path).pages)
    assert "612" in text
    title = PdfReader(pdf_path).metadata.get("/Title", "") or ""
    assert family.parent not in title and family.child not in title
    if family.lang == "en":
        assert family.parent in text
    return pdf_path


def reopen(qtbot, window, dialogs, path: Path, secret: str) -> None:
    dialogs.answers.append(path)
    click(qtbot, window.start.open_button)
    type_text(window.start.passphrase, secret)
    click(qtbot, window.start.unlock_button)


@pytest.mark.parametrize("family", [ENGLISH, ARABIC], ids=["english", "arabic"])
def test_a_family_evening(qtbot, window, dialogs, restarts, tmp_folder, family: Family) -> None:
    fill_plan(qtbot, window, family, tmp_folder)

    # switch the language in the middle: every answer stays, the layout mirrors or not
    other = "en" if family.lang == "ar" else "ar"
    window.set_language(other)
    assert window.wizard.layoutDirection() == (Qt.RightToLeft if other == "ar" else Qt.LeftToRight)
    back_page(qtbot, window)
    while page_key(window) != "household":
        back_page(qtbot, window)
    assert field(window.pages["household"], "adult.name", QLineEdit).text() == family.parent
    window.set_language(family.lang)
    assert window.wizard.layoutDirection() == (
        Qt.RightToLeft if family.lang == "ar" else Qt.LeftToRight
    )
    if family.lang == "ar":  # Qt's own wizard buttons follow, through qtbase_ar
        assert window.wizard.button(QWizard.NextButton).text() != "&Next >"
    while page_key(window) != "review":
        next_page(qtbot, window)

    plan_path = save_plan(qtbot, window, dialogs, family, tmp_folder)
    saved_json = plan_to_json(window.session.plan)
    print_packet(qtbot, window, dialogs, family, tmp_folder)

    # Finish: the plan is closed, the window is back at the start, a restart was asked for
    click(qtbot, window.finish_button)
    assert restarts == [1]
    assert window.session.plan is None
    assert window.stack.currentWidget() is window.start
    texts = [w.text() for w in window.findChildren(QLineEdit)]
    assert not any(family.parent in t or family.child in t for t in texts)

    # reopen: the same plan
    reopen(qtbot, window, dialogs, plan_path, family.passphrase)
    qtbot.waitUntil(lambda: window.session.plan is not None, timeout=10000)
    assert plan_to_json(window.session.plan) == saved_json
    assert window.stack.currentWidget() is window.wizard
    assert field(window.pages["household"], "adult.name", QLineEdit).text() == family.parent
    click(qtbot, window.finish_button)

    # a wrong passphrase: a plain message, in the window's language
    reopen(qtbot, window, dialogs, plan_path, "wrong words here")
    qtbot.waitUntil(lambda: bool(window.start.message.text()), timeout=10000)
    qtbot.waitUntil(lambda: window.start.unlock_button.isEnabled(), timeout=10000)
    assert window.start.message.text() == window.lang.gettext(WrongPassphrase.default_message)
    assert window.session.plan is None
    click(qtbot, window.start.cancel_button)

    # a damaged file: the message says so; the backup is offered when there is one
    damaged = tmp_folder / "damaged.fpp"
    data = bytearray(plan_path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    plan_path.with_name("damaged.fpp.bak").write_bytes(plan_path.read_bytes())
    reopen(qtbot, window, dialogs, damaged, family.passphrase)
    qtbot.waitUntil(lambda: window.start.unlock_button.isEnabled(), timeout=10000)
    messages = {
        window.lang.gettext(Damaged.default_message),
        window.lang.gettext(ContentsDamaged.default_message),
    }
    assert window.start.message.text() in messages
    assert window.start.backup_button.isVisible()
    click(qtbot, window.start.backup_button)
    qtbot.waitUntil(lambda: window.session.plan is not None, timeout=10000)
    assert plan_to_json(window.session.plan) == saved_json
