"""TextBlock (a platypus Flowable) and single-line drawing on a canvas.

Why not reportlab's Paragraph: it parses markup (user text must never be markup), has no
per-character font fallback and no working right-to-left line reordering.  This draws the
runs prepared by layout.py, each in its own font, glyph by glyph where shaping moved them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from . import bidi, fonts, layout
from .layout import Line, Paragraph

Span = tuple[str, bool]
_EPS = 1e-6
_SYNTHETIC_BOLD_STROKE = 0.035  # stroke width (x font size) that fakes bold for CJK
ELLIPSIS = "\u2026"


@dataclass(frozen=True)
class TextStyle:
    """How a block or line looks.  Sizes in points."""

    size: float = 10.0
    leading: float | None = None  # default: 1.3 x size, taller for Arabic / Myanmar
    bold: bool = False
    color: str = "#000000"
    align: str = "start"  # "start" | "end" | "center"; start = left for LTR, right for RTL
    space_before: float = 0.0
    space_after: float = 0.0


@lru_cache(maxsize=256)
def _color(spec: str) -> Color:
    return HexColor(spec)


# --- preparing blocks -------------------------------------------------------------------------
@dataclass(frozen=True)
class _Block:
    paras: tuple[Paragraph, ...]
    keys: frozenset[str]


def _bold_value(bolds: list[bool]) -> tuple[bool, ...] | bool:
    if not bolds:
        return False
    first = bolds[0]
    return first if all(b == first for b in bolds) else tuple(bolds)


@lru_cache(maxsize=2048)
def _prepare_block(spans: tuple[Span, ...], direction: str) -> _Block:
    texts: list[str] = []
    bolds: list[bool] = []
    for text, bold in spans:
        t = layout.clean_for_layout(text)
        texts.append(t)
        bolds.extend([bold] * len(t))
    full = "".join(texts)
    if not full:
        return _Block((), frozenset())
    lines = full.split("\n")
    if direction == "auto":
        dirs = [bidi.paragraph_direction(t) if bidi.has_strong(t) else None for t in lines]
        current = next((d for d in dirs if d), "ltr")
    else:
        dirs = [direction] * len(lines)
        current = direction
    paras: list[Paragraph] = []
    pos = 0
    for text, d in zip(lines, dirs, strict=True):
        current = d or current
        b = _bold_value(bolds[pos : pos + len(text)])
        paras.append(layout.prepare(text, b, 1 if current == "rtl" else 0))
        pos += len(text) + 1
    keys = frozenset().union(*(p.keys for p in paras))
    return _Block(tuple(paras), keys)


def _metrics(keys: frozenset[str], style: TextStyle) -> tuple[float, float]:
    """(leading, baseline offset from the top of a line) for a block using `keys`."""
    keys = keys or frozenset({fonts.LATIN.key})
    size = style.size
    specs = [fonts.FAMILY_BY_KEY[k] for k in keys]
    leading = style.leading
    if leading is None:
        leading = size * max(f.leading * f.scale for f in specs)
    asc = max(fonts.face(f.key, False).ascent * f.scale for f in specs) * size
    desc = max(fonts.face(f.key, False).descent * f.scale for f in specs) * size
    return leading, (leading - asc - desc) / 2 + asc


# --- drawing ----------------------------------------------------------------------------------
def _num(v: float) -> str:
    """Compact PDF number (3 decimals are 1/1000 pt: finer than any printer)."""
    t = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if t in ("", "-0") else t


def _draw_lines(
    canv: Canvas, placed: list[tuple[float, float, Line]], size: float, color: Color
) -> None:
    """Draw lines placed at (x, baseline y) in one colour, inside one saved graphics state."""
    ops: list[str] = []
    synthetic = False
    for x, y, line in placed:
        synthetic = _line_ops(canv, x, y, line, size, ops) or synthetic
    if not ops:
        return
    canv.saveState()
    canv.setFillColor(color)
    if synthetic:
        canv.setStrokeColor(color)
        canv.setLineWidth(size * _SYNTHETIC_BOLD_STROKE)
    canv._code.append(" ".join(ops))
    canv.restoreState()


def _line_ops(canv: Canvas, x: float, y: float, line: Line, size: float, ops: list[str]) -> bool:
    """Append one line as a PDF text object (BT..ET): each visual run at its x, in its font.

    Returns whether a synthetic bold (fill + stroke) was used.

    Why not reportlab's textobject for shaped runs: its ShapedStr path fails when a run starts
    with a raised glyph (an IndexError in setRise) and is slow per glyph; this writes the same
    operators (Tf per subset, TJ with per-glyph adjustments, Ts for vertical offsets).
    """
    if not line.runs:
        return False
    doc = canv._doc
    escape = canv._escape
    scale = size / 1000.0
    size_s = _num(size)
    ops.append("BT")
    current: tuple[str, int, float] | None = None
    synthetic = any_synthetic = False
    xoff = 0.0
    for r in line.runs:
        if r.shaped.pua:
            fonts.ensure_registered(r.key, r.bold).record_text(doc, r.shaped.pua)
    for key, bold, glyphs, width in line.pieces:
        face = fonts.face(key, bold)
        font = fonts.ensure_registered(key, bold)
        # A family drawn larger (Arabic) gets its own size; its width is already scaled.
        run_size = size * face.spec.scale
        run_size_s = size_s if run_size == size else _num(run_size)
        if face.synthetic_bold != synthetic:
            synthetic = face.synthetic_bold
            any_synthetic = any_synthetic or synthetic
            ops.append("2 Tr" if synthetic else "0 Tr")
        ops.append(f"1 0 0 1 {_num(x + xoff)} {_num(y)} Tm")
        data = getattr(glyphs, "__shapeData__", None)
        pos = 0
        for subset, chunk in font.splitString(glyphs, doc):
            if current != (face.name, subset, run_size):
                ops.append(f"{font.getSubsetInternalName(subset, doc)} {run_size_s} Tf")
                current = (face.name, subset, run_size)
            if data is None:
                ops.append(f"({escape(chunk)}) Tj")
            else:
                _emit_shaped(ops, chunk, data[pos : pos + len(chunk)], run_size, escape)
            pos += len(chunk)
        xoff += width * scale
    if synthetic:
        ops.append("0 Tr")
    ops.append("ET")
    return any_synthetic


def _emit_shaped(
    ops: list[str], chunk: bytes, data: list, size: float, escape: Callable[[bytes], str]
) -> None:
    """TJ arrays placing each glyph at its HarfBuzz position (units: 1/1000 em)."""
    items: list[str] = []
    pending = 0.0  # horizontal adjustment not yet written (TJ units: positive moves left)
    glyph_bytes = bytearray()
    rise = 0.0

    def flush_glyphs() -> None:
        if glyph_bytes:
            items.append(f"({escape(bytes(glyph_bytes))})")
            glyph_bytes.clear()

    def flush_array() -> None:
        nonlocal pending
        flush_glyphs()
        if items:
            ops.append(f"[{' '.join(items)}] TJ")
            items.clear()

    for code, sd in zip(chunk, data, strict=True):
        before = pending - sd.x_offset
        if sd.y_offset != rise:
            if before:
                flush_glyphs()
                items.append(_num(before))
            flush_array()
            rise = sd.y_offset
            ops.append(f"{_num(size * rise / 1000.0)} Ts")
            before = 0.0
        if abs(before) > 1e-9:
            flush_glyphs()
            items.append(_num(before))
        glyph_bytes.append(code)
        # after the glyph the pen is at width - x_offset; it must end at x_advance
        pending = sd.width - sd.x_advance + sd.x_offset
    if abs(pending) > 1e-9:
        flush_glyphs()
        items.append(_num(pending))
    flush_array()
    if rise:
        ops.append("0 Ts")


# --- the flowable -----------------------------------------------------------------------------
class TextBlock(Flowable):
    """A paragraph of plain (user or translated) text: never markup.

    `text` is a string or a sequence of (text, bold) spans; \\n starts a new paragraph
    (its own base direction when `direction` is "auto").  Works in frames and Table cells,
    and splits across pages between lines.
    """

    def __init__(
        self,
        text: str | Sequence[Span],
        style: TextStyle = TextStyle(),
        direction: str = "auto",
    ) -> None:
        super().__init__()
        if direction not in ("auto", "ltr", "rtl"):
            raise ValueError(f"direction must be 'auto', 'ltr' or 'rtl', not {direction!r}")
        if style.align not in ("start", "end", "center"):
            raise ValueError(f"align must be 'start', 'end' or 'center', not {style.align!r}")
        if text is None:  # tolerated: an empty field prints nothing
            text = ""
        if isinstance(text, str):
            spans: tuple[Span, ...] = ((text, style.bold),)
        else:
            spans = tuple((str(t), bool(b) or style.bold) for t, b in text)
        self.style = style
        self.direction = direction
        block = _prepare_block(spans, direction)
        self._init(block.paras, block.keys)

    def _init(self, paras: tuple[Paragraph, ...], keys: frozenset[str]) -> None:
        self._paras = paras
        self._keys = keys
        self._leading, self._baseline = _metrics(keys, self.style)
        self._fixed: tuple[tuple[int, Line], ...] | None = None
        self._lines: tuple[tuple[int, Line], ...] = ()
        self._wrapped_for: float | None = None
        self._space_before = self.style.space_before
        self._space_after = self.style.space_after
        self.width = 0.0
        self.height = 0.0

    @classmethod
    def _part(
        cls,
        like: TextBlock,
        paras: tuple[Paragraph, ...],
        fixed: tuple[tuple[int, Line], ...] | None,
        space_before: float,
        space_after: float,
    ) -> TextBlock:
        part = cls.__new__(cls)
        Flowable.__init__(part)
        part.style = like.style
        part.direction = like.direction
        part._init(paras, like._keys)
        part._fixed = fixed
        part._space_before = space_before
        part._space_after = space_after
        return part

    # -- platypus protocol --
    def _layout(self, avail_width: float) -> tuple[tuple[int, Line], ...]:
        if self._fixed is not None:
            return self._fixed
        if self._wrapped_for != avail_width:
            avail = max(avail_width, 0.0) * 1000.0 / self.style.size
            self._lines = tuple(
                (i, line)
                for i, p in enumerate(self._paras)
                for line in layout.break_lines(p, avail)
            )
            self._wrapped_for = avail_width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines = self._layout(availWidth)
        self.width = availWidth
        self.height = len(lines) * self._leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self._layout(availWidth)
        fit = int((availHeight + _EPS) // self._leading)
        if fit >= len(lines):
            return [self]
        if fit <= 0:
            return []
        head = self._part(self, self._paras, lines[:fit], self._space_before, 0.0)
        pi, line = lines[fit]
        p = self._paras[pi]
        rest_paras = self._paras[pi + 1 :]
        if line.start > 0:
            c = line.start
            b = p.chars.bolds[c:]
            first = layout.prepare(p.text[c:], _bold_value(list(b)), p.base)
        else:
            first = p
        tail = self._part(self, (first, *rest_paras), None, 0.0, self._space_after)
        return [head, tail]

    def getSpaceBefore(self) -> float:
        return self._space_before

    def getSpaceAfter(self) -> float:
        return self._space_after

    def minWidth(self) -> float:
        return max((layout.min_width(p) for p in self._paras), default=0.0) * self.style.size / 1000

    def draw(self) -> None:
        lines = self._layout(self.width)
        style = self.style
        size = style.size
        color = _color(style.color)
        avail = self.width
        placed: list[tuple[float, float, Line]] = []
        for n, (pi, line) in enumerate(lines):
            base = self._paras[pi].base
            w = line.width * size / 1000.0
            if style.align == "center":
                x = (avail - w) / 2
            elif (style.align == "start") == (base == 0):
                x = 0.0
            else:
                x = avail - w
            y = self.height - n * self._leading - self._baseline
            placed.append((x, y, line))
        _draw_lines(self.canv, placed, size, color)

    def lines_text(self) -> list[str]:
        """Logical text of each laid-out line (after wrap): for tests and debugging."""
        out = []
        for pi, line in self._layout(self.width):
            text = self._paras[pi].text
            out.append(text[line.start : line.end].rstrip(" "))
        return out

    def line_widths(self) -> list[float]:
        """Width in points of each laid-out line (after wrap)."""
        return [line.width * self.style.size / 1000.0 for _, line in self._layout(self.width)]

    @property
    def missing_glyph_count(self) -> int:
        """Glyphs that would print as .notdef (boxes): always 0 unless a font is broken."""
        return sum(p.notdef for p in self._paras)


# --- single lines ------------------------------------------------------------------------------
def _single(text: str, bold: bool, direction: str) -> Paragraph:
    t = layout.clean_for_layout(text).replace("\n", " ")
    if direction == "auto":
        base = 1 if bidi.paragraph_direction(t) == "rtl" else 0
    elif direction in ("ltr", "rtl"):
        base = 1 if direction == "rtl" else 0
    else:
        raise ValueError(f"direction must be 'auto', 'ltr' or 'rtl', not {direction!r}")
    return layout.prepare(t, bold, base)


def line_height(text: str, style: TextStyle) -> float:
    """Distance between the baselines of lines of `text` in `style`: `style.leading`, or the
    largest default leading of the fonts the text uses (Myanmar script needs 1.9 x size)."""
    p = _single(text, style.bold, "auto")
    return _metrics(p.keys, style)[0]


def text_width(text: str, style: TextStyle) -> float:
    """Shaped width in points of `text` drawn as one line in `style`."""
    p = _single(text, style.bold, "auto")
    return layout.single_line(p).width * style.size / 1000.0


def _truncated(p: Paragraph, avail: float) -> Line:
    """Longest logical prefix (at a cluster boundary) + "…" that fits `avail` (1/1000 em)."""
    text = p.text
    bounds = [0] + [i for i in range(1, len(text)) if layout._can_break_before(text, i)]
    bold = p.chars.bolds

    def line_for(k: int) -> Line:
        head = text[:k].rstrip(" ")
        b = (*bold[: len(head)], bold[len(head) - 1] if head else False)
        q = layout.prepare(head + ELLIPSIS, _bold_value(list(b)), p.base)
        return layout.single_line(q)

    lo, hi = 0, len(bounds) - 1
    best = line_for(0)
    while lo <= hi:
        mid = (lo + hi) // 2
        cand = line_for(bounds[mid])
        if cand.width <= avail + _EPS:
            best = cand
            lo = mid + 1
        else:
            hi = mid - 1
    return best


_MIN_SHRINK = 0.8


def draw_text_line(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    style: TextStyle,
    direction: str = "auto",
    align: str = "left",
    max_width: float | None = None,
) -> float:
    """Draw `text` as one line with its baseline at y; returns the drawn width.

    `align` places the line relative to x ("left": starts at x, "right": ends at x,
    "center": centred on x).  With `max_width`, a line that is too wide is first shrunk
    (down to 80% of the style size), then cut at a cluster boundary and ended with "…".
    """
    if align not in ("left", "right", "center"):
        raise ValueError(f"align must be 'left', 'right' or 'center', not {align!r}")
    p = _single(text, style.bold, direction)
    line = layout.single_line(p)
    size = style.size
    w = line.width * size / 1000.0
    if max_width is not None and w > max_width + _EPS:
        if w * _MIN_SHRINK <= max_width:
            size = size * max_width / w
        else:
            size = size * _MIN_SHRINK
            line = _truncated(p, max(max_width, 0.0) * 1000.0 / size)
        w = line.width * size / 1000.0
    if align == "right":
        x -= w
    elif align == "center":
        x -= w / 2
    _draw_lines(canvas, [(x, y, line)], size, _color(style.color))
    return w
