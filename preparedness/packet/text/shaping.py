"""Shaping and measuring one run (one font, one direction), cached and size-independent.

Why: widths for line breaking must come from the *shaped* glyphs (Arabic joining forms,
Myanmar reordering and stacking have other advances than the characters), and shaping is the
expensive step, so every result is cached by (text, family, weight, direction).  All widths
are in thousandths of the font size, so one result serves every size.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import uharfbuzz as hb
from reportlab.pdfbase.ttfonts import ShapeData, ShapedStr

from . import fonts


@dataclass(frozen=True, slots=True)
class Shaped:
    """What to draw for a run and how wide it is (per 1000 units of font size)."""

    glyphs: str  # plain str (reportlab fast path) or ShapedStr (positioned glyphs)
    width: float
    advances: tuple[float, ...]  # per input character (cluster advance on its first char)
    pua: tuple[tuple[int, str], ...]  # private-use codes -> the text they stand for
    notdef: int  # glyphs drawn as .notdef (glyph 0): must stay 0


@cache
def _fast_chars(key: str) -> frozenset[str]:
    """Characters a family can draw without shaping: mapped, and not marks or format chars."""
    import unicodedata

    return frozenset(c for c in fonts.coverage(key) if unicodedata.category(c)[0] not in ("M", "C"))


def needs_shaping(text: str, key: str, rtl: bool) -> bool:
    """Whether the run must go through HarfBuzz (or can use plain advances)."""
    return rtl or fonts.FAMILY_BY_KEY[key].complex or not _fast_chars(key).issuperset(text)


@lru_cache(maxsize=65536)
def shape(text: str, key: str, bold: bool, rtl: bool) -> Shaped:
    """Shape or measure `text` in family `key`; see `needs_shaping`.

    `width` and `advances` are in thousandths of the *style's* size: a family drawn larger
    (`FontSpec.scale`) is measured larger, so line breaking sees what is drawn.  Glyph
    positions inside a ShapedStr stay in thousandths of the size the run is drawn at.
    """
    font = fonts.ensure_registered(key, bold)
    if not needs_shaping(text, key, rtl):
        widths = font.face.charWidths
        default = font.face.defaultWidth
        adv = tuple(widths.get(ord(c), default) for c in text)
        shaped = Shaped(text, sum(adv), adv, (), 0)
    else:
        shaped = _shape_hb(text, key, bold, rtl, font)
    scale = fonts.FAMILY_BY_KEY[key].scale
    if scale == 1.0:
        return shaped
    return Shaped(
        shaped.glyphs,
        shaped.width * scale,
        tuple(a * scale for a in shaped.advances),
        shaped.pua,
        shaped.notdef,
    )


def _shape_hb(text: str, key: str, bold: bool, rtl: bool, font: fonts._LayerTTFont) -> Shaped:
    spec = fonts.FAMILY_BY_KEY[key]
    hbf = fonts.hb_font(key, bold)
    upem = fonts.face(key, bold).upem
    scale = 1000.0 / upem
    buf = hb.Buffer()
    buf.add_str(text)
    buf.direction = "rtl" if rtl else "ltr"
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    buf.guess_segment_properties()
    hb.shape(hbf, buf, dict(spec.features))
    infos = buf.glyph_infos
    positions = buf.glyph_positions

    clusters = sorted({info.cluster for info in infos})
    cluster_end = dict(zip(clusters, [*clusters[1:], len(text)], strict=True))
    cmap = font.face.charToGlyph
    dotted_circle = cmap.get(0x25CC, -1)
    char_widths = font.face.charWidths
    codes: list[str] = []
    data: list[ShapeData] = []
    pua: list[tuple[int, str]] = []
    seen_clusters: set[int] = set()
    advances = [0.0] * len(text)
    notdef = 0
    width = 0.0
    for info, pos in zip(infos, positions, strict=True):
        gid = info.codepoint
        cl = info.cluster
        if gid == 0:
            notdef += 1
        ctext = text[cl : cluster_end[cl]]
        if len(ctext) == 1 and cmap.get(ord(ctext)) == gid:
            code = ord(ctext)
        elif gid == dotted_circle:  # inserted by HarfBuzz before a mark with no base
            code = 0x25CC
        else:
            code = font.glyph_code(gid, hbf.get_glyph_h_advance(gid), upem)
            if cl not in seen_clusters:
                pua.append((code, ctext))
        seen_clusters.add(cl)
        x_adv = pos.x_advance * scale
        width += x_adv
        advances[cl] += x_adv
        codes.append(chr(code))
        data.append(
            ShapeData(
                cl,
                x_adv,
                pos.y_advance * scale,
                pos.x_offset * scale,
                pos.y_offset * scale,
                char_widths[code],
            )
        )
    glyphs = ShapedStr("".join(codes), shapeData=data)
    return Shaped(glyphs, width, tuple(advances), tuple(pua), notdef)
