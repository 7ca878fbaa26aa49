"""Pictures: metadata gone, orientation applied, odd modes handled, bombs refused fast."""

from __future__ import annotations

import io
import struct
import sys
import time
import warnings

import pytest
from documents_fixtures import (
    COMMENT_CANARY,
    MAKE,
    SERIAL,
    XMP_CANARY,
    encode,
    exif_with_secrets,
    jpeg_markers,
    linear_rgb_icc,
    many_frame_gif,
    noisy_photo,
    png_bomb,
    png_chunk_types,
)
from PIL import Image, ImageCms, ImageFile

from preparedness import documents
from preparedness.documents import (
    Damaged,
    DocumentImportError,
    HeicNotAvailable,
    ImportedPage,
    NotSupported,
    TooManyPages,
    TooManyPixels,
    import_bytes,
    limits,
    rotate,
    thumbnail,
)

# Allowed JPEG header markers: SOI-free list of DQT, SOF0/SOF2, DHT, DRI, SOS and JFIF APP0.
_CLEAN_JPEG_MARKERS = {0xDB, 0xC0, 0xC1, 0xC2, 0xC4, 0xDD, 0xDA, 0xE0}
_CLEAN_PNG_CHUNKS = {b"IHDR", b"PLTE", b"IDAT", b"IEND"}


def _only(data: bytes, **options: object) -> ImportedPage:
    pages = import_bytes(data, **options)
    assert len(pages) == 1
    return pages[0]


def _assert_clean(page: ImportedPage) -> None:
    """Nothing but pixels: no EXIF/GPS/serial, no XMP, no comment, no ICC, no text chunks."""
    raw = page.data
    for canary in (SERIAL.encode(), MAKE.encode(), XMP_CANARY, COMMENT_CANARY.encode()):
        assert canary not in raw
    assert b"Exif" not in raw
    assert b"http://ns.adobe.com/xap" not in raw
    with Image.open(io.BytesIO(raw)) as image:
        assert not image.getexif()
        for key in ("exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment", "dpi"):
            assert key not in image.info, key
        assert image.size == (page.width, page.height)
    if page.media_type == documents.MEDIA_JPEG:
        assert set(jpeg_markers(raw)) <= _CLEAN_JPEG_MARKERS
    else:
        assert page.media_type == documents.MEDIA_PNG
        assert set(png_chunk_types(raw)) <= _CLEAN_PNG_CHUNKS


def _decoded(page: ImportedPage) -> Image.Image:
    image = Image.open(io.BytesIO(page.data))
    image.load()
    return image


def _close(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


# --- metadata ------------------------------------------------------------------------------------


def test_exif_gps_serial_xmp_comment_and_profile_are_gone(photo_12mp: bytes) -> None:
    with Image.open(io.BytesIO(photo_12mp)) as original:  # the fixture really carries them
        assert original.getexif().get_ifd(0x8825)
        assert "icc_profile" in original.info
    assert SERIAL.encode() in photo_12mp and XMP_CANARY in photo_12mp
    page = _only(photo_12mp)
    assert page.media_type == documents.MEDIA_JPEG
    _assert_clean(page)


def test_keep_original_keeps_pixels_but_strips_metadata(photo_12mp: bytes) -> None:
    page = _only(photo_12mp, keep_original=True)
    assert (page.width, page.height) == (4000, 3000)
    assert not page.downscaled
    _assert_clean(page)


def test_png_text_exif_and_profile_chunks_are_gone() -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", COMMENT_CANARY)
    info.add_itxt("XML:com.adobe.xmp", XMP_CANARY.decode())
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = encode(
        noisy_photo(300, 200), "PNG", pnginfo=info, exif=exif_with_secrets(), icc_profile=srgb
    )
    assert b"eXIf" in data and SERIAL.encode() in data
    _assert_clean(_only(data))


def test_garbage_metadata_does_not_cost_the_copy() -> None:
    data = encode(Image.new("RGB", (64, 48), (20, 120, 220)), "JPEG", exif=b"Exif\x00\x00junk")
    page = _only(data)
    _assert_clean(page)
    data = encode(Image.new("RGB", (64, 48), (20, 120, 220)), "JPEG", icc_profile=b"not icc")
    assert _close(_decoded(_only(data)).getpixel((5, 5)), (20, 120, 220))


def test_colour_profile_is_applied_then_dropped() -> None:
    """Mid grey in a linear-light profile is sRGB 188: proof the conversion ran."""
    for fmt in ("JPEG", "PNG"):
        data = encode(
            Image.new("RGB", (64, 64), (128, 128, 128)), fmt, icc_profile=linear_rgb_icc()
        )
        page = _only(data)
        _assert_clean(page)
        assert _close(_decoded(page).convert("RGB").getpixel((8, 8)), (188, 188, 188), 3)
    # An sRGB profile is recognised and left alone (no needless transform, no change).
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    data = encode(Image.new("RGB", (64, 64), (128, 128, 128)), "PNG", icc_profile=srgb)
    assert _decoded(_only(data)).convert("RGB").getpixel((8, 8)) == (128, 128, 128)


def test_few_colour_png_is_stored_losslessly() -> None:
    picture = Image.new("RGB", (500, 300), "white")
    for index, colour in enumerate([(255, 0, 0), (0, 128, 0), (0, 0, 255), (0, 0, 0)]):
        picture.paste(colour, (index * 100, 0, index * 100 + 50, 300))
    page = _only(encode(picture, "PNG"))
    assert page.media_type == documents.MEDIA_PNG
    assert _decoded(page).convert("RGB").tobytes() == picture.tobytes()


# --- orientation, size --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("orientation", "top_left", "size"),
    [
        (1, "red", (400, 200)),
        (3, "blue", (400, 200)),
        (6, "red", (200, 400)),
        (8, "blue", (200, 400)),
    ],
)
def test_exif_orientation_is_applied(orientation: int, top_left: str, size: tuple) -> None:
    picture = Image.new("RGB", (400, 200), "blue")
    picture.paste((255, 0, 0), (0, 0, 200, 200))  # left half red
    data = encode(picture, "JPEG", quality=95, exif=exif_with_secrets(orientation))
    page = _only(data)
    assert (page.width, page.height) == size
    image = _decoded(page)
    expected = {"red": (255, 0, 0), "blue": (0, 0, 255)}[top_left]
    assert _close(image.getpixel((10, 10)), expected)
    _assert_clean(page)


