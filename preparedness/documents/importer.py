"""The front door: a file or bytes in, clean copies out (see the package docstring)."""

from __future__ import annotations

from pathlib import Path

from . import images, pdf
from .errors import EmptyFile, FileTooBig, NotSupported, PdfPreviewUnavailable
from .limits import MAX_FILE_BYTES
from .page import MEDIA_PDF, ImportedPage
from .sniff import Kind, sniff
from .source import read_file_capped


def import_bytes(
    data: bytes, *, keep_original: bool = False, check_pdf: bool = True
) -> list[ImportedPage]:
    """Clean copies of a picture or PDF held in memory; one per page for multi-page TIFFs.

    Raises a DocumentImportError subclass for anything it will not keep. With ``check_pdf``
    a PDF is opened once in the worker process, so a damaged or password-locked PDF is refused
    now rather than discovered when the packet is printed; if this computer cannot show PDFs
    at all, the PDF is kept unchecked (``page_count`` None).
    """
    if len(data) > MAX_FILE_BYTES:
        raise FileTooBig(f"{len(data)} bytes")
    if not data:
        raise EmptyFile()
    kind = sniff(data)
    if kind is None:
        raise NotSupported("unknown magic bytes")
    if kind is Kind.PDF:
        return [_import_pdf(data, check_pdf)]
    return images.import_image(data, kind, keep_original=keep_original)


def _import_pdf(data: bytes, check: bool) -> ImportedPage:
    pdf.check_pdf_bytes(data)
    page_count: int | None = None
    if check:
        try:
            page_count = pdf.pdf_page_count(data)
        except PdfPreviewUnavailable:
            page_count = None
    return ImportedPage(
        data=bytes(data), media_type=MEDIA_PDF, source_format="PDF", page_count=page_count
    )


def import_file(
    path: Path | str, *, keep_original: bool = False, check_pdf: bool = True
) -> list[ImportedPage]:
    """``import_bytes`` of a file, whose size is checked before it is read (at most cap + 1).

    The file is only read: the original stays where it is (the UI may offer to delete it).
    """
    return import_bytes(
        read_file_capped(Path(path)), keep_original=keep_original, check_pdf=check_pdf
    )


def thumbnail(data: bytes, max_px: int, *, rotation: int = 0) -> bytes:
    """A PNG preview of a stored copy (a picture's first page, a PDF's first page), in memory.

    ``rotation`` is clockwise degrees, as ``Attachment.rotation``. PDFs are rendered by the
    worker process.
    """
    if len(data) > MAX_FILE_BYTES:
        raise FileTooBig(f"{len(data)} bytes")
    kind = sniff(data)
    if kind is None:
        raise NotSupported("unknown magic bytes")
    if kind is Kind.PDF:
        return pdf.render_pdf_page_thumbnail(data, 0, max_px, rotation=rotation)
    return images.image_thumbnail(data, kind, max_px, rotation)
