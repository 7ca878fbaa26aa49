"""Cards to cut out and fold: the family's key numbers, and a know-your-rights card.

Each card is two wallet-sized halves side by side: cut along the dashed outline, fold on the
dotted middle line. Like FEMA's wallet card and the "red cards", one half is in the family's
language and the other in English, so a caregiver, a police officer or a school can read one
side. Cards are physically small: long user text is shortened with "…" rather than shrunk to
nothing, and whatever remains is fitted into the card, never drawn outside it. When the key
numbers would have to shrink below ``fit.MIN_SCALE`` to fit one card (tall scripts: S'gaw Karen,
Hmong's long labels, Arabic), they go on two cards, the people on one and the services on the
other, each at a readable size.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepInFrame, KeepTogether, TableStyle

from preparedness.packet import strings as S
from preparedness.packet.fit import MIN_SCALE
from preparedness.packet.sections.base import Context, Copy, PacketTable
from preparedness.packet.sections.caregiver import groups
from preparedness.packet.styles import CUT, INCH

TITLE = S.CARDS_TITLE
PURPOSE = S.CARDS_DO

CARD_WIDTH = 3.5 * INCH  # one half (one side once folded)
CARD_HEIGHT = 2.5 * INCH
PADDING = 7.0
MAX_CARD_TEXT = 44  # characters of user text on a card line
MAX_CONTACTS = 2  # emergency contacts on the card, after the caregivers
MAX_ENTRIES = 11  # more than this no longer fits a wallet card at a readable size


def _short(ctx: Context, text: str) -> str:
    text = " ".join(ctx.clean(text).split())
    return text if len(text) <= MAX_CARD_TEXT else text[: MAX_CARD_TEXT - 1].rstrip() + "…"


# (label msgid, name, phone): the numbers that go on the card, most important first.
Entry = tuple[str, str, str]


def key_numbers(ctx: Context) -> list[Entry]:
    """Caregivers, then a few contacts, then school, doctor and help lines: what fits."""
    plan = ctx.plan
    seen: set[str] = set()

    def person(label: str, contact_id: str) -> Entry | None:
        contact = plan.contact(contact_id)
        if contact is None or contact.id in seen or not ctx.clean(contact.name):
            return None
        phone = next((p.number for p in contact.phones if ctx.clean(p.number)), "")
        if not phone:
            return None
        seen.add(contact.id)
        return (label, contact.name, phone)

    caregivers: list[Entry | None] = []
    for _names, arrangement in groups(ctx)[:2]:
        caregivers.append(person(S.CARD_CAREGIVER, arrangement.primary_id))
        caregivers.append(person(S.CARD_BACKUP, arrangement.backup_id))

    services: list[Entry] = []
    used_schools = {c.school_id for c in plan.children}
    for school in plan.schools:
        if school.id in used_schools and ctx.clean(school.phone):
            services.append((S.CARD_SCHOOL, school.name, school.phone))
    doctor = next((c for c in plan.children if ctx.clean(c.doctor_phone)), None)
    if doctor is not None:
        services.append((S.CARD_DOCTOR, doctor.doctor, doctor.doctor_phone))
    legal = plan.legal
    if ctx.copy == Copy.FAMILY and ctx.clean(legal.attorney_phone):
        services.append((S.CARD_LAWYER, legal.attorney_name, legal.attorney_phone))
    if ctx.clean(legal.legal_aid_hotline):
        services.append((S.CARD_LEGAL_AID, "", legal.legal_aid_hotline))
    if ctx.clean(legal.rapid_response_hotline):
        services.append((S.CARD_RAPID_RESPONSE, "", legal.rapid_response_hotline))

    people = [e for e in caregivers if e is not None]
    room = max(0, min(MAX_CONTACTS, MAX_ENTRIES - len(people) - len(services)))
    for contact in plan.contacts:
        if room <= 0:
            break
        entry = person(S.CARD_CONTACT, contact.id)
        if entry is not None:
            people.append(entry)
            room -= 1
    return (people + services)[:MAX_ENTRIES]


def _numbers_side(
    ctx: Context, entries: list[Entry], translate: Callable[..., str], direction: str
) -> list[Flowable]:
    side = "right" if direction == "rtl" else "left"
    title = ctx.block(
        translate(S.CARD_NUMBERS_TITLE),
        "card_title",
        _dir(ctx, S.CARD_NUMBERS_TITLE, translate),
        side,
    )
    rows = []
    for label, name, phone in entries:
        rows.append(
            [
                ctx.block(translate(label), "card_strong", _dir(ctx, label, translate), side),
                ctx.block(_short(ctx, name), "card", "auto", side) if ctx.clean(name) else "",
                ctx.block(ctx.phone_text(phone), "card", "ltr", side),
            ]
        )
    inner = CARD_WIDTH - 2 * PADDING
    widths = [inner * 0.3, inner * 0.37, inner * 0.33]
    if direction == "rtl":
        rows = [list(reversed(r)) for r in rows]
        widths.reverse()
    if not rows:
        return [title]
    table = PacketTable(
        rows,
        colWidths=widths,
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 1),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ("LINEBELOW", (0, 0), (-1, -2), 0.25, colors.HexColor("#bbbbbb")),
            ]
        ),
    )
    return [title, table]


def _rights_side(
    ctx: Context, title: str, lines: tuple[str, ...], translate: Callable[..., str], direction: str
) -> list[Flowable]:
    side = "right" if direction == "rtl" else "left"
    out: list[Flowable] = [
        ctx.block(translate(title), "card_title", _dir(ctx, title, translate), side)
    ]
    for line in lines:
        out.append(ctx.block("• " + translate(line), "card", _dir(ctx, line, translate), side))
    note = S.NOT_LEGAL_ADVICE
    out.append(ctx.block(translate(note), "card_note", _dir(ctx, note, translate), side))
    return out


def _dir(ctx: Context, msgid: str, translate: Callable[..., str]) -> str:
    """Right to left only for lines that are really translated into an RTL language."""
    text = translate(msgid)
    return ctx.direction_of(text, ctx.en(msgid))


def _fit(content: list[Flowable]) -> KeepInFrame:
    """One half's content, shrunk if need be to stay inside the card."""
    return KeepInFrame(CARD_WIDTH - 2 * PADDING, CARD_HEIGHT - 2 * PADDING, content, mode="shrink")


