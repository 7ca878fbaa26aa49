"""Fixture files for the document pipeline, generated in memory (nothing hostile is committed).

A uniquely named module (not conftest) so test files can import it by name safely."""

from __future__ import annotations

import io
import random
import struct
import zlib

from PIL import Image, ImageChops, ImageDraw

SERIAL = "SERIAL-CANARY-4417"
MAKE = "CanaryCam"
XMP_CANARY = b"XMP-CANARY-9021"
COMMENT_CANARY = "COMMENT-CANARY-5530"
GPS = {1: "N", 2: (40.0, 26.0, 46.0), 3: "W", 4: (79.0, 58.0, 56.0)}


def noisy_photo(width: int, height: int, seed: int = 0) -> Image.Image:
    """A photo-like RGB picture: gradients, shapes and sensor-like noise (JPEGs of flat colour
    are unrealistically small and fast)."""
    rng = random.Random(seed)
    tile = 256
    noise = [Image.effect_noise((tile, tile), 24) for _ in range(3)]
    bands = []
    for index in range(3):
        band = Image.linear_gradient("L").rotate(rng.choice((0, 90, 180, 270)))
        band = band.resize((width, height))
        layer = Image.new("L", (width, height))
        for y in range(0, height, tile):
            for x in range(0, width, tile):
                layer.paste(noise[(index + x // tile + y // tile) % 3], (x, y))
        bands.append(ImageChops.add(band, layer, 1.6, -60))
    picture = Image.merge("RGB", bands)
    draw = ImageDraw.Draw(picture)
    for _ in range(12):
        x, y = rng.randrange(width), rng.randrange(height)
        size = rng.randrange(width // 20, width // 4)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x, y, x + size, y + size // 2), fill=colour)
    return picture


def exif_with_secrets(orientation: int = 1) -> Image.Exif:
    """EXIF with what must never reach the plan: GPS position, camera make and serial."""
    exif = Image.Exif()
    exif[0x010F] = MAKE
    exif[0x0110] = "Model 7"
    exif[0x0132] = "2026:01:02 03:04:05"
    if orientation != 1:
        exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps.update(GPS)
    details = exif.get_ifd(0x8769)
    details[0xA431] = SERIAL  # BodySerialNumber
    return exif


def encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return (
        struct.pack(">I", len(body))
        + kind
        + body
        + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    )


def png_bomb(width: int, height: int) -> bytes:
    """A valid greyscale PNG of ``width`` x ``height`` black pixels, compressed about 1000:1."""
    compressor = zlib.compressobj(9)
    row = b"\x00" * (width + 1)  # filter byte + pixels
    rows_per_call = max(1, (8 << 20) // len(row))
    parts = []
    done = 0
    while done < height:
        count = min(rows_per_call, height - done)
        parts.append(compressor.compress(row * count))
        done += count
    parts.append(compressor.flush())
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", b"".join(parts))
        + png_chunk(b"IEND", b"")
    )


def many_frame_gif(frames: int) -> bytes:
    """A GIF whose first frame is red and which then repeats a tiny frame ``frames - 1`` times,
    written by concatenating image blocks (fast: no encoder loop)."""
    first = Image.new("P", (16, 16), 0)
    first.putpalette([255, 0, 0, 0, 0, 255] + [0] * (256 * 3 - 6))
    second = first.copy()
    second.paste(1, (0, 0, 16, 16))
    two = encode(first, "GIF", save_all=True, append_images=[second], duration=10, loop=0)
    # Blocks after the first frame, up to the trailer: the "second frame" to repeat.
    blocks = two[:-1]
    start = blocks.rfind(b"\x21\xf9\x04")  # graphic control extension of the last frame
    assert start > 0
    repeat = blocks[start:]
    return blocks + repeat * (frames - 2) + b"\x3b"


def jpeg_markers(data: bytes) -> list[int]:
    """The marker codes of a JPEG's header segments, up to the first scan."""
    markers = []
    position = 2
    while position + 4 <= len(data):
        assert data[position] == 0xFF, "not at a marker"
        marker = data[position + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            break
        length = struct.unpack(">H", data[position + 2 : position + 4])[0]
        position += 2 + length
    return markers


def png_chunk_types(data: bytes) -> list[bytes]:
    types = []
    position = 8
    while position + 8 <= len(data):
        length = struct.unpack(">I", data[position : position + 4])[0]
        types.append(data[position + 4 : position + 8])
        position += 12 + length
    return types


def linear_rgb_icc(description: str = "Linear RGB test profile") -> bytes:
    """A minimal ICC v2 display profile: sRGB primaries with a linear (gamma 1.0) curve.

    No such profile ships with Pillow; a picture tagged with it must come out brighter in sRGB
    (linear 0.5 is sRGB 188), which proves the colour conversion really ran.
    """

    def s15(value: float) -> bytes:
        return struct.pack(">i", round(value * 65536))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ \0\0\0\0" + s15(x) + s15(y) + s15(z)

    text = description.encode("ascii") + b"\0"
    desc = (
        b"desc\0\0\0\0"
        + struct.pack(">I", len(text))
        + text
        + b"\0" * 8  # no Unicode description
        + b"\0" * 3  # no ScriptCode description
        + b"\0" * 67
    )
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, 0x0100) + b"\0\0"  # gamma 1.0
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.4361, 0.2225, 0.0139)),
        (b"gXYZ", xyz(0.3851, 0.7169, 0.0971)),
        (b"bXYZ", xyz(0.1431, 0.0606, 0.7141)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text\0\0\0\0no copyright\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, body = b"", b""
    for signature, data in tags:
        padded = data + b"\0" * (-len(data) % 4)
        table += signature + struct.pack(">II", offset + len(body), len(data))
        body += padded
    size = offset + len(body)
    header = (
        struct.pack(">I", size)
        + b"\0\0\0\0"
        + struct.pack(">I", 0x02100000)
        + b"mntrRGB XYZ "
        + b"\0" * 12
        + b"acsp"
        + b"\0" * 24
        + struct.pack(">I", 0)
        + s15(0.9642)
        + s15(1.0)
        + s15(0.8249)
        + b"\0" * 48
    )
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + body
