"""Session fixtures for the document tests; helpers live in documents_fixtures.py."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from documents_fixtures import COMMENT_CANARY, XMP_CANARY, encode, exif_with_secrets, noisy_photo
from PIL import ImageCms


@pytest.fixture(scope="session")
def photo_12mp() -> bytes:
    """A 4000x3000 JPEG photo with EXIF (GPS, serial), XMP, a comment and an sRGB profile."""
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return encode(
        noisy_photo(4000, 3000, seed=12),
        "JPEG",
        quality=92,
        exif=exif_with_secrets(),
        xmp=b"<x:xmpmeta>" + XMP_CANARY + b"</x:xmpmeta>",
        comment=COMMENT_CANARY,
        icc_profile=srgb,
    )


@pytest.fixture(scope="session")
def small_photo() -> Callable[..., bytes]:
    def make(fmt: str = "JPEG", size: tuple[int, int] = (320, 240), **options: object) -> bytes:
        return encode(noisy_photo(*size, seed=3), fmt, **options)

    return make
