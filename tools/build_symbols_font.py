"""Build the monochrome emoji and symbols TrueType font shipped in resources/fonts/.

Why: an emoji in a name ("Mimi 🌸", "Abuela ❤️") needs a glyph reportlab can embed, and
colour emoji fonts (CBDT bitmaps, COLR) are not embeddable.  Debian's fonts-symbola (Symbola
9.17, package 2.60, Unicode 9.0) draws emoji and symbols as plain TrueType outlines.  Whole,
it is 3.1 MB of hinted glyphs, most of them for scripts and symbol sets a family packet never
needs (ancient numbers, Byzantine music, mathematical alphanumerics, Latin/Greek/Cyrillic the
Noto fonts already draw).  This tool keeps:

- only the blocks listed in BLOCKS (emoji, pictographs, dingbats, arrows, geometric and
  technical symbols, enclosed alphanumerics incl. the regional indicators of flags, the
  emoji's variation selectors and the keycap mark);
- of those, only the characters no other shipped font maps (the symbols font is the last
  family of the text layer, so a character another font has would never be drawn from it);
- no hinting instructions (smaller; a packet printed at 300 dpi or more does not need them);
- no code point at or above U+F0000: the text layer addresses unmapped glyphs as
  U+F0000 + glyph id, and Symbola's own private-use glyphs would collide with that.

The family is renamed "Preparedness Symbols" (PostScript name PreparednessSymbols-Regular),
so it never clashes with an installed Symbola; the copyright and licence records are kept.

Build-time only (needs fontTools, not a runtime dependency):

    cd /tmp && apt-get download fonts-symbola && dpkg-deb -x fonts-symbola_*.deb /tmp/symbola
    .venv/bin/python tools/build_symbols_font.py \
        --source /tmp/symbola/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf \
        --out resources/fonts/PreparednessSymbols-Regular.ttf

The output is deterministic for a given source font, set of shipped fonts and fontTools
version.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from font_names import rename_font
from fontTools import subset
from fontTools.ttLib import TTFont

FAMILY = "Preparedness Symbols"
PS_NAME = "PreparednessSymbols-Regular"
SOURCE_NAME = "Symbola"
FONT_DIR = Path(__file__).resolve().parents[1] / "resources" / "fonts"
PUA_BASE = 0xF0000  # preparedness.packet.text.fonts.PUA_BASE

# (first, last, block) - Unicode blocks whose characters (minus what the Noto fonts have)
# are kept.  Emoji live in all of these (Unicode's emoji-data.txt), the rest of each block is
# symbols a note could plausibly hold (arrows, stars, check marks, circled numbers).
BLOCKS: tuple[tuple[int, int, str], ...] = (
    (0x20D0, 0x20FF, "Combining Diacritical Marks for Symbols (keycap U+20E3)"),
    (0x2190, 0x21FF, "Arrows"),
    (0x2300, 0x23FF, "Miscellaneous Technical (⌚ ⌛ ⏰ ⏩)"),
    (0x2460, 0x24FF, "Enclosed Alphanumerics (① Ⓜ)"),
    (0x25A0, 0x25FF, "Geometric Shapes (▶ ◀ ◻)"),
    (0x2600, 0x26FF, "Miscellaneous Symbols (☀ ☎ ⚠ ♥)"),
    (0x2700, 0x27BF, "Dingbats (✂ ✅ ✈ ❤)"),
    (0x27F0, 0x27FF, "Supplemental Arrows-A"),
    (0x2900, 0x297F, "Supplemental Arrows-B (⤴ ⤵)"),
    (0x2B00, 0x2BFF, "Miscellaneous Symbols and Arrows (⬆ ⬛ ⭐ ⭕)"),
    (0x3297, 0x3299, "Enclosed CJK Letters (㊗ ㊙)"),
    (0xFE0E, 0xFE0F, "Variation selectors 15 and 16 (text / emoji presentation)"),
    (0x1F004, 0x1F004, "Mahjong tile red dragon 🀄 (the only emoji of its block)"),
    (0x1F0CF, 0x1F0CF, "Playing card black joker 🃏 (the only emoji of its block)"),
    (0x1F100, 0x1F1FF, "Enclosed Alphanumeric Supplement (🅰 🆗, regional indicators 🇦-🇿)"),
    (0x1F200, 0x1F2FF, "Enclosed Ideographic Supplement (🈁 🉐)"),
    (0x1F300, 0x1F5FF, "Miscellaneous Symbols and Pictographs (🌸 👍 👪, skin tones)"),
    (0x1F600, 0x1F64F, "Emoticons (😀 🙏)"),
    (0x1F680, 0x1F6FF, "Transport and Map Symbols (🚗 🏠)"),
    (0x1F780, 0x1F7FF, "Geometric Shapes Extended"),
    (0x1F900, 0x1F9FF, "Supplemental Symbols and Pictographs (🤗 🥇)"),
)


def shipped_coverage(font_dir: Path, out: Path) -> set[int]:
    """Code points the other shipped fonts map (any of them draws these before us)."""
    cps: set[int] = set()
    for path in sorted(font_dir.glob("*.ttf")):
        if path.name == f"{PS_NAME}.ttf" or path.resolve() == out.resolve():
            continue  # an earlier build of this font
        with TTFont(str(path), lazy=True) as font:
            cps.update(font.getBestCmap())
    return cps


def wanted_codepoints(source: TTFont, taken: set[int]) -> set[int]:
    have = set(source.getBestCmap())
    keep = {cp for first, last, _ in BLOCKS for cp in range(first, last + 1)}
    return {cp for cp in have & keep if cp not in taken and cp < PUA_BASE}


def build(source: Path, out: Path, font_dir: Path) -> None:
    font = TTFont(str(source))
    cps = wanted_codepoints(font, shipped_coverage(font_dir, out))
    options = subset.Options()
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.glyph_names = False
    # Symbola's OpenType features are for Latin and Greek (smcp, onum, frac ...): none
    # applies to the kept glyphs, so GSUB and GPOS go; GDEF still marks U+20E3 a mark.
    options.layout_features = []
    options.drop_tables += ["GSUB", "GPOS"]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(cps))
    sub.subset(font)
    rename_font(
        font, FAMILY, PS_NAME, f"subset of {SOURCE_NAME}", "subset by build_symbols_font.py"
    )
    font["post"].formatType = 3.0  # no glyph names: smaller, and reportlab does not need them
    font.recalcTimestamp = False  # keep the source's head.modified: reproducible output
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))
    mapped = font.getBestCmap()
    assert all(cp < PUA_BASE for cp in mapped)
    print(
        f"wrote {out}: {out.stat().st_size:,} bytes, {len(font.getGlyphOrder()):,} glyphs, "
        f"{len(mapped):,} characters"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--source",
        type=Path,
        default=Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),
    )
    ap.add_argument("--out", type=Path, default=FONT_DIR / "PreparednessSymbols-Regular.ttf")
    ap.add_argument(
        "--font-dir", type=Path, default=FONT_DIR, help="the other shipped fonts (not subset)"
    )
    args = ap.parse_args(argv)
    build(args.source, args.out, args.font_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
