"""The packet's text layer: every script right in reportlab, user text never markup.

Pipeline: clean -> script runs -> font per run -> shaping (HarfBuzz) -> line breaking on
shaped widths -> bidi reordering per line -> drawing each run in its font.  See
docs/TEXT-LAYER.md.  For byte-identical PDFs, build documents with reportlab's `invariant=1`.
"""

from __future__ import annotations

from .bidi import paragraph_direction as _paragraph_direction
from .block import Span, TextBlock, TextStyle, draw_text_line, line_height, text_width
from .clean import clean_user_text
from .fonts import font_for_char, missing_glyphs, registered_font_names

__all__ = [
    "Span",
    "TextBlock",
    "TextStyle",
    "clean_user_text",
    "draw_text_line",
    "font_for_char",
    "line_height",
    "missing_glyphs",
    "paragraph_direction",
    "registered_font_names",
    "text_width",
]


def paragraph_direction(text: str) -> str:
    """ "rtl" or "ltr" from the first strong character of the cleaned text (UBA P2/P3)."""
    return _paragraph_direction(clean_user_text(text))
