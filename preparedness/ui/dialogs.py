"""File dialogs that leave no trace, and the printing of a PDF through the system dialog.

Qt's widget file dialog remembers the last folder (which can name a family) in its own
settings file; a native GTK dialog may add the file to the desktop's recent-files list,
which the app cannot clear. So: always Qt's own dialog, no history, a neutral starting
folder, and the FileDialog settings group removed after every use.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QDir, QIODevice, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QWidget

from preparedness.ui.safety import PRINT_JOB_NAME, clear_file_dialog_history, hide_key

if TYPE_CHECKING:  # imported when printing, not at start-up
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter


class FileDialogs:
    """The file questions the app asks; tests replace this with a fake.

    ``start_folder`` says where every dialog starts (the window passes one that depends on
    the mode: the removable-media folder on a community night, the plans folder for a
    liaison, home otherwise). A dialog never starts where the last one ended.
    """

    def __init__(self, start_folder: Callable[[], str] | None = None) -> None:
        self.start_folder = start_folder or QDir.homePath

    def _dialog(self, parent: QWidget | None, title: str, name_filter: str) -> QFileDialog:
        dialog = QFileDialog(parent, title, self.start_folder(), name_filter)
        dialog.setOption(QFileDialog.DontUseNativeDialog, True)
        dialog.setHistory([])
        hide_key(dialog)
        return dialog

    @staticmethod
    def _run(dialog: QFileDialog) -> list[str]:
        """Show the dialog; the chosen paths ([] if cancelled). Qt's history is cleared after
        every dialog, whatever happens, so the last folder never names a family."""
        try:
            accepted = dialog.exec() == QFileDialog.Accepted
            return dialog.selectedFiles() if accepted else []
        finally:
            dialog.deleteLater()
            clear_file_dialog_history()

    def folder_path(self, parent: QWidget | None, title: str) -> Path | None:
        """A folder (for a liaison's plans, or for several PDFs at once)."""
        dialog = self._dialog(parent, title, "")
        dialog.setFileMode(QFileDialog.Directory)
        dialog.setOption(QFileDialog.ShowDirsOnly, True)
        files = self._run(dialog)
        return Path(files[0]) if files else None

    def save_path(
        self, parent: QWidget | None, title: str, suggested_name: str, name_filter: str
    ) -> Path | None:
        dialog = self._dialog(parent, title, name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptSave)
        dialog.selectFile(suggested_name)
        files = self._run(dialog)
        return Path(files[0]) if files else None

    def open_path(self, parent: QWidget | None, title: str, name_filter: str) -> Path | None:
        dialog = self._dialog(parent, title, name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptOpen)
        dialog.setFileMode(QFileDialog.ExistingFile)
        files = self._run(dialog)
        return Path(files[0]) if files else None

    def open_paths(self, parent: QWidget | None, title: str, name_filter: str) -> list[Path]:
        """Several existing files at once (a scanner's or phone's output folder); [] if none."""
        dialog = self._dialog(parent, title, name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptOpen)
        dialog.setFileMode(QFileDialog.ExistingFiles)
        files = self._run(dialog)
        return [Path(f) for f in files]


MAX_RENDER_DPI = 300


def print_pdf_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw each page of a loaded PDF onto a printer; returns the number of pages printed."""
    return print_pdf_documents([document], printer)


def print_pdf_documents(documents: Sequence[QPdfDocument], printer: QPrinter) -> int:
    """Draw every page of several loaded PDFs, one after another, as one print job.

    Pages are drawn as images at printer resolution. The job name is neutral: print queues
    are visible to other users and kept by CUPS for a while.
    """
    from PySide6.QtPdf import QPdfDocumentRenderOptions
    from PySide6.QtPrintSupport import QPrinter

    printer.setDocName(PRINT_JOB_NAME)
    printer.setCreator("")
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    pages = 0
    # Pages are drawn at most at 300 dpi: sharp on paper, and a page image stays ~35 MB
    # (at a printer's 1200 dpi it would be ~540 MB, and printing several copies crawls).
    ratio = min(1.0, MAX_RENDER_DPI / max(1, printer.resolution()))
    try:
        options = QPdfDocumentRenderOptions()
        for document in documents:
            for index in range(document.pageCount()):
                if pages:
                    printer.newPage()
                size_pt = document.pagePointSize(index)
                paper = printer.paperRect(QPrinter.DevicePixel)
                scale = min(paper.width() / size_pt.width(), paper.height() / size_pt.height())
                width, height = size_pt.width() * scale, size_pt.height() * scale
                size = QSize(max(1, int(width * ratio)), max(1, int(height * ratio)))
                image = opaque(document.render(index, size, options))
                # Centred: a Letter packet on A4 paper (or the reverse) keeps even margins.
                left, top = (paper.width() - width) / 2, (paper.height() - height) / 2
                painter.drawImage(QRectF(left, top, width, height), image)
                pages += 1
    finally:
        painter.end()
    return pages


def opaque(image: QImage) -> QImage:
    """The page on white paper, without transparency.

    QtPdf renders a page onto a transparent image (blank areas are black with alpha 0); sent
    as is, the print job carries black pages plus a soft mask, and any filter or printer
    that drops the mask prints black pages with unreadable text.
    """
    if not image.hasAlphaChannel():
        return image
    page = QImage(image.size(), QImage.Format_RGB32)
    page.fill(Qt.white)
    painter = QPainter(page)
    painter.drawImage(0, 0, image)
    painter.end()
    return page


def make_printer(printer_name: str = "") -> QPrinter:
    """A high-resolution printer with a neutral job name; the volunteer's printer if it exists."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    printer = QPrinter(QPrinter.HighResolution)
    printer.setDocName(PRINT_JOB_NAME)
    # The whole sheet is the page: the packet has its own margins, so it prints at its true
    # size instead of being shrunk into the printer's printable area.
    printer.setFullPage(True)
    if printer_name and printer_name in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(printer_name)
    return printer


def ask_and_print(parent: QWidget | None, document: QPdfDocument, printer_name: str = "") -> int:
    """The system print dialog, then print; 0 if cancelled."""
    return ask_and_print_many(parent, [document], printer_name)


def ask_and_print_many(
    parent: QWidget | None, documents: Sequence[QPdfDocument], printer_name: str = ""
) -> int:
    """One print dialog, then every document in one job; 0 if cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog

    printer = make_printer(printer_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintToFile, False)  # files go through "Save as PDF" (0600)
    hide_key(dialog)
    try:
        if dialog.exec() != QPrintDialog.Accepted:
            return 0
    finally:
        dialog.deleteLater()
    return print_pdf_documents(documents, printer)


def load_pdf(pdf: bytes, parent: QObject) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument read from memory (no temp file); keep the buffer as long as the document."""
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer
