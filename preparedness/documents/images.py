"""Pictures: decoded under limits, re-encoded clean, never written to disk.

Why each step:
- Only the Pillow plugin named by the magic bytes may open the file (``formats=[...]``).
- ``Image.open`` is lazy: the size comes from the header, and is checked against ``MAX_PIXELS``
  *before* any pixel is decoded, so a 20000x20000 PNG of 400 KB is refused in milliseconds.
  Pillow's own decompression-bomb warning is turned into an error on the way.
- Truncated files fail (``ImageFile.LOAD_TRUNCATED_IMAGES`` is never touched) instead of being
  kept with a grey half a caregiver would discover too late.
- The EXIF orientation is applied, then the pixels are copied into a brand new image, so no
  metadata can ride along: no EXIF (GPS position, camera serial, dates), no XMP, no comments.
  A colour profile is used to convert the pixels to sRGB and then dropped (output is plain
  sRGB, which every viewer and printer assumes): profiles can name devices, and a CMYK scan
  without conversion prints with wrong colours.
- Pictures are reduced to print resolution (``PRINT_LONG_SIDE``) unless the person asks to keep
  the original size; either way they are re-encoded.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from PIL import Image, ImageCms, JpegImagePlugin

from .errors import (
    Damaged,
    DocumentImportError,
    FileTooBig,
    HeicNotAvailable,
    NotSupported,
    TooManyPages,
    TooManyPixels,
)
from .limits import (
    JPEG_QUALITY,
    MAX_FILE_BYTES,
    MAX_ICC_BYTES,
    MAX_JPEG_SCANS,
    MAX_PAGES_PER_FILE,
    MAX_PIXELS,
    MAX_PIXELS_PER_FILE,
    MAX_RENDER_PX,
    MAX_SIDE,
    PRINT_LONG_SIDE,
    PRINT_LONG_SIDE_MIN,
)
from .page import MEDIA_JPEG, MEDIA_PNG, ImportedPage
from .sniff import Kind, sniff

_WHITE_RGB = (255, 255, 255)
_LOSSLESS_SOURCES = frozenset({Kind.PNG, Kind.GIF, Kind.TIFF})
_ORIENTATION_TAG = 0x0112
# EXIF orientation -> the transposes that make the picture upright (as ImageOps.exif_transpose).
_UPRIGHT: dict[int, tuple[Image.Transpose, ...]] = {
    2: (Image.Transpose.FLIP_LEFT_RIGHT,),
    3: (Image.Transpose.ROTATE_180,),
    4: (Image.Transpose.FLIP_TOP_BOTTOM,),
    5: (Image.Transpose.TRANSPOSE,),
    6: (Image.Transpose.ROTATE_270,),
    7: (Image.Transpose.TRANSVERSE,),
    8: (Image.Transpose.ROTATE_90,),
}
# Clockwise degrees (as Attachment.rotation) -> Pillow's counter-clockwise transposes.
_CLOCKWISE = {
    90: Image.Transpose.ROTATE_270,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_90,
}
_SRGB = ImageCms.createProfile("sRGB")


# --- guard rails ---------------------------------------------------------------------------


@contextmanager
def _strict() -> Iterator[None]:
    """Turn every failure inside into a DocumentImportError; silence Pillow's chatter.

    A hostile file can make Pillow raise almost anything (OSError, SyntaxError, struct.error,
    IndexError...). The person needs one clear message, never a stack trace, so anything that
    is not already ours becomes ``Damaged``; memory exhaustion and bomb checks become
    ``TooManyPixels``. Warnings (e.g. "corrupt EXIF") are ignored rather than printed.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except DocumentImportError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise TooManyPixels("Pillow's decompression-bomb check") from exc
        except MemoryError as exc:
            raise TooManyPixels("out of memory while decoding") from exc
        except Exception as exc:
            raise Damaged(f"decoder failed: {type(exc).__name__}") from exc


def check_dimensions(width: int, height: int) -> None:
    """Refuse a picture whose header promises more pixels than we will ever decode."""
    if width <= 0 or height <= 0:
        raise Damaged("zero-sized picture")
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise TooManyPixels(f"{width}x{height}")


