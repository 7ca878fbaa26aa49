"""Emoji in a family's names print as emoji (the symbols font), not as replacement marks.

A child's nickname "Mimi 🌸", a contact "Abuela ❤️": the packet draws them from the shipped
monochrome symbols font (a subset of Symbola, Unicode 9), gives them back in pdftotext (the
ToUnicode map), draws no .notdef glyph, and stays byte-for-byte reproducible.  Emoji newer
than the font keep the visible U+FFFD.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from test_text_pdf import assert_no_notdef, drawn_glyphs

from preparedness.model.demo import demo_plan
from preparedness.model.plan import Plan
from preparedness.packet import Copy, render_packet

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")

CHILD = "Mimi 🌸 Warsame"
CONTACT = "Abuela ❤️ Rosa"
COMFORT = "Peluche 🦁 y manta 👍🏽"
NEWER = "Lucía 🥰"  # U+1F970 (Unicode 11): no shipped font has it


def emoji_plan() -> Plan:
    plan = demo_plan("es")
    plan.children[0].name = CHILD
    plan.children[0].comfort_items = COMFORT
    plan.children[2].name = NEWER
    plan.contacts[0].name = CONTACT
    return plan


def extract(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.pdf"
        path.write_bytes(pdf)
        return subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout


@pytest.fixture(scope="module")
def family_pdf() -> bytes:
    return render_packet(emoji_plan(), "es", Copy.FAMILY)


@needs_poppler
def test_emoji_in_names_extract_back(family_pdf: bytes) -> None:
    text = extract(family_pdf)
    assert CHILD in text
    assert CONTACT in text
    assert "Peluche 🦁 y manta 👍" in text  # the skin tone is dropped (black and white print)
    assert "Lucía \ufffd" in text  # newer than the font: the visible replacement mark
    assert "🥰" not in text


def test_emoji_are_drawn_from_the_symbols_font_with_real_glyphs(family_pdf: bytes) -> None:
    assert_no_notdef(family_pdf)
    fonts = {name.split("+", 1)[-1] for name, _, _ in drawn_glyphs(family_pdf)}
    assert "PreparednessSymbols-Regular" in fonts


@pytest.mark.parametrize("copy", [c for c in Copy if c is not Copy.FAMILY])
def test_every_copy_renders_with_emoji(copy: Copy) -> None:
    pdf = render_packet(emoji_plan(), "es", copy)
    assert_no_notdef(pdf)


def test_same_plan_with_emoji_same_bytes(family_pdf: bytes) -> None:
    assert render_packet(emoji_plan(), "es", Copy.FAMILY) == family_pdf


def test_a_packet_without_emoji_does_not_embed_the_symbols_font() -> None:
    pdf = render_packet(demo_plan("es"), "es", Copy.FAMILY)
    assert b"PreparednessSymbols" not in pdf
