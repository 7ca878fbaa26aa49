"""Local-resources profiles: well formed, sourced, and never holding an invented number."""

from __future__ import annotations

import json
import re

import pytest

from preparedness.resources_profiles import (
    PROFILE_DIR,
    ProfileError,
    load_profile,
    parse_profile,
    profile_ids,
    translatable_texts,
)


def test_seed_profiles_are_listed_and_the_template_is_not() -> None:
    ids = profile_ids()
    assert {"minneapolis", "milwaukee"} <= set(ids)
    assert "template" not in ids


@pytest.mark.parametrize("profile_id", ["minneapolis", "milwaukee"])
def test_profiles_name_their_sources_and_date(profile_id: str) -> None:
    profile = load_profile(profile_id)
    assert profile is not None and profile.entries
    assert profile.sources and re.fullmatch(r"\d{4}-\d{2}", profile.checked)
    assert any(e.kind == "district" for e in profile.entries)
    assert any(e.kind == "generic" for e in profile.entries)


@pytest.mark.parametrize("path", sorted(PROFILE_DIR.glob("*.json")), ids=lambda p: p.stem)
def test_no_profile_holds_a_phone_number_or_street_address(path) -> None:  # type: ignore[no-untyped-def]
    """The seeds give no numbers or addresses: a profile that has one was guessed."""
    data = json.loads(path.read_text(encoding="utf-8"))
    parse_profile(data)  # well formed
    for entry in data["entries"]:
        assert entry["phone"] == "", entry
        text = " ".join(str(v) for v in entry.values())
        assert not re.search(r"\d{3}[-. )]+\d{3}[-. ]\d{4}", text), entry
        assert not re.search(r"\b\d{2,5} [A-Z][a-z]+ (St|Ave|Street|Avenue|Rd|Blvd)\b", text), entry


@pytest.mark.parametrize(
    "bad", ["", "template", "../minneapolis", "/etc/passwd", "MINNEAPOLIS", "x"]
)
def test_only_plain_known_ids_load(bad: str) -> None:
    assert load_profile(bad) is None


def test_malformed_profiles_are_refused() -> None:
    with pytest.raises(ProfileError):
        parse_profile({"schema": 99})
    with pytest.raises(ProfileError):
        parse_profile({"schema": 1, "entries": [{"kind": "invented", "name": "x"}]})
    with pytest.raises(ProfileError):
        parse_profile({"schema": 1, "entries": [{"kind": "generic", "name": 3}]})


def test_profile_texts_are_offered_to_the_translators() -> None:
    texts = translatable_texts()
    assert "MPS Office of General Counsel" in texts
    assert len(texts) == len(set(texts))
