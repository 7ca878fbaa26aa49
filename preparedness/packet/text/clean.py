"""Cleaning user text before it reaches the page.

Why: a family's notes are typed, pasted or imported; they can carry control characters,
bidi overrides that would reorder the rest of a printed line, unpaired surrogates, or
decomposed accents.  The text layer decides direction itself, so explicit bidi controls are
dropped rather than honoured.
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls except \t and \n; DEL.  \r, \r\n, \v, \f and the Unicode line and
# paragraph separators become \n (they are line breaks in the source text).
_NEWLINES_RE = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROLS_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides, isolates, LRM/RLM/ALM and the BOM / zero-width no-break space.
_BIDI_CONTROLS_RE = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]")
# Unpaired surrogates and the interlinear annotation controls.
_INVALID_RE = re.compile("[\ud800-\udfff\ufff9-\ufffb]")
_NEEDS_CLEANING_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
    "\ufeff\ud800-\udfff\ufff9-\ufffb]"
)

REPLACEMENT = "\ufffd"


def clean_user_text(text: str) -> str:
    """Return `text` safe to lay out: NFC, no controls, no bidi controls.

    - NFC first, so Vietnamese "e + combining circumflex + dot below" becomes one letter that
      the Latin font has (and can be drawn without shaping).
    - Line breaks (\\r\\n, \\r, U+2028/2029, form feed ...) become \\n; \\t is kept.
    - Other C0/C1 controls are removed (they have no visible form and printers ignore them).
    - U+202A..202E, U+2066..2069, LRM, RLM, ALM and U+FEFF are removed: the layer applies its
      own direction, so a user's string cannot reorder the rest of the line.
    - Unpaired surrogates become U+FFFD (visible replacement character).
    """
    if not isinstance(text, str):
        text = str(text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    elif text.isprintable():
        return text
    if _NEEDS_CLEANING_RE.search(text) is None:
        return text
    text = _NEWLINES_RE.sub("\n", text)
    text = _CONTROLS_RE.sub("", text)
    text = _BIDI_CONTROLS_RE.sub("", text)
    text = _INVALID_RE.sub(REPLACEMENT, text)
    return text


def is_default_ignorable(ch: str) -> bool:
    """Characters that have no visible glyph by design (ZWJ, ZWNJ, variation selectors...)."""
    cp = ord(ch)
    return (
        cp == 0x00AD
        or cp == 0x034F
        or 0x115F <= cp <= 0x1160
        or 0x17B4 <= cp <= 0x17B5
        or 0x180B <= cp <= 0x180F
        or 0x200B <= cp <= 0x200F
        or 0x202A <= cp <= 0x202E
        or 0x2060 <= cp <= 0x206F
        or cp == 0x3164
        or 0xFE00 <= cp <= 0xFE0F
        or cp == 0xFEFF
        or cp == 0xFFA0
        or 0xFFF0 <= cp <= 0xFFF8
        or 0x1BCA0 <= cp <= 0x1BCA3
        or 0x1D173 <= cp <= 0x1D17A
        or 0xE0000 <= cp <= 0xE0FFF
    )
