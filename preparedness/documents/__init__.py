"""Copies of a family's papers: imported safely, kept only inside the encrypted plan.

Qt-free and pure: nothing here writes to disk, logs, or keeps state. The wizard, the CLI and the
packet call this API; docs/DOCUMENTS.md explains the limits and what a person is told.

- ``import_file(path)`` / ``import_bytes(data)`` -> ``list[ImportedPage]``: pictures (JPEG,
  PNG, GIF, WebP, TIFF, HEIC with pillow-heif) are decoded under limits, made upright, stripped
  of all metadata, converted to sRGB and reduced to print size (unless ``keep_original``), and
  stored as JPEG or PNG; a multi-page TIFF gives one page each. PDFs are kept byte for byte.
- ``check_total(existing_sizes, new_size)``, ``remaining_bytes(existing_sizes)``: the plan cap.
- ``rotate(data, media_type, degrees)``: turn a stored picture clockwise, re-encoded once.
- ``thumbnail(data, max_px)``: a PNG preview made in memory (PDFs in the worker process).
- ``pdf_page_count``, ``render_pdf_page_thumbnail``, ``render_pdf_pages``: PDF pages, rendered
  only in a separate process with memory and time limits.

Every refusal is a ``DocumentImportError`` with a stable ``message_id`` and a plain
``default_message``.
"""

from __future__ import annotations

from . import limits
from .errors import (
    CannotRead,
    Damaged,
    DocumentImportError,
    EmptyFile,
    FileTooBig,
    HeicNotAvailable,
    NotSupported,
    PdfDamaged,
    PdfPasswordProtected,
    PdfPreviewUnavailable,
    PdfTooComplex,
    TooManyPages,
    TooManyPixels,
    TotalTooBig,
)
from .images import rotate
from .importer import import_bytes, import_file, thumbnail
from .page import MEDIA_JPEG, MEDIA_PDF, MEDIA_PNG, STORED_MEDIA_TYPES, ImportedPage
from .pdf import pdf_page_count, render_pdf_page_thumbnail, render_pdf_pages
from .sniff import Kind, sniff
from .source import check_total, remaining_bytes

__all__ = [
    "MEDIA_JPEG",
    "MEDIA_PDF",
    "MEDIA_PNG",
    "STORED_MEDIA_TYPES",
    "CannotRead",
    "Damaged",
    "DocumentImportError",
    "EmptyFile",
    "FileTooBig",
    "HeicNotAvailable",
    "ImportedPage",
    "Kind",
    "NotSupported",
    "PdfDamaged",
    "PdfPasswordProtected",
    "PdfPreviewUnavailable",
    "PdfTooComplex",
    "TooManyPages",
    "TooManyPixels",
    "TotalTooBig",
    "check_total",
    "import_bytes",
    "import_file",
    "limits",
    "pdf_page_count",
    "remaining_bytes",
    "render_pdf_page_thumbnail",
    "render_pdf_pages",
    "rotate",
    "sniff",
    "thumbnail",
]
