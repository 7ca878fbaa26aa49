"""The result of importing one file: what the vault stores as one attachment blob."""

from __future__ import annotations

from dataclasses import dataclass, field

MEDIA_JPEG = "image/jpeg"
MEDIA_PNG = "image/png"
MEDIA_PDF = "application/pdf"
#: What the pipeline ever stores, and so what the packet and the UI must be able to show.
STORED_MEDIA_TYPES = frozenset({MEDIA_JPEG, MEDIA_PNG, MEDIA_PDF})


@dataclass(frozen=True, slots=True)
class ImportedPage:
    """One stored copy: a clean re-encoded picture, or a PDF kept byte for byte.

    ``width``/``height`` are the stored picture's pixels (None for a PDF). ``source_format``
    is what the file was (``"JPEG"``, ``"HEIF"``, ``"PDF"``...), ``downscaled`` says whether
    it was reduced to print resolution, and ``page_count`` is a PDF's number of pages when it
    was checked in the worker process (None otherwise). ``data`` is left out of ``repr`` so a
    stray log line or assertion message can never dump a passport scan.
    """

    data: bytes = field(repr=False)
    media_type: str
    width: int | None = None
    height: int | None = None
    source_format: str = ""
    downscaled: bool = False
    page_count: int | None = None

    @property
    def size(self) -> int:
        """Stored size in bytes: what counts against the plan's total cap."""
        return len(self.data)
