"""What a file is, from its first bytes: the extension is only a hint people (and tools) get wrong.

A text file renamed ``scan.jpg`` is refused here, and each image is then handed only to the
Pillow plugin its magic bytes name, so a hostile file cannot steer itself to a weaker decoder.
"""

from __future__ import annotations

from enum import Enum


class Kind(Enum):
    """A kind of input the pipeline accepts; the value is the Pillow format name."""

    JPEG = "JPEG"
    PNG = "PNG"
    GIF = "GIF"
    WEBP = "WEBP"
    TIFF = "TIFF"
    HEIF = "HEIF"
    PDF = "PDF"


# ISO base media file brands of HEIF still images written by phones (not AVIF: "avif"/"avis").
_HEIF_BRANDS = frozenset(
    {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1", b"msf1"}
)
_AVIF_BRANDS = frozenset({b"avif", b"avis"})


def _heif_brand(data: bytes) -> Kind | None:
    """HEIF if the ``ftyp`` box names a HEIF brand and no AVIF brand."""
    if len(data) < 16 or data[4:8] != b"ftyp":
        return None
    box_size = int.from_bytes(data[0:4], "big")
    if box_size < 16 or box_size > 4096:
        return None
    body = data[8 : min(box_size, len(data))]
    brands = {body[0:4]} | {body[i : i + 4] for i in range(8, len(body) - 3, 4)}
    if brands & _AVIF_BRANDS:
        return None
    if brands & _HEIF_BRANDS:
        return Kind.HEIF
    return None


def sniff(data: bytes) -> Kind | None:
    """The kind of ``data`` from its magic bytes, or None if it is nothing we keep."""
    if data.startswith(b"\xff\xd8\xff"):
        return Kind.JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return Kind.PNG
    if data.startswith((b"GIF87a", b"GIF89a")):
        return Kind.GIF
    if len(data) >= 12 and data[0:4] == b"RIFF" and data[8:12] == b"WEBP":
        return Kind.WEBP
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return Kind.TIFF
    if data.startswith(b"%PDF-"):
        return Kind.PDF
    return _heif_brand(data)
