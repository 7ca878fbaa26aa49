"""Plan + language + recipient -> PDF bytes, headless and deterministic.

Why here and not in the sections: this module owns everything that is the same on every page
(page size, margins, footer with "page x of y", PDF metadata, fonts embedded by the text layer)
and the order of sections per recipient. Sections only say what they print.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    TableStyle,
)

from preparedness.languages import language as language_info
from preparedness.model.plan import Plan
from preparedness.packet import strings as S
from preparedness.packet.fit import OnePage
from preparedness.packet.sections import ORDER, SECTIONS
from preparedness.packet.sections import cover as cover_section
from preparedness.packet.sections.base import COPY_NAMES, Context, Copy, PacketTable
from preparedness.packet.styles import GEOMETRY, PAGE_SIZES, RULE, style
from preparedness.packet.text import draw_text_line, font_for_char, line_height

__all__ = ["PAGE_SIZES", "Copy", "render_packet", "render_recovery_sheet"]

Gettext = Callable[[str], str]
CREATOR = "Family Preparedness Plan"


def _page_size(name: str) -> tuple[float, float]:
    try:
        return PAGE_SIZES[name.lower()]
    except (KeyError, AttributeError):
        raise ValueError(f"page size must be one of {sorted(PAGE_SIZES)}, not {name!r}") from None


def _footer_canvas(ctx: Context, name_msgid: str) -> type[Canvas]:
    """A canvas that draws every footer at the end, when the number of pages is known.

    Why not a second build pass: the text layer shapes every string once; holding each page's
    state until ``save`` costs nothing and keeps the render to a single pass.
    """
    left = GEOMETRY.left
    page_w = ctx.width + GEOMETRY.left + GEOMETRY.right
    right = page_w - GEOMETRY.right
    footer = style("footer")

    def labels(translate: Callable[..., str]) -> str:
        return (
            f"{translate(S.PACKET_TITLE)} — {translate(name_msgid)} · {translate(S.CONFIDENTIAL)}"
        )

    family_label, english_label = labels(ctx.fam), labels(ctx.en)
    two_lines = family_label != english_label
    family_step = line_height(family_label, footer)

    class FooterCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._pages: list[dict[str, object]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._draw_footer(self._pageNumber, total)
                super().showPage()
            super().save()

        def _draw_footer(self, page: int, total: int) -> None:
            y = GEOMETRY.footer_y
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(left, y + 10, right, y + 10)
            numbers = {"page": ctx.number(page), "pages": ctx.number(total)}
            page_family = ctx.fam(S.PAGE_OF, **numbers)
            page_english = ctx.en(S.PAGE_OF, page=str(page), pages=str(total))
            # The label on the reading side, the page number on the other.
            label_x, number_x = (right, left) if ctx.rtl else (left, right)
            label_align, number_align = ("right", "left") if ctx.rtl else ("left", "right")
            room = ctx.width * 0.72
            draw_text_line(self, label_x, y, family_label, footer, ctx.direction, label_align, room)
            draw_text_line(self, number_x, y, page_family, footer, "auto", number_align)
            if two_lines:
                # The family's line may be in a tall script (Myanmar): step by its leading.
                y -= max(footer.size * 1.45, family_step)
                draw_text_line(self, left, y, english_label, footer, "ltr", "left", room)
                if page_english != page_family:
                    draw_text_line(self, right, y, page_english, footer, "ltr", "right")
            self.restoreState()

    return FooterCanvas


def _document(buffer: io.BytesIO, ctx: Context, page_size: tuple[float, float]) -> BaseDocTemplate:
    title = f"{ctx.en(S.PACKET_TITLE)}"
    doc = BaseDocTemplate(
        buffer,
        pagesize=page_size,
        leftMargin=GEOMETRY.left,
        rightMargin=GEOMETRY.right,
        topMargin=GEOMETRY.top,
        bottomMargin=GEOMETRY.bottom,
        # Neutral metadata: nothing here may name the family (see docs/SECURITY.md).
        title=title,
        author="",
        subject="",
        keywords=[],
        creator=CREATOR,
        producer=CREATOR,
        invariant=1,
        lang=ctx.lang.replace("_", "-"),
        # reportlab opens every page with this font; a shipped one keeps every font embedded
        # (the default, Helvetica, is a non-embedded base-14 font).
        initialFontName=font_for_char("A"),
    )
    frame = Frame(
        GEOMETRY.left,
        GEOMETRY.bottom,
        ctx.width,
        ctx.height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc


def _context(
    plan: Plan,
    lang: str,
    copy: Copy,
    page_size: tuple[float, float],
    gettext: Gettext | None,
    attachments: Mapping[str, bytes] | None = None,
) -> Context:
    width = page_size[0] - GEOMETRY.left - GEOMETRY.right
    height = page_size[1] - GEOMETRY.top - GEOMETRY.bottom
    return Context(plan, lang, copy, width, height, gettext=gettext, attachments=attachments)


def _story(ctx: Context) -> list[Flowable]:
    """The cover, then each section this reader gets that has something to print."""
    body: list[Flowable] = []
    contents: list[tuple[str, str]] = []
    for key in ORDER[ctx.copy]:
        spec = SECTIONS[key]
        flowables = spec.build(ctx)
        if not flowables:
            continue  # optional sections the family left empty are left out
        contents.append((spec.title, spec.purpose))
        if spec.new_page and body:
            body.append(PageBreak())  # (the cover ends with its own page break)
        if spec.fit_page:
            # One page when it fits (shrunk a little if need be); else split evenly, never a
            # lone row or note on a page of its own. A section that may share a page starts
            # on the next one when it does not fit in the rest of this one.
            gap = 0.0 if spec.new_page else 18.0
            body.append(OnePage(flowables, ctx.height, space_before=gap))
        else:
            if not spec.new_page and body:
                body.append(CondPageBreak(ctx.height * 0.4))
                body.append(ctx.gap(18))
            body.extend(flowables)
    if ctx.copy == Copy.SCHOOL:
        # The school reads what the pages are, not the family's instructions for them.
        contents = [
            (S.LETTER_TITLE, S.SCHOOL_LETTER_WHAT),
            (S.SCHOOL_HEALTH_TITLE, S.SCHOOL_HEALTH_DO),
        ]
    shown = contents
    return [*cover_section.build(ctx, shown), *body]


def render_packet(
    plan: Plan,
    language: str,
    copy: Copy | str,
    page_size: str = "letter",
    *,
    gettext: Gettext | None = None,
    attachments: Mapping[str, bytes] | None = None,
) -> bytes:
    """The packet for one reader as PDF bytes.

    Args:
        language: the family's language code (``i18n/languages.json``); every label is
            printed in it and in English (once, when it is English or untranslated).
        copy: ``Copy.FAMILY`` (everything), ``Copy.CAREGIVER`` (no immigration or legal case
            details) or ``Copy.SCHOOL`` (pickup letter and school health facts only).
        page_size: "letter" or "a4".
        gettext: replaces the family-language catalog (tests use a pseudo-translation).
        attachments: the plan file's blobs (``vault.Payload.attachments``), for the appendix
            of document copies (family copy; caregiver copy: the children's, when ticked).
            None, or a missing blob, prints "not available in this printout" for that copy.
            PDF copies are rendered in the documents' separate, limited worker process.
    """
    size = _page_size(page_size)
    lang = language_info(language).code  # unknown codes fall back to English
    ctx = _context(plan, lang, Copy(copy), size, gettext, attachments)
    buffer = io.BytesIO()
    doc = _document(buffer, ctx, size)
    doc.build(_story(ctx), canvasmaker=_footer_canvas(ctx, COPY_NAMES[ctx.copy]))
    return buffer.getvalue()


def render_recovery_sheet(
    code: str,
    language: str,
    page_size: str = "letter",
    *,
    gettext: Gettext | None = None,
) -> bytes:
    """One page for the printed recovery code of the encrypted plan file."""
    from reportlab.lib import colors

    from preparedness.packet.styles import ALERT

    size = _page_size(page_size)
    lang = language_info(language).code
    ctx = _context(Plan(), lang, Copy.FAMILY, size, gettext)
    code_text = ctx.clean(code)
    code_box = PacketTable(
        [[ctx.block(code_text, "code", "ltr", "center")]],
        colWidths=[ctx.width],
        style=TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 2, colors.HexColor(ALERT)),
                ("TOPPADDING", (0, 0), (-1, -1), 10),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 14),
            ]
        ),
    )
    story: list[Flowable] = [
        *ctx.title(S.RECOVERY_TITLE),
        *ctx.para(S.RECOVERY_WHAT),
        ctx.gap(10),
        code_box,
        ctx.gap(14),
        *ctx.para(S.RECOVERY_KEEP),
        *ctx.para(S.RECOVERY_NOT_PASSPHRASE),
        *ctx.para(S.RECOVERY_HOW),
        ctx.gap(24),
        ctx.block(f"{ctx.en(S.LETTER_DATE_LINE)} ______________________", "body", "ltr", "left"),
    ]
    buffer = io.BytesIO()
    doc = _document(buffer, ctx, size)
    doc.build(story, canvasmaker=_footer_canvas(ctx, S.RECOVERY_SHEET_NAME))
    return buffer.getvalue()
