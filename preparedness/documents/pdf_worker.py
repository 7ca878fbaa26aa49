"""The throwaway process that looks inside PDFs, so the app itself never parses one.

Run only by ``preparedness.documents.pdf`` as ``python -I -B pdf_worker.py MEM CPU COMMAND...``
with the PDF on standard input. It is self-contained (standard library and PySide6.QtPdf only)
so it can run in isolated mode. Before touching the PDF it limits itself:

- RLIMIT_DATA (not RLIMIT_AS: pdfium's PartitionAlloc reserves about 32 GB of address space up
  front and aborts under any address-space cap; RLIMIT_DATA counts what it actually commits);
- RLIMIT_CPU, so a busy loop dies even if the parent's timer were to fail;
- RLIMIT_FSIZE = 0 with SIGXFSZ ignored, so it cannot write file contents anywhere;
- no core dumps (RLIMIT_CORE = 0 and, on Linux, not dumpable): a crash must not leave a
  passport scan in a core file.

Commands (results on standard output, nothing else written):
- ``info``: ASCII decimal page count.
- ``render MAX_PX PAGE...``: for each page, 8 bytes (width, height as big-endian u32) then
  width*height*4 bytes of RGBA; the long side is MAX_PX.
Exit codes: 0 ok, 2 usage, 3 not a readable PDF, 4 password, 5 no such page, 6 rendering
failed (memory), 7 QtPdf missing.
"""

from __future__ import annotations

import contextlib
import os
import sys

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_DAMAGED = 3
EXIT_PASSWORD = 4
EXIT_NO_PAGE = 5
EXIT_RENDER_FAILED = 6
EXIT_NO_QTPDF = 7


def _limit_self(memory_bytes: int, cpu_seconds: int) -> None:
    """Apply the limits described in the module docstring (where the platform has them)."""
    try:
        import resource
        import signal
    except ImportError:  # Windows: only the parent's timeout applies
        return

    def lower(kind: int, value: int, hard: int | None = None) -> None:
        _, old_hard = resource.getrlimit(kind)
        new_hard = hard if hard is not None else value
        if old_hard != resource.RLIM_INFINITY:
            new_hard = min(new_hard, old_hard)
            value = min(value, old_hard)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(kind, (value, new_hard))

    lower(resource.RLIMIT_DATA, memory_bytes)
    lower(resource.RLIMIT_CPU, cpu_seconds, cpu_seconds + 1)
    lower(resource.RLIMIT_CORE, 0)
    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    lower(resource.RLIMIT_FSIZE, 0)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 4
        except (OSError, AttributeError):
            pass


def _write(data: bytes) -> None:
    sys.stdout.buffer.write(data)


def main(argv: list[str]) -> int:
    if len(argv) < 3:
        return EXIT_USAGE
    try:
        memory_bytes, cpu_seconds = int(argv[0]), int(argv[1])
    except ValueError:
        return EXIT_USAGE
    _limit_self(memory_bytes, cpu_seconds)
    command, rest = argv[2], argv[3:]
    data = sys.stdin.buffer.read()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
        from PySide6.QtGui import QImage
        from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
    except ImportError:
        return EXIT_NO_QTPDF

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(None)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        error = document.error()
        if error in (
            QPdfDocument.Error.IncorrectPassword,
            QPdfDocument.Error.UnsupportedSecurityScheme,
        ):
            return EXIT_PASSWORD
        return EXIT_DAMAGED
    pages = document.pageCount()
    if pages <= 0:
        return EXIT_DAMAGED

    if command == "info":
        _write(str(pages).encode("ascii"))
        return EXIT_OK
    if command != "render" or len(rest) < 2:
        return EXIT_USAGE
    try:
        max_px = int(rest[0])
        wanted = [int(page) for page in rest[1:]]
    except ValueError:
        return EXIT_USAGE
    options = QPdfDocumentRenderOptions()
    options.setRenderFlags(QPdfDocumentRenderOptions.RenderFlag.Annotations)
    for page in wanted:
        if not 0 <= page < pages:
            return EXIT_NO_PAGE
        points = document.pagePointSize(page)
        width, height = points.width(), points.height()
        if not (width > 0 and height > 0):
            return EXIT_DAMAGED
        scale = max_px / max(width, height)
        size = QSize(max(1, round(width * scale)), max(1, round(height * scale)))
        image = document.render(page, size, options)
        if image.isNull():
            return EXIT_RENDER_FAILED
        image = image.convertToFormat(QImage.Format.Format_RGBA8888)
        if image.isNull() or image.bytesPerLine() != image.width() * 4:
            return EXIT_RENDER_FAILED
        _write(image.width().to_bytes(4, "big") + image.height().to_bytes(4, "big"))
        _write(bytes(image.constBits()))
        sys.stdout.buffer.flush()
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
