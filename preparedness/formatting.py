"""Dates and numbers in the reader's language (babel/CLDR, with our own data where CLDR lacks it).

CLDR has no Hmong or S'gaw Karen, and Haitian Creole inherits French month names, so those
three take their month names from ``i18n/calendar.json``; their numbers are formatted as en_US.

CLDR's date patterns have no ordinal day: French writes the first of a month as an ordinal,
"1er mars 2027" (le premier mars), and every other day as a number, "2 mars 2027"; babel prints
"1 mars 2027". ``FIRST_OF_MONTH`` supplies the ordinal where a spelled-out month follows.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from typing import Any

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import get_date_format
from babel.numbers import format_decimal

from preparedness.i18n import I18N_DIR
from preparedness.languages import language


@lru_cache(maxsize=1)
def _calendar_data() -> dict[str, Any]:
    return json.loads((I18N_DIR / "calendar.json").read_text(encoding="utf-8"))


def format_date(value: date | None, lang: str, length: str = "long") -> str:
    """A date a reader of ``lang`` reads naturally; "" for no date."""
    if value is None:
        return ""
    own = _calendar_data().get(lang)
    if own is not None:
        month = own["months"][value.month - 1]
        return own["long"].format(day=value.day, month=month, year=value.year)
    locale = language(lang).locale or "en_US"
    first = FIRST_OF_MONTH.get(Locale.parse(locale).language) if value.day == 1 else None
    if first is not None:
        pattern = get_date_format(length, locale=locale).pattern
        if "MMM" in pattern:  # a spelled-out month: "1er mars"; "01/03/2027" stays as it is
            return babel_format_date(value, _day_as(pattern, first), locale=locale)
    return babel_format_date(value, length, locale=locale)


# The first day of a month, by CLDR language, where the language writes it as an ordinal.
FIRST_OF_MONTH = {"fr": "1er"}


def _day_as(pattern: str, text: str) -> str:
    """The CLDR pattern with its day field ("d", not "dd") replaced by the literal ``text``."""
    out: list[str] = []
    quoted = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "'":
            quoted = not quoted  # '' (a literal quote) toggles twice
            out.append(c)
            i += 1
        elif c == "d" and not quoted:
            j = i
            while j < len(pattern) and pattern[j] == "d":
                j += 1
            out.append(f"'{text}'" if j - i == 1 else pattern[i:j])
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def format_number(value: int | float, lang: str) -> str:
    locale = language(lang).locale or "en_US"
    return format_decimal(value, locale=locale)