@pytest.mark.parametrize("fmt", ["TIFF", "PNG", "WEBP"])
def test_orientation_in_other_formats_is_applied_once(fmt: str) -> None:
    picture = Image.new("RGB", (400, 200), "blue")
    picture.paste((255, 0, 0), (0, 0, 200, 200))  # left half red
    options: dict[str, object] = {"exif": exif_with_secrets(6)}
    if fmt == "TIFF":
        options = {"tiffinfo": {0x0112: 6}}
    elif fmt == "WEBP":
        options["lossless"] = True
    page = _only(encode(picture, fmt, **options))
    assert (page.width, page.height) == (200, 400)
    assert _close(_decoded(page).convert("RGB").getpixel((100, 10)), (255, 0, 0))
    _assert_clean(page)


def test_12_megapixel_photo_is_reduced_to_print_size_quickly(photo_12mp: bytes) -> None:
    started = time.perf_counter()
    page = _only(photo_12mp)
    elapsed = time.perf_counter() - started
    # 4000 px halves to 2000 px inside libjpeg (DCT scaling): within the print range, no resampling.
    assert limits.PRINT_LONG_SIDE_MIN <= max(page.width, page.height) <= limits.PRINT_LONG_SIDE
    assert (page.width, page.height) == (2000, 1500)
    assert page.downscaled
    assert page.size < len(photo_12mp) / 2
    assert elapsed < 2.0  # the goal is 0.5 s; benchmarks/documents.py reports the real figure


