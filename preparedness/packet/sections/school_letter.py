"""The letter that lets named adults pick the children up from school, one per school.

Why English first: the school reads and files the English text, and that is what the parents
sign. The translation follows in a shaded box, marked as a reading aid, so a parent knows what
they sign without two texts competing to be "the" letter.

Why one unit (``fit.OnePage``): the letter and its translation are one sheet when they fit,
shrunk a little if need be, so a parent reads them side by side and no page holds a lone box.
When they cannot share a page (S'gaw Karen on Letter paper), the translation (kept whole, full
size) starts the next one under the letter's title, so that page reads as the letter's second
page; the English letter itself is never split between its signature lines and the text it
signs.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, PageBreak, TableStyle

from preparedness.model.plan import Child, School
from preparedness.packet import strings as S
from preparedness.packet.fit import BreakPoint, OnePage
from preparedness.packet.sections.base import Context, PacketTable
from preparedness.packet.sections.children import school_health
from preparedness.packet.sections.contacts import contacts_table
from preparedness.packet.styles import RULE, SHADE
from preparedness.questions import QUESTIONS

TITLE = S.LETTER_TITLE
PURPOSE = S.LETTER_DO


def schools_with_children(ctx: Context) -> list[tuple[School | None, list[Child]]]:
    """Each school with its children, in the plan's school order; unknown schools last."""
    children = [c for c in ctx.plan.children if ctx.clean(c.name)]
    out: list[tuple[School | None, list[Child]]] = []
    for school in ctx.plan.schools:
        mine = [c for c in children if c.school_id == school.id]
        if mine:
            out.append((school, mine))
    known = {s.id for s in ctx.plan.schools}
    orphans = [c for c in children if c.school_id not in known]
    if orphans:
        out.append((None, orphans))
    return out


def _en(ctx: Context, text: str, style_name: str = "letter") -> Flowable:
    return ctx.block(text, style_name, "auto", "left")


def _children_table(ctx: Context, children: list[Child]) -> PacketTable:
    header = [
        ctx.cell_label(QUESTIONS["child.name"].label, "header", side="left", english_first=True),
        ctx.cell_label(
            QUESTIONS["child.date_of_birth"].label, "header", side="left", english_first=True
        ),
        ctx.cell_label(QUESTIONS["child.grade"].label, "header", side="left", english_first=True),
        ctx.cell_label(QUESTIONS["child.teacher"].label, "header", side="left", english_first=True),
    ]
    rows: list[list] = [header]
    for child in children:
        rows.append(
            [
                ctx.user(child.name, "value_strong", side="left"),
                ctx.block(ctx.date_en(child.date_of_birth), "value", "ltr", "left"),
                ctx.user(child.grade, side="left"),
                ctx.user(child.teacher, side="left"),
            ]
        )
    return ctx.table(rows, [0.38, 0.22, 0.15, 0.25], mirror=False)


def _signatures(ctx: Context) -> PacketTable:
    names = [ctx.clean(a.name) for a in ctx.plan.household.adults if ctx.clean(a.name)]
    names = names or ["", ""]
    rows: list[list] = []
    for name in names:
        rows.append(
            [
                [
                    ctx.block(ctx.en(S.LETTER_PRINTED_NAME), "note", "ltr", "left"),
                    ctx.user(name, "value_strong", side="left") if name else "",
                ],
                ctx.block(ctx.en(S.LETTER_SIGNATURE), "note", "ltr", "left"),
                ctx.block(ctx.en(S.LETTER_DATE_LINE), "note", "ltr", "left"),
            ]
        )
    return PacketTable(
        rows,
        # Shares of the width given: the letter may be drawn shrunk to share a page.
        colWidths=["40%", "38%", "22%"],
        rowHeights=[44] * len(rows),
        style=TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.8, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ]
        ),
        hAlign="LEFT",
    )


