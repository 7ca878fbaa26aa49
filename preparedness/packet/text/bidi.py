"""The parts of the Unicode Bidirectional Algorithm (UAX #9) that cleaned text needs.

Why our own: reportlab's RTL path is switched off, and python-bidi returns a reordered
string, not per-character levels, which we need to reorder *shaped runs* line by line.
Cleaned text has no explicit embeddings, overrides or isolates (clean_user_text removes
them), so only P2/P3, W1-W7, N0-N2, I1-I2 and L2 are implemented; L1 (trailing whitespace)
is done by the line breaker, which drops trailing spaces.

One deliberate addition: phone numbers, dates and other digit groups joined by separators
("+1 (612) 555-0100", "612-555-0100", "2026-11-22") are treated as if wrapped in LRI...PDI,
so they keep their left-to-right order next to Arabic text.  Plain UBA would turn European
digits after Arabic letters into Arabic numbers and print "0100-555-612".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Any character whose bidi class can be R, AL or AN lives in one of these ranges.
RTL_RE = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)

_bidi_class = unicodedata.bidirectional

# Bidi_Paired_Bracket pairs (BidiBrackets.txt, the ones worth having).
_OPENING = {
    "(": ")",
    "[": "]",
    "{": "}",
    "\u0f3a": "\u0f3b",
    "\u0f3c": "\u0f3d",
    "\u169b": "\u169c",
    "\u2045": "\u2046",
    "\u207d": "\u207e",
    "\u208d": "\u208e",
    "\u2308": "\u2309",
    "\u230a": "\u230b",
    "\u2329": "\u232a",
    "\u2768": "\u2769",
    "\u276a": "\u276b",
    "\u276c": "\u276d",
    "\u276e": "\u276f",
    "\u2770": "\u2771",
    "\u2772": "\u2773",
    "\u2774": "\u2775",
    "\u27e6": "\u27e7",
    "\u27e8": "\u27e9",
    "\u27ea": "\u27eb",
    "\u2983": "\u2984",
    "\u2985": "\u2986",
    "\u3008": "\u3009",
    "\u300a": "\u300b",
    "\u300c": "\u300d",
    "\u300e": "\u300f",
    "\u3010": "\u3011",
    "\u3014": "\u3015",
    "\u3016": "\u3017",
    "\u3018": "\u3019",
    "\u301a": "\u301b",
    "\ufe59": "\ufe5a",
    "\ufe5b": "\ufe5c",
    "\ufe5d": "\ufe5e",
    "\uff08": "\uff09",
    "\uff3b": "\uff3d",
    "\uff5b": "\uff5d",
    "\uff5f": "\uff60",
    "\uff62": "\uff63",
}
_CLOSING = {v: k for k, v in _OPENING.items()}
# Canonical equivalents (BD16 compares them as equal).
_CANON = {"\u2329": "\u3008", "\u232a": "\u3009"}

_NUMBER_RE = re.compile(r"[+(]*\d[\d().\-/\u2010-\u2013 \u00a0]*[\d)]|\d")
_SPACE_RE = re.compile("[ \u00a0]+")


def paragraph_direction(text: str) -> str:
    """ "rtl" if the first strong character is right-to-left (UBA P2/P3), else "ltr"."""
    if RTL_RE.search(text) is None:
        return "ltr"
    for ch in text:
        cls = _bidi_class(ch)
        if cls == "L":
            return "ltr"
        if cls in ("R", "AL"):
            return "rtl"
    return "ltr"


def has_strong(text: str) -> bool:
    """True if `text` has any strongly directional character."""
    return any(_bidi_class(ch) in ("L", "R", "AL") for ch in text)


def number_spans(text: str) -> list[tuple[int, int]]:
    """Spans of digit groups joined by separators, to be kept left-to-right as a unit."""
    spans: list[tuple[int, int]] = []
    for m in _NUMBER_RE.finditer(text):
        _accept_number(text, m.start(), m.end(), spans)
    return spans


def _accept_number(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    s = text[start:end]
    # Trim unbalanced parentheses at the edges.
    while s.endswith(")") and s.count(")") > s.count("("):
        s = s[:-1].rstrip(" \u00a0-./\u2010\u2011\u2012\u2013")
        end = start + len(s)
    while s.startswith("(") and s.count("(") > s.count(")"):
        s = s[1:]
        start += 1
    if not s or not any(c.isdigit() for c in s):
        return
    if " " in s or "\u00a0" in s:
        digits = sum(c.isdigit() for c in s)
        if not (digits >= 7 or s.startswith("+") or "(" in s):
            # Probably separate numbers ("5 7 9"): judge each part on its own.
            pos = start
            for part in _SPACE_RE.split(s):
                if part:
                    idx = text.index(part, pos)
                    _accept_number(text, idx, idx + len(part), spans)
                    pos = idx + len(part)
            return
    if any(c in "-./()+\u2010\u2011\u2012\u2013 \u00a0" for c in s) and len(s) > 1:
        spans.append((start, end))


def resolve_levels(text: str, base: int, spans: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Embedding level of every character of one paragraph (no explicit controls).

    `spans` are kept left-to-right (level 2) and count as neutrals for the text around them.
    Characters of class BN (ZWJ, soft hyphen ...) take the level of the character before.
    """
    n = len(text)
    if n == 0:
        return []
    types = [_bidi_class(ch) for ch in text]
    for s, e in spans:
        for i in range(s, e):
            types[i] = "ON"
    # X9: leave out BN characters; they get a level at the end.
    idx = [i for i, t in enumerate(types) if t != "BN"]
    t = [types[i] for i in idx]
    chars = [text[i] for i in idx]
    e_dir = "R" if base & 1 else "L"
    sos = eos = e_dir
    m = len(t)
    original = list(t)

    # W1: NSM takes the type of the previous character.
    prev = sos
    for i in range(m):
        if t[i] == "NSM":
            t[i] = prev
        else:
            prev = t[i]
    # W2: EN after AL becomes AN.  W3: AL becomes R.
    last = sos
    for i in range(m):
        ti = t[i]
        if ti in ("L", "R", "AL"):
            last = ti
            if ti == "AL":
                t[i] = "R"
        elif ti == "EN" and last == "AL":
            t[i] = "AN"
    # W4: a single separator between two numbers of the same kind.
    for i in range(1, m - 1):
        ti = t[i]
        if ti == "ES" and t[i - 1] == "EN" and t[i + 1] == "EN":
            t[i] = "EN"
        elif ti == "CS" and t[i - 1] == t[i + 1] and t[i - 1] in ("EN", "AN"):
            t[i] = t[i - 1]
    # W5: European terminators next to European numbers.
    i = 0
    while i < m:
        if t[i] == "ET":
            j = i
            while j < m and t[j] == "ET":
                j += 1
            if (i > 0 and t[i - 1] == "EN") or (j < m and t[j] == "EN"):
                for k in range(i, j):
                    t[k] = "EN"
            i = j
        else:
            i += 1
    # W6: remaining separators and terminators become neutral.  W7: EN after L becomes L.
    last = sos
    for i in range(m):
        ti = t[i]
        if ti in ("ES", "ET", "CS"):
            t[i] = "ON"
        elif ti in ("L", "R"):
            last = ti
        elif ti == "EN" and last == "L":
            t[i] = "L"
    # N0: paired brackets.
    _resolve_brackets(chars, t, original, e_dir, sos)
    # N1/N2: neutrals take the direction of matching neighbours, else the embedding direction.
    i = 0
    while i < m:
        if t[i] in ("ON", "WS", "S", "B"):
            j = i
            while j < m and t[j] in ("ON", "WS", "S", "B"):
                j += 1
            before = _strong_dir(t[i - 1]) if i > 0 else sos
            after = _strong_dir(t[j]) if j < m else eos
            fill = before if before == after else e_dir
            for k in range(i, j):
                t[k] = fill
            i = j
        else:
            i += 1
    # I1/I2.
    levels = [base] * n
    if base & 1:
        for k, ti in zip(idx, t, strict=True):
            if ti in ("L", "EN", "AN"):
                levels[k] = base + 1
    else:
        for k, ti in zip(idx, t, strict=True):
            if ti == "R":
                levels[k] = base + 1
            elif ti in ("AN", "EN"):
                levels[k] = base + 2
    for s, e in spans:
        for k in range(s, e):
            levels[k] = 2
    # BN characters: level of the previous character.
    if len(idx) != n:
        prev_level = base
        kept = set(idx)
        for k in range(n):
            if k in kept:
                prev_level = levels[k]
            else:
                levels[k] = prev_level
    return levels