@pytest.mark.parametrize(
    ("fmt", "size", "expected"),
    [
        ("JPEG", (3264, 2448), (2200, 1650)),  # 8 MP: halving would go under 1980 px, resample
        ("JPEG", (8064, 6048), (2016, 1512)),  # 48 MP: decoded at 1/4 scale
        ("PNG", (4000, 3000), (2200, 1650)),  # no DCT scaling: resampled to exactly 2200 px
    ],
)
def test_print_size_for_other_sizes(fmt: str, size: tuple, expected: tuple) -> None:
    picture = Image.new("RGB", size, (90, 140, 200))
    picture.paste((250, 250, 250), (0, 0, size[0] // 3, size[1] // 3))
    page = _only(encode(picture, fmt, **({"quality": 90} if fmt == "JPEG" else {})))
    assert (page.width, page.height) == expected
    assert page.downscaled


def test_small_picture_is_not_enlarged(small_photo) -> None:
    page = _only(small_photo("JPEG"))
    assert (page.width, page.height) == (320, 240)
    assert not page.downscaled


# --- bombs and broken files ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def bomb_20k() -> bytes:
    return png_bomb(20000, 20000)


def test_20000x20000_png_bomb_is_refused_fast_without_decoding(
    bomb_20k: bytes, monkeypatch
) -> None:
    assert 100_000 < len(bomb_20k) < 1_000_000  # "a few hundred KB"
    decoded = []
    original_load = ImageFile.ImageFile.load
    monkeypatch.setattr(
        ImageFile.ImageFile, "load", lambda self: decoded.append(1) or original_load(self)
    )
    started = time.perf_counter()
    with pytest.raises(TooManyPixels) as caught:
        import_bytes(bomb_20k)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, elapsed  # in practice a few milliseconds
    assert decoded == []
    assert caught.value.message_id == "documents.error.too_many_pixels"
    with pytest.raises(TooManyPixels):
        thumbnail(bomb_20k, 256)


def test_bomb_just_over_our_cap_but_under_pillows_is_refused() -> None:
    # 85.5 MP: Pillow itself would only warn above 89.5 MP; our cap is 80 MP.
    data = png_bomb(9000, 9500)
    started = time.perf_counter()
    with pytest.raises(TooManyPixels):
        import_bytes(data)
    assert time.perf_counter() - started < 1.0


def test_jpeg_header_claiming_huge_size_is_refused_fast(small_photo) -> None:
    data = bytearray(small_photo("JPEG", size=(64, 48), quality=90))
    sof = data.index(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, 60000, 60000)
    started = time.perf_counter()
    with pytest.raises(TooManyPixels):
        import_bytes(bytes(data))
    assert time.perf_counter() - started < 1.0


def test_long_thin_strip_is_refused() -> None:
    with pytest.raises(TooManyPixels):
        import_bytes(png_bomb(40000, 1))


@pytest.mark.parametrize("fraction", [0.05, 0.5, 0.95])
def test_truncated_jpeg_is_damaged(photo_12mp: bytes, fraction: float) -> None:
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
    cut = photo_12mp[: int(len(photo_12mp) * fraction)]
    started = time.perf_counter()
    with pytest.raises(Damaged) as caught:
        import_bytes(cut)
    assert time.perf_counter() - started < 1.0
    assert caught.value.message_id == "documents.error.damaged"
    assert "damaged" in caught.value.default_message


def test_truncated_png_is_damaged(small_photo) -> None:
    data = small_photo("PNG")
    # (Losing only the IEND chunk loses no pixel, and is accepted like every viewer does.)
    for cut in (len(data) // 2, len(data) - 30, 40):
        with pytest.raises(Damaged):
            import_bytes(data[:cut])


def test_progressive_jpeg_with_absurd_scan_count_is_refused(small_photo) -> None:
    data = small_photo("JPEG", size=(64, 48))
    hostile = data[:-2] + b"\xff\xda" * (limits.MAX_JPEG_SCANS + 1) + b"\xff\xd9"
    with pytest.raises(Damaged):
        import_bytes(hostile)


def test_text_file_renamed_jpg_is_not_supported(tmp_path) -> None:
    path = tmp_path / "passport.jpg"
    path.write_text("This is not a picture at all.\n" * 20)
    with pytest.raises(NotSupported) as caught:
        documents.import_file(path)
    assert caught.value.message_id == "documents.error.not_supported"


def test_avif_and_bmp_are_not_supported() -> None:
    avif = b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + b"\x00" * 64
    with pytest.raises(NotSupported):
        import_bytes(avif)
    with pytest.raises(NotSupported):
        import_bytes(encode(Image.new("RGB", (8, 8)), "BMP"))


def test_heic_without_pillow_heif_gets_its_own_message(monkeypatch) -> None:
    # As on a platform without a pillow-heif wheel: the import fails.
    monkeypatch.setitem(sys.modules, "pillow_heif", None)
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
    with pytest.raises(HeicNotAvailable) as caught:
        import_bytes(heic)
    assert isinstance(caught.value, NotSupported)
    assert "JPEG" in caught.value.default_message


def test_heic_with_pillow_heif() -> None:
    import pillow_heif

    picture = noisy_photo(640, 480)
    heif = pillow_heif.from_pillow(picture)
    buffer = io.BytesIO()
    heif.save(buffer, quality=90, exif=exif_with_secrets().tobytes())
    data = buffer.getvalue()
    assert documents.sniff(data) is documents.Kind.HEIF
    page = _only(data)
    assert page.source_format == "HEIF" and (page.width, page.height) == (640, 480)
    _assert_clean(page)
    assert _close(_decoded(page).getpixel((320, 240)), picture.getpixel((320, 240)), 60)


def test_a_cut_heic_is_refused_as_damaged() -> None:
    import pillow_heif

    buffer = io.BytesIO()
    pillow_heif.from_pillow(noisy_photo(640, 480)).save(buffer, quality=80)
    data = buffer.getvalue()
    for cut in (200, len(data) // 2, len(data) - 10):
        with pytest.raises(Damaged):
            import_bytes(data[:cut])


# --- odd modes ----------------------------------------------------------------------------------


def test_cmyk_jpeg_is_converted_with_roughly_right_colours() -> None:
    swatches = {
        (0, 0, 0, 0): (255, 255, 255),
        (255, 0, 0, 0): (0, 255, 255),  # cyan
        (0, 255, 0, 0): (255, 0, 255),  # magenta
        (0, 0, 255, 0): (255, 255, 0),  # yellow
        (0, 0, 0, 255): (0, 0, 0),  # black
    }
    picture = Image.new("CMYK", (100 * len(swatches), 100))
    for index, cmyk in enumerate(swatches):
        picture.paste(cmyk, (index * 100, 0, index * 100 + 100, 100))
    data = encode(picture, "JPEG", quality=95)
    with Image.open(io.BytesIO(data)) as check:
        assert check.mode == "CMYK"
    page = _only(data)
    image = _decoded(page)
    assert image.mode == "RGB"
    for index, rgb in enumerate(swatches.values()):
        assert _close(image.getpixel((index * 100 + 50, 50)), rgb), (index, rgb)
    _assert_clean(page)


def test_16_bit_grey_png_becomes_8_bit_not_white() -> None:
    picture = Image.new("I;16", (256, 16))
    for x in range(256):
        for y in range(16):
            picture.putpixel((x, y), x * 257)
    data = encode(picture, "PNG")
    with Image.open(io.BytesIO(data)) as check:
        assert check.mode.startswith("I")
    image = _decoded(_only(data))
    assert image.mode == "L"
    assert image.getpixel((0, 8)) <= 2
    assert abs(image.getpixel((128, 8)) - 128) <= 3
    assert image.getpixel((255, 8)) >= 253


@pytest.mark.parametrize("mode", ["RGBA", "LA", "P-transparent", "P", "1", "L", "I", "F"])
def test_odd_modes_end_up_rgb_or_grey_on_white(mode: str) -> None:
    picture = Image.new("RGBA", (60, 40), (0, 0, 0, 0))  # transparent on the left
    picture.paste((200, 30, 30, 255), (30, 0, 60, 40))  # opaque red on the right
    options: dict[str, object] = {}
    if mode in ("L", "I", "F", "1"):
        picture = Image.new(mode, (60, 40), 0)
    elif mode == "P-transparent":
        picture = Image.new("P", (60, 40), 0)
        picture.putpalette([0, 0, 0, 200, 30, 30] + [0] * 762)
        picture.paste(1, (30, 0, 60, 40))
        options["transparency"] = 0
    elif mode == "P":
        picture = picture.convert("RGB").convert("P")
    else:
        picture = picture.convert(mode)
    fmt = "TIFF" if mode in ("I", "F") else "PNG"
    page = _only(encode(picture, fmt, **options))
    image = _decoded(page)
    assert image.mode in ("RGB", "L", "P")
    if mode in ("RGBA", "LA", "P-transparent"):
        left = image.convert("RGB").getpixel((5, 20))
        assert _close(left, (255, 255, 255), 5), left  # transparency is white paper
        right = image.convert("RGB").getpixel((55, 20))
        assert not _close(right, (255, 255, 255), 5), right


def test_many_frame_gif_gives_its_first_frame_quickly() -> None:
    data = many_frame_gif(200_000)
    assert len(data) > 1_000_000
    started = time.perf_counter()
    page = _only(data)
    assert time.perf_counter() - started < 1.0
    assert (page.width, page.height) == (16, 16)
    assert _close(_decoded(page).convert("RGB").getpixel((8, 8)), (255, 0, 0))


def test_animated_webp_gives_first_frame_and_webp_and_tiff_work() -> None:
    red, blue = Image.new("RGB", (40, 30), "red"), Image.new("RGB", (40, 30), "blue")
    data = encode(red, "WEBP", save_all=True, append_images=[blue], lossless=True)
    assert _close(_decoded(_only(data)).convert("RGB").getpixel((20, 15)), (255, 0, 0))
    page = _only(encode(noisy_photo(300, 200), "TIFF", compression="tiff_lzw"))
    assert page.source_format == "TIFF" and (page.width, page.height) == (300, 200)


def test_multi_page_tiff_gives_one_copy_per_page() -> None:
    pages = [Image.new("L", (100, 140), shade) for shade in (0, 128, 255)]
    data = encode(pages[0], "TIFF", save_all=True, append_images=pages[1:])
    imported = import_bytes(data)
    assert [(p.width, p.height) for p in imported] == [(100, 140)] * 3
    shades = [_decoded(p).convert("L").getpixel((50, 70)) for p in imported]
    assert shades == [0, 128, 255]


def test_tiff_with_too_many_pages_is_refused_before_decoding() -> None:
    tiny = Image.new("L", (8, 8))
    data = encode(tiny, "TIFF", save_all=True, append_images=[tiny] * limits.MAX_PAGES_PER_FILE)
    with pytest.raises(TooManyPages):
        import_bytes(data)


def test_line_art_png_stays_png_and_photo_png_becomes_jpeg() -> None:
    line_art = Image.new("RGB", (1200, 1600), "white")
    from PIL import ImageDraw

    draw = ImageDraw.Draw(line_art)
    for y in range(50, 1550, 40):
        draw.line((60, y, 1140, y), fill="black", width=3)
    page = _only(encode(line_art, "PNG"))
    assert page.media_type == documents.MEDIA_PNG
    assert _decoded(page).convert("RGB").getpixel((5, 5)) == (255, 255, 255)
    assert _only(encode(noisy_photo(600, 400), "PNG")).media_type == documents.MEDIA_JPEG


# --- rotate and thumbnail ------------------------------------------------------------------------


def test_rotate_turns_clockwise_and_keeps_quality() -> None:
    picture = Image.new("RGB", (400, 200), "blue")
    picture.paste((255, 0, 0), (0, 0, 200, 200))  # left half red
    page = _only(encode(picture, "JPEG", quality=95))
    turned = rotate(page.data, page.media_type, 90)
    image = Image.open(io.BytesIO(turned))
    assert image.size == (200, 400)
    assert _close(image.getpixel((100, 10)), (255, 0, 0))  # left went to the top
    assert _close(image.getpixel((100, 390)), (0, 0, 255))
    assert not image.getexif() and "icc_profile" not in image.info
    back = rotate(
        rotate(rotate(turned, page.media_type, 90), page.media_type, 90), "image/jpeg", 90
    )
    assert Image.open(io.BytesIO(back)).size == (400, 200)
    assert rotate(page.data, page.media_type, 0) is page.data
    assert rotate(page.data, page.media_type, -360) is page.data
    assert Image.open(io.BytesIO(rotate(page.data, page.media_type, -90))).size == (200, 400)


def test_rotate_png_and_refusals() -> None:
    line_art = Image.new("L", (30, 10), 255)
    line_art.paste(0, (0, 0, 10, 10))
    png = encode(line_art, "PNG")
    turned = Image.open(io.BytesIO(rotate(png, documents.MEDIA_PNG, 270)))
    assert turned.size == (10, 30)
    assert turned.convert("L").getpixel((5, 25)) == 0  # left went to the bottom
    with pytest.raises(ValueError):
        rotate(png, documents.MEDIA_PNG, 45)
    with pytest.raises(NotSupported):
        rotate(b"%PDF-1.7\n", documents.MEDIA_PDF, 90)
    with pytest.raises(Damaged):
        rotate(png, documents.MEDIA_JPEG, 90)


def test_thumbnail_is_small_png_made_in_memory(photo_12mp: bytes) -> None:
    started = time.perf_counter()
    data = thumbnail(photo_12mp, 256)
    assert time.perf_counter() - started < 1.0
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and max(image.size) == 256
    assert SERIAL.encode() not in data
    turned = Image.open(io.BytesIO(thumbnail(photo_12mp, 200, rotation=90)))
    assert turned.size == (150, 200)
    with pytest.raises(ValueError):
        thumbnail(photo_12mp, 0)


# --- global state -------------------------------------------------------------------------------


def test_pipeline_leaves_pillow_and_warnings_settings_alone(small_photo, bomb_20k: bytes) -> None:
    before = (Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES, list(warnings.filters))
    import_bytes(small_photo("PNG"))
    with pytest.raises(DocumentImportError):
        import_bytes(bomb_20k)
    after = (Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES, list(warnings.filters))
    assert before == after


def test_imported_page_repr_never_shows_the_bytes(small_photo) -> None:
    page = _only(small_photo("JPEG"))
    assert "data" not in repr(page) and len(repr(page)) < 300
