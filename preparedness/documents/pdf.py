"""PDFs: kept as opaque bytes; looked into only by a separate, limited, short-lived process.

Why: a PDF is a program-like format with a long history of parser bugs. The app process holds
the decrypted plan, so it never parses one. When a page must be shown (a thumbnail, the packet
appendix), ``pdf_worker.py`` runs under ``python -I -B`` with memory, CPU-time and file-size
limits; the PDF goes in through standard input and raw pixels come back through standard
output, so nothing touches the disk. A crash, a hang or a memory blow-up in the worker becomes a
DocumentImportError here; the app carries on. The parent never decodes anything the worker
sends except fixed-size raw RGBA frames whose dimensions it checks first.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from PIL import Image

from . import pdf_worker
from .errors import (
    FileTooBig,
    PdfDamaged,
    PdfPasswordProtected,
    PdfPreviewUnavailable,
    PdfTooComplex,
)
from .limits import (
    MAX_FILE_BYTES,
    MAX_RENDER_PAGES_PER_CALL,
    MAX_RENDER_PX,
    PDF_MEMORY_BYTES,
    PDF_TIMEOUT_PER_PAGE_S,
    PDF_TIMEOUT_S,
)

_WORKER = Path(pdf_worker.__file__).resolve()
_PDF_MAGIC = b"%PDF-"
_CLOCKWISE = {
    90: Image.Transpose.ROTATE_270,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_90,
}
# Signals that mean "ran out of time" rather than "choked on the file".
_TIME_SIGNALS = {getattr(signal, name) for name in ("SIGKILL", "SIGXCPU") if hasattr(signal, name)}


def check_pdf_bytes(data: bytes) -> None:
    """The only checks the app process itself makes on a PDF: its size and its magic."""
    if len(data) > MAX_FILE_BYTES:
        raise FileTooBig(f"{len(data)} bytes")
    if not data.startswith(_PDF_MAGIC):
        raise PdfDamaged("no %PDF- header")


class _Worker:
    """One run of the worker with a wall-clock watchdog; always reaped, never left behind."""

    def __init__(self, data: bytes, args: list[str], timeout: float, memory_limit: int) -> None:
        cpu_seconds = math.ceil(timeout) + 1
        command = [
            sys.executable,
            "-I",  # isolated: no PYTHON* variables, no user site, no current folder on the path
            "-B",  # write no .pyc files
            str(_WORKER),
            str(int(memory_limit)),
            str(cpu_seconds),
            *args,
        ]
        env = dict(os.environ)
        env["QT_QPA_PLATFORM"] = "offscreen"
        env["QT_LOGGING_RULES"] = "*=false"
        extra: dict[str, object] = {}
        if sys.platform == "win32":
            extra["creationflags"] = subprocess.CREATE_NO_WINDOW
        self.timed_out = False
        try:
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,  # may echo PDF content; never shown or logged
                env=env,
                close_fds=True,
                **extra,  # type: ignore[arg-type]
            )
        except OSError as exc:
            raise PdfPreviewUnavailable(f"worker did not start: {type(exc).__name__}") from exc
        self._timer = threading.Timer(timeout, self._expire)
        self._timer.daemon = True
        self._timer.start()
        self._send(data)

    def _expire(self) -> None:
        self.timed_out = True
        self.process.kill()

    def _send(self, data: bytes) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        try:
            stdin.write(data)
        except (BrokenPipeError, OSError):
            pass  # the worker died early; its exit code says why
        finally:
            with contextlib.suppress(OSError):
                stdin.close()

    @property
    def stdout(self) -> IO[bytes]:
        assert self.process.stdout is not None
        return self.process.stdout

    def read_exact(self, count: int) -> bytes | None:
        """Exactly ``count`` bytes, or None if the worker stopped sending."""
        chunks: list[bytes] = []
        remaining = count
        while remaining:
            chunk = self.stdout.read(remaining)
            if not chunk:
                return None
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)

    def finish(self) -> int:
        """Wait for the exit (the watchdog still runs) and return the exit code."""
        try:
            return self.process.wait()
        finally:
            self.close()

    def close(self) -> None:
        self._timer.cancel()
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.stdout.close()

    def failure(self, returncode: int) -> Exception:
        """The error a person sees for a worker that did not deliver."""
        if self.timed_out or -returncode in _TIME_SIGNALS:
            return PdfTooComplex("worker ran out of time")
        if returncode == pdf_worker.EXIT_PASSWORD:
            return PdfPasswordProtected()
        if returncode == pdf_worker.EXIT_RENDER_FAILED:
            return PdfTooComplex("rendering failed (memory)")
        if returncode == pdf_worker.EXIT_NO_QTPDF:
            return PdfPreviewUnavailable("QtPdf is not installed")
        if returncode == pdf_worker.EXIT_USAGE:
            return PdfPreviewUnavailable("worker usage error")
        if returncode == pdf_worker.EXIT_NO_PAGE:
            return ValueError("the PDF has no such page")
        if returncode < 0:
            return PdfDamaged(f"worker died on signal {-returncode}")
        return PdfDamaged(f"worker exit code {returncode}")


def pdf_page_count(data: bytes, *, timeout: float = PDF_TIMEOUT_S) -> int:
    """How many pages the PDF has, asked of the worker process (raises PdfDamaged etc.)."""
    check_pdf_bytes(data)
    worker = _Worker(data, ["info"], timeout, PDF_MEMORY_BYTES)
    try:
        answer = worker.stdout.read(32)
        returncode = worker.finish()
    finally:
        worker.close()
    if returncode != 0 or worker.timed_out:
        raise worker.failure(returncode)
    try:
        pages = int(answer.decode("ascii"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PdfDamaged("worker answered nonsense") from exc
    if pages <= 0:
        raise PdfDamaged("no pages")
    return pages


def _frame_to_png(raw: bytes, width: int, height: int, rotation: int) -> bytes:
    """Raw RGBA from the worker, on white paper, turned, as PNG."""
    rgba = Image.frombytes("RGBA", (width, height), raw)
    paper = Image.new("RGB", (width, height), (255, 255, 255))
    paper.paste(rgba, mask=rgba.getchannel("A"))
    if rotation:
        paper = paper.transpose(_CLOCKWISE[rotation])
    buffer = io.BytesIO()
    paper.save(buffer, format="PNG", compress_level=3)
    return buffer.getvalue()


def render_pdf_pages(
    data: bytes,
    pages: Sequence[int],
    max_px: int,
    *,
    rotation: int = 0,
    timeout: float | None = None,
    memory_limit: int = PDF_MEMORY_BYTES,
) -> list[bytes]:
    """PNGs of ``pages`` (0-based), each at most ``max_px`` on its long side, on white.

    One worker process renders them all (for the packet appendix: pass about 2200 px for
    200 dpi on a page). ``rotation`` is clockwise degrees, as ``Attachment.rotation``.
    The default timeout grows with the number of pages.
    """
    if not 1 <= max_px <= MAX_RENDER_PX:
        raise ValueError(f"max_px must be 1..{MAX_RENDER_PX}")
    if not 1 <= len(pages) <= MAX_RENDER_PAGES_PER_CALL:
        raise ValueError(f"ask for 1..{MAX_RENDER_PAGES_PER_CALL} pages at a time")
    if any(page < 0 for page in pages):
        raise ValueError("pages are counted from 0")
    if rotation % 90:
        raise ValueError("rotation must be a multiple of 90")
    rotation %= 360
    check_pdf_bytes(data)
    if timeout is None:
        timeout = PDF_TIMEOUT_S + PDF_TIMEOUT_PER_PAGE_S * len(pages)
    worker = _Worker(
        data, ["render", str(max_px), *(str(page) for page in pages)], timeout, memory_limit
    )
    images: list[bytes] = []
    try:
        for _ in pages:
            header = worker.read_exact(8)
            if header is None:
                break
            width = int.from_bytes(header[:4], "big")
            height = int.from_bytes(header[4:], "big")
            if not (1 <= width <= max_px + 1 and 1 <= height <= max_px + 1):
                worker.close()
                raise PdfDamaged("worker sent an impossible page size")
            raw = worker.read_exact(width * height * 4)
            if raw is None:
                break
            images.append(_frame_to_png(raw, width, height, rotation))
        returncode = worker.finish()
    finally:
        worker.close()
    if returncode != 0 or worker.timed_out:
        raise worker.failure(returncode)
    if len(images) != len(pages):
        raise PdfDamaged("worker sent too few pages")
    return images


def render_pdf_page_thumbnail(
    data: bytes,
    page: int,
    max_px: int,
    *,
    rotation: int = 0,
    timeout: float | None = None,
    memory_limit: int = PDF_MEMORY_BYTES,
) -> bytes:
    """A PNG of one page (0-based), at most ``max_px`` on its long side, rendered out of process."""
    return render_pdf_pages(
        data, [page], max_px, rotation=rotation, timeout=timeout, memory_limit=memory_limit
    )[0]
