"""clean_user_text, missing-glyph substitution and font choice."""

from __future__ import annotations

import unicodedata

import pytest

from preparedness.packet.text import clean_user_text, font_for_char, missing_glyphs
from preparedness.packet.text.layout import clean_for_layout, substitute_missing


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("plain", "plain"),
        ("a\r\nb\rc\u2028d\u2029e\x0cf", "a\nb\nc\nd\ne\nf"),
        ("tab\tkept\nnewline kept", "tab\tkept\nnewline kept"),
        ("nul\x00bel\x07esc\x1b[0mdel\x7fc1\x85\x9b", "nulbelesc[0mdelc1\n"),
        ("abc \u202edcba\u202c xyz", "abc dcba xyz"),
        ("\u2066iso\u2069 \u2067rtl\u2069 \u2068fsi\u2069", "iso rtl fsi"),
        ("\u200eLRM\u200fRLM\u061cALM\ufeffBOM", "LRMRLMALMBOM"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("<b>x</b> & <font size=99>", "<b>x</b> & <font size=99>"),
        ("zwj\u200dzwnj\u200c kept", "zwj\u200dzwnj\u200c kept"),
    ],
)
def test_clean_user_text(raw: str, clean: str) -> None:
    assert clean_user_text(raw) == clean


def test_clean_composes_vietnamese() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hương")
    assert decomposed != "Nguyễn Thị Hương"
    assert clean_user_text(decomposed) == unicodedata.normalize("NFC", "Nguyễn Thị Hương")


def test_clean_is_idempotent() -> None:
    s = "a\r\n\u202eb\x00c\u2066d\u2069 Nguyễn"
    once = clean_user_text(s)
    assert clean_user_text(once) == once


def test_no_control_or_bidi_character_survives() -> None:
    every = "".join(chr(c) for c in range(0x00, 0xA0)) + "".join(
        chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x61C]
    )
    out = clean_user_text(every)
    for ch in out:
        if ch in "\n\t":
            continue
        assert unicodedata.category(ch) != "Cc", repr(ch)
        assert unicodedata.bidirectional(ch) not in (
            "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI",
        ), repr(ch)  # fmt: skip


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # emoji of Unicode 9 (and Symbola's Unicode 10 ones) are drawn by the symbols font
        ("family 👪 ok", "family 👪 ok"),
        ("👨‍👩‍👧 zwj sequence", "👨‍👩‍👧 zwj sequence"),
        ("flag 🇺🇸🇫🇷", "flag 🇺🇸🇫🇷"),
        ("heart ❤️ vs16", "heart ❤️ vs16"),
        ("keycap 1️⃣", "keycap 1️⃣"),
        # a skin tone after a character is dropped; a lone one keeps its swatch
        ("thumb 👍🏽 tone", "thumb 👍 tone"),
        ("two 👍🏽🏿 tones", "two 👍 tones"),
        ("lone 🏽 tone", "lone 🏽 tone"),
        ("🏽\n🏿", "🏽\n🏿"),
        # newer emoji have no glyph: one U+FFFD per cluster, tones and ZWJ parts included
        ("smiling 🥰 face", "smiling \ufffd face"),
        ("hands 🫶🏽 tone", "hands \ufffd tone"),
        ("shake 🫱🏽\u200d🫲🏿 zwj", "shake \ufffd zwj"),
        ("mixed 👍🥰🌸", "mixed 👍\ufffd🌸"),
        ("no emoji", "no emoji"),
    ],
)
def test_missing_glyphs_are_replaced_once_per_cluster(raw: str, expected: str) -> None:
    assert substitute_missing(raw) == expected


def test_missing_glyphs_reports_only_uncovered() -> None:
    assert missing_glyphs("Hương مرحبا ကညီ ሰላም 紧急 \u200d\ufe0f\n\t") == set()
    assert missing_glyphs("Mimi 🌸 Abuela ❤️ 👍🏽 👨‍👩‍👧 🇺🇸 ☎ ✅ 😀 🚗") == set()
    assert missing_glyphs("a🥰b") == {"🥰"}
    assert missing_glyphs("\U0001faf6\u200d\U0001f3fd") == {"\U0001faf6"}


