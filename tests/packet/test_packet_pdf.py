"""The packet as a file: same bytes for the same plan, neutral metadata, every font embedded.

Also the recovery-code sheet, page sizes, and that rendering needs no Qt.
"""

from __future__ import annotations

import dataclasses
import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from preparedness.model.demo import demo_plan
from preparedness.packet import PAGE_SIZES, Copy, render_packet, render_recovery_sheet, strings
from preparedness.packet.text import missing_glyphs

FAMILY_WORDS = ("María", "Gómez", "Warsame", "Yusuf", "Amina", "Bloomington")


@pytest.mark.parametrize("copy", list(Copy))
def test_same_plan_same_bytes(copy: Copy) -> None:
    first = render_packet(demo_plan("ar"), "ar", copy)
    assert render_packet(demo_plan("ar"), "ar", copy) == first


@pytest.mark.parametrize("copy", list(Copy))
def test_metadata_names_no_one(copy: Copy) -> None:
    reader = PdfReader(io.BytesIO(render_packet(demo_plan("es"), "es", copy)))
    meta = reader.metadata or {}
    assert meta.get("/Title") == "Family Preparedness Plan"
    for key, value in meta.items():
        for word in FAMILY_WORDS:
            assert word not in str(value), (key, value)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="needs poppler-utils")
@pytest.mark.parametrize("lang", ["es", "ar", "ksw"])
def test_every_font_is_embedded_and_subset(lang: str) -> None:
    pdf = render_packet(demo_plan(lang), lang, Copy.FAMILY)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    assert rows, out.stdout
    for row in rows:
        # name type encoding emb sub uni object ID: "emb" and "sub" must both be "yes".
        cols = row.split()
        assert cols[-5:-3] == ["yes", "yes"], row


@pytest.mark.parametrize("size", sorted(PAGE_SIZES))
def test_page_sizes(size: str) -> None:
    reader = PdfReader(io.BytesIO(render_packet(demo_plan("en"), "en", Copy.SCHOOL, size)))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == tuple(
        round(v) for v in PAGE_SIZES[size]
    )


def test_unknown_page_size_is_refused() -> None:
    with pytest.raises(ValueError):
        render_packet(demo_plan("en"), "en", Copy.FAMILY, "legal")


def test_unknown_language_falls_back_to_english() -> None:
    reader = PdfReader(io.BytesIO(render_packet(demo_plan("en"), "xx", "school")))
    assert "School copy" in reader.pages[0].extract_text()


def test_recovery_sheet_is_one_page_with_the_code() -> None:
    code = "K7QF-2M9X-RT4P-WZ8H-3NB6"
    pdf = render_recovery_sheet(code, "ar", "a4")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert code in text and "Recovery code" in text
    assert render_recovery_sheet(code, "ar", "a4") == pdf


def test_rendering_needs_no_qt() -> None:
    script = (
        "import sys\n"
        "from preparedness.model.demo import demo_plan\n"
        "from preparedness.packet import Copy, render_packet\n"
        "render_packet(demo_plan('es'), 'es', Copy.SCHOOL)\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt imported'\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_same_bytes_in_another_process_after_other_packets() -> None:
    """Font subsets and object numbers do not depend on what the process printed before."""
    script = (
        "import hashlib, sys\n"
        "from preparedness.model.demo import demo_plan\n"
        "from preparedness.packet import Copy, render_packet\n"
        "if sys.argv[1] == 'busy':\n"
        "    render_packet(demo_plan('ksw'), 'ksw', Copy.CAREGIVER)\n"
        "pdf = render_packet(demo_plan('ar'), 'ar', Copy.FAMILY, 'a4')\n"
        "print(hashlib.sha256(pdf).hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script, state],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for state, seed in (("fresh", "1"), ("busy", "2"))
    }
    assert len(digests) == 1


def _all_strings(obj: object) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if dataclasses.is_dataclass(obj):
        return [s for f in dataclasses.fields(obj) for s in _all_strings(getattr(obj, f.name))]
    if isinstance(obj, (list, tuple)):
        return [s for item in obj for s in _all_strings(item)]
    return []


def test_every_character_of_the_demo_and_the_packet_words_has_a_glyph() -> None:
    texts = _all_strings(demo_plan("es"))
    texts += [v for v in vars(strings).values() if isinstance(v, str)]
    texts += [s for v in vars(strings).values() if isinstance(v, tuple) for s in v]
    for text in texts:
        assert not missing_glyphs(text), (text, missing_glyphs(text))
