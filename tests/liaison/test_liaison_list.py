"""The liaison list reads labels and agreed dates only, and flags plans that need a visit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from preparedness import vault
from preparedness.liaison import Flag, list_plans, search, sort_entries
from preparedness.model import plan_to_json
from preparedness.model.clear_metadata import clear_metadata, read_clear_summary
from preparedness.model.demo import demo_plan

TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def _cheap_kdf() -> Iterator[None]:
    with vault.use_test_kdf_params():
        yield


def _save(folder: Path, name: str, label: str, *, dates: bool, review: date, expires: date) -> Path:
    plan = demo_plan()
    plan.file_label.label = label
    plan.file_label.dates_in_clear = dates
    plan.review_by = review
    for arrangement in plan.care:
        arrangement.authorization.expires_on = expires
    payload = vault.Payload(
        plan_json=plan_to_json(plan).encode(), clear_metadata=clear_metadata(plan)
    )
    path = folder / name
    vault.PlanFile.create(path, payload, "family passphrase")
    return path


def test_list_shows_labels_and_agreed_dates_only(tmp_path: Path) -> None:
    _save(
        tmp_path, "a.fpp", "F-031", dates=True, review=date(2026, 10, 1), expires=date(2027, 1, 10)
    )
    _save(
        tmp_path, "b.fpp", "F-007", dates=False, review=date(2026, 1, 1), expires=date(2026, 12, 1)
    )
    (tmp_path / "junk.fpp").write_bytes(b"not a plan at all")
    entries = list_plans(tmp_path, TODAY)
    assert [e.display_label for e in entries] == ["F-007", "F-031", "junk"]
    f007, f031, junk = entries
    assert f031.review_by == date(2026, 10, 1)
    assert f031.flags == {Flag.REVIEW_OVERDUE, Flag.AUTHORIZATION_EXPIRES_SOON}
    assert f007.review_by is None and f007.flags == {Flag.DATES_UNKNOWN}
    assert junk.flags == {Flag.UNREADABLE}
    # Nothing identifying is in the clear part of the file.
    raw = (tmp_path / "a.fpp").read_bytes()
    for name in ("María", "Warsame", "Gómez", "Amina", "Minneapolis"):
        assert name.encode() not in raw


def test_sort_and_search(tmp_path: Path) -> None:
    _save(tmp_path, "a.fpp", "F-031", dates=True, review=date(2027, 5, 1), expires=date(2027, 9, 1))
    _save(tmp_path, "b.fpp", "F-100", dates=True, review=date(2027, 1, 1), expires=date(2027, 9, 1))
    entries = list_plans(tmp_path, TODAY)
    assert [e.label for e in sort_entries(entries, "review_by")] == ["F-100", "F-031"]
    assert [e.label for e in search(entries, "f-03")] == ["F-031"]
    assert [e.label for e in search(entries, "2027-01")] == ["F-100"]
    assert all(not e.flags for e in entries)


def test_hostile_clear_metadata_is_ignored() -> None:
    summary = read_clear_summary({"label": 5, "review_by": "soon", "name": "María"})
    assert summary.label == "" and summary.review_by is None
    assert read_clear_summary(["not", "a", "dict"]).label == ""
