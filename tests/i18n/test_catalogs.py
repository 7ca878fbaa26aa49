"""Translations: complete, placeholders intact, every glyph printable, plurals and dates right."""

from __future__ import annotations

import gettext
from datetime import date

import pytest
from babel.messages.catalog import Catalog

from preparedness.formatting import format_date
from preparedness.i18n import plural_translator, translator
from preparedness.i18n_tools import (
    catalog_languages,
    check_catalog,
    extract,
    po_path,
    read_catalog,
)
from preparedness.languages import all_languages, language_codes
from preparedness.packet.text import missing_glyphs

TRANSLATED = [code for code in language_codes() if code != "en"]


@pytest.fixture(scope="module")
def template() -> Catalog:
    return extract(write=False)


def test_every_language_has_a_catalog() -> None:
    assert sorted(TRANSLATED) == sorted(catalog_languages())


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalog_is_complete_and_placeholders_match(lang: str, template: Catalog) -> None:
    problems = check_catalog(lang, template)
    assert not problems, "\n".join(str(p) for p in problems[:30])


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_translated_character_has_a_glyph(lang: str) -> None:
    catalog = read_catalog(po_path(lang), lang)
    missing: dict[str, str] = {}
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        for text in strings:
            for ch in missing_glyphs(text or ""):
                missing[ch] = str(message.id)[:60]
    assert not missing, missing


def test_language_data_is_complete_and_honest() -> None:
    for lang in all_languages():
        assert lang.own_name and lang.english_name and lang.direction in ("ltr", "rtl")
        assert not missing_glyphs(lang.own_name)
        assert lang.review.status in ("source", "machine-drafted", "reviewed")
        if lang.review.status == "reviewed":
            assert lang.review.date and lang.review.by  # an organisation and a date
        else:
            assert lang.review.by is None
    assert {x.code for x in all_languages() if x.is_rtl} == {"ar"}


def test_arabic_plural_rule_follows_cldr_order() -> None:
    """zero, one, two, few (3-10), many (11-99), other (100-102): the order translators use."""
    with po_path("ar").with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    forms = {n: compiled.plural(n) for n in (0, 1, 2, 3, 10, 11, 99, 100, 102, 111, 1000)}
    assert forms == {0: 0, 1: 1, 2: 2, 3: 3, 10: 3, 11: 4, 99: 4, 100: 5, 102: 5, 111: 4,
                     1000: 5}


def test_arabic_has_six_plural_forms_chosen_by_count() -> None:
    catalog = read_catalog(po_path("ar"), "ar")
    assert catalog.num_plurals == 6
    ngettext = plural_translator("ar")
    pair = ("{n} idea to make your plan stronger", "{n} ideas to make your plan stronger")
    entry = catalog.get(pair)
    assert entry is not None and len(entry.string) == 6 and all(entry.string)
    # CLDR categories for Arabic: zero, one, two, few (3-10), many (11-99), other (100-102)
    for n, form in ((0, 0), (1, 1), (2, 2), (3, 3), (10, 3), (11, 4), (99, 4), (100, 5)):
        assert ngettext(*pair, n) == entry.string[form], n


@pytest.mark.parametrize("lang", ["es", "fr", "so", "vi"])
def test_two_form_languages_choose_by_count(lang: str) -> None:
    ngettext = plural_translator(lang)
    pair = ("Please check {n} thing", "Please check {n} things")
    one, many = ngettext(*pair, 1), ngettext(*pair, 5)
    assert "{n}" in many and one and many


def test_dates_in_languages_cldr_lacks_are_in_the_language() -> None:
    day = date(2027, 3, 1)
    assert format_date(day, "hmn") == "1 Lub Peb Hlis 2027"
    assert "mas" in format_date(day, "ht") and "mars" not in format_date(day, "ht")
    karen = format_date(day, "ksw")
    assert any("\u1000" <= ch <= "\u109f" for ch in karen)
    assert format_date(day, "es") == "1 de marzo de 2027"


def test_translations_are_used() -> None:
    assert translator("es")("Full name") != "Full name"
    assert translator("ar")("Full name") != "Full name"
    assert translator("xx")("Full name") == "Full name"  # unknown: English, never a crash
