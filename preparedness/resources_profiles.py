"""Local-resources profiles: district contacts and kinds of help for one place, as dated data.

Why data and not code: what a district promises, and who to call, changes and differs by
place. A profile is a JSON file in ``resources/local/`` naming its sources and the month it
was checked, so a liaison can add a city without touching code, and nobody is tempted to
guess a phone number: an entry without one prints a line to write it on.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PROFILE_DIR = Path(__file__).resolve().parent.parent / "resources" / "local"
SCHEMA = 1
ENTRY_KINDS = ("district", "service", "generic")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


class ProfileError(ValueError):
    """A profile file that is missing fields or has the wrong types."""


@dataclass(frozen=True)
class ResourceEntry:
    kind: str  # "district" | "service" | "generic"
    name: str  # English msgid (organisation names stay as they are in catalogs)
    what: str  # English msgid: what they do for a family
    how: str = ""  # English msgid: how to reach them when there is no number
    phone: str = ""  # only when a source gives it
    web: str = ""


@dataclass(frozen=True)
class ResourceProfile:
    id: str
    name: str
    checked: str  # "YYYY-MM" the facts were last checked
    sources: tuple[str, ...]
    entries: tuple[ResourceEntry, ...]


def _text(data: dict[str, object], key: str, where: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise ProfileError(f"{where}: '{key}' must be text")
    return value


def parse_profile(data: object) -> ResourceProfile:
    """Check one profile's JSON structure; raise ProfileError with the first problem."""
    if not isinstance(data, dict):
        raise ProfileError("a profile is a JSON object")
    if data.get("schema") != SCHEMA:
        raise ProfileError(f"unknown profile schema {data.get('schema')!r}")
    sources = data.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise ProfileError("'sources' must be a list of text")
    raw_entries = data.get("entries", [])
    if not isinstance(raw_entries, list):
        raise ProfileError("'entries' must be a list")
    entries = []
    for i, raw in enumerate(raw_entries):
        where = f"entries[{i}]"
        if not isinstance(raw, dict):
            raise ProfileError(f"{where}: must be an object")
        kind = _text(raw, "kind", where)
        if kind not in ENTRY_KINDS:
            raise ProfileError(f"{where}: kind must be one of {ENTRY_KINDS}")
        entries.append(
            ResourceEntry(
                kind=kind,
                name=_text(raw, "name", where),
                what=_text(raw, "what", where),
                how=_text(raw, "how", where),
                phone=_text(raw, "phone", where),
                web=_text(raw, "web", where),
            )
        )
    return ResourceProfile(
        id=_text(data, "id", "profile"),
        name=_text(data, "name", "profile"),
        checked=_text(data, "checked", "profile"),
        sources=tuple(sources),
        entries=tuple(e for e in entries if e.name.strip()),
    )


def profile_ids() -> list[str]:
    """The profiles a family can choose (the blank template is not one of them)."""
    return sorted(
        p.stem for p in PROFILE_DIR.glob("*.json") if p.stem != "template" and _ID_RE.match(p.stem)
    )


@lru_cache(maxsize=16)
def load_profile(profile_id: str) -> ResourceProfile | None:
    """The named profile, or None for "", an unknown id or an id that is not a plain name.

    The id comes from a plan file, which may be hostile: only plain names are looked up, so
    "../../etc/passwd" can never become a path.
    """
    if not profile_id or not _ID_RE.match(profile_id) or profile_id == "template":
        return None
    path = PROFILE_DIR / f"{profile_id}.json"
    if not path.is_file():
        return None
    return parse_profile(json.loads(path.read_text(encoding="utf-8")))


def translatable_texts() -> list[str]:
    """Every profile text that is an English msgid, for the catalog extractor.

    Profiles are JSON, which ``pybabel extract`` does not read; the i18n tooling can add these
    to the template so "what" and "how" lines are translated like the rest of the packet.
    """
    texts: list[str] = []
    for profile_id in profile_ids():
        profile = load_profile(profile_id)
        if profile is None:
            continue
        for entry in profile.entries:
            texts.extend(t for t in (entry.name, entry.what, entry.how) if t and t not in texts)
    return texts
