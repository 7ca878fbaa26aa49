"""One vital-information sheet per child, and the short health facts a school needs.

Why health comes first and boxed: a caregiver or school nurse picking up this page in a hurry
must see allergies and medicines before anything else. Why one page: a caregiver may hand a
child's sheet on, so it stays on one sheet of paper when it can (``fit.OnePage``: shrunk a
little if need be); when it truly needs two, it is split evenly between its tables or their
rows, and each page says whose sheet it is and "1 of 2", "2 of 2".
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, PageBreak

from preparedness.model.plan import Child, Contact
from preparedness.packet import strings as S
from preparedness.packet.fit import BreakPoint, OnePage
from preparedness.packet.sections.base import Cell, Context
from preparedness.packet.styles import ALERT, ALERT_SHADE
from preparedness.questions import QUESTIONS

TITLE = S.CHILD_TITLE
PURPOSE = S.CHILD_DO

# What a school needs to keep a child safe during the day; nothing else goes to the school.
SCHOOL_HEALTH_FIELDS = ("allergies", "conditions", "medicines", "access_needs")
HEALTH_FIELDS = ("allergies", "medicines_to_avoid", "conditions", "medicines", "access_needs")
ALERT_FIELDS = ("allergies", "medicines_to_avoid")


def _label(field: str) -> str:
    return QUESTIONS[f"child.{field}"].label


def _value(ctx: Context, text: str, alert: bool = False) -> Cell:
    if not ctx.clean(text):
        return ""
    return ctx.user(text, "alert" if alert else "value")


def health_table(ctx: Context, child: Child, fields: tuple[str, ...]) -> list[Flowable]:
    """The health facts in a red-ruled box; nothing when the family wrote none."""
    items = [(_label(f), _value(ctx, getattr(child, f), f in ALERT_FIELDS)) for f in fields]
    table = ctx.key_values(items)
    if table is None:
        return []
    table.setStyle(
        [
            ("BOX", (0, 0), (-1, -1), 1.5, colors.HexColor(ALERT)),
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(ALERT_SHADE)),
        ]
    )
    return [*ctx.cell_label(S.CHILD_HEALTH_BOX, "alert"), ctx.gap(2), table]


def _person(ctx: Context, contact: Contact | None) -> list[Flowable]:
    if contact is None or not ctx.clean(contact.name):
        return []
    return [ctx.user(contact.name, "value_strong"), *ctx.phones(contact.phones)]


def _school_cells(ctx: Context, child: Child) -> list[Flowable]:
    school = ctx.plan.school(child.school_id)
    if school is None or not ctx.clean(school.name):
        return []
    out: list[Flowable] = [ctx.user(school.name)]
    if ctx.clean(school.phone):
        out.append(ctx.phone(school.phone))
    return out


def _sheet_head(ctx: Context, child: Child, part: int = 0, parts: int = 0) -> list[Flowable]:
    """The section title and the child's name; with ``parts``, which page of the sheet."""
    out: list[Flowable] = [*ctx.heading(TITLE), ctx.user(child.name, "name")]
    if parts:
        family = ctx.fam(S.APPENDIX_PAGE_OF, page=ctx.number(part), pages=ctx.number(parts))
        english = ctx.en(S.APPENDIX_PAGE_OF, page=str(part), pages=str(parts))
        english_or_none = None if english == family else english
        out.extend(ctx.two_texts(family, english_or_none, "strong", "body_gloss"))
        out.append(ctx.gap(4))
    return out


def child_sheet(ctx: Context, child: Child) -> list[Flowable]:
    """One child's sheet as a unit that keeps to one page when it can."""
    return [
        OnePage(
            _sheet_body(ctx, child),
            ctx.height,
            head=_sheet_head(ctx, child),
            part_head=lambda part, parts: _sheet_head(ctx, child, part, parts),
        )
    ]


def _sheet_body(ctx: Context, child: Child) -> list[Flowable]:
    out: list[Flowable] = [*health_table(ctx, child, HEALTH_FIELDS)]
    out.extend([BreakPoint(), ctx.gap(10)])

    def text(field: str) -> Cell:
        return _value(ctx, getattr(child, field))

    basics = ctx.key_values(
        [
            (
                _label("date_of_birth"),
                ctx.block(ctx.date(child.date_of_birth), "value") if child.date_of_birth else "",
            ),
            (_label("school_id"), _school_cells(ctx, child)),
            (_label("grade"), text("grade")),
            (_label("teacher"), text("teacher")),
            (_label("doctor"), text("doctor")),
            (
                _label("doctor_phone"),
                ctx.phone(child.doctor_phone) if ctx.clean(child.doctor_phone) else "",
            ),
            (_label("clinic"), text("clinic")),
            (_label("insurance"), text("insurance")),
        ]
    )
    if basics is not None:
        out.extend([basics, BreakPoint(), ctx.gap(10)])
    care = next((a for a in ctx.plan.care if a.child_id == child.id), None)
    if care is not None:
        people = ctx.key_values(
            [
                (
                    QUESTIONS["care.primary_id"].label,
                    _person(ctx, ctx.plan.contact(care.primary_id)),
                ),
                (QUESTIONS["care.backup_id"].label, _person(ctx, ctx.plan.contact(care.backup_id))),
            ]
        )
        if people is not None:
            out.extend([people, BreakPoint(), ctx.gap(10)])
    daily = ctx.key_values(
        [
            (_label("routines"), text("routines")),
            (_label("comfort_items"), text("comfort_items")),
            (_label("what_child_knows"), text("what_child_knows")),
        ]
    )
    if daily is not None:
        out.append(daily)
    return out


def build(ctx: Context) -> list[Flowable]:
    """Family and caregiver copies: a page per child (the caregiver may hand one on)."""
    out: list[Flowable] = []
    children = [c for c in ctx.plan.children if ctx.clean(c.name)]
    for i, child in enumerate(children):
        if i:
            out.append(PageBreak())
        out.extend(child_sheet(ctx, child))
    return out


def school_health(ctx: Context, children: list[Child]) -> list[Flowable]:
    """School copy: for each child, only allergies, conditions, medicines and access needs."""
    blocks: list[Flowable] = []
    for child in children:
        facts = [
            (_label(f), _value(ctx, getattr(child, f), f in ALERT_FIELDS))
            for f in SCHOOL_HEALTH_FIELDS
        ]
        table = ctx.key_values(facts)
        if table is None:
            continue
        blocks.append(KeepTogether([ctx.user(child.name, "h3"), ctx.gap(2), table, ctx.gap(6)]))
    if not blocks:
        return []
    return [*ctx.heading(S.SCHOOL_HEALTH_TITLE), *ctx.para(S.SCHOOL_HEALTH_DO), *blocks]
