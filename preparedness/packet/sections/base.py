"""What every section shares: the recipient, the two languages, and bilingual building blocks.

Why one context object: a section should say *what* it prints ("a label and a phone number"),
never *how* a language is laid out. The context knows the family's language and direction,
prints each label in that language with English under it (once, when they are the same), mirrors
tables for right-to-left readers, and passes every piece of user text through the text layer's
cleaner as plain text, never as markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, TypeAlias

from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from preparedness.formatting import format_date, format_number
from preparedness.i18n import translator
from preparedness.languages import language
from preparedness.model.phones import format_phone
from preparedness.model.plan import Phone, Plan
from preparedness.packet import strings as S
from preparedness.packet.styles import RULE, SHADE, gloss_of, style
from preparedness.packet.text import (
    TextBlock,
    TextStyle,
    clean_user_text,
    font_for_char,
    paragraph_direction,
)
from preparedness.questions import PHONE_KIND_LABELS, QUESTIONS

Cell: TypeAlias = Flowable | list[Flowable] | str


class Copy(StrEnum):
    """Who the printed copy is for; each reader gets only what they need."""

    FAMILY = "family"
    CAREGIVER = "caregiver"
    SCHOOL = "school"


COPY_NAMES: dict[Copy, str] = {
    Copy.FAMILY: S.COPY_FAMILY,
    Copy.CAREGIVER: S.COPY_CAREGIVER,
    Copy.SCHOOL: S.COPY_SCHOOL,
}

_ENGLISH = translator("en")
# Strings any catalog translates first: if none of them is translated, there is no catalog.
_PROBE = (S.PACKET_TITLE, S.CONFIDENTIAL, S.CONTACTS_TITLE, S.COVER_WHAT_FAMILY)


class Text(TextBlock):
    """A TextBlock that is safe inside reportlab table rows split across pages.

    reportlab's ``Table._splitCell`` asks a cell's flowable to split at the column width
    *including* padding, and expects two parts back. At that slightly wider width a block may
    fit whole, and the text layer then answers ``[self]``; reportlab indexes the missing second
    part. Answering "all of it, then nothing" keeps the row split working.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        if len(parts) == 1:
            return [parts[0], Spacer(0, 0)]
        return parts


class PacketTable(Table):
    """A reportlab Table that never falls back to Helvetica.

    reportlab sets each cell's font before drawing it, even for an empty string cell, and its
    default is Helvetica: a base-14 font that is never embedded. Empty cells become empty
    flowable lists and the cell font is a shipped one, so every font in the PDF is embedded.
    """

    def __init__(self, data: Sequence[Sequence[Any]], *args: Any, **kwargs: Any) -> None:
        cleaned = [[_cell(c) for c in row] for row in data]
        super().__init__(cleaned, *args, **kwargs)
        self.setStyle([("FONTNAME", (0, 0), (-1, -1), font_for_char("A"))])
        self._widths_for: float | None = None

    def _calc(self, availWidth: float, availHeight: float) -> None:
        # reportlab resolves column widths ("40%") at the first wrap only, but row heights at
        # every wrap: wrapped again at another width (a shrunk page, a box), the rows were
        # measured for other columns than the cells are drawn in, and bottom-aligned cells
        # rose out of their rows over the text above. Widths follow the width given.
        if self._widths_for != availWidth:
            self._width_calculated_once = 0
            self._widths_for = availWidth
        super()._calc(availWidth, availHeight)


def shaded_box(content: list[Flowable], border: str | None = None) -> PacketTable:
    """``content`` on a grey ground, framed in ``border`` if given: a note set apart."""
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(SHADE)),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]
    if border:
        commands.append(("BOX", (0, 0), (-1, -1), 1.5, colors.HexColor(border)))
    return PacketTable([[content]], colWidths=["100%"], style=TableStyle(commands), hAlign="LEFT")


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return [] if value == "" else value
    if isinstance(value, (list, tuple)):
        return [v for v in value if not (isinstance(v, str) and v == "")]
    return value


def _visual(direction: str, side: str) -> str:
    """TextStyle alignment (start/end, relative to the text's direction) for a visual side."""
    if side == "center":
        return "center"
    if direction == "rtl":
        return "end" if side == "left" else "start"
    return "start" if side == "left" else "end"


