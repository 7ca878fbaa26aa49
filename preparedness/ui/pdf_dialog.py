"""A small preview with Print and Save-as-PDF (the recovery sheet); loaded only when used."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout

from preparedness.files import write_private_file
from preparedness.i18n import N_
from preparedness.ui.dialogs import ask_and_print
from preparedness.ui.language import current_gettext

RECOVERY_TITLE = N_("Recovery sheet")
PDF_FILES = N_("PDF files (*.pdf)")
SAVE_PDF = N_("Save as PDF…")
PRINT = N_("Print…")
CLOSE = N_("Close")


class PdfDialog(QDialog):
    """A small preview with Print and Save-as-PDF, for the recovery sheet."""

    def __init__(self, main: Any, pdf: bytes, suggested_name: str) -> None:
        super().__init__(main)
        _ = current_gettext()
        self.main = main
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.setObjectName("pdf_dialog")
        self.setWindowTitle(_(RECOVERY_TITLE))
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(pdf))
        self.buffer.open(QIODevice.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)
        view = QPdfView(self)
        view.setDocument(self.document)
        view.setZoomMode(QPdfView.ZoomMode.FitInView)
        layout = QVBoxLayout(self)
        layout.addWidget(view, 1)
        row = QHBoxLayout()
        for msgid, slot, name in (
            (PRINT, self.print_, "pdf.print"),
            (SAVE_PDF, self.save, "pdf.save"),
            (CLOSE, self.accept, "pdf.close"),
        ):
            button = QPushButton(_(msgid), self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
        layout.addLayout(row)
        self.resize(700, 800)

    def print_(self) -> None:
        ask_and_print(self, self.document)

    def save(self) -> None:
        _ = current_gettext()
        path = self.main.file_dialogs.save_path(
            self, _(SAVE_PDF), self.suggested_name, _(PDF_FILES)
        )
        if path is not None:
            write_private_file(path if path.suffix else path.with_suffix(".pdf"), self.pdf)
