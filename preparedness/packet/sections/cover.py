"""The cover: what this paper is, when to check it again, who gets which copy, what is inside.

Why a table of contents with instructions: a frightened reader needs to know what to *do* with
each page, not just its name. The cover is built last, from the sections actually printed. It
is one page: a long translation shrinks it a little (``fit.OnePage``, never below
``fit.MIN_SCALE``); a longer one runs onto a second page, split evenly between its blocks or
the rows of the list of contents, never leaving a few rows alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, PageBreak

from preparedness.packet import strings as S
from preparedness.packet.fit import BreakPoint, OnePage
from preparedness.packet.sections.base import COPY_NAMES, Context, Copy, shaded_box
from preparedness.packet.sections.school_letter import schools_with_children
from preparedness.packet.styles import ALERT

WHAT = {
    Copy.FAMILY: S.COVER_WHAT_FAMILY,
    Copy.CAREGIVER: S.COVER_WHAT_CAREGIVER,
    Copy.SCHOOL: S.COVER_WHAT_SCHOOL,
}


def _review(ctx: Context) -> list[Flowable]:
    review = ctx.plan.review_by
    if review is None:
        return ctx.bilingual(S.COVER_NO_REVIEW, "strong", "body_gloss")
    family = ctx.fam(S.COVER_REVIEW, date=ctx.date_in(S.COVER_REVIEW, review))
    english = ctx.en(S.COVER_REVIEW, date=ctx.date_en(review))
    return ctx.two_texts(family, None if english == family else english, "strong", "body_gloss")


def _contents(ctx: Context, contents: Sequence[tuple[str, str]]) -> list[Flowable]:
    rows = [
        [ctx.cell_label(title, "toc_label"), ctx.cell_label(purpose, "toc")]
        for title, purpose in contents
    ]
    table = ctx.table(rows, [0.32, 0.68], header_rows=0, shade_first_column=True)
    table.setStyle([("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])
    return [BreakPoint(), ctx.gap(4), *ctx.subheading(S.COVER_PAGES_TITLE), table]


def _school_children(ctx: Context) -> list[Flowable]:
    """Which children, at which school: what a school secretary looks for first."""
    parts = schools_with_children(ctx)
    if not parts:
        return []
    rows = [
        [
            ctx.user(school.name if school is not None else "", "value_strong"),
            ctx.user(", ".join(ctx.clean(c.name) for c in children)),
        ]
        for school, children in parts
    ]
    header = [
        ctx.question_label("school.name"),
        ctx.cell_label(S.COVER_SCHOOL_CHILDREN),
    ]
    out: list[Flowable] = [ctx.gap(6), ctx.table([header, *rows], [0.45, 0.55])]
    if len(parts) > 1:
        out.extend([ctx.gap(4), *ctx.para(S.COVER_SCHOOL_EACH)])
    return out


def build(ctx: Context, contents: Sequence[tuple[str, str]]) -> list[Flowable]:
    """``contents``: (title msgid, what-to-do msgid) of each section in this copy."""
    out: list[Flowable] = [*ctx.title(S.PACKET_TITLE), *ctx.heading(COPY_NAMES[ctx.copy])]
    out.extend([ctx.gap(2), *ctx.para(WHAT[ctx.copy])])
    if ctx.copy == Copy.SCHOOL:
        out.extend([*ctx.para(S.COVER_SCHOOL_DO), *ctx.para(S.COVER_SCHOOL_KEEP)])
        out.extend(_school_children(ctx))
    else:
        if ctx.copy == Copy.FAMILY:
            out.extend(ctx.para(S.COVER_PRIVATE))
        out.extend([ctx.gap(4), shaded_box(_review(ctx), ALERT)])

    out.extend([BreakPoint(), ctx.gap(8)])
    out.extend(ctx.bilingual(S.NOT_LEGAL_ADVICE, "strong", "body_gloss"))
    if ctx.copy != Copy.SCHOOL:
        out.extend(ctx.para(S.ASK_A_LAWYER))

    if ctx.copy == Copy.FAMILY:
        copies: list[Flowable] = [*ctx.subheading(S.COVER_COPIES_TITLE)]
        for msgid in (S.COVER_COPY_FAMILY, S.COVER_COPY_CAREGIVER, S.COVER_COPY_SCHOOL):
            copies.extend(ctx.para(msgid))
        out.extend([BreakPoint(), ctx.gap(4), shaded_box(copies)])
    if contents:
        out.extend(_contents(ctx, contents))
    if ctx.lang != "en" and not ctx.language.reviewed and ctx.pair(S.PACKET_TITLE)[1]:
        out.extend([ctx.gap(6), *ctx.note(S.UNREVIEWED_TRANSLATION)])
    return [OnePage(out, ctx.height), PageBreak()]
