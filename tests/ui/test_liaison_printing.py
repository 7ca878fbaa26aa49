"""Several copies in one go (family, caregiver, school), and any of them again later: one print
job for all chosen copies, or one PDF per copy with a neutral name."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication
from uihelpers import check, click

from preparedness.settings import Mode, Settings
from preparedness.ui.pages import printing as printing_module


def open_small_plan(window) -> None:  # type: ignore[no-untyped-def]
    """A short plan: the packet renders in a fraction of a second (the test stays fast)."""
    from preparedness.model import Child, Contact, Phone

    window.new_plan()
    plan = window.session.plan
    plan.household.adults[0].name = "Ana Ruiz"
    plan.household.adults[0].phones = [Phone("612-555-0101")]
    plan.children.append(Child(name="Leo Ruiz"))
    plan.contacts.append(Contact(name="Marta Gil", phones=[Phone("612-555-0110")]))
    plan.packet.resources_profile = "minneapolis"
    window._forget_pages()
    window.wizard.restart()
    QApplication.processEvents()


def make_packets(window, qtbot):  # type: ignore[no-untyped-def]
    page = window.pages["print"]
    click(qtbot, page.make_button)
    qtbot.waitUntil(lambda: bool(page.pdfs) or page._status_error, timeout=60000)
    assert page.pdfs, getattr(page, "last_error", None)
    return page


@pytest.fixture
def asked() -> list[str]:
    return []


@pytest.fixture
def liaison(make_window, asked):  # type: ignore[no-untyped-def]
    window = make_window(
        settings=Settings(mode=Mode.LIAISON, printer="Office printer"),
        confirm=lambda question: asked.append(question) or True,
    )
    open_small_plan(window)
    window.go_to_page("print")
    return window


def test_all_copies_as_pdfs_then_one_again_later(liaison, qtbot, dialogs, asked, tmp_path) -> None:
    window = liaison
    page = make_packets(window, qtbot)
    assert list(page.pdfs) == ["family", "caregiver", "school"]
    folder = tmp_path / "usb"
    folder.mkdir()
    dialogs.answers.append(folder)
    click(qtbot, page.save_all_button)
    names = ["packet-caregiver.pdf", "packet-family.pdf", "packet-school.pdf"]
    assert sorted(p.name for p in folder.iterdir()) == names
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_bytes().startswith(b"%PDF")
    assert page.status.text() == window.lang.gettext(printing_module.ALL_SAVED).format(
        names="packet-family.pdf, packet-caregiver.pdf, packet-school.pdf"
    )
    assert asked == []
    # months later: only the school's copy, again
    check(page.copy_boxes["family"], False)
    check(page.copy_boxes["caregiver"], False)
    assert page.pdfs == {}  # the old preview no longer matches the choice
    page = make_packets(window, qtbot)
    assert list(page.pdfs) == ["school"]
    school = folder / "packet-school.pdf"
    school.write_bytes(b"old")
    dialogs.answers.append(folder)
    click(qtbot, page.save_all_button)
    assert asked == [printing_module.REPLACE_PDFS]  # asked before replacing
    assert school.read_bytes() == page.pdfs["school"]


def test_print_all_chosen_copies_as_one_job(
    liaison, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from preparedness.ui.dialogs import print_pdf_documents

    window = liaison
    page = make_packets(window, qtbot)
    seen: dict[str, object] = {}
    out = tmp_path / "job.pdf"

    def fake_dialog(parent, documents, printer_name):  # type: ignore[no-untyped-def]
        seen["printer"] = printer_name
        seen["counts"] = [d.pageCount() for d in documents]
        printer = QPrinter(QPrinter.ScreenResolution)  # small page images: a fast test
        printer.setOutputFormat(QPrinter.PdfFormat)
        printer.setOutputFileName(str(out))
        return print_pdf_documents(documents, printer)  # what the real dialog does next

    monkeypatch.setattr(printing_module, "ask_and_print_many", fake_dialog)
    click(qtbot, page.print_all_button)
    assert seen["printer"] == "Office printer"  # the volunteer's printer, by name
    counts = seen["counts"]
    assert isinstance(counts, list) and len(counts) == 3 and all(counts)
    assert len(PdfReader(str(out)).pages) == sum(counts)  # one job, every page
    assert page.status.text() == window.lang.gettext(printing_module.PRINTED_ALL)
    assert page.finish_button.text() == window.lang.gettext(printing_module.CLOSE_PLAN)


def test_the_plan_can_choose_its_own_local_help(liaison) -> None:
    window = liaison
    page = window.pages["print"]
    plan = window.session.plan
    assert page.resources.currentData() == plan.packet.resources_profile
    page.resources.setCurrentIndex(page.resources.findData("milwaukee"))
    assert plan.packet.resources_profile == "milwaukee" and window.session.dirty
    page.resources.setCurrentIndex(0)
    assert plan.packet.resources_profile == ""
