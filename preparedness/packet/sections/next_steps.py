"""Next steps: a short checklist with dates, worked out from what the plan still lacks.

Why computed here and not stored: the list must match the plan on the day it is printed. It
never calls ``date.today()`` (the packet must be byte-identical for the same plan), so dates
shown are the plan's own: authorization end dates, court dates and the review date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable

from preparedness.model.plan import AuthorizationKind
from preparedness.packet import strings as S
from preparedness.packet.sections.base import Context, Copy, TickBox
from preparedness.packet.sections.caregiver import groups
from preparedness.packet.sections.school_letter import schools_with_children
from preparedness.questions import DOCUMENT_KIND_LABELS

TITLE = S.NEXT_STEPS_TITLE
PURPOSE = S.NEXT_STEPS_DO


@dataclass(frozen=True)
class Step:
    msgid: str
    values: tuple[tuple[str, str], ...] = ()  # user text, the same in both languages
    when: date | None = None
    document: tuple[str, str] | None = None  # (kind msgid, owner): translated per language


def steps(ctx: Context) -> list[Step]:
    plan = ctx.plan
    out: list[Step] = []
    for school, _children in schools_with_children(ctx):
        if school is None:
            continue
        name = ctx.clean(school.name) or "?"
        if not school.emergency_card_updated:
            out.append(Step(S.STEP_SCHOOL_CARD, (("school", name),)))
    for names, arrangement in groups(ctx):
        children = ", ".join(names)
        for who, agreed in (
            (arrangement.primary_id, arrangement.primary_agreed),
            (arrangement.backup_id, arrangement.backup_agreed),
        ):
            person = plan.contact(who)
            if person is not None and ctx.clean(person.name) and not agreed:
                out.append(
                    Step(
                        S.STEP_ASK_CAREGIVER,
                        (("person", ctx.clean(person.name)), ("children", children)),
                    )
                )
        auth = arrangement.authorization
        if not auth.signed:
            out.append(Step(S.STEP_SIGN_AUTH, (("children", children),)))
        else:
            if auth.kind != AuthorizationKind.NONE:
                out.append(Step(S.STEP_LAWYER_CHECK, (("children", children),)))
            if auth.expires_on is not None:
                out.append(Step(S.STEP_RENEW_AUTH, (("children", children),), auth.expires_on))
    caregivers: list[str] = []
    for _names, arrangement in groups(ctx):
        for who in (arrangement.primary_id, arrangement.backup_id):
            person = plan.contact(who)
            if person is not None and ctx.clean(person.name) and person.id not in caregivers:
                caregivers.append(person.id)
    for person_id in caregivers:
        out.append(
            Step(S.STEP_GIVE_CAREGIVER_COPY, (("person", ctx.clean(plan.person_name(person_id))),))
        )
    for school, _children in schools_with_children(ctx):
        if school is not None and ctx.clean(school.name):
            out.append(Step(S.STEP_GIVE_SCHOOL_COPY, (("school", ctx.clean(school.name)),)))
    for doc in plan.documents:
        if doc.have_it is False:
            owner = ctx.clean(plan.person_name(doc.owner_id))
            paper = (DOCUMENT_KIND_LABELS[doc.kind], owner)
            out.append(Step(S.STEP_FIND_DOCUMENT, document=paper))
    if ctx.copy == Copy.FAMILY:
        legal = plan.legal
        if (
            ctx.clean(legal.attorney_name) or ctx.clean(legal.attorney_org)
        ) and not legal.g28_signed:
            out.append(Step(S.LEGAL_G28_REMINDER))
        for court in legal.court_dates:
            if court.when is not None:
                place = ctx.clean(court.place) or "?"
                out.append(Step(S.STEP_COURT, (("place", place),), court.when))
    out.append(Step(S.STEP_PRACTICE))
    if plan.review_by is not None:
        out.append(Step(S.STEP_REVIEW, when=plan.review_by))
    else:
        out.append(Step(S.STEP_CHOOSE_REVIEW))
    # Dated steps first, soonest first; undated ones keep their order after them.
    dated = sorted((s for s in out if s.when is not None), key=lambda s: s.when or date.min)
    return dated + [s for s in out if not s.when]


def _texts(ctx: Context, step: Step) -> list[Flowable]:
    """The step in the family's language, then in English when that reads differently."""
    texts = []
    for translate in (ctx.fam, ctx.en):
        values = dict(step.values)
        if step.document is not None:
            kind, owner = step.document
            values["document"] = f"{translate(kind)} ({owner})" if owner else translate(kind)
        texts.append(translate(step.msgid, **values))
    family, english = texts
    out: list[Flowable] = [ctx.block(family, "body", ctx.direction_of(family, english))]
    if english != family:
        out.append(ctx.block(english, "body_gloss", "ltr", "left"))
    return out


def build(ctx: Context) -> list[Flowable]:
    items = steps(ctx)
    if not items:
        return []
    header = [
        ctx.cell_label(S.COLUMN_DONE, "header"),
        ctx.cell_label(S.COLUMN_TODO, "header"),
        ctx.cell_label(S.COLUMN_DATE, "header"),
    ]
    rows: list[list] = [header]
    for step in items:
        when: list[Flowable] = []
        if step.when is not None:
            when.append(ctx.block(ctx.date(step.when), "value_strong", "auto"))
            if ctx.lang != "en":
                when.append(ctx.block(ctx.date_en(step.when), "value_small", "ltr"))
        rows.append([TickBox(), _texts(ctx, step), when])
    table = ctx.table(rows, [0.09, 0.66, 0.25])
    return [*ctx.heading(TITLE), *ctx.para(PURPOSE), table]
