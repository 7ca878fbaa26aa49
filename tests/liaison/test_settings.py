"""Volunteer settings: sane defaults, a damaged file never stops the app, the PIN guards them."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from preparedness.settings import (
    MIN_IDLE_SECONDS,
    Mode,
    Settings,
    check_pin,
    load_settings,
    save_settings,
    set_pin,
)


def test_round_trip_and_private_mode(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.json"
    settings = Settings(
        mode=Mode.COMMUNITY,
        mode_locked=True,
        idle_seconds=120,
        default_languages=["so", "en"],
        resources_profile="minneapolis",
    )
    set_pin(settings, "2468")
    save_settings(settings, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded = load_settings(path)
    assert loaded == settings
    assert "2468" not in path.read_text()


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{",
        "[1]",
        '{"mode": "party", "idle_seconds": -5}',
        '{"idle_seconds": true, "default_languages": [1]}',
    ],
)
def test_damaged_settings_fall_back_to_defaults(tmp_path: Path, content: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content)
    settings = load_settings(path)
    assert settings.mode is Mode.STANDARD
    assert settings.idle_seconds >= MIN_IDLE_SECONDS
    assert settings.default_languages == ["en"]


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.json") == Settings()


def test_pin() -> None:
    settings = Settings()
    assert check_pin(settings, "anything")  # no PIN yet
    set_pin(settings, "13579")
    assert check_pin(settings, "13579")
    assert not check_pin(settings, "1357")
    assert not check_pin(settings, "")
    with pytest.raises(ValueError):
        set_pin(settings, "12ab")
    tampered = Settings(pin_salt="zz", pin_hash="yy")
    assert not check_pin(tampered, "1234")


def test_settings_never_hold_plan_data(tmp_path: Path) -> None:
    keys = set(json.loads(json.dumps(Settings().__dict__, default=str)))
    assert keys == {
        "mode",
        "mode_locked",
        "idle_seconds",
        "default_languages",
        "resources_profile",
        "printer",
        "plans_folder",
        "pin_salt",
        "pin_hash",
    }
