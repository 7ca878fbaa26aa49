"""Emergency contacts in call order, the parents, and the home: who to call, and how."""

from __future__ import annotations

from reportlab.platypus import Flowable

from preparedness.packet import strings as S
from preparedness.packet.sections.base import Context
from preparedness.questions import QUESTIONS

TITLE = S.CONTACTS_TITLE
PURPOSE = S.CONTACTS_DO


def _parents(ctx: Context) -> list[Flowable]:
    adults = [a for a in ctx.plan.household.adults if ctx.clean(a.name)]
    if not adults:
        return []
    header = [
        ctx.question_label("adult.name"),
        ctx.question_label("contact.relationship"),
        ctx.question_label("adult.phone"),
        ctx.question_label("adult.work_name"),
        ctx.question_label("adult.languages"),
    ]
    rows: list[list] = [header]
    for adult in adults:
        work: list[Flowable] = []
        if ctx.clean(adult.work_name):
            work.append(ctx.user(adult.work_name))
        if ctx.clean(adult.work_phone):
            work.append(ctx.phone(adult.work_phone))
        rows.append(
            [
                ctx.user(adult.name, "value_strong"),
                ctx.user(adult.relationship),
                ctx.phones(adult.phones),
                work,
                ctx.user(adult.languages),
            ]
        )
    out: list[Flowable] = [*ctx.subheading(S.PARENTS_TITLE)]
    out.append(ctx.table(rows, [0.25, 0.15, 0.2, 0.22, 0.18]))
    home = ctx.key_values(
        [
            (
                QUESTIONS["household.address"].label,
                ctx.user(ctx.plan.household.address)
                if ctx.clean(ctx.plan.household.address)
                else "",
            ),
            (
                QUESTIONS["household.home_phone"].label,
                ctx.phone(ctx.plan.household.home_phone)
                if ctx.clean(ctx.plan.household.home_phone)
                else "",
            ),
        ]
    )
    if home is not None:
        out.extend([ctx.gap(6), home])
    return out


def contacts_table(ctx: Context, pickup_only: bool = False, mirror: bool = True) -> list[Flowable]:
    """The ranked list; the school sees only the adults who may pick up, with fewer columns.

    ``mirror=False`` (inside the English letter) keeps English column order and alignment.
    """
    side = None if mirror else "left"
    people = [
        c for c in ctx.plan.contacts if ctx.clean(c.name) and (c.may_pick_up or not pickup_only)
    ]
    if not people:
        return []
    if pickup_only:
        rows: list[list] = [
            [
                ctx.cell_label(QUESTIONS[q].label, "header", side=side, english_first=not mirror)
                for q in ("contact.name", "contact.relationship", "contact.phone")
            ]
        ]
        for person in people:
            rows.append(
                [
                    ctx.user(person.name, "value_strong", side=side),
                    ctx.user(person.relationship, side=side),
                    ctx.phones(person.phones, side=side),
                ]
            )
        return [ctx.table(rows, [0.42, 0.25, 0.33], mirror=mirror)]
    rows = [
        [
            ctx.cell_label(S.COLUMN_NUMBER, "header"),
            ctx.cell_label(QUESTIONS["contact.name"].label, "header"),
            ctx.cell_label(QUESTIONS["contact.relationship"].label, "header"),
            ctx.cell_label(QUESTIONS["contact.phone"].label, "header"),
            ctx.cell_label(QUESTIONS["contact.languages"].label, "header"),
            ctx.cell_label(S.COLUMN_MAY_PICK_UP, "header"),
            ctx.cell_label(QUESTIONS["contact.knows_plan"].label, "header"),
        ]
    ]
    for rank, person in enumerate(people, start=1):
        rows.append(
            [
                ctx.block(ctx.number(rank), "value_strong"),
                ctx.user(person.name, "value_strong"),
                ctx.user(person.relationship),
                ctx.phones(person.phones),
                ctx.user(person.languages),
                ctx.yes_no(person.may_pick_up),
                ctx.yes_no(person.knows_plan),
            ]
        )
    return [ctx.table(rows, [0.05, 0.2, 0.16, 0.205, 0.155, 0.115, 0.115])]


def build(ctx: Context) -> list[Flowable]:
    table = contacts_table(ctx)
    parents = _parents(ctx)
    if not table and not parents:
        return []
    out: list[Flowable] = [*ctx.heading(TITLE), *ctx.para(PURPOSE)]
    out.extend(table)
    if parents:
        out.append(ctx.gap(10))
        out.extend(parents)
    return out
