"""A liaison's folder of plans in the window: labels and dates only (no name in any role of the
model), dates in the window's language, flags, sorting, searching, opening a plan from the
list, the label and the dates choice on the save page, and flags learned after opening."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from uihelpers import check, click, model_texts, type_text

from preparedness import vault
from preparedness.formatting import format_date
from preparedness.liaison import Flag
from preparedness.model import plan_to_json
from preparedness.model.clear_metadata import clear_metadata
from preparedness.model.demo import demo_plan
from preparedness.settings import Mode, Settings
from preparedness.ui import liaison_list
from preparedness.ui.pages import save as save_module

TODAY = date.today()
PASSPHRASE = "river stone lamp kite"


def names_in(plan) -> list[str]:  # type: ignore[no-untyped-def]
    people = [*plan.household.adults, *plan.children, *plan.contacts]
    return [p.name for p in people if p.name] + [s.name for s in plan.schools if s.name]


def save_plan(
    folder: Path, file_name: str, label: str, *, dates: bool, review: date, expires: date
):  # type: ignore[no-untyped-def]
    plan = demo_plan()
    plan.file_label.label = label
    plan.file_label.dates_in_clear = dates
    plan.review_by = review
    for arrangement in plan.care:
        arrangement.authorization.expires_on = expires
    payload = vault.Payload(
        plan_json=plan_to_json(plan).encode(), clear_metadata=clear_metadata(plan)
    )
    vault.PlanFile.create(folder / file_name, payload, PASSPHRASE)
    return plan


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    save_plan(  # review passed, authorization ends within 60 days; dates agreed
        plans, "a.fpp", "F-031", dates=True, review=TODAY - timedelta(days=3),
        expires=TODAY + timedelta(days=20),
    )  # fmt: skip
    save_plan(  # dates kept locked (the review date has passed: seen only after opening)
        plans, "b.fpp", "F-007", dates=False, review=TODAY - timedelta(days=40),
        expires=TODAY + timedelta(days=400),
    )  # fmt: skip
    save_plan(  # nothing to do
        plans, "c.fpp", "F-100", dates=True, review=TODAY + timedelta(days=90),
        expires=TODAY + timedelta(days=300),
    )  # fmt: skip
    (plans / "d.fpp").write_bytes(b"not a plan at all")
    return plans


@pytest.fixture
def liaison(make_window, folder: Path):  # type: ignore[no-untyped-def]
    window = make_window(settings=Settings(mode=Mode.LIAISON, plans_folder=str(folder)))
    click_list = window.start.liaison_button
    assert click_list.isVisible()
    click_list.click()
    QApplication.processEvents()
    assert window.stack.currentWidget() is window.liaison
    return window


def column(window, name: str) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = window.liaison.proxy
    index = [key for key, _label in liaison_list.COLUMNS].index(name)
    return [proxy.index(row, index).data() for row in range(proxy.rowCount())]


def test_the_list_shows_codes_and_dates_and_never_a_name(liaison) -> None:
    window = liaison
    assert column(window, "label") == ["d", "F-007", "F-031", "F-100"]
    model = window.liaison.model
    every_value = " ".join(model_texts(model)) + " ".join(model_texts(window.liaison.proxy))
    for name in names_in(demo_plan()):
        assert name not in every_value, name
        for part in name.split():
            if len(part) > 3:
                assert part not in every_value, part
    # dates in the window's language
    review = TODAY - timedelta(days=3)
    assert column(window, "review_by")[2] == format_date(review, "en", "medium")
    assert column(window, "review_by")[1] == ""  # locked: not readable without the passphrase
    window.set_language("ar")
    QApplication.processEvents()
    assert column(window, "review_by")[2] == format_date(review, "ar", "medium")
    ar = window.lang.gettext
    headers = [model.headerData(i, Qt.Horizontal) for i in range(model.columnCount())]
    assert headers == [ar(label) for _key, label in liaison_list.COLUMNS]
    flags = column(window, "flags")
    assert ar(liaison_list.FLAG_TEXTS[Flag.REVIEW_OVERDUE]) in flags[2]
    assert ar(liaison_list.FLAG_TEXTS[Flag.AUTHORIZATION_EXPIRES_SOON]) in flags[2]
    assert flags[1] == ar(liaison_list.FLAG_TEXTS[Flag.DATES_UNKNOWN])
    assert flags[0] == ar(liaison_list.FLAG_TEXTS[Flag.UNREADABLE])
    assert flags[3] == ""


def test_sort_by_any_column_and_search(liaison, qtbot) -> None:
    window = liaison
    screen = window.liaison
    screen.table.sortByColumn(0, Qt.DescendingOrder)
    assert column(window, "label") == ["F-100", "F-031", "F-007", "d"]
    screen.table.sortByColumn(2, Qt.AscendingOrder)  # review by: earliest first, unknown last
    assert column(window, "label")[:2] == ["F-031", "F-100"]
    screen.table.sortByColumn(3, Qt.AscendingOrder)  # most urgent first
    assert column(window, "label")[0] == "d"
    type_text(screen.search, "f-03")
    assert column(window, "label") == ["F-031"]
    screen.search.setText("")
    review = TODAY + timedelta(days=90)
    type_text(screen.search, review.isoformat())  # as YYYY-MM-DD
    assert column(window, "label") == ["F-100"]
    screen.search.setText("")
    type_text(screen.search, format_date(review, "en", "medium"))  # as the list writes it
    assert column(window, "label") == ["F-100"]
    screen.search.setText("")
    assert screen.proxy.rowCount() == 4


def test_open_a_plan_from_the_list_and_flag_it_from_the_opened_plan(
    liaison, qtbot, folder: Path
) -> None:
    window = liaison
    screen = window.liaison
    assert not screen.open_button.isEnabled()
    assert screen.select_label("F-007")
    click(qtbot, screen.open_button)
    panel = screen.unlock_panel
    assert panel.isVisible() and panel.path == folder / "b.fpp"
    type_text(panel.passphrase, "wrong words here")
    click(qtbot, panel.unlock_button)
    qtbot.waitUntil(lambda: panel.unlock_button.isEnabled(), timeout=10000)
    assert panel.message.text() == window.lang.gettext(vault.WrongPassphrase.default_message)
    panel.passphrase.setText("")
    type_text(panel.passphrase, PASSPHRASE)
    click(qtbot, panel.unlock_button)
    qtbot.waitUntil(lambda: window.session.plan is not None, timeout=10000)
    assert window.stack.currentWidget() is window.wizard
    assert window.session.plan.file_label.label == "F-007"
    assert panel.passphrase.text() == "" and not panel.passphrase.isUndoAvailable()
    # the liaison closes the plan: back to the list, which now knows F-007's dates
    click(qtbot, window.finish_button)
    assert window.stack.currentWidget() is screen
    row = column(window, "label").index("F-007")
    flags = column(window, "flags")[row]
    assert window.lang.gettext(liaison_list.FLAG_TEXTS[Flag.REVIEW_OVERDUE]) in flags
    assert window.lang.gettext(liaison_list.FLAG_TEXTS[Flag.DATES_UNKNOWN]) not in flags
    # ...in memory only: the file still says nothing
    assert vault.read_clear_metadata(folder / "b.fpp") == {"label": "F-007"}


def test_the_save_page_writes_the_code_and_the_agreed_dates(
    liaison, qtbot, folder: Path, dialogs
) -> None:
    window = liaison
    gettext = window.lang.gettext
    click(qtbot, window.liaison.new_button)
    plan = window.session.plan
    window.go_to_page("save")
    page = window.pages["save"]
    assert page.label_section.isVisible()
    assert page.dates_box.text() == gettext(save_module.DATES_IN_CLEAR)
    assert page.dates_help.text() == gettext(save_module.DATES_HELP)
    # a name as the code is caught
    plan.household.adults[0].name = "Amina Warsame"
    type_text(page.label_edit, "warsame-1")
    assert page.label_warning.isVisible()
    assert save_module.suggested_plan_name(plan) == "plan.fpp"
    page.label_edit.setText("")
    type_text(page.label_edit, "F-200")
    assert not page.label_warning.isVisible()
    assert plan.file_label.label == "F-200"
    check(page.dates_box)
    assert plan.file_label.dates_in_clear
    page.suggest()
    dialogs.answers.append(folder / "F-200.fpp")
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: window.session.plan_file is not None, timeout=10000)
    assert dialogs.asked[-1] == ("save", "F-200.fpp")  # the code, never a name
    meta = vault.read_clear_metadata(folder / "F-200.fpp")
    assert meta == {"label": "F-200", "review_by": plan.review_by.isoformat()}
    # the family changes its mind: the dates go back inside the lock at the next save
    check(page.dates_box, False)
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: not window.session.dirty, timeout=10000)
    assert vault.read_clear_metadata(folder / "F-200.fpp") == {"label": "F-200"}
    click(qtbot, window.finish_button)
    assert "F-200" in column(window, "label")


def test_the_liaison_chooses_the_folder(
    make_window, qtbot, folder: Path, dialogs, _settings_file: Path
) -> None:
    window = make_window(settings=Settings(mode=Mode.LIAISON))
    window.show_liaison_list()
    screen = window.liaison
    assert screen.empty.isVisible() and screen.model.rowCount() == 0
    dialogs.answers.append(folder)
    click(qtbot, screen.choose_folder_button)
    assert screen.model.rowCount() == 4
    assert window.settings.plans_folder == str(folder)
    import json

    stored = json.loads(_settings_file.read_text())
    assert stored["plans_folder"] == str(folder)  # a folder path, nothing else of any plan
    assert "F-031" not in _settings_file.read_text()
