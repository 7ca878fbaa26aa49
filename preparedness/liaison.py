"""A liaison's folder of plans: find one by its code and dates, never by the family's name.

Only what a plan file says in the clear is read (its label and, if the family agreed, two
dates) plus the file's own modification time; nothing is decrypted. No Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from preparedness import vault
from preparedness.model.clear_metadata import ClearSummary, read_clear_summary

PLAN_SUFFIX = ".fpp"
EXPIRY_WARNING_DAYS = 60
MAX_PLANS_LISTED = 5000


class Flag(StrEnum):
    REVIEW_OVERDUE = "review_overdue"
    AUTHORIZATION_EXPIRES_SOON = "authorization_expires_soon"
    AUTHORIZATION_EXPIRED = "authorization_expired"
    DATES_UNKNOWN = "dates_unknown"  # the family kept its dates encrypted: open to check
    UNREADABLE = "unreadable"  # not a plan, damaged, or from a newer version


@dataclass(frozen=True)
class PlanEntry:
    path: Path
    label: str
    last_saved: datetime
    review_by: date | None
    authorization_expires: date | None
    flags: frozenset[Flag]

    @property
    def display_label(self) -> str:
        """The liaison's code, or the file name when the plan has none."""
        return self.label or self.path.stem


def flags_for(summary: ClearSummary, today: date, *, dates_known: bool) -> frozenset[Flag]:
    """Reminder flags from the dates a plan shares (or, after opening, from the plan itself)."""
    if not dates_known:
        return frozenset({Flag.DATES_UNKNOWN})
    flags: set[Flag] = set()
    if summary.review_by is not None and summary.review_by < today:
        flags.add(Flag.REVIEW_OVERDUE)
    expires = summary.authorization_expires
    if expires is not None:
        if expires < today:
            flags.add(Flag.AUTHORIZATION_EXPIRED)
        elif (expires - today).days <= EXPIRY_WARNING_DAYS:
            flags.add(Flag.AUTHORIZATION_EXPIRES_SOON)
    return frozenset(flags)


def read_entry(path: Path, today: date | None = None) -> PlanEntry:
    today = today or date.today()
    stat = path.stat()
    last_saved = datetime.fromtimestamp(stat.st_mtime)
    try:
        meta = vault.read_clear_metadata(path)
    except vault.VaultError:
        return PlanEntry(path, "", last_saved, None, None, frozenset({Flag.UNREADABLE}))
    summary = read_clear_summary(meta)
    dates_known = "review_by" in meta or "authorization_expires" in meta
    return PlanEntry(
        path=path,
        label=summary.label,
        last_saved=last_saved,
        review_by=summary.review_by,
        authorization_expires=summary.authorization_expires,
        flags=flags_for(summary, today, dates_known=dates_known),
    )


def entry_after_opening(
    entry: PlanEntry,
    review_by: date | None,
    authorization_expires: date | None,
    today: date | None = None,
) -> PlanEntry:
    """The entry with the dates of the decrypted plan, once the family opened it.

    For a plan that keeps its dates locked, this is how the list learns them: only for as long
    as the app runs, never written anywhere.
    """
    today = today or date.today()
    summary = ClearSummary(entry.label, review_by, authorization_expires)
    return replace(
        entry,
        review_by=review_by,
        authorization_expires=authorization_expires,
        flags=flags_for(summary, today, dates_known=True),
    )


def list_plans(folder: Path, today: date | None = None) -> list[PlanEntry]:
    """Every plan file directly in ``folder`` (not its subfolders), by label."""
    entries = []
    for path in sorted(folder.glob(f"*{PLAN_SUFFIX}"))[:MAX_PLANS_LISTED]:
        if path.is_file() and not path.name.startswith("."):
            entries.append(read_entry(path, today))
    return sort_entries(entries, "label")


def sort_entries(
    entries: Iterable[PlanEntry], key: str, descending: bool = False
) -> list[PlanEntry]:
    far = date.max if not descending else date.min
    keys = {
        "label": lambda e: e.display_label.casefold(),
        "last_saved": lambda e: e.last_saved,
        "review_by": lambda e: e.review_by or far,
    }
    return sorted(entries, key=keys[key], reverse=descending)


def search(entries: Iterable[PlanEntry], text: str) -> list[PlanEntry]:
    """Entries whose label, or whose dates written as YYYY-MM-DD, contain ``text``."""
    needle = text.strip().casefold()
    if not needle:
        return list(entries)
    found = []
    for entry in entries:
        haystack = " ".join(
            [
                entry.display_label.casefold(),
                entry.last_saved.date().isoformat(),
                entry.review_by.isoformat() if entry.review_by else "",
            ]
        )
        if needle in haystack:
            found.append(entry)
    return found
