"""Line breaking, measurement and the Flowable protocol, without looking at a PDF."""

from __future__ import annotations

import unicodedata

import pytest

from preparedness.packet.text import TextBlock, TextStyle, text_width
from preparedness.packet.text.layout import _can_break_before, prepare

TEXTS = {
    "latin": "In an emergency call the school first, then the family contact listed below. " * 8,
    "arabic": "في حالة الطوارئ اتصل بالمدرسة أولا ثم بجهة الاتصال 612-555-0100 العائلية. " * 8,
    "karen": "ဖဲတၢ်ကီတၢ်ခဲ ကဲထီၣ်အခါ ဆဲးကျိး ဖိၣ်ကွိၢ် တချူး ဒီးဘၣ်ဆဲးကျိး ပှၤလၢ ဟံၣ်ဖိဃီဖိ " * 6,
    "amharic": "በአደጋ ጊዜ መጀመሪያ ወደ ትምህርት ቤቱ ይደውሉ ከዚያም የቤተሰብ ግንኙነት ይደውሉ። " * 8,
    "chinese": "紧急情况下请先给学校打电话，然后联系下面列出的家庭联系人。" * 8,
    "vietnamese": "Trong trường hợp khẩn cấp hãy gọi cho nhà trường trước. " * 8,
    "mixed": "Call محمد at +1 (612) 555-0100 or 紧急联系人 ကညီ ሰላም 👪 🥰 today. " * 6,
}


@pytest.mark.parametrize("name", sorted(TEXTS))
@pytest.mark.parametrize("width", [40.0, 90.0, 200.0, 451.0])
def test_no_line_wider_than_the_frame(name: str, width: float) -> None:
    block = TextBlock(TEXTS[name], TextStyle(size=11))
    w, h = block.wrap(width, 1e6)
    assert w == width
    widths = block.line_widths()
    assert all(lw <= width + 1e-6 for lw in widths), (max(widths), width)
    assert h == pytest.approx(len(widths) * block._leading)
    assert block.missing_glyph_count == 0


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_lines_keep_all_the_text(name: str) -> None:
    block = TextBlock(TEXTS[name], TextStyle(size=10))
    block.wrap(150, 1e6)
    joined = "".join(block.lines_text()).replace(" ", "")
    source = unicodedata.normalize("NFC", TEXTS[name]).replace(" ", "").replace("🥰", "\ufffd")
    assert joined == source


def test_chinese_breaks_between_characters_but_not_before_closing_punctuation() -> None:
    block = TextBlock("紧急情况下请先给学校打电话，然后联系家庭联系人。" * 3, TextStyle(size=10))
    block.wrap(73, 1e6)
    lines = block.lines_text()
    assert len(lines) > 3
    for line in lines[1:]:
        assert line[0] not in "，。", lines


def test_hyphenated_words_may_break_after_the_hyphen_but_phone_numbers_not() -> None:
    block = TextBlock("well-known mother-in-law", TextStyle(size=10))
    block.wrap(45, 1e6)
    assert any(line.endswith("-") for line in block.lines_text())
    block = TextBlock("mother-in-law 612-555-0100", TextStyle(size=10))
    block.wrap(65, 1e6)  # the number (64 pt) fits on a line of its own
    assert block.lines_text()[-1] == "612-555-0100"


def test_phone_number_never_split_at_its_spaces_inside_arabic() -> None:
    for width in range(90, 300, 7):
        block = TextBlock("اتصل بالرقم +1 (612) 555-0100 في حالة الطوارئ", TextStyle(size=10))
        block.wrap(width, 1e6)
        assert any("+1 (612) 555-0100" in line for line in block.lines_text()), width


def test_myanmar_emergency_breaks_only_between_syllables() -> None:
    text = "ကညီကျိာ်တၢ်ဆဲးကျိးပှၤကညီအိၣ်" * 20
    block = TextBlock(text, TextStyle(size=10))
    block.wrap(60, 1e6)
    lines = block.lines_text()
    assert len(lines) > 5
    pos = 0
    for line in lines[:-1]:
        pos += len(line)
        assert _can_break_before(text, pos)
        nxt = text[pos]
        assert unicodedata.category(nxt)[0] != "M"
        assert text[pos - 1] != "\u1039" and text[pos + 1] not in "\u103a\u1039"


def test_leading_defaults() -> None:
    assert TextBlock("Latin", TextStyle(size=10))._leading == pytest.approx(13.0)
    assert TextBlock("ကညီ", TextStyle(size=10))._leading > 17
    assert TextBlock("ကညီ", TextStyle(size=10, leading=15))._leading == 15


def test_split_returns_parts_that_fit() -> None:
    text = " ".join(f"word{i}" for i in range(400))
    block = TextBlock(text, TextStyle(size=10, space_before=4, space_after=8))
    _, h = block.wrap(200, 1e6)
    parts = block.split(200, 100)
    assert len(parts) == 2
    head, tail = parts
    _, hh = head.wrap(200, 100)
    assert hh <= 100
    assert head.getSpaceBefore() == 4 and head.getSpaceAfter() == 0
    assert tail.getSpaceBefore() == 0 and tail.getSpaceAfter() == 8
    _, th = tail.wrap(200, 1e6)
    assert hh + th == pytest.approx(h)
    assert block.split(200, 5) == []
    assert block.split(200, 1e6) == [block]
    # the tail re-wraps at another width (a wider frame on the next page)
    tail.wrap(300, 1e6)
    words = " ".join(head.lines_text() + tail.lines_text()).split()
    assert words == text.split()


