"""How fast the packet renders, next to the floor for reportlab on this machine.

For the demo plan, each copy is rendered in-process several times (fonts already loaded) and
the median is printed with pages per second. Two figures for our renderer:

- "cold text": the text layer's shaping and line-breaking caches are cleared before every
  run, as for a plan the process has never printed (the honest figure);
- "repeat": the same plan again with warm caches (what a liaison reprinting sees).

The baseline renders the *same story* (same sections, tables, page breaks and footer) with
every piece of text set as a plain reportlab Paragraph in Helvetica, with no shaping, no bidi
and no font fallback: what reportlab itself costs for these pages.

Run: .venv/bin/python benchmarks/packet.py [--lang es] [--runs 7] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from preparedness.model.demo import demo_plan
from preparedness.packet import Copy, render_packet
from preparedness.packet import render as render_module
from preparedness.packet.sections.base import Context
from preparedness.packet.styles import style as named_style
from preparedness.packet.text import TextStyle
from preparedness.packet.text import block as text_block
from preparedness.packet.text import layout as text_layout
from preparedness.packet.text import shaping as text_shaping

_PLACEHOLDER = re.compile(r"(\{[^}]*\})")
_SCRIPTS = {
    "ar": dict(zip("abcdefghijklmnopqrstuvwxyz", "ابكديفغهيجكلمنوبقرستوفوخيز", strict=True)),
    "ksw": {c: chr(0x1000 + i) for i, c in enumerate("abcdefghijklmnopqrstuvwxyz")},
}


def fake_catalog(lang: str) -> Callable[[str], str]:
    """Every msgid rewritten (accented, or in the language's script): a bilingual packet
    before real catalogs exist, so the benchmark measures twice the text it will carry."""
    table = _SCRIPTS.get(lang, {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"})

    def gettext(msgid: str) -> str:
        return "".join(
            p if _PLACEHOLDER.fullmatch(p) else "".join(table.get(c, c) for c in p)
            for p in _PLACEHOLDER.split(msgid)
        )

    return gettext


def clear_text_caches() -> None:
    """Forget shaped text and line breaks (not the loaded fonts)."""
    for fn in (
        text_block._prepare_block,
        text_layout.prepare,
        text_layout.break_lines,
        text_layout.substitute_missing,
        text_shaping.shape,
    ):
        fn.cache_clear()


_STYLES: dict[tuple[str, str], ParagraphStyle] = {}


class HelveticaContext(Context):
    """The same sections, but every text as a plain Helvetica Paragraph (the floor)."""

    def block(
        self,
        text: str | Sequence[tuple[str, bool]],
        style_name: str | TextStyle,
        direction: str = "auto",
        side: str | None = None,
    ) -> Paragraph:
        st = named_style(style_name) if isinstance(style_name, str) else style_name
        plain = text if isinstance(text, str) else "".join(t for t, _ in text)
        side = side or self.side
        key = (repr(st), side)
        pstyle = _STYLES.get(key)
        if pstyle is None:
            align = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}[side]
            pstyle = ParagraphStyle(
                "b",
                fontName="Helvetica-Bold" if st.bold else "Helvetica",
                fontSize=st.size,
                leading=st.leading or st.size * 1.3,
                textColor=st.color,
                alignment=align,
                spaceBefore=st.space_before,
                spaceAfter=st.space_after,
            )
            _STYLES[key] = pstyle
        return Paragraph(escape(plain).replace("\n", "<br/>"), pstyle)


def _helvetica_line(canvas: Any, x: float, y: float, text: str, st: TextStyle, *a: Any, **k: Any):  # type: ignore[no-untyped-def]
    canvas.setFont("Helvetica-Bold" if st.bold else "Helvetica", st.size)
    canvas.drawString(x, y, text)
    return 0.0


def render_baseline(plan: Any, lang: str, copy: Copy, gettext: Any = None) -> bytes:
    """render_packet with the text layer swapped for Helvetica Paragraphs."""
    real_context, real_line = render_module._context, render_module.draw_text_line

    def context(
        plan: Any, lang: str, copy: Copy, size: Any, gettext: Any, attachments: Any = None
    ) -> Context:
        ctx = real_context(plan, lang, copy, size, gettext, attachments)
        return HelveticaContext(ctx.plan, ctx.lang, ctx.copy, ctx.width, ctx.height, gettext)

    render_module._context = context  # type: ignore[assignment]
    render_module.draw_text_line = _helvetica_line  # type: ignore[assignment]
    try:
        return render_packet(plan, lang, copy, gettext=gettext)
    finally:
        render_module._context = real_context  # type: ignore[assignment]
        render_module.draw_text_line = real_line  # type: ignore[assignment]


def median_time(fn: Callable[[], bytes], runs: int, before: Callable[[], None] | None) -> float:
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def table(plan: Any, lang: str, runs: int, gettext: Any) -> None:
    header = (
        f"{'copy':<10} {'pages':>5} {'cold text s':>11} {'pages/s':>8} {'repeat s':>9} "
        f"{'helvetica s':>11} {'pages/s':>8} {'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    for copy in Copy:

        def ours(c: Copy = copy) -> bytes:
            return render_packet(plan, lang, c, gettext=gettext)

        def floor_fn(c: Copy = copy) -> bytes:
            return render_baseline(plan, lang, c, gettext)

        pages = len(PdfReader(io.BytesIO(ours())).pages)  # also loads fonts and imports
        floor_fn()
        cold = median_time(ours, runs, clear_text_caches)
        repeat = median_time(ours, runs, None)
        floor = median_time(floor_fn, runs, None)
        print(
            f"{copy.value:<10} {pages:>5} {cold:>11.3f} {pages / cold:>8.1f} {repeat:>9.3f} "
            f"{floor:>11.3f} {pages / floor:>8.1f} {cold / floor:>5.2f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="es")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="cProfile the family copy")
    args = parser.parse_args()
    plan = demo_plan(args.lang)

    print(f"demo plan, family language {args.lang!r}, median of {args.runs} warm runs")
    print("\nas shipped today (no catalog yet: labels print once, in English)")
    table(plan, args.lang, args.runs, None)
    if args.lang != "en":
        print("\nwith a stand-in catalog (every label in two languages)")
        table(plan, args.lang, args.runs, fake_catalog(args.lang))
    print("\ngoal: family copy < 0.5 s warm, and within 3x of the Helvetica floor")

    if args.profile:
        clear_text_caches()
        profiler = cProfile.Profile()
        profiler.enable()
        render_packet(plan, args.lang, Copy.FAMILY, gettext=fake_catalog(args.lang))
        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats("cumulative")
        stats.print_stats(25)


if __name__ == "__main__":
    main()
