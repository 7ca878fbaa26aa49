"""File dialogs that leave no trace, and the printing of a PDF through the system dialog.

Qt's widget file dialog remembers the last folder (which can name a family) in its own
settings file; a native GTK dialog may add the file to the desktop's recent-files list,
which the app cannot clear. So: always Qt's own dialog, no history, a neutral starting
folder, and the FileDialog settings group removed after every use.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFileDialog, QWidget

from preparedness.ui.safety import PRINT_JOB_NAME, clear_file_dialog_history

if TYPE_CHECKING:  # imported when printing, not at start-up
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter


class FileDialogs:
    """The two file questions the app asks; tests replace this with a fake."""

    def _dialog(self, parent: QWidget | None, title: str, name_filter: str) -> QFileDialog:
        dialog = QFileDialog(parent, title, QDir.homePath(), name_filter)
        dialog.setOption(QFileDialog.DontUseNativeDialog, True)
        dialog.setHistory([])
        return dialog

    def save_path(
        self, parent: QWidget | None, title: str, suggested_name: str, name_filter: str
    ) -> Path | None:
        dialog = self._dialog(parent, title, name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptSave)
        dialog.selectFile(suggested_name)
        try:
            accepted = dialog.exec() == QFileDialog.Accepted
            files = dialog.selectedFiles()
        finally:
            dialog.deleteLater()
            clear_file_dialog_history()
        return Path(files[0]) if accepted and files else None

    def open_path(self, parent: QWidget | None, title: str, name_filter: str) -> Path | None:
        dialog = self._dialog(parent, title, name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptOpen)
        dialog.setFileMode(QFileDialog.ExistingFile)
        try:
            accepted = dialog.exec() == QFileDialog.Accepted
            files = dialog.selectedFiles()
        finally:
            dialog.deleteLater()
            clear_file_dialog_history()
        return Path(files[0]) if accepted and files else None


def print_pdf_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw each page of a loaded PDF onto a printer (as images at printer resolution).

    Returns the number of pages printed. The job name is neutral: print queues are visible
    to other users and kept by CUPS for a while.
    """
    from PySide6.QtPdf import QPdfDocumentRenderOptions
    from PySide6.QtPrintSupport import QPrinter

    printer.setDocName(PRINT_JOB_NAME)
    printer.setCreator("")
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    pages = 0
    try:
        options = QPdfDocumentRenderOptions()
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            size_pt = document.pagePointSize(index)
            target = printer.pageRect(QPrinter.DevicePixel)
            scale = min(target.width() / size_pt.width(), target.height() / size_pt.height())
            width, height = int(size_pt.width() * scale), int(size_pt.height() * scale)
            image = document.render(index, QSize(width, height), options)
            painter.drawImage(QRectF(0, 0, width, height), image)
            pages += 1
    finally:
        painter.end()
    return pages


def ask_and_print(parent: QWidget | None, document: QPdfDocument) -> int:
    """The system print dialog, then print; 0 if cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.HighResolution)
    printer.setDocName(PRINT_JOB_NAME)
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintToFile, False)  # files go through "Save as PDF" (0600)
    try:
        if dialog.exec() != QPrintDialog.Accepted:
            return 0
    finally:
        dialog.deleteLater()
    return print_pdf_document(document, printer)
