"""Benchmark of the packet text layer: ms per 1,000 words per script vs plain Helvetica.

Run:  .venv/bin/python benchmarks/text_layer.py [--repeat 5]

For each script a 1,000-word document (20 paragraphs of 50 words) is built with TextBlock
and, as the baseline, with reportlab Paragraphs in Helvetica without shaping (the cheapest
thing reportlab can do: its text is not even correct for most of these scripts).  "cold" is the
first build in the process (font loading, shaping caches empty); "warm" the best of the
following builds.  The last line is a packet-like document: 12 pages of mostly Latin plus one
Arabic section.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from preparedness.packet.text import TextBlock, TextStyle
from preparedness.packet.text.layout import clear_caches

WORDS = {
    "english": "In an emergency call the school first and then the family contact listed "
    "below keep this plan with your important papers",
    "spanish": "En caso de emergencia llame primero a la escuela y luego al contacto familiar "
    "indicado guarde este plan con sus documentos importantes",
    "vietnamese": "Trong trường hợp khẩn cấp hãy gọi cho nhà trường trước sau đó gọi người "
    "liên lạc của gia đình được ghi bên dưới",
    "somali": "Xaalad degdeg ah marka hore wac dugsiga kadibna qofka qoyska la xiriirayo "
    "ee hoos ku qoran qorshahan ku hay waraaqahaaga muhiimka ah",
    "arabic": "في حالة الطوارئ اتصل بالمدرسة أولا ثم بجهة الاتصال العائلية المذكورة أدناه "
    "واحتفظ بهذه الخطة مع أوراقك المهمة 612-555-0100",
    "karen": "ဖဲတၢ်ကီတၢ်ခဲ ကဲထီၣ်အခါ ဆဲးကျိး ဖိၣ်ကွိၢ် တချူး ဒီးဘၣ်ဆဲးကျိး ပှၤလၢ ဟံၣ်ဖိဃီဖိ အဂီၢ် တၢ်ကတဲာ်ကတီၤ တၢ်သံၣ်တၢ်သဲ တဖၣ် ပာ်ဃာ်",
    "amharic": "በአደጋ ጊዜ መጀመሪያ ወደ ትምህርት ቤቱ ይደውሉ ከዚያም ከታች ወደተዘረዘረው የቤተሰብ "
    "ግንኙነት ይደውሉ ይህንን እቅድ ከአስፈላጊ ወረቀቶችዎ ጋር ያስቀምጡ",
    "chinese": "紧急 情况 下 请 先 给 学校 打电话 然后 联系 下面 列出 的 家庭 联系人 "
    "请 把 这份 计划 和 重要 文件 放在 一起",
}


def thousand_words(script: str) -> list[str]:
    base = WORDS[script].split()
    words = [base[i % len(base)] for i in range(1000)]
    return [" ".join(words[i : i + 50]) for i in range(0, 1000, 50)]


def build(story: list[Flowable]) -> bytes:
    buf = io.BytesIO()
    SimpleDocTemplate(buf, invariant=1).build(story)
    return buf.getvalue()


def text_layer_story(paras: list[str]) -> list[Flowable]:
    style = TextStyle(size=10, space_after=6)
    return [TextBlock(p, style) for p in paras]


def helvetica_story(paras: list[str]) -> list[Flowable]:
    style = ParagraphStyle("h", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6)
    return [Paragraph(escape(p), style) for p in paras]


def timed(make: Callable[[], list[Flowable]], repeat: int) -> tuple[float, float, float]:
    """(cold, warm, fresh) in ms; fresh = fonts loaded but text caches emptied."""
    t0 = time.perf_counter()
    build(make())
    cold = time.perf_counter() - t0
    warm, fresh = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        build(make())
        warm.append(time.perf_counter() - t0)
        clear_caches()
        t0 = time.perf_counter()
        build(make())
        fresh.append(time.perf_counter() - t0)
    return cold * 1000, min(warm) * 1000, min(fresh) * 1000


def packet_paras() -> list[str]:
    latin = thousand_words("english") * 6 + thousand_words("spanish")
    return latin + thousand_words("arabic")[:10]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    print("ms per 1,000 words (packet: whole document); ratio = warm / Helvetica")
    head = ("script", "cold", "warm", "fresh", "Helvetica", "ratio", "fresh ratio")
    print(f"{head[0]:<12}" + "".join(f"{h:>12}" for h in head[1:]))
    rows = [(script, thousand_words(script)) for script in WORDS]
    rows.append(("packet", packet_paras()))
    for name, paras in rows:
        cold, warm, fresh = timed(lambda p=paras: text_layer_story(p), args.repeat)
        _, helv, _ = timed(lambda p=paras: helvetica_story(p), args.repeat)
        cells = (cold, warm, fresh, helv, warm / helv, fresh / helv)
        print(
            f"{name:<12}"
            + "".join(f"{c:>12.1f}" if i < 4 else f"{c:>12.2f}" for i, c in enumerate(cells))
        )
    paras = packet_paras()
    pdf = build(text_layer_story(paras))
    pages = pdf.count(b"/Type /Page\n")
    print(f"packet: {len(' '.join(paras).split())} words, {pages} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
