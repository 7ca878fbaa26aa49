"""The packet on paper: nothing prints over anything else, and units keep to their pages.

Read back from the PDF with ``pdftotext -bbox-layout`` (one box per word): words of different
lines must not overlap, in every language, copy and page size. Units (the cover, a child's
sheet, a letter with its translation, a section) are laid out alone in the packet's own frame
to see how many pages they take and how full each one is.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

import pytest
from reportlab.platypus import Flowable
from test_packet_copies import render, squeeze

from preparedness.languages import language_codes
from preparedness.model.demo import demo_plan
from preparedness.packet import Copy
from preparedness.packet import render as render_module
from preparedness.packet import strings as S
from preparedness.packet.fit import MIN_SCALE, OnePage
from preparedness.packet.sections.base import Context, PacketTable
from preparedness.packet.styles import GEOMETRY, PAGE_SIZES
from preparedness.packet.text import TextBlock, TextStyle

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")

LANGS = language_codes()
SIZES = ("letter", "a4")


@dataclass(frozen=True)
class Word:
    line: int
    x0: float
    y0: float  # from the top of the page
    x1: float
    y1: float
    text: str


@dataclass(frozen=True)
class Page:
    height: float
    words: tuple[Word, ...]
    text: str

    def fill(self) -> float:
        """How far down the frame the text goes (0 empty, 1 full), footer not counted."""
        top, bottom = GEOMETRY.top, self.height - GEOMETRY.bottom
        lows = [w.y1 for w in self.words if w.y1 < bottom + 2]
        return (max(lows, default=top) - top) / (bottom - top)


def pages(pdf: bytes) -> list[Page]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "p.pdf"
        path.write_bytes(pdf)
        xml = subprocess.run(
            ["pdftotext", "-bbox-layout", str(path), "-"],
            capture_output=True,
            check=True,
            text=True,
        ).stdout
    root = ElementTree.fromstring(re.sub(r'xmlns="[^"]+"', "", xml))
    out: list[Page] = []
    for page in root.iter("page"):
        words = []
        for n, line in enumerate(page.iter("line")):
            for w in line.iter("word"):
                box = [float(w.get(k) or 0) for k in ("xMin", "yMin", "xMax", "yMax")]
                words.append(Word(n, *box, w.text or ""))
        text = " ".join(w.text for w in words)
        out.append(Page(float(page.get("height") or 0), tuple(words), text))
    return out


def overlaps(words: Sequence[Word]) -> list[tuple[str, str]]:
    """Words of different lines whose boxes overlap by more than a third of a line.

    poppler's boxes span the font's ascent and descent, so lines set at their normal leading
    touch or overlap by a sliver; text printed over text overlaps by much more.
    """
    found = []
    ordered = sorted(words, key=lambda w: w.y0)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.y0 >= a.y1:
                break
            if a.line == b.line:
                continue
            dx = min(a.x1, b.x1) - max(a.x0, b.x0)
            dy = min(a.y1, b.y1) - max(a.y0, b.y0)
            if dx > 1 and dy > 0.35 * min(a.y1 - a.y0, b.y1 - b.y0):
                found.append((a.text, b.text))
    return found


@cache
def packet_pages(lang: str, copy: Copy, size: str) -> list[Page]:
    return pages(render(lang, copy, size))


def context(lang: str, copy: Copy, size: str = "letter", plan=None) -> Context:
    plan = plan if plan is not None else demo_plan(lang)
    return render_module._context(plan, lang, copy, PAGE_SIZES[size], None)


def alone(ctx: Context, flowables: Sequence[Flowable]) -> bytes:
    """The flowables laid out by themselves, in the packet's frame (no footer)."""
    buffer = io.BytesIO()
    size = (ctx.width + GEOMETRY.left + GEOMETRY.right, ctx.height + GEOMETRY.top + GEOMETRY.bottom)
    render_module._document(buffer, ctx, size).build(list(flowables))
    return buffer.getvalue()


# -- nothing prints over anything else -------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_no_text_prints_over_other_text(lang: str) -> None:
    """Every page of every copy in both sizes (the Vietnamese cover printed its copies box
    over "Ask a lawyer…"; the Karen footer's two lines touched)."""
    problems = []
    for copy in Copy:
        for size in SIZES:
            for n, page in enumerate(packet_pages(lang, copy, size), 1):
                found = overlaps(page.words)
                if found:
                    problems.append(f"{copy} {size} page {n}: {found[:3]}")
    assert not problems, "\n".join(problems)


