"""Dates and numbers in the reader's language (babel/CLDR, with our own data where CLDR lacks it).

CLDR has no Hmong or S'gaw Karen, and Haitian Creole inherits French month names, so those
three take their month names from ``i18n/calendar.json``; their numbers are formatted as en_US.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from typing import Any

from babel.dates import format_date as babel_format_date
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
    return babel_format_date(value, length, locale=locale)


def format_number(value: int | float, lang: str) -> str:
    locale = language(lang).locale or "en_US"
    return format_decimal(value, locale=locale)
