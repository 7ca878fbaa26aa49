"""Reading a chosen file under the per-file cap, and the per-plan total cap.

Why this exists: a person may pick a 4 GB video or a device file by mistake. The size is
checked with ``os.stat`` before the file is opened, and then at most ``cap + 1`` bytes are read,
so a file that grows, or lies about its size, can never make the app read more than that.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from .errors import CannotRead, EmptyFile, FileTooBig, NotSupported, TotalTooBig
from .limits import MAX_FILE_BYTES, MAX_TOTAL_BYTES


def check_stat(path: Path, cap: int = MAX_FILE_BYTES) -> int:
    """Refuse non-regular files and files over ``cap`` without opening them; return the size."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise CannotRead(f"stat failed: {type(exc).__name__}") from exc
    if not stat.S_ISREG(info.st_mode):
        # A folder, a pipe or a device: opening a pipe would block, reading a device never ends.
        raise NotSupported("not a regular file")
    if info.st_size > cap:
        raise FileTooBig(f"{info.st_size} bytes on disk")
    return info.st_size


def read_file_capped(path: Path, cap: int = MAX_FILE_BYTES) -> bytes:
    """The whole file, if it is a regular file of 1..cap bytes; reads at most cap + 1 bytes."""
    check_stat(path, cap)
    try:
        with open(path, "rb") as handle:
            data = handle.read(cap + 1)
    except OSError as exc:
        raise CannotRead(f"read failed: {type(exc).__name__}") from exc
    if len(data) > cap:
        raise FileTooBig("file grew past the cap while being read")
    if not data:
        raise EmptyFile()
    return data


def check_total(existing_sizes: Iterable[int], new_size: int) -> None:
    """Raise TotalTooBig if adding ``new_size`` bytes would take the plan's copies over the cap.

    ``existing_sizes`` are the stored sizes of the copies already in the plan (the blob sizes,
    not the original files'); ``new_size`` is the size of what is about to be added (all pages
    of one import together). Each copy was already held to the per-file cap on import.
    """
    if new_size < 0:
        raise ValueError("new_size must not be negative")
    total = sum(existing_sizes) + new_size
    if total > MAX_TOTAL_BYTES:
        raise TotalTooBig(f"{total} bytes in all")


def remaining_bytes(existing_sizes: Iterable[int]) -> int:
    """How many more bytes of copies the plan can take (for the UI's "room left")."""
    return max(0, MAX_TOTAL_BYTES - sum(existing_sizes))
