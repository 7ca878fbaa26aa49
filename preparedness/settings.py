"""Volunteer and liaison settings: how the app behaves on this laptop, never a family's data.

Stored as a small JSON file in the user's config folder, mode 0600. It holds the mode
(standard, community night, liaison), the idle reset time, default languages, the local
resources profile, the printer's name and, for a liaison, the plans folder — plus a salted
scrypt hash of the volunteer's PIN that guards these settings. No Qt, so the command line and
tests use the same rules.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from preparedness.files import write_private_file

SETTINGS_ENV = "PREPAREDNESS_SETTINGS"
MIN_IDLE_SECONDS = 30
MAX_IDLE_SECONDS = 60 * 60
DEFAULT_IDLE_SECONDS = 5 * 60
PIN_DIGITS = (4, 8)


class Mode(StrEnum):
    STANDARD = "standard"
    COMMUNITY = "community"  # a shared laptop at a school night: nothing stays behind
    LIAISON = "liaison"  # one helper's laptop with a folder of many families' plans


@dataclass
class Settings:
    mode: Mode = Mode.STANDARD
    mode_locked: bool = False
    idle_seconds: int = DEFAULT_IDLE_SECONDS
    default_languages: list[str] = field(default_factory=lambda: ["en"])
    resources_profile: str = ""
    printer: str = ""
    plans_folder: str = ""  # liaison mode only
    pin_salt: str = ""
    pin_hash: str = ""

    @property
    def has_pin(self) -> bool:
        return bool(self.pin_hash)


def settings_path() -> Path:
    """$PREPAREDNESS_SETTINGS, else the platform's config folder."""
    if os.environ.get(SETTINGS_ENV):
        return Path(os.environ[SETTINGS_ENV])
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA", Path.home()))
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "preparedness" / "settings.json"


def config_dir() -> Path:
    """The folder holding the settings file (and a liaison's own local-resources profiles)."""
    return settings_path().parent


def effective_mode(settings: Settings, requested: Mode | None) -> Mode:
    """The mode to run in: the command-line flag asks, a locked setting wins.

    Only the volunteer settings (behind the PIN) can change a locked mode; a flag typed by
    anyone at the laptop cannot.
    """
    if settings.mode_locked or requested is None:
        return settings.mode
    return requested


def start_language(settings: Settings, known: list[str]) -> str:
    """The window's language at start: the first default language this app knows."""
    return next((code for code in settings.default_languages if code in known), "en")


def _clean(raw: dict[str, Any]) -> Settings:
    """Keep only well-formed values: a damaged settings file must not stop a family."""
    settings = Settings()
    with contextlib.suppress(ValueError):
        settings.mode = Mode(raw.get("mode", Mode.STANDARD))
    settings.mode_locked = raw.get("mode_locked") is True
    idle = raw.get("idle_seconds")
    if isinstance(idle, int) and not isinstance(idle, bool):
        settings.idle_seconds = max(MIN_IDLE_SECONDS, min(MAX_IDLE_SECONDS, idle))
    langs = raw.get("default_languages")
    if isinstance(langs, list) and all(isinstance(x, str) for x in langs) and langs:
        settings.default_languages = langs[:4]
    for name in ("resources_profile", "printer", "plans_folder", "pin_salt", "pin_hash"):
        value = raw.get(name)
        if isinstance(value, str) and len(value) < 4096:
            setattr(settings, name, value)
    return settings


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    return _clean(raw) if isinstance(raw, dict) else Settings()


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = asdict(settings)
    data["mode"] = settings.mode.value
    write_private_file(path, json.dumps(data, indent=1, sort_keys=True).encode())


def _hash_pin(pin: str, salt: bytes) -> bytes:
    import hashlib  # hashlib, hmac and secrets: only behind the PIN, not at start-up

    return hashlib.scrypt(pin.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)


def valid_pin(pin: str) -> bool:
    return pin.isdigit() and PIN_DIGITS[0] <= len(pin) <= PIN_DIGITS[1]


def set_pin(settings: Settings, pin: str) -> None:
    if not valid_pin(pin):
        raise ValueError("a PIN is 4 to 8 digits")
    import secrets

    salt = secrets.token_bytes(16)
    settings.pin_salt = salt.hex()
    settings.pin_hash = _hash_pin(pin, salt).hex()


def check_pin(settings: Settings, pin: str) -> bool:
    """True when no PIN is set (nothing to guard yet) or the PIN matches."""
    if not settings.has_pin:
        return True
    try:
        salt = bytes.fromhex(settings.pin_salt)
        expected = bytes.fromhex(settings.pin_hash)
    except ValueError:
        return False
    import hmac

    return hmac.compare_digest(_hash_pin(pin, salt), expected)
