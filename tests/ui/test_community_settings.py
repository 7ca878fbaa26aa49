"""The volunteer settings: a PIN guards them (first use: choose one), a locked mode stays locked,
the settings file holds settings only, and the local-resources profile flows into new plans."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from uihelpers import check, click, type_text

from preparedness.app import parse_args, run_mode
from preparedness.resources_profiles import available_profiles, load_profile
from preparedness.settings import Mode, Settings, load_settings, set_pin
from preparedness.ui import volunteer


def with_pin(pin: str = "2468", **kwargs) -> Settings:  # type: ignore[no-untyped-def]
    settings = Settings(**kwargs)
    set_pin(settings, pin)
    return settings


def open_pin(window, qtbot):  # type: ignore[no-untyped-def]
    click(qtbot, window.start.volunteer_button)
    dialog = window.pin_dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_first_use_sets_a_pin_then_shows_the_settings(
    make_window, qtbot, _settings_file: Path
) -> None:
    window = make_window(settings=Settings())
    gettext = window.lang.gettext
    dialog = open_pin(window, qtbot)
    assert dialog.choosing and dialog.again.isVisible()
    type_text(dialog.pin, "12")
    type_text(dialog.again, "12")
    click(qtbot, dialog.ok)
    assert dialog.message.text() == gettext(volunteer.PIN_INVALID)
    dialog.pin.setText("")
    dialog.again.setText("")
    type_text(dialog.pin, "13579")
    type_text(dialog.again, "13570")
    click(qtbot, dialog.ok)
    assert dialog.message.text() == gettext(volunteer.PIN_MISMATCH)
    assert not _settings_file.exists()
    dialog.again.setText("")
    type_text(dialog.again, "13579")
    click(qtbot, dialog.ok)
    assert not dialog.isVisible()
    # the PIN is stored as a salted hash, never as digits; the file is private
    text = _settings_file.read_text()
    assert "13579" not in text and window.settings.has_pin
    assert stat.S_IMODE(_settings_file.stat().st_mode) == 0o600
    qtbot.waitUntil(lambda: getattr(window, "volunteer_dialog", None) is not None)
    assert window.volunteer_dialog.isVisible()


def test_a_wrong_pin_is_refused(make_window, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window(settings=with_pin("2468", mode=Mode.COMMUNITY, mode_locked=True))
    gettext = window.lang.gettext
    dialog = open_pin(window, qtbot)
    assert not dialog.choosing and not dialog.again.isVisible()
    type_text(dialog.pin, "1111")
    click(qtbot, dialog.ok)
    assert dialog.isVisible() and dialog.message.text() == gettext(volunteer.PIN_WRONG)
    assert dialog.pin.text() == ""
    assert getattr(window, "volunteer_dialog", None) is None
    for _ in range(volunteer.MAX_PIN_TRIES - 1):
        type_text(dialog.pin, "0000")
        click(qtbot, dialog.ok)
    assert dialog.message.text() == gettext(volunteer.PIN_LOCKED)
    type_text(dialog.pin, "2468")  # even the right PIN waits a minute now
    click(qtbot, dialog.ok)
    assert dialog.isVisible() and getattr(window, "volunteer_dialog", None) is None
    window.pin_locked_until = 0.0  # the minute has passed
    type_text(dialog.pin, "2468")
    click(qtbot, dialog.ok)
    assert not dialog.isVisible() and window.volunteer_dialog.isVisible()
    # cancelling changes nothing
    click(qtbot, window.volunteer_dialog.cancel)
    assert window.mode is Mode.COMMUNITY and window.settings.mode_locked


def test_the_settings_need_the_start_screen(make_window, qtbot) -> None:
    window = make_window(settings=with_pin())
    window.new_plan()
    window.open_volunteer_settings()  # the shortcut does nothing while a plan is open
    assert getattr(window, "pin_dialog", None) is None


def test_a_locked_mode_does_not_change_by_flag(make_window) -> None:
    settings = with_pin(mode=Mode.LIAISON, mode_locked=True)
    mode = run_mode(parse_args(["--community"]), settings)
    assert mode is Mode.LIAISON
    window = make_window(settings=settings, mode=mode)
    assert window.is_liaison() and not window.idle_guard.enabled
    assert window.start.liaison_button.isVisible()


def test_the_volunteer_changes_every_setting(
    make_window, qtbot, _settings_file: Path, tmp_path: Path, dialogs
) -> None:
    window = make_window(settings=with_pin())
    dialog = open_pin(window, qtbot)
    type_text(dialog.pin, "2468")
    click(qtbot, dialog.ok)
    settings_dialog = window.volunteer_dialog
    qtbot.waitExposed(settings_dialog)
    gettext = window.lang.gettext
    # the plain words about what a shared laptop may still keep, in the window's language
    for item in volunteer.LEAKS:
        assert gettext(item) in settings_dialog.leaks.text()
    settings_dialog.mode.setCurrentIndex(settings_dialog.mode.findData(Mode.COMMUNITY.value))
    check(settings_dialog.lock)
    settings_dialog.idle.setValue(2)
    settings_dialog.language.setCurrentIndex(settings_dialog.language.findData("so"))
    settings_dialog.profile.setCurrentIndex(settings_dialog.profile.findData("milwaukee"))
    plans = tmp_path / "plans"
    plans.mkdir()
    dialogs.answers.append(plans)
    click(qtbot, settings_dialog.choose_folder)
    assert settings_dialog.folder.text() == str(plans)
    click(qtbot, settings_dialog.save)
    assert not settings_dialog.isVisible()
    stored = load_settings(_settings_file)
    assert stored.mode is Mode.COMMUNITY and stored.mode_locked
    assert stored.idle_seconds == 120
    assert stored.default_languages[0] == "so"
    assert stored.resources_profile == "milwaukee"
    assert stored.plans_folder == str(plans)
    assert stored.has_pin
    # only settings in the file: no answers, no names
    assert set(json.loads(_settings_file.read_text())) == {
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
    # the new mode is on at once
    assert window.is_community() and window.idle_guard.enabled
    assert window.idle_guard.idle_ms == 120_000
    # the profile flows into a new plan (the packet's local help and school letter use it)
    window.new_plan()
    assert window.session.plan.packet.resources_profile == "milwaukee"
    window.go_to_page("print")
    assert window.pages["print"].resources.currentData() == "milwaukee"


def test_a_new_pin_can_replace_the_old_one(make_window, qtbot, _settings_file: Path) -> None:
    window = make_window(settings=with_pin("2468"))
    dialog = open_pin(window, qtbot)
    type_text(dialog.pin, "2468")
    click(qtbot, dialog.ok)
    settings_dialog = window.volunteer_dialog
    type_text(settings_dialog.new_pin, "12x")
    click(qtbot, settings_dialog.save)
    assert settings_dialog.isVisible()  # refused: not 4 to 8 digits
    assert settings_dialog.message.text() == window.lang.gettext(volunteer.PIN_INVALID)
    settings_dialog.new_pin.setText("")
    type_text(settings_dialog.new_pin, "97531")
    click(qtbot, settings_dialog.save)
    from preparedness.settings import check_pin

    stored = load_settings(_settings_file)
    assert check_pin(stored, "97531") and not check_pin(stored, "2468")


def test_the_start_language_comes_from_the_settings(make_window) -> None:
    window = make_window(settings=Settings(default_languages=["ar", "en"]))
    assert window.lang.code == "ar"
    assert window.layoutDirection().name == "RightToLeft"


def test_a_liaison_edits_a_copy_of_a_local_help_profile(
    make_window, qtbot, _settings_file: Path
) -> None:
    from preparedness.ui.resources_editor import ResourcesEditor

    window = make_window(settings=with_pin())
    editor = ResourcesEditor(window, "minneapolis")
    editor.open()
    qtbot.waitExposed(editor)
    assert editor.profile_id.text() == "minneapolis-own"  # never over the shipped file
    rows = editor.table.rowCount()
    assert rows == len(load_profile("minneapolis").entries)
    click(qtbot, editor.add_button)
    assert editor.table.rowCount() == rows + 1
    from PySide6.QtWidgets import QTableWidgetItem

    editor.table.setItem(rows, 1, QTableWidgetItem("Neighbourhood legal clinic"))
    editor.table.setItem(rows, 2, QTableWidgetItem("Free advice on Tuesdays."))
    # a bad id is refused, and nothing is written
    editor.profile_id.setText("Not OK!")
    click(qtbot, editor.save_button)
    assert "{problem}" not in editor.message.text() and editor.message.text()
    own = _settings_file.parent / "resources"
    assert not own.exists() or not list(own.iterdir())
    editor.profile_id.setText("minneapolis")  # a shipped id is refused too
    click(qtbot, editor.save_button)
    assert not own.exists() or not list(own.iterdir())
    editor.profile_id.setText("north-side")
    click(qtbot, editor.save_button)
    path = own / "north-side.json"
    assert path.is_file() and stat.S_IMODE(path.stat().st_mode) == 0o600
    profile = load_profile("north-side")
    assert profile is not None and profile.entries[-1].name == "Neighbourhood legal clinic"
    assert "north-side" in available_profiles()
    assert load_profile("minneapolis").id == "minneapolis"  # the shipped one is unchanged
    editor.accept()
    QApplication.processEvents()
