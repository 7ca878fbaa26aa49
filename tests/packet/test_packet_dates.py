"""Dates on paper: as a reader of the language writes them, including where CLDR falls short."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from babel.dates import format_date as babel_format_date
from test_packet_copies import pdf_text, render

from preparedness.formatting import _day_as, format_date
from preparedness.languages import language, language_codes
from preparedness.packet import Copy


@pytest.mark.parametrize(
    ("day", "length", "expected"),
    [
        (date(2027, 3, 1), "long", "1er mars 2027"),
        (date(2027, 3, 1), "full", "lundi 1er mars 2027"),
        (date(2027, 1, 1), "medium", "1er janv. 2027"),
        (date(2027, 3, 1), "short", "01/03/2027"),  # numeric: no ordinal
        (date(2027, 3, 2), "long", "2 mars 2027"),
        (date(2027, 3, 11), "long", "11 mars 2027"),
        (date(2027, 3, 21), "long", "21 mars 2027"),
        (date(2027, 3, 31), "full", "mercredi 31 mars 2027"),
    ],
)
def test_french_writes_the_first_of_the_month_as_an_ordinal(
    day: date, length: str, expected: str
) -> None:
    """CLDR's French patterns ("d MMMM y") have no ordinal day; French writes "1er"."""
    assert format_date(day, "fr", length) == expected


@pytest.mark.parametrize("lang", [c for c in language_codes() if c != "fr"])
def test_other_languages_keep_their_dates(lang: str) -> None:
    """Only French changes: every other language still prints what CLDR (or, for the
    languages CLDR lacks, i18n/calendar.json) gives, on the first of a month too."""
    locale = language(lang).locale
    for day in (date(2027, 3, 1), date(2027, 1, 1), date(2027, 3, 2)):
        if locale:
            assert format_date(day, lang) == babel_format_date(day, "long", locale=locale)
        else:
            assert format_date(day, lang).startswith(f"{day.day} ")  # hmn, ksw, ht: "1 …"


def test_day_field_is_replaced_outside_quotes_only() -> None:
    assert _day_as("d MMMM y", "1er") == "'1er' MMMM y"
    assert _day_as("EEEE d 'de' MMMM", "1er") == "EEEE '1er' 'de' MMMM"
    assert _day_as("dd/MM/y", "1er") == "dd/MM/y"
    assert _day_as("'d' d MMMM", "1er") == "'d' '1er' MMMM"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_french_packet_prints_1er() -> None:
    """The demo plan's review date is March 1, 2027: the cover says "1er mars 2027"."""
    text = pdf_text(render("fr", Copy.FAMILY))
    assert "1er mars 2027" in text
    assert " 1 mars 2027" not in text
    assert "March 1, 2027" in text  # the English line is unchanged
