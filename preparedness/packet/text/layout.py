"""Paragraph preparation (runs, fonts, levels, shaping) and line breaking.

Pipeline for one paragraph (text between two \\n):
  1. characters no shipped font has are replaced by U+FFFD, one per grapheme cluster; emoji
     skin-tone modifiers after a character are dropped;
  2. base direction (UBA P2/P3 or given), embedding levels (bidi.resolve_levels);
  3. a font family per character: letters by coverage, neutrals (spaces, digits,
     punctuation) and marks follow the surrounding run when its font has them;
  4. break opportunities -> tokens (boxes and glue); each token is split into runs of one
     family/weight/level, each run shaped or measured once (shaping.shape, cached);
  5. per width: greedy line filling on the shaped widths, with an emergency break inside a
     token wider than the line (at cluster/syllable boundaries);
  6. per line: UBA L2 on the runs -> visual order.
Steps 1-4 do not depend on the font size or the width and are cached.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from . import bidi, fonts
from .clean import REPLACEMENT, clean_user_text, is_default_ignorable
from .shaping import Shaped, shape

_EPS = 1e-6

# --- break opportunities (a small part of UAX #14) ------------------------------------------
_ID = (
    "\u2e80-\u2fff\u3003-\u3004\u3006-\u3007\u3012-\u3013\u3020-\u3029\u3030-\u303f"
    "\u3040-\u309a\u309f-\u30fa\u30fd-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
    "\U00020000-\U0003134f"
)
_OPEN_WIDE = "\uff08\u300c\u300e\u3010\u3008\u300a\u3014\u3016\u3018\u301a\uff3b\uff5b"
_OPEN = _OPEN_WIDE + r"(\[{\u201c\u2018\u00ab"
_CLOSE = (
    r")\]},.;:!?%\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff01\uff1f\uff09\u300d\u300f\u3011"
    "\u3009\u300b\u3015\u3017\u3019\u301b\u201d\u2019\u2026\u2025\u30fc\u3005\u309d\u309e"
    "\u30fb\uff3d\uff5d\u00bb\u203a\u3063\u30c3\u3083\u3085\u3087\u30e3\u30e5\u30e7"
)
_GLUE = " \u200b\u3000"
_TOKEN_RE = re.compile(
    rf"(?P<g>[{_GLUE}]+)"
    rf"|[{_OPEN}]*[{_ID}][{_CLOSE}]*"
    rf"|[^{_GLUE}{_ID}{_OPEN_WIDE}]+"
    rf"|[{_OPEN_WIDE}]+"
)
_HYPHEN_BREAK_RE = re.compile(r"(?<=[^\W\d_]-)(?=[^\W\d_]{2})")


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of one line: one family, weight and embedding level."""

    start: int
    end: int
    key: str
    bold: bool
    level: int
    shaped: Shaped

    @property
    def width(self) -> float:
        return self.shaped.width


@dataclass(frozen=True, slots=True)
class Token:
    """An unbreakable box (word, CJK character, phone number) or a glue (spaces)."""

    start: int
    end: int
    glue: bool
    runs: tuple[Run, ...]
    width: float


@dataclass(frozen=True, slots=True)
class Line:
    """One laid-out line: runs in visual order, width in 1/1000 of the font size."""

    runs: tuple[Run, ...]
    width: float
    start: int
    end: int  # start of the next line in the paragraph
    pieces: tuple[tuple[str, bool, str, float], ...]  # what to draw, see _draw_pieces


@dataclass(frozen=True, eq=False)  # hashed by identity: prepare() returns cached instances
class Paragraph:
    """Size- and width-independent preparation of one paragraph."""

    text: str
    base: int  # 0 = LTR, 1 = RTL
    tokens: tuple[Token, ...]
    keys: frozenset[str]
    chars: _CharInfo

    @property
    def notdef(self) -> int:
        return sum(r.shaped.notdef for t in self.tokens for r in t.runs)


@dataclass(frozen=True)
class _CharInfo:
    """Per-character family, weight and level (None: the same for all characters)."""

    keys: tuple[str, ...] | str
    bolds: tuple[bool, ...]
    levels: tuple[int, ...] | int
    uniform_bold: bool = False

    def key(self, i: int) -> str:
        return self.keys if isinstance(self.keys, str) else self.keys[i]

    def level(self, i: int) -> int:
        return self.levels if isinstance(self.levels, int) else self.levels[i]