def _strong_dir(t: str) -> str:
    return "L" if t == "L" else "R"  # R, AN and EN all count as R for N1


def _resolve_brackets(
    chars: list[str], t: list[str], original: list[str], e_dir: str, sos: str
) -> None:
    """UBA N0 over the bracket pairs found by BD16 (stack depth 63)."""
    if not any(c in _OPENING or c in _CLOSING for c in chars):
        return
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for i, c in enumerate(chars):
        if t[i] != "ON":
            continue
        if c in _OPENING:
            if len(stack) == 63:
                break
            stack.append((_CANON.get(_OPENING[c], _OPENING[c]), i))
        elif c in _CLOSING:
            cc = _CANON.get(c, c)
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == cc:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    pairs.sort()
    for o, c in pairs:
        found_e = found_opp = False
        for k in range(o + 1, c):
            tk = t[k]
            if tk in ("L", "R", "EN", "AN"):
                d = _strong_dir(tk)
                if d == e_dir:
                    found_e = True
                    break
                found_opp = True
        if found_e:
            new = e_dir
        elif found_opp:
            ctx = sos
            for k in range(o - 1, -1, -1):
                if t[k] in ("L", "R", "EN", "AN"):
                    ctx = _strong_dir(t[k])
                    break
            new = ctx if ctx != e_dir else e_dir
        else:
            continue
        t[o] = t[c] = new
        for k in (o, c):  # marks on a bracket follow it
            k += 1
            while k < len(t) and original[k] == "NSM":
                t[k] = new
                k += 1


def visual_order(levels: Sequence[int]) -> list[int]:
    """UBA L2: indices of items in visual (left-to-right) order."""
    n = len(levels)
    order = list(range(n))
    if n == 0:
        return order
    highest = max(levels)
    lowest_odd = min(levels) | 1  # includes intermediate levels not present
    if highest < lowest_odd:
        return order
    lv = list(levels)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < n:
            if lv[i] >= level:
                j = i
                while j < n and lv[j] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                lv[i:j] = lv[i:j][::-1]
                i = j
            else:
                i += 1
    return order
