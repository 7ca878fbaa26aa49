"""A CUPS queue that prints to PDF (cups-pdf) for the whole session.

An existing queue is used as it is. Where no CUPS scheduler runs and we are root (CI, a
container without an init system), the session starts its own cupsd, adds a ``PDF`` queue,
and at the end removes the queue with its jobs and stops that cupsd by its process id.
Anywhere else (no CUPS, no cups-pdf, not root) the printing tests skip and say why.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

import cups_pdf


@pytest.fixture(scope="session")
def cups_pdf_queue() -> Iterator[cups_pdf.PdfQueue]:
    if not cups_pdf.have_client():
        pytest.skip(f"CUPS is not installed ({cups_pdf.INSTALL_HINT})")
    with cups_pdf.exclusive() as free:
        if not free:
            pytest.skip("another test session is printing to the CUPS PDF queue")
        scheduler: cups_pdf.PrivateScheduler | None = None
        if not cups_pdf.scheduler_running():
            why = cups_pdf.PrivateScheduler.possible()
            if why:
                pytest.skip(why)
            scheduler = cups_pdf.PrivateScheduler()
            why = scheduler.start()
            if why:
                pytest.skip(why)
        try:
            queue = cups_pdf.find_pdf_queue()
            if queue is None:
                pytest.skip(f"no CUPS queue prints to PDF (cups-pdf; {cups_pdf.INSTALL_HINT})")
            yield queue
        finally:
            if scheduler is not None:
                scheduler.stop()
