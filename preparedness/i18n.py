"""Translation plumbing shared by the model, the packet and the wizard (no Qt here).

Strings for people are English gettext msgids marked with ``N_`` where they are defined
(at import time) and translated with ``translator(lang)`` where they are shown, so the
window and a packet can be in different languages at the same time.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

I18N_DIR = Path(__file__).resolve().parent.parent / "i18n"
DOMAIN = "messages"


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction; translate it with ``plural_translator``."""
    return (singular, plural)


@lru_cache(maxsize=64)
def _catalog(lang: str) -> gettext.NullTranslations:
    if lang in ("en", ""):
        return gettext.NullTranslations()
    try:
        return gettext.translation(DOMAIN, localedir=str(I18N_DIR), languages=[lang])
    except OSError:
        return gettext.NullTranslations()


def translator(lang: str) -> Callable[[str], str]:
    """Return ``_`` for one language; unknown languages fall back to English."""
    return _catalog(lang).gettext


def plural_translator(lang: str) -> Callable[[str, str, int], str]:
    """Return ``ngettext`` for one language (CLDR/gettext plural rules from the catalog)."""
    return _catalog(lang).ngettext


def reload_catalogs() -> None:
    """Forget loaded catalogs (after compiling new ones)."""
    _catalog.cache_clear()