def _open(data: bytes, kind: Kind) -> Image.Image:
    """Open lazily with the one plugin ``kind`` names, and check the size before decoding."""
    if kind is Kind.HEIF:
        return _open_heif(data)
    if kind is Kind.JPEG and data.count(b"\xff\xda") > MAX_JPEG_SCANS:
        # Thousands of progressive scans decode for minutes within the pixel cap.
        raise Damaged("too many JPEG scans")
    image = Image.open(io.BytesIO(data), formats=[kind.value])
    check_dimensions(*image.size)
    return image


def _open_heif(data: bytes) -> Image.Image:
    """HEIC/HEIF through pillow-heif (a dependency; a platform without its wheel gets a message)."""
    try:
        import pillow_heif
    except ImportError as exc:
        raise HeicNotAvailable("pillow-heif is not installed") from exc
    heif = pillow_heif.open_heif(io.BytesIO(data), convert_hdr_to_8bit=True)
    check_dimensions(*heif.size)  # from the header: nothing is decoded yet
    # libheif applies the HEIF rotation/mirror boxes itself (and resets EXIF orientation).
    return heif.to_pillow()


def _orientation(image: Image.Image, kind: Kind) -> int:
    """The EXIF orientation (1..8); 1 if absent, unreadable or already applied (HEIF)."""
    if kind is Kind.HEIF:
        return 1
    try:
        value = image.getexif().get(_ORIENTATION_TAG, 1)
    except Exception:
        return 1  # broken metadata must not cost the person their copy
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _fit(width: int, height: int, long_side: int) -> tuple[int, int]:
    """(width, height) scaled so the long side is ``long_side``, never upscaled."""
    longest = max(width, height)
    if longest <= long_side:
        return width, height
    scale = long_side / longest
    return max(1, round(width * scale)), max(1, round(height * scale))


# --- colour: everything ends up 8-bit sRGB "RGB" or grey "L" ----------------------------------


def _deep_to_l(image: Image.Image) -> Image.Image:
    """16/32-bit grey and float to 8-bit. Pillow's convert("L") would clip 16-bit to white."""
    if image.mode.startswith("I;16"):
        return image.convert("I").point(lambda v: v / 257).convert("L")
    low, high = image.getextrema()
    if image.mode == "I" and low >= 0 and high <= 255:
        return image.convert("L")
    if image.mode == "I" and low >= 0 and high <= 65535:
        return image.point(lambda v: v / 257).convert("L")
    span = (high - low) or 1
    base = image.convert("F") if image.mode != "F" else image
    return base.point(lambda v: (v - low) * (255 / span)).convert("L")


def _flatten(image: Image.Image) -> Image.Image:
    """Any mode to "RGB", "L" or "CMYK"; transparency is composited onto white paper."""
    mode = image.mode
    if mode in ("RGB", "L", "CMYK"):
        return image
    if mode == "1":
        return image.convert("L")
    if mode.startswith("I") or mode == "F":
        return _deep_to_l(image)
    if mode in ("P", "PA"):
        has_alpha = mode == "PA" or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
        mode = image.mode
        if mode == "RGB":
            return image
    if mode in ("LA", "La"):
        grey = Image.new("L", image.size, 255)
        grey.paste(image.convert("L"), mask=image.convert("LA").getchannel("A"))
        return grey
    if mode in ("RGBA", "RGBa"):
        paper = Image.new("RGB", image.size, _WHITE_RGB)
        paper.paste(image.convert("RGB"), mask=image.convert("RGBA").getchannel("A"))
        return paper
    if mode in ("RGBX", "YCbCr", "LAB", "HSV"):
        return image.convert("RGB")
    raise NotSupported(f"picture mode {mode}")


