"""Random and mutated files: import_bytes either keeps a clean copy or raises DocumentImportError.

Anything else (an OSError, a struct.error, a hang) would surface as a stack trace or a frozen
window in front of a parent; this is the test that says it does not.
"""

from __future__ import annotations

import contextlib
import io
import random
import time

import pytest
from documents_fixtures import encode, exif_with_secrets, noisy_photo
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from preparedness.documents import (
    STORED_MEDIA_TYPES,
    DocumentImportError,
    import_bytes,
    limits,
    thumbnail,
)


def _seeds() -> dict[str, bytes]:
    picture = noisy_photo(96, 64, seed=5)
    return {
        "jpeg": encode(picture, "JPEG", quality=80, exif=exif_with_secrets(6)),
        "progressive": encode(picture, "JPEG", quality=80, progressive=True),
        "cmyk": encode(picture.convert("CMYK"), "JPEG", quality=80),
        "png": encode(picture, "PNG"),
        "png16": encode(Image.new("I;16", (40, 30), 30000), "PNG"),
        "palette": encode(picture.convert("P"), "PNG", transparency=0),
        "gif": encode(picture.convert("P"), "GIF", save_all=True, append_images=[picture]),
        "webp": encode(picture, "WEBP", quality=70),
        "tiff": encode(picture, "TIFF", compression="tiff_deflate"),
    }


SEEDS = _seeds()


def _check(data: bytes) -> None:
    started = time.perf_counter()
    try:
        pages = import_bytes(data, check_pdf=False)
    except DocumentImportError:
        pass
    else:
        for page in pages:
            assert page.media_type in STORED_MEDIA_TYPES
            if page.width is not None:
                assert max(page.width, page.height) <= limits.PRINT_LONG_SIDE
                with Image.open(io.BytesIO(page.data)) as stored:
                    assert not stored.getexif()
    assert time.perf_counter() - started < 5


def _mutate(data: bytes, rng: random.Random) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        action = rng.random()
        position = rng.randrange(len(buffer)) if buffer else 0
        if action < 0.5 and buffer:
            buffer[position] = rng.randrange(256)
        elif action < 0.65:
            buffer[position:position] = rng.randbytes(rng.randint(1, 16))
        elif action < 0.8 and buffer:
            del buffer[position : position + rng.randint(1, 32)]
        elif action < 0.9:
            del buffer[rng.randint(0, len(buffer)) :]
        else:  # a plausible big number where a size or count may be
            buffer[position : position + 4] = rng.choice([b"\xff\xff\xff\xff", b"\x7f\xff\x00\x00"])
    return bytes(buffer)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seeded_mutations_raise_only_document_errors(name: str) -> None:
    rng = random.Random(f"documents-{name}")
    for _ in range(60):
        _check(_mutate(SEEDS[name], rng))


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
)
@given(
    seed=st.sampled_from(sorted(SEEDS)),
    flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=6),
    cut=st.one_of(st.none(), st.integers(0, 10_000)),
)
def test_hypothesis_mutated_images(seed: str, flips: list[tuple[int, int]], cut: int | None):
    data = bytearray(SEEDS[seed])
    for position, value in flips:
        data[position % len(data)] = value
    if cut is not None:
        del data[cut % len(data) :]
    _check(bytes(data))


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(
    prefix=st.sampled_from([b"", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF89a", b"II*\x00"]),
    body=st.binary(max_size=512),
)
def test_hypothesis_random_bytes(prefix: bytes, body: bytes) -> None:
    _check(prefix + body)
    with contextlib.suppress(DocumentImportError):
        thumbnail(prefix + body, 64)