def test_overlap_check_sees_text_printed_over_text() -> None:
    """The check itself: two lines drawn 4 pt apart are found, 1.3 x size apart are not."""
    from reportlab.pdfgen.canvas import Canvas

    from preparedness.packet.text import draw_text_line

    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    st = TextStyle(size=11)
    draw_text_line(canvas, 72, 700, "Ask a lawyer to look at any paper", st)
    draw_text_line(canvas, 72, 700 - 11 * 1.3, "before you sign it.", st)
    canvas.showPage()
    draw_text_line(canvas, 72, 700, "Ask a lawyer to look at any paper", st)
    draw_text_line(canvas, 72, 696, "Who gets which copy", st)
    canvas.save()
    clean, overprinted = pages(buffer.getvalue())
    assert overlaps(clean.words) == []
    assert overlaps(overprinted.words)


def test_table_columns_follow_the_width_it_is_wrapped_at() -> None:
    """The cause of the overprinted cover: reportlab fixes a table's column widths at its
    first wrap but measures rows at every wrap; a table measured at one width and drawn at
    another had rows too short for its cells."""
    text = "Caregiver copy: give one to each caregiver. It has no immigration details. " * 2
    table = PacketTable([[TextBlock(text, TextStyle(size=11))]], colWidths=["100%"])
    _, tall = table.wrap(300, 1000)
    _, short = table.wrap(600, 1000)
    assert sum(table._colWidths) == pytest.approx(600)
    assert short < tall
    table.wrap(300, 1000)
    assert sum(table._colWidths) == pytest.approx(300)


# -- the cover -------------------------------------------------------------------------------


def cover_of(ctx: Context) -> OnePage:
    cover = render_module._story(ctx)[0]
    assert isinstance(cover, OnePage)
    return cover


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("copy", list(Copy))
@pytest.mark.parametrize("lang", LANGS)
def test_cover_is_one_page_or_two_even_ones(lang: str, copy: Copy, size: str) -> None:
    """Shrunk no further than MIN_SCALE to fit one page; otherwise two pages, each well
    filled (the French cover left three rows and a note alone on its second page)."""
    ctx = context(lang, copy, size)
    cover = cover_of(ctx)
    laid_out = pages(alone(ctx, [cover]))
    assert len(laid_out) <= 2
    assert MIN_SCALE <= cover.scale <= 1.0
    if len(laid_out) == 2:
        assert cover.scale == 1.0
        assert min(p.fill() for p in laid_out) > 0.35, [p.fill() for p in laid_out]
    assert not [p for p in laid_out if overlaps(p.words)]


def test_long_vietnamese_cover_is_shrunk_onto_one_page() -> None:
    """The reported case: ~797 pt of cover for 691 pt of Letter page."""
    ctx = context("vi", Copy.FAMILY)
    cover = cover_of(ctx)
    laid_out = pages(alone(ctx, [cover]))
    assert len(laid_out) == 1
    assert MIN_SCALE <= cover.scale < 0.95
    assert laid_out[0].fill() > 0.95


# -- the letter to the school and its translation ----------------------------------------------


def letters(ctx: Context) -> list[bytes]:
    from preparedness.packet.sections import school_letter

    return [
        alone(ctx, school_letter.letter(ctx, school, children))
        for school, children in school_letter.schools_with_children(ctx)
    ]


def letter_units(ctx: Context) -> list[tuple[OnePage, list[Page]]]:
    """Each school's letter unit as its copy builds it (the school copy's with that school's
    health facts), laid out alone."""
    from preparedness.packet.sections import school_letter

    build = school_letter.build_school_copy if ctx.copy == Copy.SCHOOL else school_letter.build
    units = [f for f in build(ctx) if isinstance(f, OnePage)]
    return [(unit, pages(alone(ctx, [unit]))) for unit in units]


def depth_of(page: Page, text: str) -> float | None:
    """How far below the top of the frame the first line holding ``text`` starts (points).

    By position, not by poppler's line count: it may give one Myanmar line back as several.
    """
    lines: dict[int, list[Word]] = {}
    for w in page.words:
        lines.setdefault(w.line, []).append(w)
    needle = squeeze(text)
    found = [
        min(w.y0 for w in words)
        for words in lines.values()
        if needle in squeeze(" ".join(w.text for w in words))
    ]
    return min(found) - GEOMETRY.top if found else None