def _is_srgb(profile: ImageCms.ImageCmsProfile) -> bool:
    try:
        return "srgb" in ImageCms.getProfileDescription(profile).lower()
    except Exception:
        return False


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Convert to sRGB with the embedded profile when there is a usable one; else naively.

    Phone photos are often Display P3, CMYK scans carry a press profile: converting keeps the
    colours right once the profile is dropped. A broken or absurd profile is ignored.
    """
    if icc and len(icc) <= MAX_ICC_BYTES and image.mode in ("RGB", "CMYK"):
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if image.mode == "RGB" and _is_srgb(source):
                return image
            converted = ImageCms.profileToProfile(
                image,
                source,
                _SRGB,
                renderingIntent=ImageCms.Intent.PERCEPTUAL,
                outputMode="RGB",
            )
            if converted is not None:
                return converted
        except Exception:
            pass  # fall through to the plain conversion
    if image.mode == "CMYK":
        return image.convert("RGB")
    return image


def _clean_copy(image: Image.Image) -> Image.Image:
    """The same pixels in a new image: no info, no EXIF, no XMP, no profile can survive."""
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    return clean


# --- encoding ----------------------------------------------------------------------------------


def _encode_jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return buffer.getvalue()


def _reencode_jpeg_like(image: Image.Image, source: Image.Image) -> bytes:
    """JPEG with ``source``'s own quantisation tables and subsampling: no extra loss of quality.

    (Pillow scales given tables by ``quality``; leaving quality unset keeps them as they are.)
    """
    qtables = getattr(source, "quantization", None)
    if not qtables:
        return _encode_jpeg(image)
    sampling = JpegImagePlugin.get_sampling(source)
    buffer = io.BytesIO()
    options: dict[str, object] = {"qtables": qtables}
    if sampling >= 0:
        options["subsampling"] = sampling
    image.save(buffer, format="JPEG", optimize=True, **options)
    return buffer.getvalue()


def _encode_png(image: Image.Image, compress_level: int = 6) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=compress_level)
    return buffer.getvalue()


def _exact_palette_png(image: Image.Image) -> bytes | None:
    """PNG of a picture with at most 256 colours (line art, a fax scan), or None."""
    colours = image.getcolors(256)
    if colours is None:
        return None
    if image.mode == "L":
        return _encode_png(image)
    palette = Image.new("P", (1, 1))
    flat = [channel for _, rgb in colours for channel in rgb]
    palette.putpalette(flat)
    return _encode_png(image.quantize(palette=palette, dither=Image.Dither.NONE))


def _encode(image: Image.Image, kind: Kind) -> tuple[bytes, str]:
    """JPEG for photos; PNG instead when the source was lossless line art and PNG is smaller."""
    jpeg = _encode_jpeg(image)
    if kind in _LOSSLESS_SOURCES:
        png = _exact_palette_png(image)
        if png is not None and len(png) <= len(jpeg):
            return png, MEDIA_PNG
    return jpeg, MEDIA_JPEG


# --- the pipeline ------------------------------------------------------------------------------


def _page_count(image: Image.Image, kind: Kind) -> int:
    """Pages to import: all of a multi-page TIFF (checked before decoding any), else the first.

    Only TIFF pages are separate pages of a document; GIF/WebP/PNG animations contribute their
    first frame and the rest is never read, so a million-frame GIF costs nothing.
    """
    if kind is not Kind.TIFF:
        return 1
    count, pixels = 0, 0
    while True:
        try:
            image.seek(count)
        except EOFError:
            break
        check_dimensions(*image.size)
        count += 1
        pixels += image.size[0] * image.size[1]
        if count > MAX_PAGES_PER_FILE:
            raise TooManyPages(f"more than {MAX_PAGES_PER_FILE} pages")
        if pixels > MAX_PIXELS_PER_FILE:
            raise TooManyPixels("pages together too large")
    if count == 0:
        raise Damaged("no pages")
    image.seek(0)
    return count


def _decode_upright(
    image: Image.Image, kind: Kind, long_side: int | None, floor: int | None = None
) -> tuple[Image.Image, bool]:
    """The current frame decoded, flattened, reduced, upright; and whether it was reduced.

    ``long_side`` None keeps the full size. A JPEG may come out with a long side between
    ``floor`` and ``long_side`` when DCT scaling gets there without resampling.
    """
    original = image.size
    if kind is Kind.JPEG and long_side is not None and _fit(*original, long_side) != original:
        # libjpeg scales by 1/2, 1/4 or 1/8 while decoding; accept a result slightly under
        # long_side (but at least the floor) rather than resample the full picture.
        image.draft(image.mode, _fit(*original, min(floor or long_side, long_side)))
    image.load()
    # Read after load: Pillow's TIFF loader applies the orientation itself and drops the tag.
    orientation = _orientation(image, kind)
    icc = image.info.get("icc_profile")
    target = image.size if long_side is None else _fit(*image.size, long_side)
    picture = _flatten(image)
    if picture.size != target:
        picture = picture.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
    picture = _to_srgb(picture, icc if isinstance(icc, bytes) else None)
    for transpose in _UPRIGHT.get(orientation, ()):
        picture = picture.transpose(transpose)
    return picture, max(picture.size) < max(original)


def import_image(data: bytes, kind: Kind, *, keep_original: bool = False) -> list[ImportedPage]:
    """Clean, print-sized copies of every page of a picture file (see module docstring)."""
    pages: list[ImportedPage] = []
    with _strict(), _open(data, kind) as image:
        for index in range(_page_count(image, kind)):
            if index:
                image.seek(index)
            if keep_original:
                picture, downscaled = _decode_upright(image, kind, None)
            else:
                picture, downscaled = _decode_upright(
                    image, kind, PRINT_LONG_SIDE, PRINT_LONG_SIDE_MIN
                )
            clean = _clean_copy(picture)
            encoded, media_type = _encode(clean, kind)
            if len(encoded) > MAX_FILE_BYTES:
                raise FileTooBig("re-encoded copy over the cap")
            pages.append(
                ImportedPage(
                    data=encoded,
                    media_type=media_type,
                    width=clean.width,
                    height=clean.height,
                    source_format=kind.value,
                    downscaled=downscaled,
                )
            )
    return pages


def _stored_kind(data: bytes, media_type: str) -> Kind:
    """Check that stored bytes are the JPEG or PNG they claim to be."""
    kind = sniff(data)
    expected = {MEDIA_JPEG: Kind.JPEG, MEDIA_PNG: Kind.PNG}.get(media_type)
    if expected is None:
        raise NotSupported(f"cannot rotate {media_type or 'unknown type'}")
    if kind is not expected:
        raise Damaged("stored bytes do not match their media type")
    return kind


def rotate(data: bytes, media_type: str, degrees: int) -> bytes:
    """A stored JPEG/PNG turned ``degrees`` clockwise (a multiple of 90), re-encoded once.

    A JPEG keeps its own quantisation tables, so turning costs no more quality than one save.
    PDFs are not rotated here: use ``Attachment.rotation``, which the viewer and packet apply.
    """
    if degrees % 90:
        raise ValueError("degrees must be a multiple of 90")
    degrees %= 360
    kind = _stored_kind(data, media_type)
    if degrees == 0:
        return data
    with _strict(), _open(data, kind) as image:
        image.load()
        turned = _clean_copy(_to_srgb(_flatten(image), None).transpose(_CLOCKWISE[degrees]))
        if kind is Kind.JPEG:
            return _reencode_jpeg_like(turned, image)
        return _encode_png(turned)


def image_thumbnail(data: bytes, kind: Kind, max_px: int, rotation: int = 0) -> bytes:
    """A PNG at most ``max_px`` on its long side, made in memory (first page only)."""
    if not 1 <= max_px <= MAX_RENDER_PX:
        raise ValueError(f"max_px must be 1..{MAX_RENDER_PX}")
    if rotation % 90:
        raise ValueError("rotation must be a multiple of 90")
    with _strict(), _open(data, kind) as image:
        picture, _ = _decode_upright(image, kind, max_px)
        if rotation % 360:
            picture = picture.transpose(_CLOCKWISE[rotation % 360])
        return _encode_png(_clean_copy(picture), compress_level=3)