@pytest.mark.parametrize(
    ("ch", "font"),
    [
        ("a", "FPP-NotoSans-Regular"),
        ("ư", "FPP-NotoSans-Regular"),
        ("7", "FPP-NotoSans-Regular"),
        ("م", "FPP-NotoNaskhArabic-Regular"),
        ("\u0661", "FPP-NotoNaskhArabic-Regular"),
        ("က", "FPP-NotoSansMyanmar-Regular"),
        ("\u1061", "FPP-NotoSansMyanmar-Regular"),
        ("ሰ", "FPP-NotoSansEthiopic-Regular"),
        ("紧", "FPP-PreparednessCJKSC-Regular"),
        ("\u3002", "FPP-PreparednessCJKSC-Regular"),
        ("👪", "FPP-PreparednessSymbols-Regular"),
        ("🌸", "FPP-PreparednessSymbols-Regular"),
        ("\u2764", "FPP-PreparednessSymbols-Regular"),
        ("\ufe0f", "FPP-PreparednessSymbols-Regular"),
        ("\U0001f970", None),  # 🥰, Unicode 11: newer than the symbols font
        ("\U0001faf6", None),  # 🫶, Unicode 14
    ],
)
def test_font_for_char(ch: str, font: str | None) -> None:
    assert font_for_char(ch) == font


def test_font_for_char_bold() -> None:
    assert font_for_char("a", bold=True) == "FPP-NotoSans-Bold"
    assert font_for_char("م", bold=True) == "FPP-NotoNaskhArabic-Bold"
    # no bold Chinese face: the regular one, drawn with a synthetic bold
    assert font_for_char("紧", bold=True) == "FPP-PreparednessCJKSC-Regular"


def test_clean_for_layout_tabs_and_emoji() -> None:
    assert clean_for_layout("a\tb 👪") == "a b 👪"
    assert clean_for_layout("a\tb 🥰") == "a b \ufffd"


def test_the_symbols_font_only_adds_characters_the_others_lack() -> None:
    """It is the last family and a subset of Symbola without anything the Noto fonts have
    (tools/build_symbols_font.py): it never draws a letter, digit or space."""
    from preparedness.packet.text import fonts

    assert fonts.FAMILIES[-1].key == "symbols"
    symbols = fonts.coverage("symbols")
    for spec in fonts.FAMILIES[:-1]:
        assert not symbols & fonts.coverage(spec.key), spec.key
    cats = {unicodedata.category(c) for c in symbols}
    assert not {c for c in cats if c[0] in "LZ" or c == "Nd"}, cats


def test_no_font_maps_the_layer_s_private_use_codes() -> None:
    """Unmapped shaped glyphs are addressed as PUA_BASE + glyph id; a font mapping a code in
    that range itself (Symbola has private-use glyphs there) would draw the wrong glyph."""
    from preparedness.packet.text import fonts

    for spec in fonts.FAMILIES:
        assert max(map(ord, fonts.coverage(spec.key))) < fonts.PUA_BASE, spec.key


def test_bold_faces_cover_what_regular_faces_cover() -> None:
    import uharfbuzz as hb

    from preparedness.packet.text import fonts

    for spec in fonts.FAMILIES:
        if spec.bold is None:
            continue
        bold = hb.Face(hb.Blob.from_file_path(str(fonts.FONT_DIR / spec.bold)))
        assert set(map(chr, bold.unicodes)) >= fonts.coverage(spec.key), spec.key


def test_shipped_fonts_are_truetype_and_licensed() -> None:
    from preparedness.packet.text import fonts

    total = 0
    for spec in fonts.FAMILIES:
        for name in filter(None, (spec.regular, spec.bold)):
            path = fonts.FONT_DIR / name
            assert path.read_bytes()[:4] == b"\x00\x01\x00\x00", name  # glyf, not CFF
            total += path.stat().st_size
    assert total < 15_000_000
    assert (fonts.FONT_DIR / "OFL.txt").read_text().count("SIL OPEN FONT LICENSE") >= 1
    symbola = (fonts.FONT_DIR / "PreparednessSymbols-LICENSE.txt").read_text(encoding="utf-8")
    assert "Fonts are free for any use; they may be opened, edited," in symbola
    assert "Copyright (C) 2007-2015 George Douros" in symbola
