"""Page geometry, colours and text styles as data, derived from a few parents.

Why: sections ask for a style by role ("label", "value", "gloss"), never for a size, so the
look of the whole packet changes here and only here (rst2pdf's style sheets are the model).
Sizes favour readers with tired eyes and little schooling: body text 11 pt, labels bold.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.lib.pagesizes import A4, LETTER

from preparedness.packet.text import TextStyle

PAGE_SIZES: dict[str, tuple[float, float]] = {"letter": LETTER, "a4": A4}

INCH = 72.0


@dataclass(frozen=True)
class Geometry:
    """Margins in points; the frame is what is left for flowing content."""

    left: float = 0.6 * INCH
    right: float = 0.6 * INCH
    top: float = 0.55 * INCH
    bottom: float = 0.85 * INCH  # room for the two-line footer
    footer_y: float = 0.55 * INCH  # baseline of the first footer line


GEOMETRY = Geometry()

# Colours: dark enough to survive a cheap photocopy.
INK = "#111111"
GLOSS = "#3d3d3d"  # the English line under a translated one
MUTED = "#5a5a5a"
ALERT = "#9b1c1c"  # health warnings (allergies, medicines to avoid)
RULE = "#8a8a8a"
SHADE = "#ececec"
ALERT_SHADE = "#fbeaea"
CUT = "#555555"

_BASE = TextStyle(size=11.0, color=INK)

STYLES: dict[str, TextStyle] = {
    # page and section titles: the family's language first, English under it
    "title": replace(_BASE, size=22.0, bold=True, space_after=2.0),
    "title_gloss": replace(_BASE, size=14.0, color=GLOSS, space_after=10.0),
    "h2": replace(_BASE, size=15.0, bold=True, space_before=4.0),
    "h2_gloss": replace(_BASE, size=11.0, color=GLOSS, space_after=6.0),
    "h3": replace(_BASE, size=12.0, bold=True, space_before=8.0),
    "h3_gloss": replace(_BASE, size=9.5, color=GLOSS, space_after=3.0),
    "name": replace(_BASE, size=20.0, bold=True, space_after=6.0),
    # running text
    "body": replace(_BASE, size=11.0, space_after=1.0),
    "body_gloss": replace(_BASE, size=9.5, color=GLOSS, space_after=6.0),
    "strong": replace(_BASE, size=11.0, bold=True, space_after=1.0),
    "note": replace(_BASE, size=9.0, color=MUTED, space_after=2.0),
    "note_gloss": replace(_BASE, size=8.0, color=MUTED, space_after=4.0),
    # tables
    "label": replace(_BASE, size=9.5, bold=True),
    "label_gloss": replace(_BASE, size=8.0, color=GLOSS),
    "header": replace(_BASE, size=9.0, bold=True),
    "header_gloss": replace(_BASE, size=7.5, color=GLOSS),
    "value": replace(_BASE, size=10.5),
    "value_strong": replace(_BASE, size=10.5, bold=True),
    "value_gloss": replace(_BASE, size=8.5, color=GLOSS),
    "value_small": replace(_BASE, size=9.0, color=MUTED),
    "alert": replace(_BASE, size=11.0, bold=True, color=ALERT),
    "alert_gloss": replace(_BASE, size=9.0, color=ALERT),
    # the cover's list of contents (compact: the cover is one page)
    "toc_label": replace(_BASE, size=9.5, bold=True),
    "toc_label_gloss": replace(_BASE, size=7.5, color=GLOSS),
    "toc": replace(_BASE, size=9.5),
    "toc_gloss": replace(_BASE, size=7.5, color=GLOSS),
    # the signed letter
    "letter": replace(_BASE, size=11.0, space_after=5.0),
    "letter_small": replace(_BASE, size=9.5, color=GLOSS, space_after=3.0),
    "code": replace(_BASE, size=22.0, bold=True, space_before=6.0, space_after=6.0),
    # wallet cards (small by nature; bold labels keep them legible)
    "card_title": replace(_BASE, size=10.0, bold=True, space_after=3.0),
    "card": replace(_BASE, size=8.0, space_after=1.5),
    "card_strong": replace(_BASE, size=8.0, bold=True),
    "card_note": replace(_BASE, size=7.0, color=MUTED, space_before=2.0),
    # footer
    "footer": replace(_BASE, size=7.5, color=MUTED),
}


def style(name: str, **changes: object) -> TextStyle:
    """A named style, optionally with a few fields changed (alignment, spacing)."""
    base = STYLES[name]
    return replace(base, **changes) if changes else base  # type: ignore[arg-type]


def gloss_of(name: str) -> str:
    """The style of the English line under a line in style ``name``."""
    gloss = f"{name}_gloss"
    return gloss if gloss in STYLES else "value_gloss"