def safe_format(template: str, fallback: str, **values: str) -> str:
    """Fill a (translated) template; a broken translation falls back to the English one.

    Values are user text and are inserted as they are: only the template is parsed.
    """
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError, AttributeError):
        return fallback.format(**values)


@dataclass
class Context:
    """One packet being built: the plan, the family's language, the recipient and the page."""

    plan: Plan
    lang: str
    copy: Copy
    width: float  # width of the text frame in points
    height: float  # height of the text frame in points
    gettext: Callable[[str], str] | None = None  # tests may pass a pseudo-translation
    # The plan file's blobs (vault Payload.attachments), for the appendix of copies; None when
    # the caller has none (each copy is then listed as not available in this printout).
    attachments: Mapping[str, bytes] | None = field(default=None, repr=False)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._ = self.gettext or translator(self.lang)
        self.language = language(self.lang)
        # Until a catalog exists the family's lines are English: lay the packet out as English
        # (an untranslated Arabic packet must not print English right to left).
        self.translated = self.lang != "en" and any(self._(m) != m for m in _PROBE)
        self.direction = "rtl" if self.language.is_rtl and self.translated else "ltr"
        # The school reads English: on its copy English leads and the family's language follows.
        self.english_first = self.copy == Copy.SCHOOL

    # -- languages -------------------------------------------------------------------------

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"

    @property
    def mirrored(self) -> bool:
        """Tables run right to left: for RTL families, except on the English-led school copy."""
        return self.rtl and not self.english_first

    @property
    def side(self) -> str:
        """The side a reader of the family's language starts reading from."""
        return "right" if self.mirrored else "left"

    def fam(self, msgid: str, **values: str) -> str:
        """The family-language text (English when no translation exists yet)."""
        return safe_format(self._(msgid), msgid, **values)

    def en(self, msgid: str, **values: str) -> str:
        return safe_format(_ENGLISH(msgid), msgid, **values)

    def pair(self, msgid: str, **values: str) -> tuple[str, str | None]:
        """(family text, English text), the English None when both read the same."""
        family, english = self.fam(msgid, **values), self.en(msgid, **values)
        return (family, None if family == english else english)

    def direction_of(self, family: str, english: str | None) -> str:
        """The direction of a family-language line: English (left to right) when untranslated."""
        return "ltr" if english is None or family == english else self.direction

    def inline(self, msgid: str, **values: str) -> str:
        """Both languages on one line ("Trabajo / Work"), for short words inside a cell."""
        family, english = self.pair(msgid, **values)
        return family if english is None else f"{family} / {english}"

    def clean(self, text: str | None) -> str:
        return clean_user_text(text or "").strip()

    def date(self, value: dt.date | None) -> str:
        return format_date(value, self.lang)

    def date_en(self, value: dt.date | None) -> str:
        return format_date(value, "en")

    def date_in(self, msgid: str, value: dt.date | None) -> str:
        """A date for the family-language version of ``msgid``: in English while that text is
        untranslated, so an English sentence never carries, say, an Arabic date."""
        return self.date(value) if self._(msgid) != msgid else self.date_en(value)

    def labelled_date(
        self, msgid: str, value: dt.date | None, style_name: str = "value_small"
    ) -> list[Flowable]:
        """ "Label: date" in each language, each line with the date in its reader's format."""
        if value is None:
            return []
        family, english = self.pair(msgid)
        first = f"{family}: {self.date_in(msgid, value)}"
        out: list[Flowable] = [self.block(first, style_name, self.direction_of(family, english))]
        if english is not None:
            out.append(self.block(f"{english}: {self.date_en(value)}", style_name, "ltr"))
        return out

    def number(self, value: int) -> str:
        return format_number(value, self.lang)

    # -- text blocks -----------------------------------------------------------------------

    def block(
        self,
        text: str | Sequence[tuple[str, bool]],
        style_name: str | TextStyle,
        direction: str = "auto",
        side: str | None = None,
    ) -> Text:
        """A TextBlock aligned to a visual side (default: the family's reading side)."""
        st = style(style_name) if isinstance(style_name, str) else style_name
        if direction == "auto":
            plain = text if isinstance(text, str) else "".join(t for t, _ in text)
            resolved = paragraph_direction(plain) if plain else self.direction
        else:
            resolved = direction
        if side is None:
            side = self.side
        st = replace(st, align=_visual(resolved, side))
        return Text(text, st, direction=direction)

    def user(self, text: str | None, style_name: str = "value", side: str | None = None) -> Text:
        """The family's own words: cleaned, plain text, direction found from the text."""
        return self.block(self.clean(text), style_name, "auto", side)

    def phone_text(self, number: str) -> str:
        return format_phone(self.clean(number))

    def phone(self, number: str, style_name: str = "value", side: str | None = None) -> Text:
        """A phone number always runs left to right, even on an Arabic page."""
        return self.block(self.phone_text(number), style_name, "ltr", side)

    def phones(
        self, phones: Iterable[Phone], style_name: str = "value", side: str | None = None
    ) -> list[Flowable]:
        """One line per number; the kind (Work, Home) when it is not a mobile."""
        out: list[Flowable] = []
        for phone in phones:
            if not self.clean(phone.number):
                continue
            text = self.phone_text(phone.number)
            # The number and its kind on separate lines: a number never shares a line with
            # right-to-left words, so its digits can never be reordered.
            out.append(self.block(text, style_name, "ltr", side))
            if phone.kind != "mobile":
                kind = self.inline(PHONE_KIND_LABELS[phone.kind])
                out.append(self.block(kind, "value_small", "auto", side))
        return out

    def bilingual(
        self, msgid: str, family_style: str, gloss_style: str, **values: str
    ) -> list[Flowable]:
        """The family-language text and the English text (once when they read the same)."""
        family, english = self.pair(msgid, **values)
        return self.two_texts(family, english, family_style, gloss_style)

    def two_texts(
        self, family: str, english: str | None, family_style: str, gloss_style: str
    ) -> list[Flowable]:
        """Stacked for left-to-right families (family line, English under it); side by side
        for right-to-left ones (the family's text on the right, English on the left), the way
        bilingual Arabic/English forms are printed, so neither text zig-zags across the page.
        On the school copy English leads (the school reads English) and the family's language
        is the smaller line.
        """
        # The family's text keeps its own reading side even on the English-led school copy.
        fam_side = "right" if self.rtl else "left"
        if english is None:
            return [self.block(family, family_style, "ltr", fam_side)]
        if self.english_first:
            fam_block = self.block(family, gloss_style, self.direction, fam_side)
            en_block = self.block(english, family_style, "ltr", "left")
            stacked = [en_block, fam_block]
        else:
            fam_block = self.block(family, family_style, self.direction, fam_side)
            en_block = self.block(english, gloss_style, "ltr", "left")
            stacked = [fam_block, en_block]
        if not self.rtl:
            return stacked
        fam_style, en_style = style(family_style), style(gloss_style)
        # Widths are shares of the space given (the frame, or a box inside it); the leading
        # language gets the wider column.
        widths = ["56%", "44%"] if self.english_first else ["44%", "56%"]
        table = PacketTable(
            [[en_block, fam_block]],
            colWidths=widths,
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("LEFTPADDING", (1, 0), (1, 0), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
            spaceBefore=max(fam_style.space_before, en_style.space_before),
            spaceAfter=max(fam_style.space_after, en_style.space_after),
            splitInRow=24,
        )
        table.break_after = False  # a heading or a line of text, not a block (fit.OnePage)
        return [table]

    def title(self, msgid: str, **values: str) -> list[Flowable]:
        return self.bilingual(msgid, "title", "title_gloss", **values)

    def heading(self, msgid: str, **values: str) -> list[Flowable]:
        return self.bilingual(msgid, "h2", "h2_gloss", **values)

    def subheading(self, msgid: str, **values: str) -> list[Flowable]:
        return self.bilingual(msgid, "h3", "h3_gloss", **values)

    def para(self, msgid: str, **values: str) -> list[Flowable]:
        return self.bilingual(msgid, "body", "body_gloss", **values)

    def note(self, msgid: str, **values: str) -> list[Flowable]:
        return self.bilingual(msgid, "note", "note_gloss", **values)

    def cell_label(
        self,
        msgid: str,
        kind: str = "label",
        side: str | None = None,
        english_first: bool | None = None,
        **values: str,
    ) -> list[Flowable]:
        """A two-line label for a table cell: family language bold, English small under it.

        Inside a mirrored table both lines hug the same side of the cell, so a column reads as
        one block. ``english_first`` is for English documents (the signed letter).
        """
        family, english = self.pair(msgid, **values)
        if english_first is None:
            english_first = self.english_first
        if english_first:
            out: list[Flowable] = [self.block(self.en(msgid, **values), kind, "ltr", side)]
            if english is not None:
                out.append(self.block(family, gloss_of(kind), self.direction, side))
            return out
        out = [self.block(family, kind, self.direction_of(family, english), side)]
        if english is not None:
            out.append(self.block(english, gloss_of(kind), "ltr", "left"))
        return out

    def question_label(self, question_id: str, side: str | None = None) -> list[Flowable]:
        return self.cell_label(QUESTIONS[question_id].label, side=side)

    def yes_no(self, value: bool | None, side: str | None = None) -> Flowable | str:
        if value is None:
            return ""
        return self.block(self.inline(S.YES_MARK if value else S.NO_MARK), "value", "auto", side)

    # -- tables ----------------------------------------------------------------------------

    def row(self, cells: Sequence[Cell], mirror: bool = True) -> list[Cell]:
        """Columns in reading order: mirrored for a right-to-left family."""
        return list(reversed(cells)) if self.mirrored and mirror else list(cells)

    def table(
        self,
        rows: Sequence[Sequence[Cell]],
        fractions: Sequence[float],
        header_rows: int = 1,
        extra_style: Sequence[tuple[Any, ...]] = (),
        shade_first_column: bool = False,
        mirror: bool = True,
    ) -> Table:
        """A ruled table across the frame, mirrored for RTL, splitting across pages.

        Long cells wrap (every cell is a TextBlock with a known column width); a row taller
        than the space left on a page is split inside the row rather than overflowing.
        """
        total = sum(fractions)
        # Shares of the width the table is given (the frame, a box, a shrunk cover).
        widths = self.row([f"{100 * f / total:.3f}%" for f in fractions], mirror)
        data = [self.row(r, mirror) for r in rows]
        commands: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor(RULE)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        if header_rows:
            commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor(SHADE)))
        if shade_first_column:
            col = len(fractions) - 1 if self.mirrored and mirror else 0
            commands.append(("BACKGROUND", (col, 0), (col, -1), colors.HexColor(SHADE)))
        commands.extend(extra_style)
        return PacketTable(
            data,
            colWidths=widths,
            repeatRows=header_rows,
            splitInRow=24,
            style=TableStyle(commands),
            hAlign="RIGHT" if self.mirrored and mirror else "LEFT",
        )

    def key_values(
        self, items: Sequence[tuple[str, Cell | Sequence[Flowable]]], label_fraction: float = 0.32
    ) -> Table | None:
        """Label | value rows for the fields that have a value; None when none has one."""
        rows = [[self.cell_label(label), value] for label, value in items if _has(value)]
        if not rows:
            return None
        return self.table(
            rows, [label_fraction, 1 - label_fraction], header_rows=0, shade_first_column=True
        )

    def gap(self, points: float = 8.0) -> Spacer:
        return Spacer(1, points)


class TickBox(Flowable):
    """An empty square to tick by hand, drawn with lines (no glyph a font could lack)."""

    def __init__(self, size: float = 13.0) -> None:
        super().__init__()
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        return avail_width, self.size + 2

    def draw(self) -> None:
        # Centred in the cell, whatever the reading direction.
        x = max(0.0, (self._avail - self.size) / 2)
        self.canv.setLineWidth(1.2)
        self.canv.rect(x, 1, self.size, self.size, stroke=1, fill=0)


def _has(value: object) -> bool:
    if value is None or value == "":
        return False
    if isinstance(value, (list, tuple)):
        return any(_has(v) for v in value)
    return True


def person_or_text(plan: Plan, ref: str) -> str:
    """A person's or school's name for an id, or the text itself (free-text copy holders)."""
    if not ref:
        return ""
    name = plan.person_name(ref)
    if name:
        return name
    school = plan.school(ref)
    if school is not None:
        return school.name
    return ref
