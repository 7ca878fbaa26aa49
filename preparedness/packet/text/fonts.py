"""The shipped fonts: which one draws which character, lazy thread-safe registration.

Why: reportlab has no per-glyph fallback, so the text layer picks a font for every run of
text.  Coverage comes from each font's own cmap (read with HarfBuzz, without registering the
font with reportlab), so a packet that needs only Latin never loads the Arabic or CJK fonts.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

import uharfbuzz as hb
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from .clean import clean_user_text, is_default_ignorable

FONT_DIR = Path(__file__).resolve().parents[3] / "resources" / "fonts"

# Glyphs that no cmap entry reaches (Arabic joining forms, ligatures, reordered Myanmar
# parts) are addressed through this private-use range: code = PUA_BASE + glyph id.  It is a
# pure function of the glyph id, so output does not depend on what was drawn before.
PUA_BASE = 0xF0000


@dataclass(frozen=True)
class FontSpec:
    """One shipped family: files, and how the layer treats it."""

    key: str
    regular: str
    bold: str | None  # None: bold is synthesised (fill + stroke)
    complex: bool  # always shaped with HarfBuzz (joining, reordering, mark stacking)
    leading: float  # default line height as a multiple of the size the family is drawn at
    features: tuple[tuple[str, bool], ...] = ()
    # The family is drawn at `scale` x the style's size, so that it looks as large as Noto
    # Sans next to it; widths, line breaks and leading all use the scaled size.  Digits keep
    # the style's size (see `scaled_key`).
    scale: float = 1.0


# Noto Naskh Arabic looks smaller than Noto Sans at the same size: its alef and lam reach
# 0.671 em, Noto Sans's ascenders (l, h, k, d) 0.760 em. 0.760 / 0.671 = 1.13 makes an Arabic
# name as tall as the Latin words around it (its lower letter bodies, 0.34-0.42 em against an
# x-height of 0.536, are the script's own proportions and are not matched).
ARABIC_SCALE = 1.13


# Order matters: the first family that has a character draws it (Latin first, so digits and
# punctuation default to Noto Sans).
FAMILIES: tuple[FontSpec, ...] = (
    # Latin is drawn without kerning or ligatures so that plain Latin can use reportlab's
    # fast path and still give exactly the advances HarfBuzz would.
    FontSpec(
        "latin",
        "NotoSans-Regular.ttf",
        "NotoSans-Bold.ttf",
        False,
        1.3,
        (("kern", False), ("liga", False), ("clig", False)),
    ),
    FontSpec(
        "arabic",
        "NotoNaskhArabic-Regular.ttf",
        "NotoNaskhArabic-Bold.ttf",
        True,
        1.6,
        scale=ARABIC_SCALE,
    ),
    FontSpec("myanmar", "NotoSansMyanmar-Regular.ttf", "NotoSansMyanmar-Bold.ttf", True, 1.9),
    FontSpec("ethiopic", "NotoSansEthiopic-Regular.ttf", "NotoSansEthiopic-Bold.ttf", True, 1.45),
    FontSpec("cjk", "PreparednessCJKSC-Regular.ttf", None, False, 1.45),
    # Monochrome emoji and symbols (a subset of Symbola with only what the fonts above lack):
    # last, so it never draws a character another family has.  Leading as Noto Sans's, so
    # an emoji in a Latin name does not open up the line spacing.
    FontSpec("symbols", "PreparednessSymbols-Regular.ttf", None, False, 1.3),
)
# A scaled family draws digits unscaled, through a twin (same files, key + "~").
_TWINS = tuple(replace(f, key=f.key + "~", scale=1.0) for f in FAMILIES if f.scale != 1.0)
FAMILY_BY_KEY = {f.key: f for f in (*FAMILIES, *_TWINS)}
LATIN = FAMILIES[0]


def scaled_key(key: str, ch: str) -> str:
    """The key to draw `ch` with, given the family chosen for it.

    A scaled family draws digits (European and Arabic-Indic) at the style's size, through its
    unscaled twin: a number keeps one size whatever the script around it, its "-", "(" and
    "+" come from Noto Sans, and Naskh's European digits are Noto Sans's own design.
    """
    if ch.isdigit() and FAMILY_BY_KEY[key].scale != 1.0:
        return key + "~"
    return key


@dataclass(frozen=True)
class FontFace:
    """A registered (or registrable) face: reportlab name + HarfBuzz objects + metrics."""

    name: str  # reportlab font name
    spec: FontSpec
    path: Path
    synthetic_bold: bool
    upem: int
    ascent: float  # per 1 unit of font size
    descent: float  # positive, per 1 unit of font size


def _face_name(spec: FontSpec, bold: bool) -> str:
    stem = (spec.bold if bold and spec.bold else spec.regular).rsplit(".", 1)[0]
    return f"FPP-{stem}"


_lock = threading.RLock()
_registered: dict[str, _LayerTTFont] = {}


@cache
def _hb_face(path: Path) -> hb.Face:
    return hb.Face(hb.Blob.from_file_path(str(path)))


@cache
def coverage(key: str) -> frozenset[str]:
    """Characters the family's regular face maps (bold faces cover the same set)."""
    spec = FAMILY_BY_KEY[key]
    return frozenset(map(chr, _hb_face(FONT_DIR / spec.regular).unicodes))


