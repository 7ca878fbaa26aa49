"""Phone numbers parsed and formatted by libphonenumber's rules, not by hand.

Families' contacts live in the US and abroad; a number typed as "612 555 0100" and one typed
as "+52 55 1234 5678" must both be understood, shown consistently, and flagged when wrong.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import phonenumbers

DEFAULT_REGION = "US"


def _lib():  # type: ignore[no-untyped-def]
    """libphonenumber's metadata takes ~50 ms to import: load it on first use, not at start."""
    import phonenumbers

    return phonenumbers


@lru_cache(maxsize=2048)
def parse(number: str, region: str = DEFAULT_REGION) -> phonenumbers.PhoneNumber | None:
    """The parsed number, or None when it is not a possible phone number."""
    text = number.strip()
    if not text or len(text) > 64:
        return None
    lib = _lib()
    try:
        parsed = lib.parse(text, region)
    except lib.NumberParseException:
        return None
    return parsed if lib.is_possible_number(parsed) else None


def is_valid(number: str, region: str = DEFAULT_REGION) -> bool:
    parsed = parse(number, region)
    return parsed is not None and _lib().is_valid_number(parsed)


def format_phone(number: str, region: str = DEFAULT_REGION) -> str:
    """National format for numbers in the home region, international for the rest.

    A number that cannot be parsed is returned as typed: the family's words are kept.
    """
    parsed = parse(number, region)
    if parsed is None:
        return number.strip()
    lib = _lib()
    if lib.region_code_for_number(parsed) == region:
        return lib.format_number(parsed, lib.PhoneNumberFormat.NATIONAL)
    return lib.format_number(parsed, lib.PhoneNumberFormat.INTERNATIONAL)


def format_international(number: str, region: str = DEFAULT_REGION) -> str:
    parsed = parse(number, region)
    if parsed is None:
        return number.strip()
    lib = _lib()
    return lib.format_number(parsed, lib.PhoneNumberFormat.INTERNATIONAL)


def tel_uri(number: str, region: str = DEFAULT_REGION) -> str:
    """E.164 form, for machine use (e.g. comparing two numbers)."""
    parsed = parse(number, region)
    if parsed is None:
        return ""
    lib = _lib()
    return lib.format_number(parsed, lib.PhoneNumberFormat.E164)