def half_scale(content: list[Flowable]) -> float:
    """The scale a card half is drawn at (1.0: not shrunk)."""
    half = _fit(content)
    half.wrapOn(None, CARD_WIDTH - 2 * PADDING, CARD_HEIGHT - 2 * PADDING)
    return 1.0 / getattr(half, "_scale", 1.0)


def card(ctx: Context, front: list[Flowable], back: list[Flowable]) -> PacketTable:
    """Two halves in a dashed outline (cut) with a dotted fold line between them."""
    halves = [_fit(front), _fit(back)]
    if ctx.rtl:
        halves.reverse()  # the family's side is the first one a right-to-left reader meets
    cut = colors.HexColor(CUT)
    return PacketTable(
        [halves],
        colWidths=[CARD_WIDTH, CARD_WIDTH],
        rowHeights=[CARD_HEIGHT],
        style=TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, cut, None, (5, 3)),
                ("LINEAFTER", (0, 0), (0, 0), 0.6, cut, None, (1, 2)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), PADDING),
                ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING),
            ]
        ),
        hAlign="CENTER",
    )


_PEOPLE = (S.CARD_CAREGIVER, S.CARD_BACKUP, S.CARD_CONTACT)


def _number_halves(ctx: Context, entries: list[Entry]) -> tuple[list[Flowable], list[Flowable]]:
    if not ctx.translated:
        # One language: people on one half, services on the other, instead of a copy.
        half = (len(entries) + 1) // 2
        front = _numbers_side(ctx, entries[:half], ctx.en, "ltr")
        return front, _numbers_side(ctx, entries[half:], ctx.en, "ltr")[1:]
    front = _numbers_side(ctx, entries, ctx.fam, ctx.direction)
    return front, _numbers_side(ctx, entries, ctx.en, "ltr")


def number_cards(ctx: Context, entries: list[Entry]) -> list[PacketTable]:
    """One card of key numbers; two (people, then services) when one would be too small."""
    groups = [entries]
    if len(entries) > 1 and min(map(half_scale, _number_halves(ctx, entries))) < MIN_SCALE:
        people = sum(1 for label, _name, _phone in entries if label in _PEOPLE)
        cut = people if 0 < people < len(entries) else (len(entries) + 1) // 2
        groups = [entries[:cut], entries[cut:]]
    return [card(ctx, *_number_halves(ctx, group)) for group in groups]


def build(ctx: Context) -> list[Flowable]:
    out: list[Flowable] = [*ctx.heading(TITLE), *ctx.para(PURPOSE), ctx.gap(6)]
    entries = key_numbers(ctx)
    for numbers in number_cards(ctx, entries) if entries else []:
        out.extend([KeepTogether([numbers]), ctx.gap(18)])
    if ctx.copy == Copy.FAMILY:
        front = _rights_side(ctx, S.KYR_FAMILY_TITLE, S.KYR_FAMILY_LINES, ctx.fam, ctx.direction)
        back = _rights_side(ctx, S.KYR_OFFICER_TITLE, S.KYR_OFFICER_LINES, ctx.en, "ltr")
        out.append(KeepTogether([card(ctx, front, back)]))
    if len(out) == 3:
        return []
    return out
