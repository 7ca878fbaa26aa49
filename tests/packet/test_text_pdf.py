"""The text layer checked on real PDFs: word order by position, glyph coverage, hostile text.

Positions come from poppler's `pdftotext -bbox`; glyph coverage from the embedded font
subsets (fontTools) and the codes actually shown in the content streams (pypdf).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont as FTFont
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, SimpleDocTemplate, Table

from preparedness.packet.text import (
    TextBlock,
    TextStyle,
    draw_text_line,
    font_for_char,
    missing_glyphs,
)

PDFTOTEXT = shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(PDFTOTEXT is None, reason="poppler-utils not installed")

MARGIN = 72.0
FRAME_WIDTH = A4[0] - 2 * MARGIN  # SimpleDocTemplate's default frame has 6 pt padding

SAMPLES = {
    "vietnamese": "Nguyễn Thị Hương, số điện thoại khẩn cấp",
    "vietnamese_decomposed": unicodedata.normalize("NFD", "Nguyễn Thị Hương"),
    "arabic": "مرحبا بالعالم، هذه خطة الطوارئ للعائلة",
    "karen": "ကညီကျိာ် တၢ်ဆဲးကျိး ပှၤကညီ အိၣ် ၡၢ ၥ ၦ ပှၧ ပှၨ ပှၩ ပှၪ ပှၫ ပှၬ ပှၭ",
    "amharic": "ሰላም ለዓለም። የአደጋ ጊዜ ዕቅድ",
    "chinese": "紧急联系人：王小明（电话）。",
    "somali": "Qorshaha diyaargarowga qoyska: ka hor, inta lagu jiro iyo kadib",
    "hmong": "Hmoob Dawb: Txoj kev npaj rau tsev neeg",
    "oromo": "Karoora qophii maatii: Namoota qunnamtii ariifachiisaa",
    "haitian": "Plan pou fanmi an: moun pou rele an ka ijans",
    "french": "Plan familial d’urgence : personnes à contacter",
    "emoji": "Mimi 🌸 Abuela ❤️ 👍🏽 👨‍👩‍👧 🇺🇸 ☎ ✅ ok",
}
# Emoji newer than the symbols font (Unicode 11 and 14): no shipped font has them.
NEWER_EMOJI = "new 🥰 🫶🏽 x"


def render(story: list[Flowable], pagesize: tuple[float, float] = A4, **kw: object) -> bytes:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=pagesize,
        invariant=1,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        **kw,
    )
    doc.build(story)
    return buf.getvalue()


def bbox_words(pdf: bytes, tmp_path: Path) -> list[list[tuple[float, float, str]]]:
    """Words per page as (xMin, yMin, text), via pdftotext -bbox."""
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        [PDFTOTEXT, "-bbox", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        words = []
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">(.*?)</word>', page
        ):
            text = m.group(3).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
            text = text.replace("&quot;", '"').replace("&apos;", "'")
            words.append((float(m.group(1)), float(m.group(2)), text))
        pages.append(words)
    return pages


def plain_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "plain.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        [PDFTOTEXT, "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def norm(s: str) -> str:
    """NFKC (presentation forms -> letters), no joiners: to compare extracted text."""
    return unicodedata.normalize("NFKC", s).replace("\u200d", "").replace("\u200c", "")


def find(words: list[tuple[float, float, str]], needle: str) -> tuple[float, float, str]:
    hits = [w for w in words if norm(w[2]) == norm(needle)]
    if not hits:  # poppler may extract RTL words in visual order: try reversed too
        hits = [w for w in words if norm(w[2])[::-1] == norm(needle)]
    assert hits, f"{needle!r} not found in {[w[2] for w in words]}"
    return hits[0]


def same_line(words: list[tuple[float, float, str]], ref: tuple[float, float, str]):
    return [w for w in words if abs(w[1] - ref[1]) < 3]


# --- glyphs actually drawn ---------------------------------------------------------------------
def drawn_glyphs(pdf: bytes) -> list[tuple[str, int, int]]:
    """(font base name, code, glyph id) for every character code shown on every page."""
    reader = PdfReader(io.BytesIO(pdf))
    font_cache: dict[int, tuple[str, dict[int, int]]] = {}
    out: list[tuple[str, int, int]] = []
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        content = ContentStream(page.get_contents(), reader)
        current: tuple[str, dict[int, int]] | None = None
        for operands, op in content.operations:
            if op == b"Tf":
                ref = fonts[operands[0]]
                key = id(ref.get_object())
                if key not in font_cache:
                    font_cache[key] = _font_codes(ref.get_object())
                current = font_cache[key]
            elif op in (b"Tj", b"TJ", b"'", b'"'):
                assert current is not None
                strings = operands[0] if op == b"TJ" else operands[-1:]
                for s in strings:
                    if isinstance(s, (int, float)) or not hasattr(s, "get_original_bytes"):
                        continue
                    for code in s.get_original_bytes():
                        out.append((current[0], code, current[1].get(code, 0)))
    return out


def _font_codes(font: object) -> tuple[str, dict[int, int]]:
    name = str(font["/BaseFont"])
    if "/FontDescriptor" not in font:  # a standard font (not embedded): never used for text
        return name, {}
    data = font["/FontDescriptor"]["/FontFile2"].get_data()
    tt = FTFont(io.BytesIO(data))
    codes: dict[int, int] = {}
    for table in tt["cmap"].tables:
        for code, glyph in table.cmap.items():
            codes.setdefault(code & 0xFF, tt.getGlyphID(glyph))
    return name, codes


def assert_no_notdef(pdf: bytes) -> None:
    bad = [(f, c) for f, c, g in drawn_glyphs(pdf) if g == 0]
    assert not bad, f"codes drawn with .notdef: {bad[:20]}"


# --- tests -------------------------------------------------------------------------------------
@needs_poppler
def test_arabic_first_word_is_rightmost_and_right_aligned(tmp_path: Path) -> None:
    pdf = render([TextBlock("مرحبا بالعالم الجميل")])
    words = bbox_words(pdf, tmp_path)[0]
    first = find(words, "مرحبا")
    line = same_line(words, first)
    assert max(w[0] for w in line) == first[0], line
    assert first[0] > MARGIN + FRAME_WIDTH / 2  # on the right-hand side


@needs_poppler
def test_arabic_right_alignment_by_extent(tmp_path: Path) -> None:
    block = TextBlock("مرحبا")
    pdf = render([block])
    path = tmp_path / "a.pdf"
    path.write_bytes(pdf)
    out = subprocess.run([PDFTOTEXT, "-bbox", str(path), "-"], capture_output=True, text=True)
    x_max = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', out.stdout))
    right_edge = A4[0] - MARGIN - 6  # frame padding
    assert abs(x_max - right_edge) < 2.0, (x_max, right_edge)


@needs_poppler
def test_latin_name_inside_arabic_keeps_its_order(tmp_path: Path) -> None:
    pdf = render([TextBlock("مرحبا John Smith في المدرسة")])
    words = bbox_words(pdf, tmp_path)[0]
    john, smith = find(words, "John"), find(words, "Smith")
    hello, school = find(words, "مرحبا"), find(words, "المدرسة")
    assert john[0] < smith[0]  # LTR inside
    assert hello[0] > smith[0] > john[0] > school[0]  # RTL around


@needs_poppler
@pytest.mark.parametrize(
    "phone",
    ["612-555-0100", "+1 (612) 555-0100", "(612) 555-0100", "٦١٢-٥٥٥-٠١٠٠"],
)
def test_phone_number_inside_arabic_stays_ltr(tmp_path: Path, phone: str) -> None:
    text = f"اتصل بالرقم {phone} في حالة الطوارئ"
    pdf = render([TextBlock(text)])
    words = bbox_words(pdf, tmp_path)[0]
    first = find(words, "اتصل")
    line = sorted(same_line(words, first))
    visual = " ".join(w[2] for w in line)
    assert norm(phone) in norm(visual), visual
    # and the number sits between "بالرقم" (right of it) and "في" (left of it)
    assert find(words, "بالرقم")[0] > find(words, "في")[0]


@needs_poppler
def test_phone_number_after_arabic_in_ltr_paragraph(tmp_path: Path) -> None:
    pdf = render([TextBlock("Call محمد 612-555-0100 today")])
    words = bbox_words(pdf, tmp_path)[0]
    visual = " ".join(w[2] for w in sorted(words))
    assert "612-555-0100" in visual, visual
    assert find(words, "Call")[0] < find(words, "today")[0]


@needs_poppler
def test_multiline_arabic_each_line_starts_at_right(tmp_path: Path) -> None:
    text = " ".join(["كلمة", "عربية", "طويلة", "للتحقق", "من", "التفاف", "الأسطر"] * 12)
    block = TextBlock(text)
    pdf = render([block])
    words = bbox_words(pdf, tmp_path)[0]
    lines: dict[int, list] = {}
    for w in words:
        lines.setdefault(round(w[1]), []).append(w)
    assert len(lines) >= 3
    right_edge = A4[0] - MARGIN - 6
    logical = text.split(" ")
    pos = 0
    for y in sorted(lines):
        ln = sorted(lines[y], key=lambda w: -w[0])  # right to left
        got = [norm(w[2]) for w in ln]
        expect = [norm(w) for w in logical[pos : pos + len(ln)]]
        # poppler may give a word's letters reversed; compare as sets of either order
        assert all(g in (e, e[::-1]) for g, e in zip(got, expect, strict=True)), (got, expect)
        pos += len(ln)
        xmax = max(w[0] for w in ln)
        assert xmax > right_edge - 60
    assert pos == len(logical)


@needs_poppler
def test_arabic_extracts_as_arabic_letters(tmp_path: Path) -> None:
    words = ["مرحبا", "بالعالم", "لا", "الطوارئ"]
    pdf = render([TextBlock(" ".join(words))])
    extracted = {norm(w[2]) for w in bbox_words(pdf, tmp_path)[0]}
    for w in words:
        assert norm(w) in extracted or norm(w)[::-1] in extracted, (w, extracted)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_sample_draws_without_notdef(name: str) -> None:
    text = SAMPLES[name]
    block = TextBlock(text, TextStyle(size=12))
    block.wrap(FRAME_WIDTH, 1000)
    assert block.missing_glyph_count == 0
    bold = TextBlock(text, TextStyle(size=12, bold=True))
    bold.wrap(FRAME_WIDTH, 1000)
    assert bold.missing_glyph_count == 0
    pdf = render([block, bold])
    assert_no_notdef(pdf)


def test_every_sample_character_has_a_font_or_is_reported_missing() -> None:
    for name, text in SAMPLES.items():
        missing = missing_glyphs(text)
        assert missing == set(), (name, missing)
        for ch in unicodedata.normalize("NFC", text):
            if ch != " ":
                assert font_for_char(ch) is not None, (name, ch)
    assert missing_glyphs(NEWER_EMOJI) == {"\U0001f970", "\U0001faf6"}


def test_s_gaw_karen_letters_are_covered() -> None:
    for cp in range(0x1061, 0x106E):
        assert font_for_char(chr(cp)) == "FPP-NotoSansMyanmar-Regular"


@needs_poppler
@pytest.mark.parametrize("name", ["vietnamese", "amharic", "chinese", "somali", "hmong"])
def test_samples_extract_back(tmp_path: Path, name: str) -> None:
    text = SAMPLES[name]
    pdf = render([TextBlock(text)])
    got = norm("".join(plain_text(pdf, tmp_path).split()))
    assert norm("".join(text.split())) in got


@needs_poppler
def test_emoji_print_from_the_symbols_font_and_extract_back(tmp_path: Path) -> None:
    pdf = render([TextBlock(SAMPLES["emoji"])])
    got = plain_text(pdf, tmp_path)
    # The ToUnicode map gives every emoji back, with its variation selector and ZWJs (they
    # print as nothing); the skin tone was dropped before drawing (black and white print).
    assert got.split() == [
        "Mimi", "🌸", "Abuela", "❤️", "👍", "👨‍👩‍👧", "🇺🇸", "☎", "✅", "ok",
    ]  # fmt: skip
    assert_no_notdef(pdf)
    emoji_fonts = {f for f, code, _ in drawn_glyphs(pdf) if "Symbols" in f}
    assert len(emoji_fonts) == 1 and "PreparednessSymbols-Regular" in emoji_fonts.pop()


@needs_poppler
def test_emoji_newer_than_the_symbols_font_are_replaced_visibly(tmp_path: Path) -> None:
    pdf = render([TextBlock(NEWER_EMOJI)])
    got = plain_text(pdf, tmp_path)
    # one U+FFFD per emoji cluster (the skin tone belongs to the hands), from Noto Sans
    assert got.split() == ["new", "\ufffd", "\ufffd", "x"]
    assert_no_notdef(pdf)
    assert b"PreparednessSymbols" not in pdf


PARAGRAPHS = [
    "በአደጋ ጊዜ መጀመሪያ ወደ ትምህርት ቤቱ ይደውሉ። ከዚያም ከታች ወደተዘረዘረው የቤተሰብ ግንኙነት ይደውሉ። ስልክ፦ +1 (612) 555-0100",
    "紧急情况下，请先给学校打电话（电话：612-555-0100），然后联系下面列出的家庭联系人。"
    "“孩子的安全”最重要！",
    "Trong trường hợp khẩn cấp, hãy gọi cho nhà trường trước, sau đó gọi người liên lạc.",
    "في حالة الطوارئ، اتصل بالمدرسة أولاً ثم بجهة الاتصال العائلية المذكورة أدناه "
    "(السيدة Maria Lopez، هاتف: +1 (612) 555-0100). التاريخ: 2026-11-22. عَرَبِيّ مُشَكَّل",
    "ဖဲတၢ်ကီတၢ်ခဲ ကဲထီၣ်အခါ ဆဲးကျိး ဖိၣ်ကွိၢ် တချူး ဒီးဘၣ်ဆဲးကျိး ပှၤလၢ ဟံၣ်ဖိဃီဖိ အဂီၢ်. ကိးစိ 612-555-0100.",
]


@pytest.mark.parametrize("size", [7.0, 11.0, 16.0])
def test_full_paragraphs_regular_and_bold(size: float) -> None:
    story: list[Flowable] = []
    for text in PARAGRAPHS:
        story.append(TextBlock(text, TextStyle(size=size)))
        story.append(TextBlock(text, TextStyle(size=size, bold=True, align="center")))
    pdf = render(story)
    assert_no_notdef(pdf)


HOSTILE = [
    "<b>x</b> & <font size=99>",
    "a\x00b\x07c\x1b[31md\x7f\x85e",
    "abc \u202edcba\u202c xyz \u2067rtl\u2069 \u200fend",
    "x" * 2000,
    ("word " * 400).strip(),
    "👪" * 50,
    "<para>&amp;</para> <img src='x'/> ]]> <![CDATA[",
    "مرحبا" * 400,
    "紧急" * 600,
    "ကညီ" * 500,
]


@needs_poppler
@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_renders_inside_the_frame(tmp_path: Path, text: str) -> None:
    block = TextBlock(text, TextStyle(size=11))
    w, h = block.wrap(FRAME_WIDTH, 10_000)
    assert w <= FRAME_WIDTH + 1e-6
    assert h > 0
    assert all(lw <= FRAME_WIDTH + 1e-6 for lw in block.line_widths()), max(block.line_widths())
    pdf = render([TextBlock(text, TextStyle(size=11))])
    assert_no_notdef(pdf)
    for page in bbox_words(pdf, tmp_path):
        for x, _, word in page:
            assert MARGIN - 1 <= x <= A4[0] - MARGIN, (x, word)


@needs_poppler
def test_markup_is_printed_literally(tmp_path: Path) -> None:
    text = "<b>x</b> & <font size=99>"
    pdf = render([TextBlock(text)])
    assert text in plain_text(pdf, tmp_path)


@needs_poppler
def test_override_characters_cannot_reorder_the_line(tmp_path: Path) -> None:
    pdf = render([TextBlock("abc \u202edcba xyz")])
    assert "abc dcba xyz" in plain_text(pdf, tmp_path)


@needs_poppler
def test_long_word_wraps_and_keeps_every_character(tmp_path: Path) -> None:
    word = "".join(chr(ord("a") + i % 26) for i in range(2000))
    block = TextBlock(word)
    block.wrap(FRAME_WIDTH, 10_000)
    assert len(block.lines_text()) > 10
    assert "".join(block.lines_text()) == word
    pdf = render([TextBlock(word)])
    assert "".join(plain_text(pdf, tmp_path).split()) == word


def test_split_over_several_pages() -> None:
    text = " ".join(f"word{i}" for i in range(5000))
    pdf = render([TextBlock(text)])
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 5


@needs_poppler
def test_split_keeps_every_word_in_order(tmp_path: Path) -> None:
    words = [f"w{i}" for i in range(5000)]
    pdf = render([TextBlock(" ".join(words), TextStyle(space_before=5, space_after=5))])
    got = plain_text(pdf, tmp_path).split()
    assert got == words


@needs_poppler
def test_split_rtl_across_pages(tmp_path: Path) -> None:
    words = ["كلمة", "عربية", "أخرى"] * 1500
    pdf = render([TextBlock(" ".join(words))])
    pages = bbox_words(pdf, tmp_path)
    assert len(pages) >= 2
    total = sum(len(p) for p in pages)
    assert total == len(words)


def test_same_input_gives_identical_bytes() -> None:
    def story() -> list[Flowable]:
        return [TextBlock(t) for t in SAMPLES.values()] + [TextBlock(HOSTILE[2])]

    assert render(story()) == render(story())


def test_identical_bytes_across_processes_and_histories() -> None:
    code = (
        "import io,sys;"
        "from reportlab.platypus import SimpleDocTemplate;"
        "from preparedness.packet.text import TextBlock;"
        "first=sys.argv[1];"
        "b=io.BytesIO();"
        "first and SimpleDocTemplate(io.BytesIO(),invariant=1).build([TextBlock(first)]);"
        "SimpleDocTemplate(b,invariant=1).build([TextBlock(t) for t in sys.argv[2:]]);"
        "sys.stdout.buffer.write(b.getvalue())"
    )
    texts = [SAMPLES[k] for k in ("arabic", "karen", "chinese", "amharic", "emoji")]

    def run(first: str) -> bytes:
        return subprocess.run(
            [sys.executable, "-c", code, first, *texts], capture_output=True, check=True
        ).stdout

    fresh = run("")
    # another document drawn first, using other shaped glyphs of the same fonts
    after_other = run("لا إله ـلـ ﻻ ကျိ္က ሰላም ❤️👨‍👩‍👧 🌸 " + SAMPLES["arabic"][::-1])
    assert fresh == after_other
    assert fresh == run("")


_REGISTERED = (
    "import io,sys;"
    "from reportlab.platypus import SimpleDocTemplate;"
    "from reportlab.pdfbase import pdfmetrics;"
    "from preparedness.packet.text import TextBlock, missing_glyphs, registered_font_names;"
    "assert not missing_glyphs('Mimi 🌸 ❤️');"  # coverage questions register nothing
    "b=io.BytesIO();"
    "SimpleDocTemplate(b,invariant=1).build([TextBlock(sys.argv[1])]);"
    "print(sorted(registered_font_names()));"
    "print(sorted(n for n in pdfmetrics.getRegisteredFontNames() if n.startswith('FPP')));"
    "print(b'PreparednessSymbols' in b.getvalue())"
)


def _registered(text: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", _REGISTERED, text], capture_output=True, text=True, check=True
    )
    return out.stdout.split("\n")[:3]


def test_latin_only_registers_no_other_fonts() -> None:
    assert _registered("Nguyễn Thị Hương — 612-555-0100") == [
        "['FPP-NotoSans-Regular']",
        "['FPP-NotoSans-Regular']",
        "False",  # the symbols font is neither registered nor embedded
    ]


def test_an_emoji_registers_only_the_symbols_font_besides_latin() -> None:
    both = "['FPP-NotoSans-Regular', 'FPP-PreparednessSymbols-Regular']"
    assert _registered("Mimi 🌸 Abuela ❤️") == [both, both, "True"]


@needs_poppler
def test_table_cells(tmp_path: Path) -> None:
    rows = [
        [TextBlock("Name"), TextBlock("محمد علي"), TextBlock("紧急联系人")],
        [TextBlock("Phone"), TextBlock("+1 (612) 555-0100"), TextBlock("ሰላም ለዓለም")],
        [TextBlock("x" * 300), TextBlock("مرحبا " * 30), TextBlock("ကညီ " * 30)],
    ]
    table = Table(rows, colWidths=[120, 150, 150])
    pdf = render([table])
    assert_no_notdef(pdf)
    words = bbox_words(pdf, tmp_path)[0]
    find(words, "+1")
    for x, _, _w in words:
        assert x >= MARGIN


@needs_poppler
def test_draw_text_line_aligns_and_truncates(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    style = TextStyle(size=10)
    w1 = draw_text_line(c, 100, 700, "Left text", style)
    w2 = draw_text_line(c, 500, 680, "Right text", style, align="right")
    w3 = draw_text_line(c, 300, 660, "Centred", style, align="center")
    long = "A very long footer line that will not fit in the box " * 3
    w4 = draw_text_line(c, 100, 640, long, style, max_width=150)
    w5 = draw_text_line(c, 100, 620, "Slightly too wide", style, max_width=70)
    w6 = draw_text_line(c, 400, 600, "صفحة 1 من 3 — عائلة محمد", style, align="right")
    c.showPage()
    c.save()
    assert w4 <= 150 + 1e-6 and w5 <= 70 + 1e-6
    assert min(w1, w2, w3, w6) > 0
    words = bbox_words(buf.getvalue(), tmp_path)[0]
    assert abs(find(words, "Left")[0] - 100) < 1
    right = [w for w in words if abs(w[1] - find(words, "Right")[1]) < 2]
    assert find(words, "Right")[0] == min(w[0] for w in right)
    text = plain_text(buf.getvalue(), tmp_path)
    assert "\u2026" in text
    assert "Slightly too wide" in text  # shrunk, not cut
    # RTL line: "صفحة" is the right-most word of its line
    page = find(words, "صفحة")
    assert page[0] == max(w[0] for w in same_line(words, page))


def _font_sizes(pdf: bytes) -> dict[str, set[float]]:
    """Base font name (without subset tag) -> the sizes it is set at (Tf) on page 1."""
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[0]
    fonts = page["/Resources"]["/Font"]
    out: dict[str, set[float]] = {}
    for operands, op in ContentStream(page.get_contents(), reader).operations:
        if op == b"Tf":
            name = str(fonts[operands[0]].get_object()["/BaseFont"]).split("+", 1)[-1]
            out.setdefault(name, set()).add(round(float(operands[1]), 3))
    return out


def test_arabic_name_inside_english_is_drawn_as_large_as_the_english() -> None:
    """Noto Naskh Arabic is drawn 1.13 x the style size (its alef as tall as Noto Sans's
    "l"); its digits and the Latin words keep the style size."""
    from preparedness.packet.text.fonts import ARABIC_SCALE

    pdf = render([TextBlock("Call فاطمة الزهراء at 612-555-0100 or اتصل 612", TextStyle(size=10))])
    sizes = _font_sizes(pdf)
    naskh = next(v for k, v in sizes.items() if "NaskhArabic" in k)
    latin = next(v for k, v in sizes.items() if k.startswith("NotoSans-"))
    assert latin == {10.0}
    assert naskh == {round(10 * ARABIC_SCALE, 3), 10.0}  # letters scaled, digits not