@cache
def face(key: str, bold: bool) -> FontFace:
    """Metrics and name for a family/weight; does not register it with reportlab."""
    spec = FAMILY_BY_KEY[key]
    real_bold = bold and spec.bold is not None
    path = FONT_DIR / (spec.bold if real_bold else spec.regular)
    hbf = _hb_face(path)
    font = hb.Font(hbf)
    ext = font.get_font_extents("ltr")
    upem = hbf.upem
    return FontFace(
        name=_face_name(spec, bold),
        spec=spec,
        path=path,
        synthetic_bold=bold and not real_bold,
        upem=upem,
        ascent=ext.ascender / upem,
        descent=-ext.descender / upem,
    )


@cache
def hb_font(key: str, bold: bool) -> hb.Font:
    """HarfBuzz font for shaping (positions in font units)."""
    return hb.Font(_hb_face(face(key, bold).path))


def ensure_registered(key: str, bold: bool) -> _LayerTTFont:
    """Register the face with reportlab on first use (thread-safe) and return it."""
    f = face(key, bold)
    font = _registered.get(f.name)
    if font is not None:
        return font
    with _lock:
        font = _registered.get(f.name)
        if font is None:
            font = _LayerTTFont(f.name, str(f.path))
            pdfmetrics.registerFont(font)
            _registered[f.name] = font
    return font


def registered_font_names() -> set[str]:
    """Names this layer has registered so far (for tests of lazy registration)."""
    return set(_registered)


@lru_cache(maxsize=65536)
def family_for_char(ch: str) -> FontSpec | None:
    """First shipped family whose cmap has `ch`."""
    for spec in FAMILIES:
        if ch in coverage(spec.key):
            return spec
    return None


def font_for_char(ch: str, bold: bool = False) -> str | None:
    """Registered reportlab font name that draws `ch`, or None if no shipped font has it."""
    spec = family_for_char(ch)
    if spec is None:
        return None
    ensure_registered(spec.key, bold)
    return face(spec.key, bold).name


def missing_glyphs(text: str) -> set[str]:
    """Characters of `text` (after cleaning) that no shipped font can draw.

    Line breaks, tabs and default-ignorable characters (ZWJ, variation selectors ...) need
    no glyph and are not reported.
    """
    chars = set(clean_user_text(text)) - {"\n", "\t"}
    chars -= coverage(LATIN.key)
    return {c for c in chars if not is_default_ignorable(c) and family_for_char(c) is None}


class _LayerTTFont(TTFont):
    """TTFont whose ToUnicode map tells the text, not the glyph's cmap code.

    reportlab keys its subsets by Unicode code point.  Shaped glyphs with no cmap entry get a
    private-use code (PUA_BASE + gid) and the text they stand for is recorded per document, so
    copy/paste and pdftotext give back "مرحبا", not private-use characters.  Also writes code
    points above U+FFFF as UTF-16, which reportlab's own map does not.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename, asciiReadable=1, shapable=True)
        # Subsetting reads the font file through a position shared by every document that
        # uses this face: two threads subsetting at once read each other's glyphs.
        self._subset_lock = threading.Lock()

    def glyph_code(self, gid: int, advance_units: int, upem: int) -> int:
        """Code point used to reach glyph `gid` (registered in the face on first use)."""
        code = PUA_BASE + gid
        cmap = self.face.charToGlyph
        if code not in cmap:
            with _lock:
                if code not in cmap:
                    self.face.charWidths[code] = advance_units * 1000.0 / upem
                    cmap[code] = gid
        return code

    def record_text(self, doc: object, pua: tuple[tuple[int, str], ...]) -> None:
        """Remember, for this document, which text the private-use codes stand for."""
        state = self._assignState(doc)
        texts = getattr(state, "fpp_texts", None)
        if texts is None:
            texts = state.fpp_texts = {}
        for code, text in pua:
            texts.setdefault(code, text)

    def addObjects(self, doc: object) -> None:
        state = self._assignState(doc)
        texts: dict[int, str] = getattr(state, "fpp_texts", {}) or {}
        state.frozen = 1
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_font_name = (
                b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))
            ).decode("pdfdoc")
            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {self.fontName} subset {n}"
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_font_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = pdfdoc.PDFArray(list(map(self.face.getCharWidth, subset)))
            cmap_stream = pdfdoc.PDFStream()
            cmap_stream.content = _to_unicode_cmap(base_font_name, subset, texts)
            if doc.compression:
                cmap_stream.filters = [pdfdoc.PDFZCompress]
            pdf_font.ToUnicode = doc.Reference(cmap_stream, "toUnicodeCMap:" + base_font_name)
            with self._subset_lock:
                descriptor = self.face.addSubsetObjects(doc, base_font_name, subset)
            pdf_font.FontDescriptor = descriptor
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int], texts: dict[int, str]) -> str:
    entries = []
    for i, code in enumerate(subset):
        if code == 0:
            continue
        if code >= PUA_BASE:
            text = texts.get(code)
            if not text:
                continue
        else:
            text = chr(code)
        entries.append(f"<{i:02X}> <{_utf16_hex(text)}>")
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
    ]
    # A bfchar block holds at most 100 entries.
    for start in range(0, len(entries), 100):
        chunk = entries[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines.extend(chunk)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)
