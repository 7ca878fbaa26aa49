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


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
@pytest.mark.parametrize(("packet_size", "paper"), [("letter", "letter"), ("letter", "a4")])
def test_pages_print_at_true_size_or_centred(  # type: ignore[no-untyped-def]
    qapp, tmp_path: Path, packet_size: str, paper: str
) -> None:
    """The sheet is the page: on matching paper the page is printed 1:1, on the other size it
    is scaled to fit and centred (the system dialog may pick the printer's default paper)."""
    from PySide6.QtGui import QPageSize

    from preparedness.ui.dialogs import make_printer

    plan = demo_plan()
    pdf = render_packet(plan, plan.languages.family_language, Copy.SCHOOL, packet_size)
    document, buffer = load_pdf(pdf, qapp)
    printer = make_printer()
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    ids = {"letter": QPageSize.Letter, "a4": QPageSize.A4}
    printer.setPageSize(QPageSize(ids[paper]))
    try:
        print_pdf_documents([document], printer)
    finally:
        document.close()
        buffer.close()
    (tmp_path / "packet.pdf").write_bytes(pdf)

    def ink(name: str) -> tuple[tuple[int, int], tuple[int, int, int, int]]:
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "36",
                "-gray",
                "-f",
                "1",
                "-l",
                "1",
                "-png",
                str(tmp_path / name),
                str(tmp_path / name),
            ],
            check=True,
        )
        page = Image.open(next(tmp_path.glob(f"{name}-*1.png"))).convert("L")
        box = page.point(lambda v: 255 if v < 200 else 0).getbbox()
        assert box is not None
        return page.size, box

    (pw, ph), packet_box = ink("packet.pdf")
    (sw, sh), printed_box = ink("printed.pdf")
    if paper == packet_size:
        assert (sw, sh) == (pw, ph)
        assert all(abs(a - b) <= 2 for a, b in zip(printed_box, packet_box, strict=True))
    else:
        scale = min(sw / pw, sh / ph)
        left = (sw - pw * scale) / 2
        top = (sh - ph * scale) / 2
        expected = (left + packet_box[0] * scale, top + packet_box[1] * scale)
        assert abs(printed_box[0] - expected[0]) <= 3 and abs(printed_box[1] - expected[1]) <= 3
