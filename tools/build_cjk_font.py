"""Build the Simplified Chinese TrueType font shipped in resources/fonts/.

Why: reportlab embeds only TrueType-outline (glyf) fonts, and Debian's Noto Sans CJK
(fonts-noto-cjk) is CFF inside a .ttc.  This tool takes the "Noto Sans CJK SC" face,
subsets it to the characters a family packet can need, converts the cubic CFF outlines to
quadratic TrueType outlines (fontTools cu2qu, max error 1 unit of 1000) and gives the result
its own family name, "Preparedness CJK SC": the OFL asks modified versions not to use the
Reserved Font Name ("Source"), and a distinct name avoids clashing with an installed Noto.

Character set (see --charset):
- "full" (default): every CJK Unified Ideograph in U+4E00..U+9FFF (Simplified and Traditional,
  so names outside GB2312 still print), GB2312's symbols, CJK punctuation, kana and
  full-width forms, ASCII.
- "gb2312": GB2312's 6,763 hanzi and its symbols only (~2 MB).

Build-time only (needs fontTools, not a runtime dependency):

    .venv/bin/python tools/build_cjk_font.py \
        --source /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
        --out resources/fonts/PreparednessCJKSC-Regular.ttf

The output is deterministic for a given source font and fontTools version.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from font_names import rename_font
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

FAMILY = "Preparedness CJK SC"
PS_NAME = "PreparednessCJKSC-Regular"
SC_FACE_NAME = "Noto Sans CJK SC"


def gb2312_chars() -> set[int]:
    """Every character GB2312 encodes (hanzi and symbols), via Python's codec."""
    out: set[int] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes((hi, lo)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            out.add(ord(ch))
    return out


def wanted_codepoints(charset: str) -> set[int]:
    cps = gb2312_chars()
    cps.update(range(0x20, 0x7F))  # ASCII: digits and punctuation inside Chinese runs
    cps.update(range(0x3000, 0x3040))  # CJK symbols and punctuation
    cps.update(range(0xFF00, 0xFFF0))  # full-width and half-width forms
    cps.update(range(0x2000, 0x2070))  # general punctuation (quotes, dashes, ellipsis)
    if charset == "full":
        cps.update(range(0x4E00, 0xA000))  # CJK Unified Ideographs
        cps.update(range(0x3040, 0x3100))  # Hiragana, Katakana
    return cps


def load_sc_face(source: Path) -> TTFont:
    coll = TTCollection(str(source), lazy=False)
    for face in coll.fonts:
        if face["name"].getDebugName(1) == SC_FACE_NAME:
            return face
    raise SystemExit(f"no '{SC_FACE_NAME}' face in {source}")


def to_quadratic(font: TTFont, max_err: float = 1.0) -> None:
    """CFF -> glyf in place (after fontTools' otf2ttf snippet)."""
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(tt_pen, max_err, reverse_direction=True))
        glyphs[name] = tt_pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    for tag in ("CFF ", "VORG", "vhea", "vmtx"):
        if tag in font:
            del font[tag]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        adv, _ = hmtx.metrics[name]
        hmtx.metrics[name] = (adv, getattr(glyph, "xMin", 0))
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller, and reportlab does not need them
    post.extraNames = []
    post.mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"


def build(source: Path, out: Path, charset: str) -> None:
    font = load_sc_face(source)
    options = subset.Options()
    options.desubroutinize = True
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    # Only horizontal features that need no extra glyphs: "locl" and "vert" would pull in the
    # Japanese/Korean/Traditional variants and vertical forms (doubling the size).
    options.layout_features = ["ccmp", "kern", "mark", "mkmk"]
    options.drop_tables += ["VORG", "vhea", "vmtx", "BASE"]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(wanted_codepoints(charset)))
    sub.subset(font)
    to_quadratic(font)
    rename_font(
        font,
        FAMILY,
        PS_NAME,
        f"converted from {SC_FACE_NAME}",
        "TrueType outlines by build_cjk_font.py",
    )
    font.recalcTimestamp = False  # keep the source's head.modified: reproducible output
    out.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(out))
    print(f"wrote {out}: {out.stat().st_size:,} bytes, {len(font.getGlyphOrder()):,} glyphs")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--source",
        type=Path,
        default=Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    )
    ap.add_argument(
        "--out", type=Path, default=Path("resources/fonts/PreparednessCJKSC-Regular.ttf")
    )
    ap.add_argument("--charset", choices=("full", "gb2312"), default="full")
    args = ap.parse_args(argv)
    build(args.source, args.out, args.charset)
    return 0


if __name__ == "__main__":
    sys.exit(main())
