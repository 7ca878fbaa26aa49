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


MAX_PROFILE_BYTES = 1024 * 1024


def user_profile_dir() -> Path:
    """A liaison's own profiles: ``resources/`` next to the settings file (never in the app)."""
    from preparedness.settings import config_dir

    return config_dir() / "resources"


def user_profile_ids() -> list[str]:
    """Profiles a liaison saved with the in-app editor (or copied there by hand)."""
    folder = user_profile_dir()
    if not folder.is_dir():
        return []
    shipped = set(profile_ids()) | {"template"}
    return sorted(
        p.stem
        for p in folder.glob("*.json")
        if _ID_RE.match(p.stem) and p.stem not in shipped and p.is_file()
    )


def available_profiles() -> list[str]:
    """Every profile a volunteer can choose: the shipped ones, then the liaison's own."""
    return [*profile_ids(), *user_profile_ids()]


def _profile_path(profile_id: str) -> Path | None:
    shipped = PROFILE_DIR / f"{profile_id}.json"
    if shipped.is_file():
        return shipped
    own = user_profile_dir() / f"{profile_id}.json"
    return own if own.is_file() else None


@lru_cache(maxsize=32)
def _load_file(path: Path, _mtime_ns: int, _size: int) -> ResourceProfile:
    return parse_profile(json.loads(path.read_text(encoding="utf-8")))


def load_profile(profile_id: str) -> ResourceProfile | None:
    """The named profile, or None for "", an unknown id or an id that is not a plain name.

    The id comes from a plan file, which may be hostile: only plain names are looked up, so
    "../../etc/passwd" can never become a path. The shipped profiles come first; a liaison's
    own (``user_profile_dir()``) are found after them and cannot replace one.
    """
    if not profile_id or not _ID_RE.match(profile_id) or profile_id == "template":
        return None
    path = _profile_path(profile_id)
    if path is None:
        return None
    stat = path.stat()
    if stat.st_size > MAX_PROFILE_BYTES:
        raise ProfileError("a profile file is at most 1 MiB")
    return _load_file(path, stat.st_mtime_ns, stat.st_size)


def profile_to_data(profile: ResourceProfile) -> dict[str, object]:
    """The JSON object for a profile (the inverse of ``parse_profile``)."""
    return {
        "schema": SCHEMA,
        "id": profile.id,
        "name": profile.name,
        "checked": profile.checked,
        "sources": list(profile.sources),
        "entries": [
            {
                "kind": e.kind,
                "name": e.name,
                "what": e.what,
                "how": e.how,
                "phone": e.phone,
                "web": e.web,
            }
            for e in profile.entries
        ],
    }


def save_user_profile(data: object) -> Path:
    """Check a profile and write it as ``<id>.json`` in ``user_profile_dir()`` (mode 0600).

    The id must be a plain name that no shipped profile uses, so an edited copy never hides
    the original. Raises ProfileError with the first problem; nothing is written then.
    """
    from preparedness.files import write_private_file

    profile = parse_profile(data)
    if not _ID_RE.match(profile.id):
        raise ProfileError("the id is lowercase letters, digits, - and _ (at most 64)")
    if profile.id == "template" or profile.id in profile_ids():
        raise ProfileError(f"the id {profile.id!r} belongs to a profile shipped with the app")
    text = json.dumps(profile_to_data(profile), ensure_ascii=False, indent=2) + "\n"
    if len(text.encode("utf-8")) > MAX_PROFILE_BYTES:
        raise ProfileError("a profile file is at most 1 MiB")
    folder = user_profile_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / f"{profile.id}.json"
    write_private_file(path, text.encode("utf-8"))
    return path


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
