"""Page 11: choose the copies and the language, look at the packet, print it or save a PDF.

The packet is rendered in the background from a snapshot of the plan and previewed from
memory (QBuffer), so no unencrypted file exists until the person asks for one. A saved PDF
is mode 0600, and the page says plainly that paper and PDFs are not encrypted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QPushButton

from preparedness.files import write_private_file
from preparedness.i18n import N_
from preparedness.languages import all_languages
from preparedness.ui import services
from preparedness.ui.dialogs import ask_and_print, ask_and_print_many, load_pdf
from preparedness.ui.fields import set_role
from preparedness.ui.language import Gettext, current_gettext
from preparedness.ui.pages.base import BasePage
from preparedness.ui.pages.save import UNEXPECTED, error_msgid
from preparedness.ui.safety import SUGGESTED_PDF_NAME
from preparedness.ui.widgets import row
from preparedness.ui.workers import run_in_background

COPY_LABELS: dict[str, str] = {
    "family": N_("Family copy (everything)"),
    "caregiver": N_("Caregiver copy (the children's health and the authorization)"),
    "school": N_("School copy (who may pick up; no immigration details)"),
}
COPIES = N_("Which copies?")
CHILD_DOCUMENTS = N_("Include the children's document copies in the caregiver copy")
LANGUAGE = N_("Language on paper (with English)")
PAGE_SIZE = N_("Paper size")
LETTER = N_("Letter (USA)")
A4 = N_("A4")
MAKE = N_("Show the packet")
SHOWING = N_("Copy shown")
PRINT = N_("Print…")
SAVE_PDF = N_("Save as PDF…")
NOT_ENCRYPTED = N_(
    "Paper and PDF files are not locked: anyone who finds them can read them. "
    "Keep them somewhere safe, and give each copy only to its person."
)
MAKING = N_("Making the packet… please wait.")
READY = N_("The packet is ready. Look at it below, then print it or save it.")
NOT_READY = N_("To print, add at least one parent and one person to call.")
PRINTED = N_("Sent to the printer.")
PDF_SAVED = N_("The PDF was saved.")
PDF_TITLE = N_("Save the packet as PDF")
PDF_FILES = N_("PDF files (*.pdf)")
FINISH = N_("Finish and close for the next family")
FINISH_NEXT = N_("Finish and next family")
CLOSE_PLAN = N_("Close the plan")
PRINT_ALL = N_("Print all chosen copies…")
SAVE_ALL = N_("Save all chosen copies as PDFs…")
SAVE_ALL_TITLE = N_("Choose the folder (a USB stick) for the PDFs")
ALL_SAVED = N_("The PDFs were saved: {names}")
REPLACE_PDFS = N_("Some of these PDFs are already in that folder. Replace them?")
PRINTED_ALL = N_("All chosen copies were sent to the printer as one job.")
RESOURCES = N_("Local help page")
NO_RESOURCES = N_("None")
AFTER_PRINTING = N_(
    'When you have your papers, press "Finish and next family": the screen is cleared for '
    "the next family. Your saved plan is not changed."
)
RENDER_FAILED = N_("The packet could not be made. Your plan is safe. Please tell a helper.")


class PrintPage(BasePage):
    key = "print"
    title_msgid = N_("Print your packet")
    subtitle_msgid = N_("One copy for your family, one for the caregiver, one for the school.")

    def __init__(self, main: Any) -> None:
        super().__init__(main)
        self.pdfs: dict[str, bytes] = {}
        self._buffer: QBuffer | None = None
        self._status = ""
        self._status_error = False
        self._status_names = ""
        self._busy = False
        self._build_static()

    def signature(self) -> object:
        return True

    def rebuild(self) -> None:
        self._signature = self.signature()

    def clear_content(self) -> None:
        pass  # this page's widgets are fixed

    def _build_static(self) -> None:
        c = self.content
        self.warning = QLabel(c)
        self.warning.setObjectName("print.warning")
        self.warning.setWordWrap(True)
        set_role(self.warning, "sensitive")
        self.layout_.addWidget(self.warning)
        self.copies_label = QLabel(c)
        self.layout_.addWidget(self.copies_label)
        self.copy_boxes: dict[str, QCheckBox] = {}
        for copy_name in services.COPIES:
            box = QCheckBox(c)
            box.setObjectName(f"print.copy.{copy_name}")
            box.setChecked(True)
            box.toggled.connect(self._invalidate)
            self.copy_boxes[copy_name] = box
            self.layout_.addWidget(box)
            if copy_name == "caregiver":
                self.child_documents = QCheckBox(c)
                self.child_documents.setObjectName("print.caregiver_documents")
                self.child_documents.toggled.connect(self._child_documents_chosen)
                self.layout_.addWidget(row(c, self.child_documents, indent=24))
        self.language_label = QLabel(c)
        self.language = QComboBox(c)
        self.language.setObjectName("print.language")
        for lang in all_languages():
            self.language.addItem(lang.own_name, lang.code)
        self.language_label.setBuddy(self.language)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.size_label = QLabel(c)
        self.page_size = QComboBox(c)
        self.page_size.setObjectName("print.page_size")
        self.page_size.addItem("Letter", "letter")
        self.page_size.addItem("A4", "a4")
        self.size_label.setBuddy(self.page_size)
        self.page_size.currentIndexChanged.connect(self._invalidate)
        self.layout_.addWidget(
            row(c, self.language_label, self.language, self.size_label, self.page_size)
        )
        self.resources_label = QLabel(c)
        self.resources = QComboBox(c)
        self.resources.setObjectName("print.resources")
        self.resources_label.setBuddy(self.resources)
        self.resources.currentIndexChanged.connect(self._resources_chosen)
        self.layout_.addWidget(row(c, self.resources_label, self.resources))
        self.make_button = QPushButton(c)
        self.make_button.setObjectName("print.make")
        set_role(self.make_button, "big")
        self.make_button.clicked.connect(self.make_packet)
        self.layout_.addWidget(self.make_button)
        self.status = QLabel(c)
        self.status.setObjectName("print.status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.PlainText)
        self.layout_.addWidget(self.status)
        self.shown_label = QLabel(c)
        self.shown = QComboBox(c)
        self.shown.setObjectName("print.shown_copy")
        self.shown_label.setBuddy(self.shown)
        self.shown.currentIndexChanged.connect(self._show_selected)
        self.print_button = QPushButton(c)
        self.print_button.setObjectName("print.print")
        self.print_button.clicked.connect(self.print_packet)
        self.save_button = QPushButton(c)
        self.save_button.setObjectName("print.save_pdf")
        self.save_button.clicked.connect(self.save_pdf)
        self.layout_.addWidget(
            row(c, self.shown_label, self.shown, self.print_button, self.save_button)
        )
        self.print_all_button = QPushButton(c)
        self.print_all_button.setObjectName("print.print_all")
        self.print_all_button.clicked.connect(self.print_all)
        self.save_all_button = QPushButton(c)
        self.save_all_button.setObjectName("print.save_all")
        self.save_all_button.clicked.connect(self.save_all)
        self.layout_.addWidget(row(c, self.print_all_button, self.save_all_button))
        self.document = QPdfDocument(self)
        self.view = QPdfView(c)
        self.view.setObjectName("print.preview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setMinimumHeight(420)
        self.layout_.addWidget(self.view, 1)
        self.after = QLabel(c)
        self.after.setObjectName("print.after")
        self.after.setWordWrap(True)
        set_role(self.after, "help")
        self.after.hide()
        self.layout_.addWidget(self.after)
        self.finish_button = QPushButton(c)
        self.finish_button.setObjectName("print.finish")
        self.finish_button.clicked.connect(lambda: self.main.finish())
        self.layout_.addWidget(self.finish_button)
        self._update_buttons()

    # -- state
    def initializePage(self) -> None:  # Qt's name
        super().initializePage()
        if self.main.session.plan is None:
            return
        plan = self.main.session.plan
        if plan is not None:
            index = self.language.findData(plan.languages.family_language)
            self.language.blockSignals(True)
            self.language.setCurrentIndex(max(0, index))
            self.language.blockSignals(False)
            self._fill_resources(plan.packet.resources_profile)
            self.child_documents.blockSignals(True)
            self.child_documents.setChecked(plan.packet.caregiver_gets_child_documents)
            self.child_documents.blockSignals(False)
        self._update_buttons()

    def _fill_resources(self, selected: str) -> None:
        from preparedness.resources_profiles import available_profiles, load_profile

        self.resources.blockSignals(True)
        self.resources.clear()
        self.resources.addItem(current_gettext()(NO_RESOURCES), "")
        ids = available_profiles()
        if selected and selected not in ids:
            ids.append(selected)  # from another computer: keep the plan's choice visible
        for profile_id in ids:
            try:
                profile = load_profile(profile_id)
            except (OSError, ValueError):
                profile = None
            self.resources.addItem(profile.name if profile else profile_id, profile_id)
        self.resources.setCurrentIndex(max(0, self.resources.findData(selected)))
        self.resources.blockSignals(False)

    def _resources_chosen(self) -> None:
        plan = self.main.session.plan
        profile_id = self.resources.currentData() or ""
        if plan is not None and plan.packet.resources_profile != profile_id:
            plan.packet.resources_profile = profile_id
            self.main.plan_edited()
        self._invalidate()

    def _child_documents_chosen(self, on: bool) -> None:
        plan = self.main.session.plan
        if plan is not None and plan.packet.caregiver_gets_child_documents != on:
            plan.packet.caregiver_gets_child_documents = on
            self.main.plan_edited()
        self._invalidate()

    def forget(self) -> None:
        super().forget()
        self.pdfs = {}
        self.document.close()
        self._buffer = None
        self.shown.clear()
        self._set_status("")
        self._update_buttons()

    def _language_chosen(self) -> None:
        plan = self.main.session.plan
        code = self.language.currentData()
        if plan is not None and code and code != plan.languages.family_language:
            plan.languages.family_language = code
            plan.languages.packet_languages = services.packet_languages(code)
            self.main.plan_edited()
        self._invalidate()

    def _invalidate(self) -> None:
        """Options changed: the preview no longer matches; make it again."""
        if self.pdfs:
            self.pdfs = {}
            self.document.close()
            self._buffer = None
            self.shown.clear()
            self._set_status("")
        self._update_buttons()

    def selected_copies(self) -> list[str]:
        return [name for name, box in self.copy_boxes.items() if box.isChecked()]

    def _update_buttons(self) -> None:
        have = bool(self.pdfs)
        self.print_button.setEnabled(have and not self._busy)
        self.save_button.setEnabled(have and not self._busy)
        self.print_all_button.setEnabled(have and not self._busy)
        self.save_all_button.setEnabled(have and not self._busy)
        self.shown.setEnabled(have)
        self.make_button.setEnabled(not self._busy and bool(self.selected_copies()))

    def _set_status(self, msgid: str, error: bool = False) -> None:
        self._status, self._status_error = msgid, error
        text = current_gettext()(msgid) if msgid else ""
        self.status.setText(text.format(names=self._status_names) if msgid == ALL_SAVED else text)
        set_role(self.status, "problem-error" if error else "help")
        done = msgid in (PRINTED, PRINTED_ALL, PDF_SAVED, ALL_SAVED)
        # the end of printing offers "Finish and next family" (community night)
        self.after.setVisible(done and self.main.is_community())
        set_role(self.finish_button, "big" if done else "")

    # -- making the packet
    def make_packet(self) -> None:
        session = self.main.session
        if self._busy or session.plan is None:
            return
        from preparedness.model import can_print

        if can_print(session.plan):
            self._set_status(NOT_READY, error=True)
            return
        snapshot = session.snapshot()
        attachments = session.referenced_attachments()  # the appendix of document copies
        copies = self.selected_copies()
        language = self.language.currentData() or "en"
        page_size = self.page_size.currentData() or "letter"

        def work() -> dict[str, bytes]:
            return {
                name: services.render_packet(snapshot, language, name, page_size, attachments)
                for name in copies
            }

        self._busy = True
        self.main.set_busy(True)
        self._set_status(MAKING)
        self._update_buttons()
        run_in_background(work, self._made, self._failed)

    def _made(self, pdfs: dict[str, bytes]) -> None:
        self._busy = False
        self.main.set_busy(False)
        self.pdfs = pdfs
        self.shown.blockSignals(True)
        self.shown.clear()
        _ = current_gettext()
        for name in pdfs:
            self.shown.addItem(_(COPY_LABELS[name]), name)
        self.shown.blockSignals(False)
        self._show_selected()
        self._set_status(READY)
        self._update_buttons()

    def _failed(self, error: BaseException) -> None:
        self.last_error = error  # for tests and debugging; never shown (no traces to people)
        self._busy = False
        self.main.set_busy(False)
        msgid = error_msgid(error)
        self._set_status(RENDER_FAILED if msgid == UNEXPECTED else msgid, error=True)
        self._update_buttons()

    def current_copy(self) -> str | None:
        return self.shown.currentData()

    def _show_selected(self) -> None:
        name = self.current_copy()
        if not name or name not in self.pdfs:
            return
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(self.pdfs[name]))
        buffer.open(QIODevice.ReadOnly)
        self.document.load(buffer)
        self._buffer = buffer  # must outlive the document's use of it

    # -- output
    def print_packet(self) -> int:
        """Print the copy on screen (and reprint it any time later)."""
        if not self.pdfs:
            return 0
        pages = ask_and_print(self, self.document, self.main.settings.printer)
        if pages:
            self._set_status(PRINTED)
        return pages

    def print_all(self) -> int:
        """Every chosen copy in one print dialog and one print job."""
        if not self.pdfs:
            return 0
        loaded = [load_pdf(self.pdfs[name], self) for name in self.pdfs]
        try:
            pages = ask_and_print_many(self, [d for d, _b in loaded], self.main.settings.printer)
        finally:
            for document, buffer in loaded:
                document.close()
                document.deleteLater()
                buffer.close()
                buffer.deleteLater()
        if pages:
            self._set_status(PRINTED_ALL)
        return pages

    def save_all(self) -> list[str]:
        """One PDF per chosen copy in a folder the person chooses: packet-family.pdf, …"""
        if not self.pdfs:
            return []
        _ = current_gettext()
        folder = self.main.file_dialogs.folder_path(self, _(SAVE_ALL_TITLE))
        if folder is None:
            return []
        names = {copy: SUGGESTED_PDF_NAME.format(copy=copy) for copy in self.pdfs}
        if any((folder / name).exists() for name in names.values()) and not self.main.confirm(
            REPLACE_PDFS
        ):
            return []
        written: list[str] = []
        try:
            for copy, name in names.items():
                write_private_file(folder / name, self.pdfs[copy])
                written.append(name)
        except OSError:
            self._set_status(N_("The PDF could not be saved there. Try another place."), True)
            return written
        self._status_names = ", ".join(written)
        self._set_status(ALL_SAVED)
        return written

    def save_pdf(self) -> None:
        name = self.current_copy()
        if not name or name not in self.pdfs:
            return
        _ = current_gettext()
        path = self.main.file_dialogs.save_path(
            self, _(PDF_TITLE), SUGGESTED_PDF_NAME.format(copy=name), _(PDF_FILES)
        )
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".pdf")
        try:
            write_private_file(path, self.pdfs[name])
        except OSError:
            self._set_status(N_("The PDF could not be saved there. Try another place."), True)
            return
        self._set_status(PDF_SAVED)

    def retranslate_ui(self, _: Gettext) -> None:
        super().retranslate_ui(_)
        self.warning.setText(_(NOT_ENCRYPTED))
        self.copies_label.setText(_(COPIES))
        for name, box in self.copy_boxes.items():
            box.setText(_(COPY_LABELS[name]))
        self.child_documents.setText(_(CHILD_DOCUMENTS))
        self.language_label.setText(_(LANGUAGE))
        self.language.setAccessibleName(_(LANGUAGE))
        self.size_label.setText(_(PAGE_SIZE))
        self.page_size.setAccessibleName(_(PAGE_SIZE))
        self.page_size.setItemText(0, _(LETTER))
        self.page_size.setItemText(1, _(A4))
        self.make_button.setText(_(MAKE))
        self.shown_label.setText(_(SHOWING))
        self.shown.setAccessibleName(_(SHOWING))
        for index in range(self.shown.count()):
            self.shown.setItemText(index, _(COPY_LABELS[self.shown.itemData(index)]))
        self.print_button.setText(_(PRINT))
        self.save_button.setText(_(SAVE_PDF))
        self.view.setAccessibleName(_(MAKE))
        self.resources_label.setText(_(RESOURCES))
        self.resources.setAccessibleName(_(RESOURCES))
        if self.resources.count():
            self.resources.setItemText(0, _(NO_RESOURCES))
        self.print_all_button.setText(_(PRINT_ALL))
        self.save_all_button.setText(_(SAVE_ALL))
        self.after.setText(_(AFTER_PRINTING))
        if self.main.is_community():
            self.finish_button.setText(_(FINISH_NEXT))
        elif self.main.is_liaison():
            self.finish_button.setText(_(CLOSE_PLAN))
        else:
            self.finish_button.setText(_(FINISH))
        self._set_status(self._status, self._status_error)
