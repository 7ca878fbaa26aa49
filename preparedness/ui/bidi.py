"""Unicode isolates for text we assemble from parts (names, dates, phone numbers).

A Latin name next to an Arabic date, or a phone number after an Arabic name, reorders
wrongly ("612-555-0100" shows as "0100-555-612") unless each part is isolated. Qt's text
engine honours the isolates (U+2066..U+2069); they are invisible.
"""

from __future__ import annotations

FSI, LRI, PDI = "\u2068", "\u2066", "\u2069"


def isolate(text: str) -> str:
    """Keep a part's own direction (first strong letter decides) inside any line."""
    return f"{FSI}{text}{PDI}" if text else text


def ltr(text: str) -> str:
    """Always left to right: phone numbers, codes."""
    return f"{LRI}{text}{PDI}" if text else text


LRM, RLM = "\u200e", "\u200f"


def in_direction(text: str, rtl: bool) -> str:
    """Give every line of assembled text the window's direction.

    A line made only of isolated parts has no strong letter of its own, and Qt then guesses
    its direction from the parts: a line starting with an Arabic name would be laid out right
    to left in an English window. A mark at the start of each line settles it.
    """
    mark = RLM if rtl else LRM
    return "\n".join(f"{mark}{line}" if line else line for line in text.split("\n"))
