"""The legal and immigration page: family copy only, and only when the family filled it in.

Why a separate page: it is the most sensitive page in the packet. Being on its own sheet, the
family can keep it apart from everything they hand to others. The registry never gives this
section to the caregiver or school copy; ``build`` checks the copy again as a second lock.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from preparedness.packet import strings as S
from preparedness.packet.sections.base import Cell, Context, Copy
from preparedness.questions import QUESTIONS

TITLE = S.LEGAL_TITLE
PURPOSE = S.LEGAL_DO


def _label(name: str) -> str:
    return QUESTIONS[f"legal.{name}"].label


def build(ctx: Context) -> list[Flowable]:
    legal = ctx.plan.legal
    if ctx.copy != Copy.FAMILY or legal.is_empty():
        return []
    items: list[tuple[str, Cell | list[Flowable]]] = []
    for a_number in legal.a_numbers:
        if not ctx.clean(a_number.number):
            continue
        who = ctx.clean(ctx.plan.person_name(a_number.person_id))
        cell: list[Flowable] = [ctx.block(ctx.clean(a_number.number), "value_strong", "ltr")]
        if who:
            cell.append(ctx.user(who, "value_small"))
        items.append((_label("a_number"), cell))

    def text(name: str) -> Cell:
        value = getattr(legal, name)
        return ctx.user(value) if ctx.clean(value) else ""

    def phone(name: str) -> Cell:
        value = getattr(legal, name)
        return ctx.phone(value) if ctx.clean(value) else ""

    has_lawyer = bool(ctx.clean(legal.attorney_name) or ctx.clean(legal.attorney_org))
    g28: Cell = ""
    if has_lawyer or legal.g28_signed:
        answer = ctx.yes_no(legal.g28_signed)
        g28 = [answer] if isinstance(answer, Flowable) else []
        if not legal.g28_signed:
            g28.extend(ctx.cell_label(S.LEGAL_G28_REMINDER, "value"))
    items += [
        (_label("attorney_name"), text("attorney_name")),
        (_label("attorney_org"), text("attorney_org")),
        (_label("attorney_phone"), phone("attorney_phone")),
        (_label("g28_signed"), g28),
        (_label("legal_aid_hotline"), phone("legal_aid_hotline")),
        (_label("rapid_response_hotline"), phone("rapid_response_hotline")),
        (_label("consulate"), text("consulate")),
        (_label("consulate_phone"), phone("consulate_phone")),
        (_label("notes"), text("notes")),
    ]
    out: list[Flowable] = [*ctx.heading(TITLE), *ctx.para(PURPOSE)]
    table = ctx.key_values(items, label_fraction=0.36)
    if table is not None:
        out.append(table)
    courts = [c for c in legal.court_dates if c.when or ctx.clean(c.place) or ctx.clean(c.note)]
    if courts:
        rows: list[list] = [
            [
                ctx.cell_label(S.COLUMN_DATE, "header"),
                ctx.cell_label(S.COLUMN_PERSON, "header"),
                ctx.cell_label(S.COLUMN_PLACE, "header"),
                ctx.cell_label(QUESTIONS["legal.notes"].label, "header"),
            ]
        ]
        for court in courts:
            when: list[Flowable] = []
            if court.when is not None:
                when.append(ctx.block(ctx.date(court.when), "value_strong", "auto"))
                if ctx.lang != "en":
                    when.append(ctx.block(ctx.date_en(court.when), "value_small", "ltr"))
            who = ctx.clean(ctx.plan.person_name(court.person_id))
            rows.append(
                [
                    when,
                    ctx.user(who) if who else "",
                    ctx.user(court.place) if ctx.clean(court.place) else "",
                    ctx.user(court.note) if ctx.clean(court.note) else "",
                ]
            )
        out.extend([ctx.gap(10), *ctx.subheading(S.LEGAL_COURT_TITLE)])
        out.append(ctx.table(rows, [0.24, 0.22, 0.3, 0.24]))
        out.extend(ctx.note(S.LEGAL_COURT_NOTE))
    out.extend([ctx.gap(8), *ctx.note(S.NOT_LEGAL_ADVICE)])
    return out