def assert_translation_page_is_titled(ctx: Context, page: Page) -> None:
    """A translation that starts a page opens under the letter's title (the family's line
    and the English one: its English line is within the first 60 pt), then the note that it
    is for reading only."""
    title = depth_of(page, ctx.en(S.LETTER_TITLE))
    note = depth_of(page, ctx.en(S.TRANSLATION_NOTE))
    assert title is not None and note is not None, page.text[:120]
    assert title < 60 and title < note, (title, note, page.text[:120])


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_letter_and_its_translation_share_a_page_when_they_can(lang: str, size: str) -> None:
    """The translation follows the English letter on its page (shrunk a little if need be);
    only when they cannot share one does it start the next page, whole, and the English
    letter is never split (it was: a whole page per translation, mostly blank)."""
    ctx = context(lang, Copy.FAMILY, size)
    # Its English line: poppler gives right-to-left lines back in visual order.
    note = squeeze(ctx.en(S.TRANSLATION_NOTE))
    for pdf in letters(ctx):
        laid_out = pages(pdf)
        assert squeeze(ctx.en(S.LETTER_SIGNATURES)) in squeeze(laid_out[0].text)
        if len(laid_out) == 2:
            assert note not in squeeze(laid_out[0].text)
            assert note in squeeze(laid_out[1].text)
            assert squeeze(ctx.en(S.LETTER_CHILDREN)) not in squeeze(laid_out[1].text)
            assert_translation_page_is_titled(ctx, laid_out[1])
        else:
            assert len(laid_out) == 1
    if lang in ("es", "ar", "vi", "zh_Hans", "fr"):
        assert all(len(pages(pdf)) == 1 for pdf in letters(ctx))


def test_school_copy_is_one_sheet_per_school_when_it_fits() -> None:
    """English: letter and health facts on one sheet per school (they took two, the second
    with a few lines of health facts)."""
    laid_out = packet_pages("en", Copy.SCHOOL, "letter")
    assert len(laid_out) == 3  # the cover, then one sheet per school
    assert all(squeeze(S.SCHOOL_HEALTH_TITLE) in squeeze(p.text) for p in laid_out[1:])


@pytest.mark.parametrize("lang", ["es", "ar", "ksw"])
def test_school_copy_letter_then_translation_with_health_facts(lang: str) -> None:
    """When the letter, its translation and the health facts cannot share a page, the English
    letter has its page and the translation and the health facts share the next."""
    laid_out = packet_pages(lang, Copy.SCHOOL, "letter")
    ctx = context(lang, Copy.SCHOOL)
    note = squeeze(ctx.en(S.TRANSLATION_NOTE))
    for page in laid_out[1:]:
        text = squeeze(page.text)
        if squeeze(ctx.en(S.LETTER_SIGNATURES)) in text:
            assert note not in text
        else:
            assert note in text and squeeze(S.SCHOOL_HEALTH_TITLE) in text
            assert_translation_page_is_titled(ctx, page)


@pytest.mark.parametrize("copy", [Copy.FAMILY, Copy.SCHOOL])
def test_karen_translation_on_letter_paper_has_its_own_titled_page(copy: Copy) -> None:
    """The reported case. S'gaw Karen (Myanmar script, 1.9 x leading) would need a scale of
    about 0.81 to share a Letter page with the English letter, below MIN_SCALE: the
    translation starts the next page at full size, whole, under the letter's title in Karen
    and English, so it reads as the letter's second page (it sat there alone and untitled,
    the page 37 % full). The signed English letter keeps its page, unshrunk."""
    ctx = context("ksw", copy, "letter")
    assert ctx.fam(S.LETTER_TITLE) != ctx.en(S.LETTER_TITLE)  # a Karen title exists
    note = squeeze(ctx.en(S.TRANSLATION_NOTE))
    units = letter_units(ctx)
    assert len(units) == 2  # one letter per school
    for unit, laid_out in units:
        assert len(laid_out) == 2
        assert unit.scale == 1.0
        first, second = (squeeze(p.text) for p in laid_out)
        assert squeeze(ctx.en(S.LETTER_SIGNATURES)) in first and note not in first
        assert_translation_page_is_titled(ctx, laid_out[1])
        assert not overlaps(laid_out[1].words)
        if copy == Copy.SCHOOL:
            assert squeeze(S.SCHOOL_HEALTH_TITLE) in second


def test_karen_letter_on_a4_shares_its_page_no_smaller_than_the_floor() -> None:
    """A4 is 50 pt taller: the Karen letter and its translation fit one sheet at a scale
    the packet allows, so no page holds the translation alone."""
    ctx = context("ksw", Copy.FAMILY, "a4")
    for unit, laid_out in letter_units(ctx):
        assert len(laid_out) == 1
        assert MIN_SCALE <= unit.scale < 1.0


