"""The app's languages as data (``i18n/languages.json``): names, direction, script, locale.

The wizard's language buttons, the packet's fonts and direction, and date formatting all
read this one list, so adding a language is a data change plus a catalog.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from preparedness.i18n import I18N_DIR


@dataclass(frozen=True)
class Review:
    status: str  # "source" | "machine-drafted" | "reviewed"
    date: str | None
    by: str | None  # an organisation's name, never a private person's data


@dataclass(frozen=True)
class Language:
    code: str
    own_name: str
    english_name: str
    direction: str  # "ltr" | "rtl"
    script: str  # ISO 15924
    locale: str | None  # CLDR locale for babel, None where CLDR lacks the language
    qt_catalog: str | None  # Qt's own catalog for its standard buttons, if Qt ships one
    review: Review

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"

    @property
    def reviewed(self) -> bool:
        return self.review.status in ("source", "reviewed")


@lru_cache(maxsize=1)
def all_languages() -> tuple[Language, ...]:
    data = json.loads((I18N_DIR / "languages.json").read_text(encoding="utf-8"))
    return tuple(
        Language(**{**entry, "review": Review(**entry["review"])}) for entry in data["languages"]
    )


def language(code: str) -> Language:
    """The language for a code; unknown codes fall back to English rather than failing."""
    for lang in all_languages():
        if lang.code == code:
            return lang
    return all_languages()[0]


def language_codes() -> list[str]:
    return [lang.code for lang in all_languages()]
