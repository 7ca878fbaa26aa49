"""Caregiver instructions: first steps, who cares for which child, the signed paper, the home.

Children who share the same caregivers, instructions and authorization are printed once as a
group, so a caregiver of three children reads one page, not three copies of it.
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable, KeepTogether

from preparedness.model.plan import AuthorizationKind, CareArrangement, Contact
from preparedness.packet import strings as S
from preparedness.packet.sections.base import Cell, Context
from preparedness.questions import AUTHORIZATION_KIND_LABELS, QUESTIONS

TITLE = S.CAREGIVER_TITLE
PURPOSE = S.CAREGIVER_DO


def _steps(ctx: Context) -> list[Flowable]:
    rows = []
    for number, step in enumerate(S.CAREGIVER_STEPS, start=1):
        rows.append([ctx.block(ctx.number(number), "strong"), ctx.cell_label(step, "body")])
    return [ctx.table(rows, [0.06, 0.94], header_rows=0)]


def _person(
    ctx: Context, contact: Contact | None, agreed: bool, agreed_on: date | None
) -> list[Flowable]:
    if contact is None or not ctx.clean(contact.name):
        return []
    out: list[Flowable] = [ctx.user(contact.name, "value_strong"), *ctx.phones(contact.phones)]
    if agreed:
        out.extend(ctx.labelled_date(QUESTIONS["care.primary_agreed_on"].label, agreed_on))
    return out


def _group_key(arrangement: CareArrangement) -> tuple[object, ...]:
    a = arrangement.authorization
    return (
        arrangement.primary_id,
        arrangement.primary_agreed,
        arrangement.primary_agreed_on,
        arrangement.backup_id,
        arrangement.backup_agreed,
        arrangement.backup_agreed_on,
        arrangement.instructions,
        a.kind,
        a.signed,
        a.signed_on,
        a.notarized,
        a.where_kept,
        a.expires_on,
    )


def groups(ctx: Context) -> list[tuple[list[str], CareArrangement]]:
    """(children's names, arrangement) for each distinct arrangement, in children order."""
    found: dict[tuple[object, ...], tuple[list[str], CareArrangement]] = {}
    for child in ctx.plan.children:
        arrangement = next((a for a in ctx.plan.care if a.child_id == child.id), None)
        if arrangement is None or not ctx.clean(child.name):
            continue
        key = _group_key(arrangement)
        found.setdefault(key, ([], arrangement))[0].append(ctx.clean(child.name))
    return list(found.values())


def _dated(ctx: Context, flag: bool, when: date | None) -> Cell:
    """ "Yes, 1 July 2026" in both languages (dates in each reader's own format)."""
    answer = ctx.yes_no(flag)
    if not flag or when is None:
        return answer
    return ctx.labelled_date(S.YES_MARK, when, "value")


def _authorization(ctx: Context, arrangement: CareArrangement) -> list[Flowable]:
    auth = arrangement.authorization
    out: list[Flowable] = [*ctx.subheading(S.CAREGIVER_AUTH_TITLE)]
    if auth.kind == AuthorizationKind.NONE and not auth.signed:
        out.extend(ctx.para(S.CAREGIVER_NO_AUTH))
        return out
    kind = ctx.cell_label(AUTHORIZATION_KIND_LABELS[auth.kind], "value", side=ctx.side)
    expires: Cell = ""
    if auth.expires_on is not None:
        expires = [ctx.block(ctx.date(auth.expires_on), "value_strong", "auto")]
        if ctx.lang != "en":
            expires.append(ctx.block(ctx.date_en(auth.expires_on), "value_small", "ltr"))
    table = ctx.key_values(
        [
            (QUESTIONS["authorization.kind"].label, kind),
            (QUESTIONS["authorization.signed"].label, _dated(ctx, auth.signed, auth.signed_on)),
            (QUESTIONS["authorization.notarized"].label, ctx.yes_no(auth.notarized)),
            (
                QUESTIONS["authorization.where_kept"].label,
                ctx.user(auth.where_kept) if ctx.clean(auth.where_kept) else "",
            ),
            (QUESTIONS["authorization.expires_on"].label, expires),
        ]
    )
    if table is not None:
        out.append(table)
    out.extend([ctx.gap(4), *ctx.note(S.CAREGIVER_LAWYER_REVIEW), *ctx.note(S.NOT_LEGAL_ADVICE)])
    return out


def _money(ctx: Context) -> list[Flowable]:
    money = ctx.plan.money_and_home
    items = [
        (QUESTIONS[f"money.{name}"].label, ctx.user(getattr(money, name)))
        for name in ("bank_access", "rent_and_bills", "pets", "car", "other")
        if ctx.clean(getattr(money, name))
    ]
    table = ctx.key_values(items)
    if table is None:
        return []
    return [ctx.gap(8), KeepTogether([*ctx.subheading(S.MONEY_TITLE), table])]


def _help_lines(ctx: Context) -> list[Flowable]:
    """Public hotlines (not case details), so a caregiver can find help for the family."""
    legal = ctx.plan.legal
    items = [
        (QUESTIONS[f"legal.{name}"].label, ctx.phone(getattr(legal, name)))
        for name in ("legal_aid_hotline", "rapid_response_hotline")
        if ctx.clean(getattr(legal, name))
    ]
    table = ctx.key_values(items)
    if table is None:
        return []
    return [ctx.gap(8), KeepTogether([*ctx.subheading(S.HELP_NUMBERS_TITLE), table])]


def build(ctx: Context) -> list[Flowable]:
    out: list[Flowable] = [*ctx.heading(TITLE), *ctx.para(PURPOSE), *_steps(ctx)]
    for names, arrangement in groups(ctx):
        out.append(ctx.gap(10))
        out.extend(ctx.subheading(S.CAREGIVER_FOR_CHILDREN))
        out.append(ctx.user(", ".join(names), "value_strong"))
        out.append(ctx.gap(4))
        people = ctx.key_values(
            [
                (
                    QUESTIONS["care.primary_id"].label,
                    _person(
                        ctx,
                        ctx.plan.contact(arrangement.primary_id),
                        arrangement.primary_agreed,
                        arrangement.primary_agreed_on,
                    ),
                ),
                (
                    QUESTIONS["care.backup_id"].label,
                    _person(
                        ctx,
                        ctx.plan.contact(arrangement.backup_id),
                        arrangement.backup_agreed,
                        arrangement.backup_agreed_on,
                    ),
                ),
                (
                    QUESTIONS["care.instructions"].label,
                    ctx.user(arrangement.instructions)
                    if ctx.clean(arrangement.instructions)
                    else "",
                ),
            ]
        )
        if people is not None:
            out.append(people)
        out.append(KeepTogether(_authorization(ctx, arrangement)))
    out.extend(_money(ctx))
    out.extend(_help_lines(ctx))
    return out