@pytest.mark.parametrize("lang", LANGS)
def test_every_translation_of_the_letter_shares_its_page_or_has_a_title(lang: str) -> None:
    """Whole packets, every copy, both sizes: a page with the letter's translation either
    holds the English letter too or opens under the letter's title. The caregiver copy has
    no letter."""
    for copy in Copy:
        for size in SIZES:
            ctx = context(lang, copy, size)
            note = squeeze(ctx.en(S.TRANSLATION_NOTE))
            signatures = squeeze(ctx.en(S.LETTER_SIGNATURES))
            laid_out = packet_pages(lang, copy, size)
            if copy == Copy.CAREGIVER:
                assert not [p for p in laid_out if signatures in squeeze(p.text)]
                continue
            for page in laid_out:
                text = squeeze(page.text)
                if note in text and signatures not in text:
                    assert_translation_page_is_titled(ctx, page)


def test_a_break_point_head_opens_the_next_page_only_when_the_unit_breaks_there() -> None:
    """``BreakPoint(head=...)``: the head is drawn at the top of the part that starts at the
    marker, never when the unit keeps to one page."""
    from preparedness.packet.fit import BreakPoint

    ctx = context("en", Copy.FAMILY)
    sentence = "Ask a lawyer to look at any paper before you sign it. "

    def body(before: int, after: int) -> list[Flowable]:
        def para() -> TextBlock:
            return TextBlock(sentence * 10, TextStyle(size=11, space_after=6))

        head = [TextBlock("Second part heading", TextStyle(size=15, bold=True))]
        return [
            *(para() for _ in range(before)),
            BreakPoint(head=head),
            *(para() for _ in range(after)),
        ]

    (whole,) = pages(alone(ctx, [OnePage(body(2, 1), ctx.height, only_marked=True)]))
    assert "Second part heading" not in whole.text
    laid_out = pages(alone(ctx, [OnePage(body(7, 5), ctx.height, only_marked=True)]))
    assert len(laid_out) == 2
    assert "Second part heading" not in laid_out[0].text
    assert depth_of(laid_out[1], "Second part heading") == pytest.approx(0, abs=4)
    assert not [p for p in laid_out if overlaps(p.words)]


# -- a sheet per child -------------------------------------------------------------------------


def child_sheets(ctx: Context) -> list[tuple[str, bytes, OnePage]]:
    from preparedness.packet.sections import children

    out = []
    for child in ctx.plan.children:
        (sheet,) = children.child_sheet(ctx, child)
        assert isinstance(sheet, OnePage)
        out.append((child.name, alone(ctx, [sheet]), sheet))
    return out


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("copy", [Copy.FAMILY, Copy.CAREGIVER])
@pytest.mark.parametrize("lang", LANGS)
def test_each_demo_child_sheet_is_one_page(lang: str, copy: Copy, size: str) -> None:
    """The Chinese first child's sheet left "What the child has been told" alone on a page."""
    for name, pdf, sheet in child_sheets(context(lang, copy, size)):
        assert len(pages(pdf)) == 1, name
        assert MIN_SCALE <= sheet.scale <= 1.0


def long_child_plan(words: int):
    plan = demo_plan("es")
    child = plan.children[0]
    filler = "Le gusta dormir con la luz del pasillo encendida y un vaso de agua. "
    for field in ("routines", "comfort_items", "what_child_knows", "conditions"):
        setattr(child, field, filler * words)
    return plan


@pytest.mark.parametrize("size", SIZES)
def test_a_child_sheet_too_long_for_a_page_is_split_evenly(size: str) -> None:
    """Two pages, each well filled, each with the section title, the child's name and
    "1 of 2" / "2 of 2" in both languages: never one row alone on the second page."""
    ctx = context("es", Copy.FAMILY, size, plan=long_child_plan(8))
    name, pdf, _sheet = child_sheets(ctx)[0]
    laid_out = pages(pdf)
    assert len(laid_out) == 2
    fills = [p.fill() for p in laid_out]
    assert min(fills) > 0.4, fills
    assert abs(fills[0] - fills[1]) < 0.45, fills
    for n, page in enumerate(laid_out, 1):
        text = squeeze(page.text)
        assert squeeze(name) in text
        assert squeeze(ctx.fam(S.CHILD_TITLE)) in text
        assert squeeze(ctx.fam(S.APPENDIX_PAGE_OF, page=str(n), pages="2")) in text
        assert squeeze(ctx.en(S.APPENDIX_PAGE_OF, page=str(n), pages="2")) in text
        assert not overlaps(page.words)


