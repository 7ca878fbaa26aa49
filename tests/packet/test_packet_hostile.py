"""Hostile user text: markup, entities, bidi overrides, emoji, controls, 2,000-character fields.

Every string field of the demo plan is replaced; the packet must render, print markup as the
literal characters typed, drop the invisible controls, and split long tables across pages.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from preparedness.model.demo import demo_plan
from preparedness.packet import Copy, render_packet

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

MARKUP = "<b>&amp;</b> <font size=99>"
SEED = f"{MARKUP} & \u202eevil\u202c 😀 \x00\x07\x1b مرحبا بكم Trần "
LONG = (SEED * 60)[:2000]

# References between people and enum values stay valid, so the plan still means something.
_KEEP = {"id", "kind", "blob", "media_type", "child_id", "school_id", "person_id"}


def _poison(obj: Any, value: str) -> None:
    for f in dataclasses.fields(obj):
        current = getattr(obj, f.name)
        if f.name in _KEEP or f.name.endswith("_id"):
            continue
        if isinstance(current, str):
            setattr(obj, f.name, value)
        elif dataclasses.is_dataclass(current):
            _poison(current, value)
        elif isinstance(current, list):
            for item in current:
                if dataclasses.is_dataclass(item):
                    _poison(item, value)


def hostile_plan(value: str):  # type: ignore[no-untyped-def]
    plan = demo_plan("es")
    languages, packet = plan.languages, plan.packet
    _poison(plan, value)
    plan.languages, plan.packet = languages, packet
    return plan


def extract(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout
    return unicodedata.normalize("NFKC", out)


@pytest.mark.parametrize("copy", list(Copy))
def test_short_hostile_fields_print_literally(copy: Copy) -> None:
    text = extract(render_packet(hostile_plan(SEED), "es", copy))
    assert "<b>&amp;</b>" in text
    assert "<font size=99>" in text
    assert "\u202e" not in text and "\x00" not in text and "\x07" not in text
    # the emoji prints from the symbols font and extracts back; nothing became U+FFFD
    assert "😀" in text and "\ufffd" not in text


def test_two_thousand_character_fields_split_instead_of_overflowing() -> None:
    pdf = render_packet(hostile_plan(LONG), "es", Copy.FAMILY)
    text = extract(pdf)
    pages = text.split("\f")
    assert len(pages) > 40  # long cells wrapped and split across many pages
    assert "<font size=99>" in text
    # The header row of a split table comes back on the next page.
    assert sum("Relationship" in page for page in pages) >= 2


def test_a_field_of_arabic_in_a_spanish_packet() -> None:
    plan = demo_plan("es")
    plan.children[0].routines = "تنام الساعة الثامنة. تحب قصة قبل النوم."
    text = extract(render_packet(plan, "es", Copy.CAREGIVER))
    logical = "".join(ch for ch in text if ch not in "\u202a\u202b\u202c\u200e\u200f")
    assert "تنام الساعة الثامنة" in logical
