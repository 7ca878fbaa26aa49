"""Emoji and every script typed into a field show in the window from the shipped fonts.

The machine may have only DejaVu: the app registers resources/fonts (Preparedness Symbols
among them) and lists the family in its fallback list, before DejaVu Sans, so the window
draws the same monochrome emoji the packet prints.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontDatabase, QTextLayout

from preparedness.ui import appearance


def _runs(text: str) -> list[tuple[str, list[int]]]:
    """(family, glyph indexes) of the glyph runs Qt draws `text` with, in the app's font."""
    layout = QTextLayout(text, appearance.app_font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def test_the_symbols_font_is_registered_and_in_the_fallback_list(app) -> None:  # type: ignore[no-untyped-def]
    assert "Preparedness Symbols" in QFontDatabase.families()
    families = appearance.FONT_FAMILIES
    assert families.index("Preparedness Symbols") < families.index("DejaVu Sans")


@pytest.mark.parametrize("emoji", ["🌸", "❤", "👍", "👪", "😀", "🇺🇸"])
def test_emoji_are_drawn_by_the_symbols_font(app, emoji: str) -> None:  # type: ignore[no-untyped-def]
    assert {family for family, _ in _runs(emoji)} == {"Preparedness Symbols"}


def test_a_name_with_emoji_has_no_missing_glyph(app) -> None:  # type: ignore[no-untyped-def]
    runs = _runs("Mimi 🌸 ❤️ 👍")
    assert {"Noto Sans", "Preparedness Symbols"} <= {family for family, _ in runs}
    assert all(0 not in glyphs for _, glyphs in runs), runs  # glyph 0 is the box


def test_every_shipped_font_is_in_the_fallback_list(app) -> None:  # type: ignore[no-untyped-def]
    """A family the app ships but does not list is used only if Qt happens to find it."""
    shipped = set(appearance.load_app_fonts())
    assert shipped, "no font registered from resources/fonts"
    assert shipped <= set(appearance.FONT_FAMILIES), shipped - set(appearance.FONT_FAMILIES)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("紧急联系人", "Preparedness CJK SC"),
        ("ሰላም", "Noto Sans Ethiopic"),
        ("ကညီ", "Noto Sans Myanmar"),
        ("مرحبا", "Noto Naskh Arabic"),
    ],
)
def test_each_script_is_drawn_by_its_shipped_font(app, text: str, family: str) -> None:  # type: ignore[no-untyped-def]
    runs = _runs(text)
    assert {f for f, _ in runs} == {family}, runs
    assert all(0 not in glyphs for _, glyphs in runs), runs
