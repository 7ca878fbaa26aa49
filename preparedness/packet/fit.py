"""Content that belongs on one page: kept whole, shrunk a little, or split evenly.

Why: a cover, a child's sheet, a letter with its translation or a section is a unit a reader
handles as one sheet. Left to the frame, a unit that is a few lines too long leaves one row or
one note alone on the next page; shrunk with reportlab's KeepInFrame, tables keep the column
widths of their first wrap and their cells overflow the rows (text printed over text).
``OnePage`` decides once, at the top of a page, with exact heights:

1. the unit fits: it is drawn as it is;
2. it fits at a scale of at least ``MIN_SCALE``: every flowable is laid out at width / scale
   and drawn scaled, so lines re-wrap and nothing moves relative to anything else;
3. otherwise it is split into as few pages as it needs, at the allowed breaks nearest to
   equal parts, each page opening with the unit's own "part k of n" header when it has one
   (and a part that starts at a ``BreakPoint`` with the marker's own head, when it has one).
   Allowed breaks: ``BreakPoint`` markers; unless ``only_marked``, also after a table, before
   and after a KeepTogether, and between table rows with at least two rows (or one tall row)
   on each side. Breaks inside a KeepTogether are used only when avoiding them costs a page.

If no allowed break works (one row taller than a page), the unit falls back to the frame's
ordinary flow, which splits inside rows and never overflows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, KeepTogether, Table

# The smallest scale a unit is shrunk to before it is split instead: body text 11 pt stays
# above 9 pt, an English line under it 9.5 pt above 8 pt.
MIN_SCALE = 0.85
_FUZZ = 1e-3
_MIN_BLOCK = 0.15  # a single table row at least this share of a page may end or open a page
_BISECT_STEPS = 4  # the scale found is at most (1 - MIN_SCALE) / 2**4 below the best one


class BreakPoint(Flowable):
    """Marks where a ``OnePage`` unit may continue on the next page. Draws nothing.

    ``head``: flowables that open the next page when the unit does break here (and only
    then), so a part that starts a page on purpose says what it is (the translation of the
    letter to the school under the letter's title). Its height counts when parts are planned.
    """

    _ZEROSIZE = True

    def __init__(self, head: Sequence[Flowable] = ()) -> None:
        super().__init__()
        self.head = list(head)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        return None


def _flat(flowables: Sequence[Flowable]) -> list[Flowable]:
    """KeepTogether opened up: inside a unit, breaks are only where the unit allows them."""
    return _flat_groups(flowables)[0]


def _flat_groups(flowables: Sequence[Flowable]) -> tuple[list[Flowable], list[int | None]]:
    """The flowables with KeepTogether opened up, and for each the KeepTogether it was in
    (a number; None when it was in none): a unit does not break inside one."""
    out: list[Flowable] = []
    groups: list[int | None] = []
    count = 0
    for f in flowables:
        if isinstance(f, KeepTogether):
            inner = _flat(f._content)
            out.extend(inner)
            groups.extend([count] * len(inner))
            count += 1
        else:
            out.append(f)
            groups.append(None)
    return out, groups


class Stack(Flowable):
    """Flowables stacked top to bottom and drawn by this flowable, optionally scaled.

    Spacing follows the frame's rule (the larger of one's space after and the next one's
    space before), so a stack at scale 1 looks exactly like the same flowables in the frame.
    With ``fill`` the stack claims the rest of the page, so what follows starts a new page.
    """

    def __init__(
        self,
        content: Sequence[Flowable],
        scale: float = 1.0,
        fill: bool = False,
        page_height: float | None = None,
    ) -> None:
        super().__init__()
        self.content = [f for f in _flat(content) if not isinstance(f, BreakPoint)]
        self.scale = scale
        self.fill = fill
        self.page_height = page_height
        self._natural = 0.0

    def _layout(self, width: float) -> list[tuple[Flowable, float, float, float]]:
        """(flowable, width, height, top offset) at ``width`` (unscaled units)."""
        placed: list[tuple[Flowable, float, float, float]] = []
        y = 0.0
        previous_after: float | None = None
        for f in self.content:
            w, h = f.wrapOn(self.canv, width, 0x7FFFFFFF)
            if previous_after is not None:
                y += max(previous_after, f.getSpaceBefore())
            placed.append((f, w, h, y))
            y += h
            previous_after = f.getSpaceAfter()
        self._natural = y
        return placed

    def natural_height(self, width: float) -> float:
        """Height at scale 1 for ``width``."""
        self._layout(width)
        return self._natural

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._layout(availWidth / self.scale)
        self.width = availWidth
        self.height = self._natural * self.scale
        if self.fill and self.page_height is not None and availHeight <= self.page_height + 1:
            self.height = max(self.height, availHeight - _FUZZ)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []  # a stack is placed whole, at the top of a page if need be

    def getSpaceBefore(self) -> float:
        return self.content[0].getSpaceBefore() * self.scale if self.content else 0.0

    def getSpaceAfter(self) -> float:
        if self.fill or not self.content:
            return 0.0
        return self.content[-1].getSpaceAfter() * self.scale

    def draw(self) -> None:
        s = self.scale
        inner = self.width / s
        placed = self._layout(inner)
        canv = self.canv
        canv.saveState()
        if s != 1.0:
            canv.scale(s, s)
        top = self.height / s
        for f, w, h, y in placed:
            f.drawOn(canv, 0, top - y - h, _sW=inner - w)
        canv.restoreState()


@dataclass(frozen=True)
class _Cut:
    """A place a part may end: heights are offsets in the body stacked as one column.

    The part ends at ``end`` with ``body[:stop]``; the next one starts at ``resume`` with
    ``body[start:]``, under ``extra`` points of repeated header rows (with ``rows``:
    ``body[stop]`` is a table cut after that many rows and the next part starts with the rest
    of it) or of the head of the ``BreakPoint`` at ``body[stop]``.
    """

    end: float
    resume: float
    extra: float
    stop: int
    start: int
    rows: int = 0


class OnePage(Flowable):
    """A unit kept on one page when it can be (see the module docstring).

    ``head`` opens the unit; ``part_head(k, n)``, when given, opens part k of n instead if the
    unit has to be split ("About the child · Name · 2 of 2"). ``page_height`` is the frame's
    height: the unit decides only at the top of a page and moves there first if need be.
    """

    def __init__(
        self,
        body: Sequence[Flowable],
        page_height: float,
        *,
        head: Sequence[Flowable] = (),
        part_head: Callable[[int, int], list[Flowable]] | None = None,
        min_scale: float = MIN_SCALE,
        only_marked: bool = False,
        space_before: float = 0.0,
    ) -> None:
        super().__init__()
        self.space_before = space_before  # dropped at the top of a page, as frames do
        self.head = list(head)
        self.body, self._groups = _flat_groups(body)
        self._original = [*head, *body]
        self.page_height = page_height
        self.part_head = part_head
        self.min_scale = min_scale
        self.only_marked = only_marked
        self._whole = Stack([*self.head, *self.body], page_height=page_height)
        self._decided: tuple[float, float] | None = None

    def _at_top(self, availHeight: float) -> bool:
        return availHeight >= self.page_height - 1.0

    def _fits(self, width: float, height: float, scale: float) -> bool:
        # No tolerance: the frame refuses anything taller than the space, by any amount.
        return self._whole.natural_height(width / scale) * scale <= height

    def _decide(self, availWidth: float, availHeight: float) -> None:
        """Choose the scale once, for the space at the top of a page."""
        if self._decided == (availWidth, availHeight):
            return
        self._decided = (availWidth, availHeight)
        self._whole.scale = 1.0
        natural = self._whole.natural_height(availWidth)
        if natural <= availHeight or not self._at_top(availHeight):
            return
        # Text laid out at width / s and drawn at s takes about s * s of its height: start
        # there, then bisect between a scale that fits (lo) and one that does not (hi).
        guess = max(self.min_scale, min(0.995, (availHeight / natural) ** 0.5))
        if self._fits(availWidth, availHeight, guess):
            lo, hi = guess, 1.0
        elif guess > self.min_scale and self._fits(availWidth, availHeight, self.min_scale):
            lo, hi = self.min_scale, guess
        else:
            return  # too long even at the floor: split() takes it from here
        for _ in range(_BISECT_STEPS):
            mid = (lo + hi) / 2
            if self._fits(availWidth, availHeight, mid):
                lo = mid
            else:
                hi = mid
        self._whole.scale = lo  # exactly the scale that was measured to fit

    @property
    def scale(self) -> float:
        """The scale the unit is drawn at (1.0 unless it was shrunk to fit)."""
        return self._whole.scale

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._whole.canv = self.canv
        self._decide(availWidth, availHeight)
        self.width, self.height = self._whole.wrap(availWidth, availHeight)
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return max(self.space_before, self._whole.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return self._whole.getSpaceAfter()

    def draw(self) -> None:
        self._whole.canv = self.canv
        self._whole.drawOn(self.canv, 0, 0)

    # -- splitting -----------------------------------------------------------------------

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if not self._at_top(availHeight):
            return []  # start on a fresh page, where the whole unit may fit
        self._whole.canv = self.canv
        self._decide(availWidth, availHeight)
        if self._whole.scale != 1.0 and self._fits(availWidth, availHeight, self._whole.scale):
            return [self._whole]
        self._whole.scale = 1.0
        parts = self._parts(availWidth, availHeight)
        if parts is None:
            return list(self._original)  # the frame's ordinary flow
        return parts

    def _body_geometry(self, width: float) -> tuple[list[tuple[float, float]], float]:
        """(top, bottom) of each body flowable in one continuous stack, and the total."""
        spans: list[tuple[float, float]] = []
        y = 0.0
        previous_after: float | None = None
        for f in self.body:
            if isinstance(f, BreakPoint):
                spans.append((y, y))
                continue
            _w, h = f.wrapOn(self.canv, width, 0x7FFFFFFF)
            if previous_after is not None:
                y += max(previous_after, f.getSpaceBefore())
            spans.append((y, y + h))
            y += h
            previous_after = f.getSpaceAfter()
        return spans, y

    def _cuts(self, width: float) -> tuple[list[_Cut], float]:
        spans, total = self._body_geometry(width)
        cuts: list[_Cut] = []
        real = [i for i, f in enumerate(self.body) if not isinstance(f, BreakPoint)]
        for i, f in enumerate(self.body):
            if isinstance(f, BreakPoint):
                before = [j for j in real if j < i]
                after = [j for j in real if j > i]
                if before and after:
                    end, resume = spans[before[-1]][1], spans[after[0]][0]
                    lead = self._lead_height(width, f.head, self.body[after[0]])
                    cuts.append(_Cut(end, resume, lead, i, i + 1))
            elif not self.only_marked and isinstance(f, Table):
                heights = list(f._rowHeights)
                repeat = f.repeatRows if isinstance(f.repeatRows, int) else 0
                top = spans[i][0]
                head_h = sum(heights[:repeat])
                # Never a lone row: at least two rows on each side of the cut, or one row
                # tall enough to be a block of its own (a long note).
                block = self.page_height * _MIN_BLOCK
                for k in range(repeat + 1, len(heights)):
                    above, below = heights[repeat:k], heights[k:]
                    if (len(above) >= 2 or sum(above) >= block) and (
                        len(below) >= 2 or sum(below) >= block
                    ):
                        y = top + sum(heights[:k])
                        cuts.append(_Cut(y, y, head_h, i, i, k))
                # After a table, before what follows (a heading, the next table); not after
                # a heading printed as a table (right-to-left pairs say break_after=False).
                after = [j for j in real if j > i]
                if after and getattr(f, "break_after", True):
                    cuts.append(_Cut(spans[i][1], spans[after[0]][0], 0.0, i + 1, after[0]))
        # Before and after a KeepTogether: its content is one block.
        for i in range(1, len(self.body) if not self.only_marked else 0):
            group, previous = self._groups[i], self._groups[i - 1]
            if group != previous and i in real and i - 1 in real:
                cuts.append(_Cut(spans[i - 1][1], spans[i][0], 0.0, i, i))
        # A marker right after a table: one cut, the marker's (listed later, with its head).
        unique = {(c.end, c.stop, c.rows): c for c in cuts}
        return sorted(unique.values(), key=lambda c: c.end), total

    def _inside_group(self, cut: _Cut, spans: list[tuple[float, float]]) -> bool:
        """Whether the cut falls inside a KeepTogether that is not taller than a page."""
        groups = self._groups
        if cut.rows:
            group = groups[cut.stop]
        else:
            before, after = groups[cut.stop - 1], groups[min(cut.start, len(groups) - 1)]
            group = before if before is not None and before == after else None
        if group is None:
            return False
        members = [i for i, g in enumerate(groups) if g == group]
        height = spans[members[-1]][1] - spans[members[0]][0]
        return height <= self.page_height * 0.9

    def _head_height(self, width: float, k: int, n: int) -> float:
        head = self.part_head(k, n) if self.part_head else (self.head if k == 1 else [])
        return self._lead_height(width, head, self.body[0])

    def _lead_height(self, width: float, head: Sequence[Flowable], first: Flowable) -> float:
        """What ``head`` adds above ``first`` (its height and the space between them)."""
        if not head:
            return 0.0
        stack = Stack([*head, first])
        stack.canv = self.canv
        whole = stack.natural_height(width)
        return whole - first.wrapOn(self.canv, width, 0x7FFFFFFF)[1]

    def _plan(self, width: float, height: float) -> list[_Cut] | None:
        """The cuts for the fewest parts, each as close to an equal share as breaks allow;
        for that number of parts, without breaking inside a KeepTogether if possible."""
        cuts, total = self._cuts(width)
        if not cuts:
            return None
        spans, _ = self._body_geometry(width)
        whole = [c for c in cuts if not self._inside_group(c, spans)]
        for n in range(2, 2 + len(cuts)):
            heads = [self._head_height(width, k, n) for k in range(1, n + 1)]
            for candidates in (whole, cuts):
                plan = _even_cuts(candidates, n, heads, total, height)
                if plan is not None:
                    return plan
        return None

    def _parts(self, width: float, height: float) -> list[Flowable] | None:
        plan = self._plan(width, height)
        if plan is None:
            return None
        n = len(plan) + 1
        pieces: list[list[Flowable]] = []
        body = list(self.body)  # split tables are replaced by their remaining part
        start, taken = 0, 0  # taken: rows of body[start] already printed, if it is split
        lead: list[Flowable] = []  # the head of the BreakPoint the part starts at, if any
        for cut in plan:
            if cut.rows:
                table = body[cut.stop]
                table.wrapOn(self.canv, width, 0x7FFFFFFF)
                repeat = table.repeatRows if isinstance(table.repeatRows, int) else 0
                rows = cut.rows - (taken - repeat if taken and cut.stop == start else 0)
                parts = table.split(width, sum(table._rowHeights[:rows]) + _FUZZ)
                if len(parts) != 2:
                    return None
                pieces.append([*lead, *body[start : cut.stop], parts[0]])
                body[cut.stop] = parts[1]
                start, taken, lead = cut.stop, cut.rows, []
            else:
                pieces.append([*lead, *body[start : cut.stop]])
                marker = body[cut.stop]
                lead = list(marker.head) if isinstance(marker, BreakPoint) else []
                start, taken = cut.start, 0
        pieces.append([*lead, *body[start:]])
        out: list[Flowable] = []
        for k, piece in enumerate(pieces, 1):
            head = self.part_head(k, n) if self.part_head else (self.head if k == 1 else [])
            stack = Stack([*head, *piece], fill=k < n, page_height=self.page_height)
            stack.canv = self.canv
            if stack.natural_height(width) > height:
                return None
            out.append(stack)
        return out


def _even_cuts(
    cuts: Sequence[_Cut], n: int, heads: Sequence[float], total: float, height: float
) -> list[_Cut] | None:
    """n - 1 cuts, each part at most ``height`` and as near an equal share as the cuts allow
    (greedy from the top: each cut nearest to an equal share of what is left)."""
    chosen: list[_Cut] = []
    start = _Cut(0.0, 0.0, 0.0, 0, 0)
    for k in range(1, n):
        rest = total - start.resume + start.extra + sum(heads[k - 1 :])
        target = rest / (n - k + 1)
        best: _Cut | None = None
        best_miss = 0.0
        for cut in cuts:
            if cut.end <= start.resume:
                continue
            size = heads[k - 1] + start.extra + cut.end - start.resume
            if size > height:
                break
            after = total - cut.resume + cut.extra + sum(heads[k:])
            if after > (n - k) * height:
                continue
            if best is None or abs(size - target) < best_miss:
                best, best_miss = cut, abs(size - target)
        if best is None:
            return None
        chosen.append(best)
        start = best
    last = heads[n - 1] + start.extra + total - start.resume
    return chosen if last <= height else None