# --- step 1: characters without a glyph -------------------------------------------------------
# Emoji skin-tone modifiers (Fitzpatrick types 1-2 ... 6).
SKIN_TONES = frozenset(map(chr, range(0x1F3FB, 0x1F400)))


@lru_cache(maxsize=4096)
def substitute_missing(text: str) -> str:
    """Replace each grapheme cluster no shipped font can draw by one U+FFFD.

    A skin-tone modifier right after another character ("👍🏽") is dropped: the packet is
    printed in black and white, and the symbols font draws a tone as a dark swatch that would
    look like a printing fault next to the emoji.  A lone modifier keeps its swatch.
    """
    chars = set(text) - fonts.coverage(fonts.LATIN.key) - {"\n", "\t"}
    if not chars:
        return text
    missing = {c for c in chars if not is_default_ignorable(c) and fonts.family_for_char(c) is None}
    if not missing and chars.isdisjoint(SKIN_TONES):
        return text
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c not in missing:
            if c not in SKIN_TONES or i == 0 or text[i - 1].isspace():
                out.append(c)
            i += 1
            continue
        out.append(REPLACEMENT)
        regional = 0x1F1E6 <= ord(c) <= 0x1F1FF
        i += 1
        while i < n:
            nxt = text[i]
            cp = ord(nxt)
            if (
                is_default_ignorable(nxt)
                or unicodedata.category(nxt)[0] == "M"
                or 0x1F3FB <= cp <= 0x1F3FF
                or (text[i - 1] == "\u200d" and nxt in missing)
                or (regional and 0x1F1E6 <= cp <= 0x1F1FF)
            ):
                regional = False
                i += 1
            else:
                break
    return "".join(out)


def clean_for_layout(text: str) -> str:
    """clean_user_text + glyph substitution + tabs as spaces."""
    return substitute_missing(clean_user_text(text)).replace("\t", " ")


# --- steps 2-4 ------------------------------------------------------------------------------
def _is_neutral(cat: str) -> bool:
    return cat[0] in "ZPSN" or cat == "Cf"


def _resolve_keys(text: str) -> tuple[str, ...] | str:
    """Family key for every character (see module docstring, step 3)."""
    latin = fonts.coverage(fonts.LATIN.key)
    if latin.issuperset(text):
        return fonts.LATIN.key
    n = len(text)
    cats = [unicodedata.category(c) for c in text]
    keys: list[str | None] = [None] * n
    for i, c in enumerate(text):
        cat = cats[i]
        if cat[0] == "M" or _is_neutral(cat):
            continue
        spec = fonts.family_for_char(c)
        keys[i] = spec.key if spec else fonts.LATIN.key
    # Marks and neutrals: previous strong family if it has the glyph, else the next one's,
    # else the first family that has it.
    prev: str | None = None
    nxt_strong: list[str | None] = [None] * n
    following: str | None = None
    for i in range(n - 1, -1, -1):
        nxt_strong[i] = following
        if keys[i] is not None:
            following = keys[i]
    for i, c in enumerate(text):
        k = keys[i]
        if k is not None:
            prev = k
            continue
        if prev is not None and c in fonts.coverage(prev):
            keys[i] = prev
        elif (nk := nxt_strong[i]) is not None and c in fonts.coverage(nk):
            keys[i] = nk
        else:
            spec = fonts.family_for_char(c)
            keys[i] = spec.key if spec else (prev or fonts.LATIN.key)
        if cats[i][0] == "M":
            prev = keys[i]
    # A family drawn larger than the style (Arabic) draws digits at the style's size.
    if any(fonts.FAMILY_BY_KEY[k].scale != 1.0 for k in set(keys) if k is not None):
        keys = [fonts.scaled_key(k, c) for k, c in zip(keys, text, strict=True)]  # type: ignore[arg-type]
    return tuple(keys)  # type: ignore[arg-type]


