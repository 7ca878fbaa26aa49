"""Our UBA subset against python-bidi (Rust unicode-bidi) as an oracle, and number spans."""

from __future__ import annotations

import random

import pytest
from bidi import get_display

from preparedness.packet.text import bidi, paragraph_direction

ALPHABET = (
    ["a", "b", "Z", "é"] * 3
    + ["ا", "ب", "ت", "ج", "\u05d0", "\u05d1"] * 3
    + ["1", "2", "0", "\u0661", "\u0662", "\u06f1"] * 2
    + [" "] * 6
    + list(".,:;-+/%$#()[]{}!?'\"")
    + ["\u064e", "\u0301", "\u00a0", "\u2026", "\u00ab", "\u00bb"]
)


def our_display(text: str, base: int) -> str:
    levels = bidi.resolve_levels(text, base, [])
    # L1: trailing whitespace goes back to the paragraph level
    i = len(text)
    while i > 0 and text[i - 1] == " ":
        i -= 1
        levels[i] = base
    order = bidi.visual_order(levels)
    # python-bidi's Rust implementation does not mirror (L4), so neither do we here
    return "".join(text[k] for k in order)


@pytest.mark.parametrize("base", [0, 1])
def test_levels_agree_with_python_bidi(base: int) -> None:
    rng = random.Random(20261122 + base)
    mismatches = []
    for _ in range(4000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 18)))
        expect = get_display(text, base_dir="R" if base else "L")
        got = our_display(text, base)
        if got != expect:
            mismatches.append((text, expect, got))
    assert not mismatches, mismatches[:5]


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("hello مرحبا", "ltr"),
        ("مرحبا hello", "rtl"),
        ("612-555-0100 مرحبا", "rtl"),
        ("612-555-0100", "ltr"),
        ("", "ltr"),
        ("\u202eabc", "ltr"),  # the override is cleaned away first
        ("\u200fabc", "ltr"),
        ("\u05d0\u05d1", "rtl"),
    ],
)
def test_paragraph_direction(text: str, direction: str) -> None:
    assert paragraph_direction(text) == direction


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("اتصل 612-555-0100 الآن", ["612-555-0100"]),
        ("اتصل +1 (612) 555-0100 الآن", ["+1 (612) 555-0100"]),
        ("(612) 555-0100", ["(612) 555-0100"]),
        ("الأعمار 5 7 9", []),
        ("التاريخ 2026-11-22.", ["2026-11-22"]),
        ("الرقم (612) فقط", ["(612)"]),
        ("عمري 42 سنة", []),
        ("٦١٢-٥٥٥-٠١٠٠", ["٦١٢-٥٥٥-٠١٠٠"]),
        ("قال (اتصل 911)", []),
    ],
)
def test_number_spans(text: str, spans: list[str]) -> None:
    assert [text[s:e] for s, e in bidi.number_spans(text)] == spans


def test_number_span_is_ltr_inside_rtl() -> None:
    text = "اتصل +1 (612) 555-0100 الآن"
    spans = bidi.number_spans(text)
    levels = bidi.resolve_levels(text, 1, spans)
    order = bidi.visual_order(levels)
    visual = "".join(text[k] for k in order)
    assert "+1 (612) 555-0100" in visual


def test_visual_order_identity_for_even_levels() -> None:
    assert bidi.visual_order([0, 2, 2, 0]) == [0, 1, 2, 3]
    assert bidi.visual_order([1, 1, 2, 2, 1]) == [4, 2, 3, 1, 0]
