"""Every limit of the import pipeline in one place, so docs/DOCUMENTS.md and the UI can cite them.

The byte caps match the vault's (``preparedness.vault.container``): a copy the importer accepts
is one the vault can save. A test keeps the two in step.
"""

from __future__ import annotations

MiB = 1024 * 1024

#: One file as chosen by the person, checked before it is read; and one stored copy.
MAX_FILE_BYTES = 25 * MiB
#: All copies in one plan together.
MAX_TOTAL_BYTES = 200 * MiB

#: Decoded size of one picture (80 MP: a 50 MP phone photo or an A4 page scanned at 600 dpi
#: fit; a 20000x20000 "bomb" does not). Checked from the header, before decoding.
MAX_PIXELS = 80_000_000
#: Longest side of a picture; stops 1 x 80,000,000 strips.
MAX_SIDE = 30_000
#: Pages of a multi-page TIFF, and their pixels together (checked before decoding any page).
MAX_PAGES_PER_FILE = 50
MAX_PIXELS_PER_FILE = 400_000_000
#: Scans in a progressive JPEG; normal files have about 10, hostile ones thousands (slow).
MAX_JPEG_SCANS = 100
#: An embedded colour profile larger than this is ignored rather than parsed.
MAX_ICC_BYTES = 4 * MiB

#: Print resolution: about 200 dpi across the long side of US Letter (11 in) or A4 (11.7 in).
PRINT_LONG_SIDE = 2200
#: A JPEG may instead be decoded at 1/2, 1/4 or 1/8 scale (libjpeg's DCT scaling: nearly free)
#: when that leaves at least this many pixels on the long side (180 dpi on Letter): a 12 MP
#: photo then takes ~0.1 s instead of ~0.35 s (full decode + Lanczos resampling).
PRINT_LONG_SIDE_MIN = 1980
#: JPEG quality for photos and scans: no visible loss for documents, a third of q95's size.
JPEG_QUALITY = 85

#: Thumbnails and rendered PDF pages are at most this many pixels on their long side.
MAX_RENDER_PX = 4096

#: The PDF worker process: address-space-independent memory cap (RLIMIT_DATA), CPU seconds,
#: and the wall-clock timeout of one call (plus PDF_TIMEOUT_PER_PAGE_S for each page rendered).
PDF_MEMORY_BYTES = 768 * MiB
PDF_TIMEOUT_S = 20.0
PDF_TIMEOUT_PER_PAGE_S = 3.0
#: Pages one render call may ask for (the caller batches the rest).
MAX_RENDER_PAGES_PER_CALL = 100