def test_split_rtl_keeps_direction() -> None:
    block = TextBlock("كلمة عربية " * 200, TextStyle(size=10))
    block.wrap(200, 1e6)
    _head, tail = block.split(200, 60)
    assert tail._paras[0].base == 1


def test_empty_and_blank_text() -> None:
    assert TextBlock("").wrap(100, 100) == (100, 0)
    _w, h = TextBlock("\n\n").wrap(100, 100)
    assert h == pytest.approx(3 * 13.0)


def test_min_width_is_the_widest_word() -> None:
    block = TextBlock("a extraordinarily b", TextStyle(size=10))
    assert block.minWidth() == pytest.approx(text_width("extraordinarily", TextStyle(size=10)))


def test_spans_bold_is_wider() -> None:
    style = TextStyle(size=10)
    plain = TextBlock([("Emergency contact", False)], style)
    bold = TextBlock([("Emergency contact", True)], style)
    plain.wrap(500, 100)
    bold.wrap(500, 100)
    assert bold.line_widths()[0] > plain.line_widths()[0]


def test_direction_parameter() -> None:
    assert TextBlock("hello", direction="rtl")._paras[0].base == 1
    assert TextBlock("مرحبا", direction="ltr")._paras[0].base == 0
    b = TextBlock("Hello\nمرحبا\n612")
    assert [p.base for p in b._paras] == [0, 1, 1]  # a line with no letters inherits
    with pytest.raises(ValueError):
        TextBlock("x", direction="up")


def test_text_width_matches_shaped_advances() -> None:
    style = TextStyle(size=10)
    assert text_width("", style) == 0
    assert text_width("ab", style) < text_width("abc", style)
    # Arabic joining forms differ in width from isolated letters
    joined = text_width("بببب", style)
    isolated = 4 * text_width("ب", style)
    assert joined != pytest.approx(isolated)


def test_prepare_is_cached() -> None:
    a = prepare("same text", False, 0)
    b = prepare("same text", False, 0)
    assert a is b


@pytest.mark.parametrize("unit", ["x", "مرحبا", "ကညီ", "ሰላም"])
def test_very_long_words_wrap_in_linear_time(unit: str) -> None:
    import time

    text = unit * (20_000 // len(unit))
    block = TextBlock(text, TextStyle(size=11))
    t0 = time.perf_counter()
    block.wrap(451, 1e9)
    assert time.perf_counter() - t0 < 2.0
    assert all(w <= 451 + 1e-6 for w in block.line_widths())
    assert "".join(block.lines_text()) == text


# -- Arabic drawn as large as the Latin around it ------------------------------------------------


def _harfbuzz_width(text: str, rtl: bool = True) -> float:
    """Advance of `text` in Noto Naskh Arabic, HarfBuzz alone, thousandths of an em."""
    import uharfbuzz as hb

    from preparedness.packet.text import fonts

    face = fonts.face("arabic", False)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.direction = "rtl" if rtl else "ltr"
    buf.guess_segment_properties()
    hb.shape(fonts.hb_font("arabic", False), buf, {})
    return sum(p.x_advance for p in buf.glyph_positions) * 1000 / face.upem


def test_arabic_is_measured_at_its_scaled_size() -> None:
    """Widths (and so line breaks) are those of the size the Arabic is drawn at."""
    from preparedness.packet.text.fonts import ARABIC_SCALE

    assert 1.1 <= ARABIC_SCALE <= 1.15
    size = 10.0
    word = "الزهراء"
    expected = _harfbuzz_width(word) * ARABIC_SCALE * size / 1000
    assert text_width(word, TextStyle(size=size)) == pytest.approx(expected)
    # inside a Latin line too, and never wider than the line once wrapped
    st = TextStyle(size=size)
    latin = text_width("Call", st) + text_width("a a", st) - text_width("aa", st)
    assert text_width(f"Call {word}", TextStyle(size=size)) == pytest.approx(
        latin + expected, rel=1e-3
    )
    block = TextBlock(f"Fatima {word} " * 30, TextStyle(size=size))
    block.wrap(200, 1e6)
    assert all(w <= 200 + 1e-6 for w in block.line_widths())
    assert block.minWidth() >= expected - 1e-6


def test_digits_keep_the_style_size_inside_arabic() -> None:
    """Naskh's European digits are Noto Sans's design: a number is as wide in Arabic as in
    English, whatever the scale of the letters around it."""
    size = 10.0
    in_arabic = prepare("اتصل 612-555-0100", False, 1)
    in_english = prepare("Call 612-555-0100", False, 0)
    number = next(t for t in in_arabic.tokens if "612" in in_arabic.text[t.start : t.end])
    number_en = next(t for t in in_english.tokens if "612" in in_english.text[t.start : t.end])
    assert number.width * size == pytest.approx(number_en.width * size)


def test_line_height_follows_the_scaled_arabic() -> None:
    """A block with Arabic in it has room for the larger letters: 1.6 x the Arabic size."""
    from preparedness.packet.text import line_height
    from preparedness.packet.text.fonts import ARABIC_SCALE

    st = TextStyle(size=10)
    assert line_height("Fatima", st) == pytest.approx(13.0)
    for text in ("فاطمة الزهراء", "Fatima فاطمة"):
        assert line_height(text, st) == pytest.approx(10 * 1.6 * ARABIC_SCALE)
        block = TextBlock(text + "\n" + text, st)
        assert block.wrap(400, 1e6)[1] == pytest.approx(2 * 10 * 1.6 * ARABIC_SCALE)