def test_a_very_long_child_sheet_takes_the_pages_it_needs() -> None:
    ctx = context("es", Copy.FAMILY, plan=long_child_plan(20))
    name, pdf, _sheet = child_sheets(ctx)[0]
    laid_out = pages(pdf)
    assert len(laid_out) >= 3
    assert all(squeeze(name) in squeeze(p.text) for p in laid_out)
    assert min(p.fill() for p in laid_out) > 0.25
    assert squeeze(ctx.en(S.APPENDIX_PAGE_OF, page="1", pages=str(len(laid_out)))) in squeeze(
        laid_out[0].text
    )


def test_a_row_taller_than_a_page_still_prints_every_word() -> None:
    """No break lets a part fit (one note longer than a page): the ordinary flow splits
    inside the row instead; nothing is lost or drawn over anything."""
    plan = demo_plan("es")
    plan.children[0].routines = "palabra " * 1800 + "FINAL"
    ctx = context("es", Copy.FAMILY, plan=plan)
    _name, pdf, _sheet = child_sheets(ctx)[0]
    laid_out = pages(pdf)
    assert len(laid_out) >= 2
    assert "FINAL" in laid_out[-1].text
    assert not [p for p in laid_out if overlaps(p.words)]


# -- sections and whole packets --------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_is_nearly_empty(lang: str) -> None:
    """Every page but the last (wallet cards, a short appendix) is at least 30 % full: no
    section leaves a row or a note alone on a page (Karen next steps and contacts, the
    Spanish "facts found on public pages" note did)."""
    problems = []
    for copy in Copy:
        for size in SIZES:
            laid_out = packet_pages(lang, copy, size)
            for n, page in enumerate(laid_out[:-1], 1):
                if page.fill() < 0.3:
                    problems.append(f"{copy} {size} page {n}: {page.fill():.0%} {page.text[:80]}")
    assert not problems, "\n".join(problems)


def contacts_pages(count: int, lang: str = "es") -> list[Page]:
    from preparedness.model import Contact, Phone
    from preparedness.packet.sections import contacts

    plan = demo_plan(lang)
    for i in range(count):
        phones = [Phone("612-555-0100"), Phone("612-555-0101")]
        plan.contacts.append(Contact(name=f"Persona {i:02d}", relationship="vecina", phones=phones))
    ctx = context(lang, Copy.FAMILY, plan=plan)
    return pages(alone(ctx, [OnePage(contacts.build(ctx), ctx.height)]))


def test_a_section_a_little_too_long_is_shrunk_onto_its_page() -> None:
    laid_out = contacts_pages(6)
    assert len(laid_out) == 1
    assert "Persona 05" in laid_out[0].text


@pytest.mark.parametrize("count", [14, 30, 60])
def test_a_long_section_is_split_evenly_with_its_header_rows(count: int) -> None:
    laid_out = contacts_pages(count)
    assert len(laid_out) >= 2
    fills = [p.fill() for p in laid_out]
    assert min(fills) > 0.4, fills
    text = " ".join(p.text for p in laid_out)
    assert all(f"Persona {i:02d}" in text for i in range(count))
    assert all("Phone" in p.text for p in laid_out)  # the header row is repeated


# -- wallet cards ------------------------------------------------------------------------------


@pytest.mark.parametrize("copy", [Copy.FAMILY, Copy.CAREGIVER])
@pytest.mark.parametrize("lang", LANGS)
def test_wallet_card_text_is_never_shrunk_below_the_floor(lang: str, copy: Copy) -> None:
    """The Karen half of the key numbers was shrunk to two thirds (8 pt -> 5 pt), Hmong and
    Arabic below 0.85: now the numbers go on two cards (people, services) instead."""
    from reportlab.platypus import KeepInFrame

    from preparedness.packet.sections import wallet_cards

    ctx = context(lang, copy)
    inner = (
        wallet_cards.CARD_WIDTH - 2 * wallet_cards.PADDING,
        wallet_cards.CARD_HEIGHT - 2 * wallet_cards.PADDING,
    )
    halves = [
        half
        for f in wallet_cards.build(ctx)
        for inner_f in getattr(f, "_content", [f])
        if isinstance(inner_f, PacketTable)
        for half in inner_f._cellvalues[0]
        if isinstance(half, KeepInFrame)
    ]
    assert len(halves) >= 2
    scales = []
    for half in halves:
        half.wrapOn(None, *inner)
        scales.append(1.0 / getattr(half, "_scale", 1.0))
    assert min(scales) >= MIN_SCALE, scales
    text = " ".join(p.text for p in packet_pages(lang, copy, "letter")[-1:])
    for number in ("555-0110", "555-0132"):  # the first and the last key number
        assert number in text
