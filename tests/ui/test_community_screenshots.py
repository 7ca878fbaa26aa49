"""Screenshots of the community-night and liaison screens, in English and Arabic, to look at:
the liaison's list, the PIN and the volunteer settings, the idle countdown, the new passphrase
after the recovery code, and the save and print pages in liaison mode. Written to
/tmp/preparedness-screenshots/community/ (see docs/COMMUNITY-AND-LIAISON.md)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_liaison_folder import save_plan

from preparedness import vault
from preparedness.model import plan_to_json
from preparedness.model.demo import demo_plan
from preparedness.settings import Mode, Settings, set_pin

SHOTS = Path("/tmp/preparedness-screenshots/community")


def shoot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_screenshots_of_the_new_screens(make_window, qtbot, tmp_path: Path, lang: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    today = date.today()
    plans = tmp_path / "plans"
    plans.mkdir()
    for number, (dates, review, expires) in enumerate(
        [
            (True, today - timedelta(days=5), today + timedelta(days=30)),
            (False, today + timedelta(days=60), today + timedelta(days=200)),
            (True, today + timedelta(days=120), today - timedelta(days=2)),
            (True, today + timedelta(days=150), today + timedelta(days=300)),
        ]
    ):
        save_plan(
            plans, f"{number}.fpp", f"F-0{31 + number}", dates=dates, review=review, expires=expires
        )
    (plans / "old.fpp").write_bytes(b"damaged")
    settings = Settings(mode=Mode.LIAISON, plans_folder=str(plans))
    set_pin(settings, "2468")
    window = make_window(settings=settings)
    window.set_language(lang)
    expected = Qt.RightToLeft if lang == "ar" else Qt.LeftToRight
    shoot(window, f"{lang}-01-start-liaison")
    window.show_liaison_list()
    window.liaison.select_row(1)
    shoot(window, f"{lang}-02-liaison-list")
    assert window.liaison.layoutDirection() == expected
    window.liaison.open_selected()
    shoot(window, f"{lang}-03-liaison-unlock")
    window.liaison.unlock_panel.cancel()

    window.open_volunteer_settings()
    qtbot.waitExposed(window.pin_dialog)
    shoot(window.pin_dialog, f"{lang}-04-pin")
    window.pin_dialog.pin.setText("2468")
    window.pin_dialog.submit()
    qtbot.waitExposed(window.volunteer_dialog)
    dialog = window.volunteer_dialog
    shoot(dialog, f"{lang}-05-settings")
    for area in dialog.findChildren(type(window.pages["save"].scroll)):
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    shoot(dialog, f"{lang}-06-settings-end")
    dialog.reject()

    window.set_mode(Mode.COMMUNITY)
    shoot(window, f"{lang}-07-start-community")
    window.idle_guard._start_countdown(__import__("time").monotonic())
    countdown = window.idle_guard.countdown
    assert countdown is not None
    countdown.set_remaining(27)
    qtbot.waitExposed(countdown)
    assert countdown.layoutDirection() == expected
    shoot(countdown, f"{lang}-08-idle-countdown")
    window.idle_guard.cancel()

    window.set_mode(Mode.LIAISON)
    path = tmp_path / "recover.fpp"
    code = vault.generate_recovery_code()
    plan = demo_plan(lang)
    payload = vault.Payload(plan_json=plan_to_json(plan).encode())
    vault.PlanFile.create(path, payload, "a b c d", recovery_code=code)
    window.show_start()
    window.start.ask_passphrase(path)
    window.start.unlock_panel.toggle_recovery()
    window.start.passphrase.setText(code)
    shoot(window, f"{lang}-09-recovery-code")
    window.start.unlock()
    qtbot.waitUntil(lambda: window.session.plan is not None, timeout=10000)
    shoot(window, f"{lang}-10-new-passphrase")
    window._recovered.form.suggest()
    window._recovered.new_code_box.setChecked(True)
    window._recovered.save()
    qtbot.waitUntil(lambda: window._recovered.continue_button.isVisible(), timeout=10000)
    shoot(window, f"{lang}-11-new-passphrase-saved")
    window.show_opened_plan()
    plan = window.session.plan
    plan.file_label.label = "F-031"
    window.go_to_page("save")
    page = window.pages["save"]
    page.scroll.verticalScrollBar().setValue(page.scroll.verticalScrollBar().maximum())
    shoot(window, f"{lang}-12-save-liaison")
    window.go_to_page("print")
    shoot(window, f"{lang}-13-print-liaison")
    window.set_language("en")
