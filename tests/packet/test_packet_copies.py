"""The packet per recipient, in every language: what each reader gets, read back from the PDF.

Text comes back through poppler's ``pdftotext``; shaped Arabic may come back as presentation
forms and Myanmar with extra spaces, so comparisons are made after NFKC, without bidi
controls and (for complex scripts) without whitespace. A pseudo-translation (Latin letters
mapped to Arabic letters, or accented) stands in for catalogs that do not exist yet, so the
bilingual and right-to-left layout is exercised today.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from preparedness.i18n import translator
from preparedness.languages import language_codes
from preparedness.model import Contact, Legal, MoneyAndHome, PacketOptions, Phone, Plan
from preparedness.model.demo import DEMO_A_NUMBER, demo_plan
from preparedness.packet import Copy, render_packet
from preparedness.packet import strings as S

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

# -- helpers ---------------------------------------------------------------------------------

_BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_PLACEHOLDER = re.compile(r"(\{[^}]*\})")
_ARABIC = dict(zip("abcdefghijklmnopqrstuvwxyz", "ابكديفغهيجكلمنوبقرستوفوخيز", strict=True))
_ACCENTED = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú", "n": "ñ"}


def pseudo(lang: str) -> Callable[[str], str]:
    """A stand-in catalog: every msgid rewritten in the language's script, placeholders kept."""
    table = {"ar": _ARABIC, "es": _ACCENTED}[lang]

    def gettext(msgid: str) -> str:
        parts = _PLACEHOLDER.split(msgid)
        return "".join(
            part
            if _PLACEHOLDER.fullmatch(part)
            else "".join(table.get(ch.lower(), ch) if ch.isascii() else ch for ch in part)
            for part in parts
        )

    return gettext


def normal(text: str) -> str:
    return _BIDI_CONTROLS.sub("", unicodedata.normalize("NFKC", text))


def squeeze(text: str) -> str:
    """No spaces or sentence punctuation: poppler may space out Myanmar clusters and move a
    full stop to the other end of a right-to-left line."""
    return re.sub(r"[\s.,:;]+", "", normal(text))


