"""Fonts register and subset safely when several threads render at once."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
import io
import sys
sys.setswitchinterval(1e-6)  # switch threads often, so races show up on every run
from concurrent.futures import ThreadPoolExecutor
from reportlab.platypus import SimpleDocTemplate, Table
from preparedness.packet.text import TextBlock, registered_font_names

TEXTS = ["Nguyễn Thị Hương", "مرحبا John 612-555-0100", "ကညီကျိာ် တၢ်ဆဲးကျိး",
         "ሰላም ለዓለም", "紧急联系人", "Hmoob Dawb"]

def build(i):
    b = io.BytesIO()
    texts = TEXTS[i % len(TEXTS):] + TEXTS[: i % len(TEXTS)]
    story = [TextBlock(t) for t in texts]
    story.append(Table([[TextBlock(t) for t in texts[:3]]]))
    SimpleDocTemplate(b, invariant=1).build(story)
    return b.getvalue()

with ThreadPoolExecutor(8) as ex:   # first use and subsetting of every font run concurrently
    parallel = list(ex.map(build, range(60)))
sequential = [build(i) for i in range(60)]
assert parallel == sequential
assert len(registered_font_names()) == 5, registered_font_names()
print("ok")
"""


def test_parallel_rendering_from_a_fresh_process() -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