def _translation(ctx: Context, school_name: str) -> list[Flowable]:
    """The letter in the family's language, shaded and marked as a reading aid only."""
    if ctx.pair(S.LETTER_BODY[0])[1] is None and ctx.lang != "en":
        # No translation of the letter exists yet: say nothing rather than repeat English.
        return []
    if ctx.lang == "en":
        return []
    inner: list[Flowable] = [
        *ctx.bilingual(S.TRANSLATION_NOTE, "alert", "alert_gloss"),
        ctx.gap(4),
        ctx.block(ctx.fam(S.LETTER_TO, school=school_name), "letter", ctx.direction),
        *(ctx.block(ctx.fam(p), "letter", ctx.direction) for p in S.LETTER_BODY),
    ]
    if not ctx.language.reviewed:
        inner.extend(ctx.note(S.UNREVIEWED_TRANSLATION))
    box = PacketTable(
        [[inner]],
        colWidths=["100%"],
        style=TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(SHADE)),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor(RULE)),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        ),
        splitInRow=24,
    )
    # When the translation cannot share the letter's page, its page opens with the letter's
    # title in both languages, so it reads as the letter's second page, not a stray box.
    return [BreakPoint(head=ctx.heading(S.LETTER_TITLE)), ctx.gap(12), box]


def letter(ctx: Context, school: School | None, children: list[Child]) -> list[Flowable]:
    """The letter and its translation, one page when they can share it."""
    return [OnePage(_letter_content(ctx, school, children), ctx.height, only_marked=True)]


def _letter_content(ctx: Context, school: School | None, children: list[Child]) -> list[Flowable]:
    """The English letter, then (after a place the page may break) its translation."""
    school_name = ctx.clean(school.name) if school is not None else ""
    blank = "______________________________"
    out: list[Flowable] = [
        _en(ctx, ctx.en(S.LETTER_TITLE), "h2"),
        _en(ctx, ctx.en(S.LETTER_TO, school=school_name or blank), "letter"),
    ]
    if school is not None and ctx.clean(school.address):
        out.append(_en(ctx, ctx.clean(school.address), "letter_small"))
    out.append(_en(ctx, f"{ctx.en(S.LETTER_DATE_LINE)} {blank}", "letter"))
    out.append(ctx.gap(4))
    out.extend(_en(ctx, ctx.en(p)) for p in S.LETTER_BODY)
    out.append(ctx.gap(4))
    out.append(_en(ctx, ctx.en(S.LETTER_CHILDREN), "strong"))
    out.append(_children_table(ctx, children))
    pickup = contacts_table(ctx, pickup_only=True, mirror=False)
    if pickup:
        out.append(ctx.gap(8))
        out.append(_en(ctx, ctx.en(S.LETTER_ADULTS), "strong"))
        out.extend(pickup)
        out.append(_en(ctx, ctx.en(S.PICKUP_DO), "letter_small"))
    out.append(ctx.gap(10))
    out.append(
        KeepTogether(
            [_en(ctx, ctx.en(S.LETTER_SIGNATURES), "strong"), ctx.gap(4), _signatures(ctx)]
        )
    )
    out.extend(_translation(ctx, school_name or blank))
    return out


def build(ctx: Context) -> list[Flowable]:
    """Family copy: one letter per school, each starting a page."""
    out: list[Flowable] = []
    for i, (school, children) in enumerate(schools_with_children(ctx)):
        if i:
            out.append(PageBreak())
        out.extend(letter(ctx, school, children))
    return out


def build_school_copy(ctx: Context) -> list[Flowable]:
    """School copy: per school, the letter then that school's children's health facts, one
    sheet per school when they fit; otherwise the next page starts at the translation or at
    the health facts."""
    out: list[Flowable] = []
    for i, (school, children) in enumerate(schools_with_children(ctx)):
        if i:
            out.append(PageBreak())
        body = _letter_content(ctx, school, children)
        health = school_health(ctx, children)
        if health:
            body.extend([BreakPoint(), ctx.gap(14), *health])
        out.append(OnePage(body, ctx.height, only_marked=True))
    return out
