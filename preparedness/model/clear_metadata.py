"""What a plan file says about itself without the passphrase: a label and, if agreed, dates.

The vault authenticates but does not encrypt this, so it must never identify the family:
only the liaison's code (like "F-031") and, when the family agrees, two dates. Anything
else found in a header (an older app, a tampered file) is ignored when read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from preparedness.model.plan import Plan

MAX_LABEL_CHARS = 40


@dataclass(frozen=True)
class ClearSummary:
    label: str = ""
    review_by: date | None = None
    authorization_expires: date | None = None


def clear_metadata(plan: Plan) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    label = plan.file_label.label.strip()[:MAX_LABEL_CHARS]
    if label:
        meta["label"] = label
    if plan.file_label.dates_in_clear:
        if plan.review_by:
            meta["review_by"] = plan.review_by.isoformat()
        expires = plan.earliest_authorization_expiry()
        if expires:
            meta["authorization_expires"] = expires.isoformat()
    return meta


def _date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def read_clear_summary(meta: object) -> ClearSummary:
    """Parse a header's clear metadata defensively; unknown or malformed parts are dropped."""
    if not isinstance(meta, dict):
        return ClearSummary()
    label = meta.get("label")
    return ClearSummary(
        label=label[:MAX_LABEL_CHARS] if isinstance(label, str) else "",
        review_by=_date(meta.get("review_by")),
        authorization_expires=_date(meta.get("authorization_expires")),
    )
