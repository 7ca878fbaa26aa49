"""The pictures the app sends to a printer: white paper, no transparency (no CUPS needed).

QtPdf renders a packet page onto a transparent picture whose blank areas are black with
alpha 0. Printed as is, the job carried black pages plus a soft mask; a printer or filter
that drops the mask printed black pages. Each page is now drawn on white first.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter

from preparedness.model.demo import demo_plan
from preparedness.packet import Copy, render_packet
from preparedness.ui.dialogs import load_pdf, opaque, print_pdf_documents
from preparedness.ui.safety import PRINT_JOB_NAME


def test_opaque_puts_a_transparent_page_on_white() -> None:
    page = QImage(4, 4, QImage.Format_ARGB32)
    page.fill(Qt.transparent)
    page.setPixelColor(1, 1, QColor(0, 0, 0))
    white = opaque(page)
    assert not white.hasAlphaChannel()
    assert white.pixelColor(0, 0) == QColor(Qt.white)
    assert white.pixelColor(1, 1) == QColor(0, 0, 0)
    solid = QImage(4, 4, QImage.Format_RGB32)
    assert opaque(solid) is solid


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="needs poppler-utils")
def test_printed_pages_are_white_pictures_without_a_mask(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = demo_plan()
    pdf = render_packet(plan, plan.languages.family_language, Copy.SCHOOL)
    document, buffer = load_pdf(pdf, qapp)
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    try:
        expected = document.pageCount()
        pages = print_pdf_documents([document], printer)
    finally:
        document.close()
        buffer.close()
    assert pages == expected > 0
    assert printer.docName() == PRINT_JOB_NAME
    listing = subprocess.run(
        ["pdfimages", "-list", str(tmp_path / "printed.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[2:]
    kinds = [line.split()[2] for line in listing]
    assert kinds == ["image"] * pages  # one picture a page, and no soft mask ("smask")
    subprocess.run(
        [
            "pdfimages",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "printed.pdf"),
            str(tmp_path / "i"),
        ],
        check=True,
    )
    picture = Image.open(tmp_path / "i-000.png").convert("RGB")
    assert picture.getpixel((2, 2)) == (255, 255, 255)  # the margin is paper, not black