def pdf_text(pdf: bytes, *args: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.pdf"
        path.write_bytes(pdf)
        return subprocess.run(
            ["pdftotext", *args, str(path), "-"], capture_output=True, check=True, text=True
        ).stdout


@cache
def render(lang: str, copy: Copy, size: str = "letter", fake_catalog: bool = False) -> bytes:
    gettext = pseudo(lang) if fake_catalog else None
    return render_packet(demo_plan(lang), lang, copy, size, gettext=gettext)


@cache
def text(lang: str, copy: Copy, size: str = "letter", fake_catalog: bool = False) -> str:
    return normal(pdf_text(render(lang, copy, size, fake_catalog)))


LANGS = language_codes()
NAMES_IN_SCRIPTS = {
    "Latin": "Amina Warsame",
    "Vietnamese": "Trần Thị Mai",
    "Arabic": "فاطمة الزهراء",
    "Ethiopic": "ሰላማዊት ተስፋዬ",
    "Myanmar": "စီၤအ့ၣ်ကီၢ်",
    "Chinese": "王丽华",
}
PICKUP = ("Amina Warsame", "Pastor James Whitfield", "Trần Thị Mai", "王丽华")
NOT_PICKUP = ("Rosa Gómez de Hernández", "Selamawit Tesfaye", "Saw Eh Kaw")


# -- every language, every copy ----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_family_copy_has_everything(lang: str) -> None:
    t = text(lang, Copy.FAMILY)
    assert DEMO_A_NUMBER in t
    for needle in (
        "Family Preparedness Plan",
        "Family copy",
        "Confidential",
        "Next steps",
        "Emergency contacts",
        "About the child",
        "For the caregiver",
        "Letter to the school",
        "Important papers",
        "Legal and immigration",
        "Beatriz Olmos",
        "Fort Snelling Immigration Court",
        "G-28",
        "Local help",
        "MPS Office of General Counsel",
        "Our family's key numbers",
        "To the officer",
        "This is not legal advice.",
    ):
        assert needle in t, needle
    for child in ("Sofía Warsame Gómez", "Omar Warsame Gómez", "Lucía Warsame Gómez"):
        assert child in t
    # The know-your-rights card: the family's language on one side, English on the other.
    assert squeeze(translator(lang)(S.KYR_FAMILY_TITLE)) in squeeze(t)


@pytest.mark.parametrize("lang", LANGS)
def test_caregiver_copy_has_care_but_no_case_details(lang: str) -> None:
    t = text(lang, Copy.CAREGIVER)
    for needle in (
        "Caregiver copy",
        "For the caregiver",
        "Emergency contacts",
        "Penicillin",
        "Delegation of parental authority",
        "Blue folder, top shelf of the bedroom closet",
        "Ask a lawyer to check the authorization",
        "Birth certificate",
        "Our family's key numbers",
    ):
        assert needle in t, needle
    for secret in (
        DEMO_A_NUMBER,
        "A-number",
        "Beatriz Olmos",
        "Twin Cities Immigrant Legal Aid",
        "Fort Snelling",
        "Consulate",
        "Immigration papers",
        "Lawyer's office",
        "G-28",
        "Legal and immigration",
        "Know your rights",
    ):
        assert secret not in t, secret


@pytest.mark.parametrize("lang", LANGS)
def test_school_copy_is_pickup_letter_and_health_only(lang: str) -> None:
    t = text(lang, Copy.SCHOOL)
    for needle in (
        "School copy",
        "Letter to the school",
        "Andersen United Community School",
        "Roosevelt High School",
        "Signature",
        "Peanuts (severe)",
        "Albuterol inhaler",
        "Needs glasses for reading",
        *PICKUP,
    ):
        assert needle in t, needle
    lower = t.lower()
    for secret in (DEMO_A_NUMBER, "Beatriz", "Fort Snelling", "Consulate of Mexico"):
        assert secret not in t, secret
    for word in ("immigration", "court", "lawyer", "a-number", "g-28", "attorney"):
        assert word not in lower, word
    # Only what the school needs: no insurance, routines, or contacts who may not pick up.
    for private in ("Medical Assistance", "Bedtime", "Stuffed lion", *NOT_PICKUP):
        assert private not in t, private


def test_school_copy_in_arabic_never_leaks_a_numbers_even_with_a_catalog() -> None:
    t = text("ar", Copy.SCHOOL, "a4", fake_catalog=True)
    assert DEMO_A_NUMBER not in t and "Beatriz" not in t


# -- user text and bilingual labels ----------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es", "ar", "ksw", "zh_Hans", "am"])
@pytest.mark.parametrize("script", sorted(NAMES_IN_SCRIPTS))
def test_user_text_in_every_script_survives(lang: str, script: str) -> None:
    assert squeeze(NAMES_IN_SCRIPTS[script]) in squeeze(text(lang, Copy.FAMILY))


def test_english_is_printed_once_when_the_family_reads_english() -> None:
    english = text("en", Copy.FAMILY)
    assert english.count("Call them in this order.") == 2  # cover list + the page itself


@pytest.mark.parametrize("lang", ["es", "ar"])
def test_labels_are_bilingual_with_a_catalog(lang: str) -> None:
    gettext = pseudo(lang)
    t = text(lang, Copy.FAMILY, fake_catalog=True)
    for msgid in ("Emergency contacts", "Call them in this order.", "Allergies", "Full name"):
        assert msgid in t, msgid
        assert squeeze(gettext(msgid)) in squeeze(t), gettext(msgid)
    # Each English text once per place, next to (not instead of) its translation.
    assert t.count("Call them in this order.") == text("en", Copy.FAMILY).count(
        "Call them in this order."
    )


def test_signed_letter_is_english_and_translation_is_marked() -> None:
    t = text("es", Copy.SCHOOL, fake_catalog=True)
    assert "We are the parents or guardians of the children named below." in t
    assert "Translation for reading only. Sign the English text." in t
    assert squeeze(pseudo("es")("We are the parents or guardians")) in squeeze(t)


def test_a4_pages_carry_the_same_content() -> None:
    for lang in ("es", "ar"):
        t = text(lang, Copy.FAMILY, "a4")
        assert DEMO_A_NUMBER in t and "Letter to the school" in t
        assert squeeze("فاطمة الزهراء") in squeeze(t)


def test_footer_numbers_every_page() -> None:
    t = text("en", Copy.FAMILY)
    pages = t.count("\f") or 1
    assert f"Page 1 of {pages}" in t and f"Page {pages} of {pages}" in t


# -- leaving out what the family left empty --------------------------------------------------


def _sparse_plan() -> Plan:
    plan = demo_plan("es")
    plan.legal = Legal()
    plan.money_and_home = MoneyAndHome()
    plan.documents = []
    plan.packet = PacketOptions(resources_profile="")
    return plan


def test_empty_optional_sections_are_left_out() -> None:
    t = normal(pdf_text(render_packet(_sparse_plan(), "es", Copy.FAMILY)))
    for absent in (
        "Legal and immigration",
        "Local help",
        "Money and home",
        "Important papers",
        "Help lines",
        DEMO_A_NUMBER,
        "Lawyer",
    ):
        assert absent not in t, absent
    assert "Emergency contacts" in t and "To the officer" in t


def test_minimal_plan_prints_every_copy() -> None:
    plan = Plan()
    plan.household.adults.append(replace(demo_plan().household.adults[0]))
    plan.contacts.append(Contact(name="Ana", phones=[Phone("612-555-0199")]))
    for copy in Copy:
        t = normal(pdf_text(render_packet(plan, "es", copy)))
        assert "Family Preparedness Plan" in t
        assert "About the child" not in t
    assert "Ana" in normal(pdf_text(render_packet(plan, "es", Copy.FAMILY)))


def test_long_contact_list_repeats_its_header_on_each_page() -> None:
    plan = demo_plan("en")
    plan.contacts = [
        Contact(name=f"Person {i:03d}", relationship="friend", phones=[Phone("612-555-0100")])
        for i in range(90)
    ]
    t = normal(pdf_text(render_packet(plan, "en", Copy.CAREGIVER)))
    contact_pages = [page for page in t.split("\f") if "friend" in page]  # the table's rows
    assert len(contact_pages) >= 2
    assert all("Relationship" in page for page in contact_pages)
    assert "Person 089" in t


# -- right to left, checked by position --------------------------------------------------------


def _words(pdf: bytes) -> list[tuple[int, float, float, str]]:
    """(page, yMin, xMin, word) from pdftotext -bbox, words as extracted (visual order)."""
    out = []
    for page, chunk in enumerate(pdf_text(pdf, "-bbox").split("<page ")[1:], start=1):
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>',
            chunk,
        ):
            out.append((page, round(float(m[2])), float(m[1]), html.unescape(m[3])))
    return out


def _logical(word: str) -> str:
    """An extracted Arabic word back in logical order (poppler gives it in visual order)."""
    w = normal(word)
    return w[::-1] if re.search("[\u0600-\u06ff]", w) else w


def _line_positions(words: list[tuple[int, float, float, str]], sentence: str) -> list[float]:
    """x of each word of ``sentence``, found on one line of one page."""
    wanted = sentence.split()
    lines: dict[tuple[int, float], list[tuple[float, str]]] = {}
    for page, y, x, w in words:
        lines.setdefault((page, y), []).append((x, _logical(w)))
    for items in lines.values():
        found: dict[str, float] = {}
        for x, w in sorted(items):
            found.setdefault(w, x)  # a repeated word: its left-most place
        if all(w in found for w in wanted):
            return [found[w] for w in wanted]
    raise AssertionError(f"line not found: {sentence}")


def test_arabic_lines_read_right_to_left() -> None:
    words = _words(render("ar", Copy.FAMILY, fake_catalog=True))
    # A translated instruction: its first word is the right-most.
    sentence = pseudo("ar")("Call them in this order.")
    xs = _line_positions(words, sentence)
    assert xs == sorted(xs, reverse=True), (sentence, xs)
    # A family member's Arabic name, as user text in a table cell.
    xs = _line_positions(words, "فاطمة الزهراء")
    assert xs[0] > xs[1]


def test_latin_inside_an_arabic_line_keeps_its_own_order() -> None:
    words = _words(render("ar", Copy.FAMILY, fake_catalog=True))
    arabic = pseudo("ar")("Go to court:")
    xs_ar = _line_positions(words, arabic)
    xs_latin = _line_positions(words, "Fort Snelling Immigration")
    assert xs_latin == sorted(xs_latin), "Latin words keep left-to-right order"
    assert max(xs_latin) < min(xs_ar), "the Arabic start of the sentence is on the right"
    assert xs_ar == sorted(xs_ar, reverse=True)


def test_arabic_name_in_a_spanish_packet_reads_right_to_left() -> None:
    xs = _line_positions(_words(render("es", Copy.FAMILY)), "فاطمة الزهراء")
    assert xs[0] > xs[1]


def test_untranslated_arabic_packet_is_laid_out_as_english() -> None:
    """Without a catalog the labels are English: they must not be set right to left."""
    words = _words(render("ar", Copy.FAMILY))
    xs = _line_positions(words, "This is your family's plan.")
    assert xs == sorted(xs)
    assert xs[0] < 60  # starts at the left margin (43 pt), not pushed to the right