def _raw_tokens(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    toks: list[tuple[int, int, bool]] = []
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        glue = m.lastgroup == "g"
        if not glue and "-" in text[s:e]:
            cuts = [c.start() for c in _HYPHEN_BREAK_RE.finditer(text, s, e)]
            for c in cuts:
                toks.append((s, c, False))
                s = c
        toks.append((s, e, glue))
    if not spans:
        return toks
    # A number span ("+1 (612) 555-0100") is one box, even across its spaces.
    merged: list[tuple[int, int, bool]] = []
    si, last_span = 0, -1
    for s, e, glue in toks:
        while si < len(spans) and spans[si][1] <= s:
            si += 1
        if si < len(spans) and spans[si][0] < e:
            if last_span == si and merged:
                merged[-1] = (merged[-1][0], e, False)
            else:
                merged.append((s, e, False))
            last_span = si
        else:
            merged.append((s, e, glue))
            last_span = -1
    return merged


def _make_runs(text: str, info: _CharInfo, s: int, e: int) -> tuple[Run, ...]:
    runs: list[Run] = []
    simple_keys = isinstance(info.keys, str)
    simple_levels = isinstance(info.levels, int)
    bolds = info.bolds
    i = s
    while i < e:
        k = info.key(i)
        b = bolds[i]
        lv = info.level(i)
        j = i + 1
        while (
            j < e
            and bolds[j] == b
            and (simple_keys or info.keys[j] == k)
            and (simple_levels or info.levels[j] == lv)
        ):
            j += 1
        runs.append(Run(i, j, k, b, lv, shape(text[i:j], k, b, bool(lv & 1))))
        i = j
    return tuple(runs)


def _token(text: str, info: _CharInfo, s: int, e: int, glue: bool) -> Token:
    if isinstance(info.keys, str) and isinstance(info.levels, int) and info.uniform_bold:
        sh = shape(text[s:e], info.keys, info.bolds[0], bool(info.levels & 1))
        return Token(s, e, glue, (Run(s, e, info.keys, info.bolds[0], info.levels, sh),), sh.width)
    runs = _make_runs(text, info, s, e)
    return Token(s, e, glue, runs, sum(r.shaped.width for r in runs))


@lru_cache(maxsize=4096)
def prepare(text: str, bold: tuple[bool, ...] | bool, base: int) -> Paragraph:
    """Prepare one cleaned paragraph (no \\n).  `bold` is per character or for all."""
    n = len(text)
    bolds = bold if isinstance(bold, tuple) else (bold,) * n
    keys = _resolve_keys(text)
    rtl_chars = bidi.RTL_RE.search(text) is not None
    spans = bidi.number_spans(text) if rtl_chars else []
    levels: tuple[int, ...] | int
    levels = 0 if base == 0 and not rtl_chars else tuple(bidi.resolve_levels(text, base, spans))
    info = _CharInfo(keys, bolds, levels, not isinstance(bold, tuple))
    tokens = tuple(_token(text, info, s, e, g) for s, e, g in _raw_tokens(text, spans))
    used = frozenset({keys}) if isinstance(keys, str) else frozenset(keys)
    return Paragraph(text, base, tokens, used, info)


# --- step 5: line breaking ------------------------------------------------------------------
def _can_break_before(text: str, i: int) -> bool:
    """Emergency break allowed between text[i-1] and text[i] (not inside a cluster)."""
    ch = text[i]
    prev = text[i - 1]
    if prev == "\u200d" or unicodedata.category(ch)[0] == "M" or is_default_ignorable(ch):
        return False
    if "\u1000" <= ch <= "\u109f":
        # Myanmar: a stacked consonant (after virama) or a killed one (before asat or virama)
        # belongs to the previous syllable.
        if prev == "\u1039":
            return False
        if i + 1 < len(text) and text[i + 1] in "\u103a\u1039":
            return False
    return True


def _split_token(p: Paragraph, tok: Token, avail: float) -> list[Token]:
    """Cut a token wider than the line at cluster boundaries, each piece <= avail.

    Widths are first estimated from the token's shaped per-character advances (prefix sums,
    bisect: linear in the token length), then each piece is re-shaped and, if the estimate was
    short, moved back one boundary at a time.
    """
    text = p.text
    base = tok.start
    adv: list[float] = []
    for r in tok.runs:
        adv.extend(r.shaped.advances)
    prefix = list(accumulate(adv, initial=0.0))
    bounds = [j for j in range(tok.start + 1, tok.end) if _can_break_before(text, j)]
    bounds.append(tok.end)
    widths = [prefix[j - base] for j in bounds]
    pieces: list[Token] = []
    s, e = tok.start, tok.end
    lo = 0  # index of the first boundary after s
    while s < e:
        start_w = prefix[s - base]
        if widths[-1] - start_w <= avail * 0.98:
            last = _token(text, p.chars, s, e, False)
            if last.width <= avail + _EPS:
                pieces.append(last)
                break
        k = max(bisect_right(widths, start_w + avail + _EPS, lo) - 1, lo)
        piece = _token(text, p.chars, s, bounds[k], False)
        while piece.width > avail + _EPS and k > lo:
            k -= 1
            piece = _token(text, p.chars, s, bounds[k], False)
        pieces.append(piece)
        s = bounds[k]
        lo = k + 1
    return pieces


def _finish(tokens: list[Token], end: int) -> Line:
    runs = [r for t in tokens for r in t.runs]
    width = sum(t.width for t in tokens)
    if any(r.level for r in runs):
        runs = [runs[i] for i in bidi.visual_order([r.level for r in runs])]
    start = tokens[0].start if tokens else end
    return Line(tuple(runs), width, start, end, _draw_pieces(runs))


def _draw_pieces(runs: list[Run]) -> tuple[tuple[str, bool, str, float], ...]:
    """Visual runs as (family, bold, glyphs, width), neighbours with plain text merged.

    Why: a Latin line is then one string in one font (one text operator), not a run per word.
    """
    out: list[tuple[str, bool, list[str], float]] = []
    merged: list[tuple[str, bool, str, float]] = []
    for r in runs:
        g = r.shaped.glyphs
        if type(g) is str and out and out[-1][0] == r.key and out[-1][1] == r.bold:
            k, b, parts, w = out[-1]
            parts.append(g)
            out[-1] = (k, b, parts, w + r.shaped.width)
            continue
        if out:
            k, b, parts, w = out.pop()
            merged.append((k, b, "".join(parts), w))
        if type(g) is str:
            out.append((r.key, r.bold, [g], r.shaped.width))
        else:
            merged.append((r.key, r.bold, g, r.shaped.width))
    if out:
        k, b, parts, w = out.pop()
        merged.append((k, b, "".join(parts), w))
    return tuple(merged)


@lru_cache(maxsize=4096)
def break_lines(p: Paragraph, avail: float) -> tuple[Line, ...]:
    """Greedy line filling; `avail` in 1/1000 of the font size.  Always >= 1 line."""
    lines: list[Line] = []
    cur: list[Token] = []
    cur_w = 0.0
    glue: list[Token] = []
    glue_w = 0.0
    first = True
    for tok in p.tokens:
        if tok.glue:
            if cur or first:
                glue.append(tok)
                glue_w += tok.width
            continue
        if cur and cur_w + glue_w + tok.width <= avail + _EPS:
            cur.extend(glue)
            cur.append(tok)
            cur_w += glue_w + tok.width
        else:
            if cur:
                lines.append(_finish(cur, tok.start))
                cur, cur_w = [], 0.0
            lead = glue if first else []
            lead_w = glue_w if first else 0.0
            if lead_w + tok.width <= avail + _EPS:
                cur = [*lead, tok]
                cur_w = lead_w + tok.width
            else:
                if lead:
                    lines.append(_finish(lead, tok.start))
                pieces = _split_token(p, tok, avail)
                for piece in pieces[:-1]:
                    lines.append(_finish([piece], piece.end))
                cur = [pieces[-1]]
                cur_w = pieces[-1].width
        first = False
        glue, glue_w = [], 0.0
    if cur or not lines:
        lines.append(_finish(cur, len(p.text)))
    return tuple(lines)


def single_line(p: Paragraph) -> Line:
    """The whole paragraph on one line (for headers, footers, labels)."""
    toks = list(p.tokens)
    while toks and toks[-1].glue:
        toks.pop()
    return _finish(toks, len(p.text))


def min_width(p: Paragraph) -> float:
    """Widest unbreakable token (1/1000 of the font size)."""
    return max((t.width for t in p.tokens if not t.glue), default=0.0)


def clear_caches() -> None:
    """Forget prepared paragraphs, line breaks and shaped runs (benchmarks, memory)."""
    from . import block, shaping

    prepare.cache_clear()
    break_lines.cache_clear()
    substitute_missing.cache_clear()
    shaping.shape.cache_clear()
    block._prepare_block.cache_clear()
