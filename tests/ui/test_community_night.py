"""Community night on a shared laptop: the flag and the lock, "Finish and next family", the idle
reset with its countdown, quick hide, and file dialogs that start somewhere neutral.

Texts are found through the window's language (``window.lang.gettext(msgid)``) or objectNames,
never as English literals: the catalogs keep changing.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import uihelpers
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from uihelpers import all_texts, cards, check, click, field, type_text

from preparedness.app import parse_args, run_mode
from preparedness.cli import wants_app
from preparedness.i18n import translator
from preparedness.settings import Mode, Settings
from preparedness.ui import community
from preparedness.ui.safety import QT_FILE_DIALOG_GROUP

PARENT = "Zqxparent Núñez"
CHILD = "Zqxchild فاطمة"
CONTACT = "Zqxcontact ሰላም"
LABEL = "Zqxlabel"
CANARIES = (PARENT, CHILD, CONTACT, "Zqx")


def community_window(make_window, **kwargs):  # type: ignore[no-untyped-def]
    kwargs.setdefault("settings", Settings(mode=Mode.COMMUNITY))
    return make_window(mode=Mode.COMMUNITY, **kwargs)


def fill_a_family(window) -> None:  # type: ignore[no-untyped-def]
    """What a family types on a community night (canary names in three scripts)."""
    uihelpers.fill_a_family(window, PARENT, CHILD, CONTACT)


# -- the flag and the lock ----------------------------------------------------------------


def test_the_flag_asks_for_community_night_and_a_locked_mode_wins() -> None:
    flag = parse_args(["--community", "-platform", "offscreen"])
    assert flag.community
    assert run_mode(flag, Settings()) is Mode.COMMUNITY
    assert run_mode(flag, Settings(mode=Mode.LIAISON)) is Mode.COMMUNITY  # not locked
    assert run_mode(flag, Settings(mode=Mode.STANDARD, mode_locked=True)) is Mode.STANDARD
    assert run_mode(flag, Settings(mode=Mode.LIAISON, mode_locked=True)) is Mode.LIAISON
    no_flag = parse_args([])
    assert run_mode(no_flag, Settings(mode=Mode.COMMUNITY, mode_locked=True)) is Mode.COMMUNITY
    assert run_mode(no_flag, Settings()) is Mode.STANDARD
    # `preparedness --community` and `python main.py --community` open the app, not the CLI
    assert wants_app(["--community"]) and wants_app([])
    assert not wants_app(["demo", "--out", "x"]) and not wants_app(["--help"])


# -- Finish and next family -----------------------------------------------------------------


def test_finish_and_next_family_leaves_a_fresh_welcome_screen(
    make_window, dialogs, restarts, tmp_path: Path, _settings_file: Path, qtbot
) -> None:
    window = community_window(make_window)
    window.set_language("es")
    assert window.finish_button.text() == translator("es")(window.finish_texts()[0])
    fill_a_family(window)
    # save (with a recovery code, shown on screen) to the family's USB stick
    usb = tmp_path / "usb"
    usb.mkdir()
    window.go_to_page("save")
    save = window.pages["save"]
    save.suggest()
    secret = save.passphrase.text()
    check(save.recovery_box)
    dialogs.answers.append(usb / "plan.fpp")
    click(qtbot, save.save_button)
    qtbot.waitUntil(lambda: save.recovery_code is not None, timeout=10000)
    code = save.recovery_code
    assert save.code.text() == code
    click(qtbot, save.print_recovery)  # the recovery sheet, previewed from memory
    qtbot.waitUntil(lambda: getattr(window, "recovery_dialog", None) is not None, timeout=30000)
    window.recovery_dialog.reject()
    # make the packet (kept in memory for the preview)
    window.wizard.next()
    printing = window.pages["print"]
    click(qtbot, printing.make_button)
    qtbot.waitUntil(lambda: bool(printing.pdfs), timeout=30000)
    assert printing.document.pageCount() > 0
    # the family copies something, and the print page offers the way out
    QApplication.clipboard().setText(CHILD)
    assert printing.finish_button.isVisible()
    before = all_texts(window, undo=False)
    assert any(PARENT in t for t in before) and any(code in t for t in before)  # the walk sees

    click(qtbot, window.finish_button)

    assert restarts == [1]  # a fresh process starts for the next family
    assert window.stack.currentWidget() is window.start
    assert window.session.plan is None and window.session.plan_file is None
    assert printing.pdfs == {} and printing.document.pageCount() == 0
    from PySide6.QtPdf import QPdfDocument

    assert all(d.pageCount() == 0 for d in window.findChildren(QPdfDocument))
    assert getattr(window, "recovery_dialog", None) is None
    needles = [*CANARIES, secret, code, str(usb), "usb" + "/plan.fpp"]
    texts = all_texts(window)
    leaks = [(n, t) for t in texts for n in needles if n and n in t]
    assert not leaks, leaks[:5]
    assert QApplication.clipboard().text() == ""
    qt = QSettings(QSettings.UserScope, "QtProject")
    assert QT_FILE_DIALOG_GROUP not in qt.childGroups()
    assert not _settings_file.exists()  # a family's evening writes no settings


def test_print_page_offers_finish_and_next_family(make_window, qtbot) -> None:
    from preparedness.ui.pages import printing as printing_module

    window = community_window(make_window)
    fill_a_family(window)
    window.go_to_page("print")
    page = window.pages["print"]
    gettext = window.lang.gettext
    assert page.finish_button.text() == gettext(printing_module.FINISH_NEXT)
    page._set_status(printing_module.PDF_SAVED)
    assert page.after.isVisible()
    assert page.after.text() == gettext(printing_module.AFTER_PRINTING)


# -- the idle reset -------------------------------------------------------------------------


def test_idle_reset_warns_in_the_familys_language_then_resets(make_window, restarts, qtbot) -> None:
    window = community_window(make_window, idle_ms=250, countdown_ms=1500)
    window.set_language("es")
    fill_a_family(window)
    guard = window.idle_guard
    started = time.monotonic()
    qtbot.waitUntil(guard.counting_down, timeout=5000)
    countdown = guard.countdown
    assert countdown is not None and countdown.isVisible()
    assert time.monotonic() - started >= 0.2  # not before the idle time
    es = translator("es")
    assert countdown.title.text() == es(community.TITLE)
    assert countdown.warning.text() == es(community.UNSAVED_LOST)
    assert countdown.still_here.text() == es(community.STILL_HERE)
    assert countdown.number.text() in ("1", "2")
    assert restarts == []
    assert window.session.plan is not None  # nothing lost yet: only a warning
    qtbot.waitUntil(lambda: restarts == [1], timeout=5000)
    assert window.session.plan is None
    assert window.stack.currentWidget() is window.start
    assert not [t for t in all_texts(window) for n in CANARIES if n in t]


def test_any_input_during_the_countdown_cancels_it(make_window, restarts, qtbot) -> None:
    window = community_window(make_window, idle_ms=250, countdown_ms=60000)
    fill_a_family(window)
    guard = window.idle_guard
    qtbot.waitUntil(guard.counting_down, timeout=5000)
    assert guard.countdown is not None and guard.countdown.isVisible()
    # a key press anywhere in the app
    page = window.pages["contacts"]
    qtbot.keyClick(field(cards(page)[0], "contact.name", QLineEdit), Qt.Key_End)
    assert not guard.counting_down()
    assert restarts == [] and window.session.plan is not None
    # idle again: the warning comes back; the button cancels it too
    qtbot.waitUntil(guard.counting_down, timeout=5000)
    assert guard.countdown is not None
    click(qtbot, guard.countdown.still_here)
    assert not guard.counting_down()
    # typed text (an input method, as on-screen keyboards send it) cancels it as well
    qtbot.waitUntil(guard.counting_down, timeout=5000)
    type_text(field(cards(page)[0], "contact.name", QLineEdit), "x")
    assert not guard.counting_down()
    assert restarts == []


def test_the_warning_shows_over_an_open_dialog(make_window, restarts, qtbot) -> None:
    """A window behind a modal dialog takes no clicks: the countdown belongs to the dialog."""
    from preparedness.ui.recovery import ChangePassphraseDialog

    window = community_window(make_window, idle_ms=250, countdown_ms=1200)
    fill_a_family(window)
    dialog = ChangePassphraseDialog(window)
    dialog.open()
    qtbot.waitExposed(dialog)
    guard = window.idle_guard
    qtbot.waitUntil(guard.counting_down, timeout=5000)
    assert guard.countdown is not None and guard.countdown.parent() is dialog
    qtbot.waitUntil(lambda: restarts == [1], timeout=5000)
    assert not dialog.isVisible() and window.session.plan is None


def test_a_fresh_welcome_screen_is_left_alone(make_window, restarts, qtbot) -> None:
    window = community_window(make_window, idle_ms=100, countdown_ms=500)
    qtbot.wait(600)
    assert not window.idle_guard.counting_down() and restarts == []
    # but a language chosen by a family is something to clear
    window.set_language("so")
    qtbot.waitUntil(window.idle_guard.counting_down, timeout=3000)
    qtbot.waitUntil(lambda: restarts == [1], timeout=3000)


def test_the_idle_reset_is_off_outside_community_night(make_window, restarts, qtbot) -> None:
    window = make_window(settings=Settings(), idle_ms=100, countdown_ms=300)
    window.new_plan()
    qtbot.wait(500)
    assert not window.idle_guard.counting_down() and restarts == []
    assert not window.input_watcher.installed


# -- quick hide -------------------------------------------------------------------------------


def test_quick_hide_is_always_there_and_blanks_at_once(make_window, qtbot) -> None:
    window = community_window(make_window)
    timings = []
    # the button is visible on the welcome screen and on every page
    assert window.hide_button.isVisible()
    fill_a_family(window)
    for key in ("household", "children", "save", "print"):
        window.go_to_page(key)
        QApplication.processEvents()
        assert window.hide_button.isVisible(), key
        started = time.perf_counter()
        qtbot.keyClick(window.wizard, Qt.Key_F12)
        timings.append(time.perf_counter() - started)
        assert window.is_hidden_screen()
        shot = window.grab().toImage()
        assert not window.wizard.isVisible()
        del shot
        qtbot.keyClick(window, Qt.Key_F12)
        assert window.current_page() is window.pages[key]
    # from inside a modal dialog too (Qt blocks the window's own shortcut there)
    from preparedness.ui.recovery import ChangePassphraseDialog
    from preparedness.ui.safety import hide_key

    dialog = ChangePassphraseDialog(window)
    hide_key(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.windowHandle().requestActivate()  # offscreen Qt does not activate it by itself
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    started = time.perf_counter()
    qtbot.keyClick(dialog.form.passphrase, Qt.Key_F12)
    timings.append(time.perf_counter() - started)
    assert window.is_hidden_screen()
    assert not dialog.isVisible()  # nothing stays on screen
    assert max(timings) < 0.2, timings
    print(f"QUICK-HIDE max {max(timings) * 1000:.1f} ms over {len(timings)} presses")
    assert window.session.plan is not None  # nothing lost


# -- file dialogs --------------------------------------------------------------------------------


def test_file_dialogs_start_somewhere_neutral_and_forget(
    make_window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from preparedness.ui import safety
    from preparedness.ui.dialogs import FileDialogs

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setattr(safety, "removable_media_folder", lambda: None)
    window = community_window(make_window, file_dialogs=None)
    assert isinstance(window.file_dialogs, FileDialogs)
    assert window._dialog_start_folder() == str(home)
    media = tmp_path / "media" / "volunteer"
    media.mkdir(parents=True)
    monkeypatch.setattr(safety, "removable_media_folder", lambda: media)
    dialog = window.file_dialogs._dialog(window, "", "")
    try:
        assert isinstance(dialog, QFileDialog)
        assert Path(dialog.directory().absolutePath()) == media
        # nothing but where it starts (Qt lists the current folder itself)
        assert [Path(h) for h in dialog.history()] in ([], [media])
        assert dialog.testOption(QFileDialog.DontUseNativeDialog)
    finally:
        dialog.deleteLater()
