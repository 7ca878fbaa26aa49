"""Why a file could not be kept: one class per thing a person can do about it.

Each class has a stable ``message_id`` that the UI and CLI translate, and a plain English
``default_message`` saying what to do next. ``detail`` is a short technical note for developers:
never a file name, a path or anything from inside the file. The original exception, if any, is
chained as ``__cause__``.

The base class is deliberately *not* Python's built-in ``ImportError``: that one means "a module
could not be imported", and ``except ImportError`` around an optional import (pillow_heif,
PySide6) would silently swallow a refused document.
"""

from __future__ import annotations

from .limits import (
    MAX_FILE_BYTES,
    MAX_PAGES_PER_FILE,
    MAX_PIXELS,
    MAX_TOTAL_BYTES,
    MiB,
)


class DocumentImportError(Exception):
    """Base of every refusal from ``preparedness.documents``; never carries file content."""

    message_id: str = "documents.error.unexpected"
    default_message: str = (
        "Something unexpected went wrong with this file. Try again, or scan the paper again."
    )
    #: Numbers a translation may show (limits); never personal data.
    params: dict[str, int] = {}  # noqa: RUF012 - read-only class default

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or self.message_id)
        self.detail = detail

    def __str__(self) -> str:
        suffix = f": {self.detail}" if self.detail else ""
        return f"{self.default_message} [{self.message_id}{suffix}]"


class FileTooBig(DocumentImportError):
    message_id = "documents.error.too_big"
    default_message = (
        f"This file is too large to keep in the plan (the limit is {MAX_FILE_BYTES // MiB} MB "
        "for each file). Scan it again at a lower resolution, or save a smaller copy."
    )
    params = {"limit_mb": MAX_FILE_BYTES // MiB}  # noqa: RUF012


class TotalTooBig(DocumentImportError):
    message_id = "documents.error.total_too_big"
    default_message = (
        f"There is no more room for copies in this plan (all copies together can take up to "
        f"{MAX_TOTAL_BYTES // MiB} MB). Remove a copy you no longer need, or keep a smaller one."
    )
    params = {"limit_mb": MAX_TOTAL_BYTES // MiB}  # noqa: RUF012


class EmptyFile(DocumentImportError):
    message_id = "documents.error.empty"
    default_message = (
        "This file is empty: there is nothing in it to keep. Choose the file again, or scan "
        "the paper again."
    )


class CannotRead(DocumentImportError):
    message_id = "documents.error.cannot_read"
    default_message = (
        "The app could not open this file. Check that it is still there (a phone or USB stick "
        "may have been unplugged) and try again."
    )


class NotSupported(DocumentImportError):
    message_id = "documents.error.not_supported"
    default_message = (
        "The app cannot keep this kind of file. It keeps photos and scans saved as JPEG, PNG, "
        "HEIC, GIF, WebP, TIFF or PDF. Save the document in one of these and try again."
    )


class HeicNotAvailable(NotSupported):
    message_id = "documents.error.heic_not_available"
    default_message = (
        "This copy of the app cannot read HEIC photos (the usual iPhone format). On the phone, "
        'share or export the photo as JPEG ("Most Compatible"), then try again.'
    )


class Damaged(DocumentImportError):
    message_id = "documents.error.damaged"
    default_message = (
        "This file is damaged or incomplete, so the app cannot read it. Copy it again from the "
        "phone or scanner, or scan the paper again."
    )


class TooManyPixels(DocumentImportError):
    message_id = "documents.error.too_many_pixels"
    default_message = (
        "This picture is too large. Take a new photo, or scan at a lower resolution "
        "(300 dpi is plenty)."
    )
    params = {"limit_megapixels": MAX_PIXELS // 1_000_000}  # noqa: RUF012


class TooManyPages(DocumentImportError):
    message_id = "documents.error.too_many_pages"
    default_message = (
        f"This file has too many pages (the limit is {MAX_PAGES_PER_FILE}). Split it into "
        "smaller files, or scan fewer pages at a time."
    )
    params = {"limit_pages": MAX_PAGES_PER_FILE}  # noqa: RUF012


# --- PDFs: shown only by a separate, limited process -----------------------------------------


class PdfDamaged(Damaged):
    message_id = "documents.error.pdf_damaged"
    default_message = (
        "This PDF is damaged or is not a real PDF, so the app cannot show it. Save or download "
        "it again, or print it and scan the paper."
    )


class PdfPasswordProtected(DocumentImportError):
    message_id = "documents.error.pdf_password"
    default_message = (
        "This PDF is locked with a password. Save a copy without the password, or print it and "
        "scan the paper."
    )


class PdfTooComplex(DocumentImportError):
    message_id = "documents.error.pdf_too_complex"
    default_message = (
        "This PDF took too long or needed too much memory to show. Print it and scan the "
        "paper, or save a simpler copy."
    )


class PdfPreviewUnavailable(DocumentImportError):
    message_id = "documents.error.pdf_preview_unavailable"
    default_message = (
        "The app cannot show PDF pages on this computer. The PDF itself can still be kept."
    )


__all__ = [
    "CannotRead",
    "Damaged",
    "DocumentImportError",
    "EmptyFile",
    "FileTooBig",
    "HeicNotAvailable",
    "NotSupported",
    "PdfDamaged",
    "PdfPasswordProtected",
    "PdfPreviewUnavailable",
    "PdfTooComplex",
    "TooManyPages",
    "TooManyPixels",
    "TotalTooBig",
]
