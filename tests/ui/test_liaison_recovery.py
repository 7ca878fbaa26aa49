"""A forgotten passphrase: the recovery code opens the plan, the app asks for a new passphrase
before anything else, and then the old passphrase fails and the new one works. Changing the
passphrase and adding or removing the recovery code from the save page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from uihelpers import check, click, type_text

from preparedness import vault
from preparedness.model import plan_to_json
from preparedness.model.demo import demo_plan
from preparedness.ui import recovery, unlock
from preparedness.ui.pages import save as save_module

OLD = "blue river morning bread"
NEW = "green kite winter toast"


@pytest.fixture
def plan_with_code(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "plan.fpp"
    code = vault.generate_recovery_code()
    payload = vault.Payload(plan_json=plan_to_json(demo_plan()).encode())
    vault.PlanFile.create(path, payload, OLD, recovery_code=code)
    return path, code


def opens_with(path: Path, secret: str) -> bool:
    try:
        vault.PlanFile.open(path, secret)
    except vault.WrongPassphrase:
        return False
    return True


def unlock_with_code(window, qtbot, path: Path, code: str) -> None:  # type: ignore[no-untyped-def]
    start = window.start
    start.ask_passphrase(path)
    click(qtbot, start.forgot_button)
    panel = start.unlock_panel
    assert panel.recovery
    assert panel.pass_label.text() == window.lang.gettext(unlock.RECOVERY_CODE)
    # as people type it, or paste it from the screen (with invisible direction marks)
    type_text(start.passphrase, "\u2066" + code.lower().replace("-", " ") + "\u2069")
    click(qtbot, start.unlock_button)
    qtbot.waitUntil(lambda: window.session.plan is not None, timeout=10000)


def test_the_recovery_code_opens_and_a_new_passphrase_comes_first(
    window, qtbot, plan_with_code
) -> None:
    path, code = plan_with_code
    unlock_with_code(window, qtbot, path, code)
    screen = window._recovered
    assert window.stack.currentWidget() is screen  # before any page of the plan
    assert window.session.plan_file.needs_new_passphrase
    with pytest.raises(vault.PassphraseChangeRequired):  # the vault refuses a plain save
        window.session.plan_file.save(window.session.payload())
    assert screen.title.text() == window.lang.gettext(recovery.RECOVERED_TITLE)
    assert not screen.save_button.isEnabled()
    type_text(screen.form.passphrase, NEW)
    type_text(screen.form.again, NEW + "x")
    assert not screen.save_button.isEnabled()
    assert screen.form.mismatch.isVisible()
    screen.form.again.setText("")
    type_text(screen.form.again, NEW)
    click(qtbot, screen.save_button)
    qtbot.waitUntil(lambda: screen.continue_button.isVisible(), timeout=10000)
    assert screen.form.passphrase.text() == ""
    click(qtbot, screen.continue_button)
    assert window.stack.currentWidget() is window.wizard
    assert not window.session.plan_file.needs_new_passphrase
    assert not opens_with(path, OLD)
    assert opens_with(path, NEW)
    assert opens_with(path, code)  # the sheet keeps working unless a new code was made


def test_a_new_recovery_code_replaces_the_old_sheet(window, qtbot, plan_with_code) -> None:
    path, code = plan_with_code
    unlock_with_code(window, qtbot, path, code)
    screen = window._recovered
    screen.form.suggest()
    new = screen.form.value()
    check(screen.new_code_box)
    click(qtbot, screen.save_button)
    qtbot.waitUntil(lambda: screen.code.isVisible(), timeout=10000)
    new_code = screen.new_code
    assert new_code is not None and new_code in screen.code.text()
    assert vault.is_recovery_code(new_code) and new_code != code
    assert screen.print_code.isVisible()
    assert opens_with(path, new) and opens_with(path, new_code)
    assert not opens_with(path, code) and not opens_with(path, OLD)
    # the sheet can be printed (rendered in the background, previewed from memory)
    click(qtbot, screen.print_code)
    qtbot.waitUntil(lambda: getattr(window, "recovery_dialog", None) is not None, timeout=30000)
    assert window.recovery_dialog.document.pageCount() >= 1
    window.recovery_dialog.reject()


def test_not_a_code_is_said_before_trying(window, qtbot, plan_with_code) -> None:
    path, _code = plan_with_code
    start = window.start
    start.ask_passphrase(path)
    click(qtbot, start.forgot_button)
    type_text(start.passphrase, "ABCD-1234")
    click(qtbot, start.unlock_button)
    assert start.message.text() == window.lang.gettext(unlock.NOT_A_CODE)
    assert window.session.plan is None
    # a well-formed code of another plan
    start.passphrase.setText("")
    type_text(start.passphrase, vault.generate_recovery_code())
    click(qtbot, start.unlock_button)
    qtbot.waitUntil(lambda: start.unlock_button.isEnabled(), timeout=10000)
    assert start.message.text() == window.lang.gettext(unlock.WRONG_CODE)
    # and back to the passphrase
    click(qtbot, start.forgot_button)
    assert not start.unlock_panel.recovery
    type_text(start.passphrase, OLD)
    click(qtbot, start.unlock_button)
    qtbot.waitUntil(lambda: window.session.plan is not None, timeout=10000)
    assert window.stack.currentWidget() is window.wizard


def open_normally(window, qtbot, path: Path) -> None:  # type: ignore[no-untyped-def]
    window.start.ask_passphrase(path)
    type_text(window.start.passphrase, OLD)
    click(qtbot, window.start.unlock_button)
    qtbot.waitUntil(lambda: window.session.plan is not None, timeout=10000)


def test_change_the_passphrase_from_the_save_page(window, qtbot, plan_with_code) -> None:
    path, code = plan_with_code
    open_normally(window, qtbot, path)
    window.go_to_page("save")
    page = window.pages["save"]
    assert page.keys_section.isVisible()
    click(qtbot, page.change_button)
    dialog = page.change_dialog
    qtbot.waitExposed(dialog)
    assert not dialog.change.isEnabled()
    type_text(dialog.form.passphrase, NEW)
    type_text(dialog.form.again, NEW)
    click(qtbot, dialog.change)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert page.status.text() == window.lang.gettext(save_module.PASSPHRASE_CHANGED)
    assert dialog.form.passphrase.text() == ""
    assert not opens_with(path, OLD) and opens_with(path, NEW) and opens_with(path, code)


def test_add_and_remove_the_recovery_code_from_the_save_page(window, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "plan.fpp"
    payload = vault.Payload(plan_json=plan_to_json(demo_plan()).encode())
    vault.PlanFile.create(path, payload, OLD)
    open_normally(window, qtbot, path)
    window.go_to_page("save")
    page = window.pages["save"]
    gettext = window.lang.gettext
    assert page.keys_state.text() == gettext(save_module.NO_CODE)
    assert not page.remove_code_button.isVisible()
    click(qtbot, page.new_code_button)
    qtbot.waitUntil(lambda: page.code.isVisible(), timeout=10000)
    code = page.code.text()
    assert page.print_recovery.isVisible()  # shown once, printable
    assert page.keys_state.text() == gettext(save_module.HAS_CODE)
    assert opens_with(path, code) and opens_with(path, OLD)
    click(qtbot, page.remove_code_button)
    qtbot.waitUntil(lambda: not page.remove_code_button.isVisible(), timeout=10000)
    assert page.keys_state.text() == gettext(save_module.NO_CODE)
    assert page.code.text() == "" and not page.code.isVisible()
    assert not opens_with(path, code) and opens_with(path, OLD)
    QApplication.processEvents()
