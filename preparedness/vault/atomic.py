"""Saving without ever losing a plan: temp file, fsync, backup, atomic replace, folder fsync."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import shutil
import stat
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import AlreadyExists, ChangedOnDisk, DiskFull, SaveError, SaveFailed

MiB = 1024 * 1024
FINGERPRINT_WINDOW = MiB  # bytes hashed at each end of a file
WRITE_BLOCK = 8 * MiB
REPLACE_ATTEMPTS = 6  # Windows: a virus scanner may hold the file for a moment
REPLACE_FIRST_DELAY = 0.05  # seconds, doubled each attempt: at most ~1.6 s in all
BACKUP_SUFFIX = ".bak"
FILE_MODE = 0o600

# ".<target name>.tmp-<16 hex digits>", e.g. ".plan.fpplan.tmp-3f9a0c1d2e4b5a69" (the target
# may be a backup name: ".plan.fpplan.bak.tmp-..."). clean_stale_temp_files removes exactly these.
TEMP_NAME_RE = re.compile(r"\A\..+\.tmp-[0-9a-f]{16}\Z", re.DOTALL)


@dataclass(frozen=True)
class Fingerprint:
    """Identity of a file's contents: size and SHA-256 of its first and last MiB.

    Every save writes fresh random key material into the header, so any other save of the
    plan changes the first bytes; a full hash of a 200 MiB plan on every save is not needed.
    """

    size: int
    digest: bytes


def fingerprint_of_image(image: bytes | bytearray | memoryview) -> Fingerprint:
    view = memoryview(image)
    h = hashlib.sha256(len(view).to_bytes(8, "big"))
    h.update(view[:FINGERPRINT_WINDOW])
    h.update(view[-FINGERPRINT_WINDOW:] if len(view) else b"")
    return Fingerprint(len(view), h.digest())


def fingerprint_of_file(path: Path) -> Fingerprint | None:
    """The file's fingerprint, or None if there is no file. Reads at most 2 MiB."""
    try:
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            head = f.read(FINGERPRINT_WINDOW)
            if size > FINGERPRINT_WINDOW:
                f.seek(max(0, size - FINGERPRINT_WINDOW))
                tail = f.read(FINGERPRINT_WINDOW)
            else:
                tail = head
    except FileNotFoundError:
        return None
    h = hashlib.sha256(size.to_bytes(8, "big"))
    h.update(head)
    h.update(tail[-FINGERPRINT_WINDOW:] if size else b"")
    return Fingerprint(size, h.digest())


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept: ``<name>.bak`` next to it."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def _temp_path(folder: Path, target_name: str) -> Path:
    # Keep the name under the usual 255-byte limit whatever the target's length.
    return folder / f".{target_name[:200]}.tmp-{secrets.token_hex(8)}"


def _errno_name(exc: OSError) -> str:
    return errno.errorcode.get(exc.errno or 0, type(exc).__name__)


def _as_save_error(exc: OSError, needed: int) -> SaveError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DiskFull(needed, None)
    return SaveFailed(_errno_name(exc))


def _check_space(folder: Path, nbytes: int) -> None:
    """Refuse before writing when the disk cannot take ``nbytes`` plus a margin."""
    needed = nbytes + MiB + nbytes // 20
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return  # cannot tell: the write itself will report a real problem
    if free < needed:
        raise DiskFull(needed, free)


def _unlink_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _fsync_fd(fd: int) -> None:
    if sys.platform == "darwin":  # pragma: no cover - macOS only: fsync does not reach the disk
        import fcntl

        try:
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
            return
        except OSError:
            pass
    os.fsync(fd)


def _write_new_file(folder: Path, target_name: str, data: bytes | bytearray) -> Path:
    """Write ``data`` to a fresh temp file (O_EXCL, mode 0600), flushed to disk. Returns it."""
    tmp = _temp_path(folder, target_name)
    flags = (
        os.O_WRONLY
        | os.O_CREAT
        | os.O_EXCL
        | getattr(os, "O_BINARY", 0)
        | getattr(os, "O_CLOEXEC", 0)
        | getattr(os, "O_NOFOLLOW", 0)
    )
    fd = os.open(tmp, flags, FILE_MODE)
    done = False
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FILE_MODE)  # exact mode whatever the umask
        view = memoryview(data)
        written = 0
        while written < len(view):
            n = os.write(fd, view[written : written + WRITE_BLOCK])
            if n <= 0:
                raise OSError(errno.EIO, "write made no progress")
            written += n
        _fsync_fd(fd)
        done = True
    finally:
        try:
            os.close(fd)
        except OSError:
            if done:
                _unlink_quietly(tmp)
                raise
        if not done:
            _unlink_quietly(tmp)
    return tmp


def _replace(src: Path, dst: Path) -> None:
    delay = REPLACE_FIRST_DELAY
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if attempt == REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(delay)
            delay *= 2


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable. Best effort: after the rename the new plan is already in place.

    Some filesystems (and Windows) cannot fsync a folder; an error here is not reported as a
    failed save, because "the plan on disk was not changed" would no longer be true.
    """
    if os.name != "posix":  # pragma: no cover
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    with contextlib.suppress(OSError):
        os.fsync(fd)
    with contextlib.suppress(OSError):
        os.close(fd)


def _keep_backup(path: Path, folder: Path) -> None:
    """Make ``<name>.bak`` the current ``path`` without touching ``path``.

    A hard link under a temp name, then an atomic replace onto the backup name. Filesystems
    without hard links (FAT/exFAT USB sticks) get a copy written the same atomic way.
    """
    bak = backup_path(path)
    tmp = _temp_path(folder, bak.name)
    try:
        try:
            os.link(path, tmp)
        except OSError:
            old = path.read_bytes()
            _check_space(folder, len(old))
            tmp = _write_new_file(folder, bak.name, old)
        else:
            try:
                if stat.S_IMODE(os.stat(tmp).st_mode) != FILE_MODE:
                    os.chmod(tmp, FILE_MODE)  # an old plan made elsewhere: make it private
            except OSError:
                pass
        _replace(tmp, bak)
    finally:
        # Normally gone; stays only on failure, or if tmp and bak already were the same file
        # (rename then does nothing).
        _unlink_quietly(tmp)


def atomic_write(
    path: Path,
    data: bytes | bytearray,
    *,
    expected: Fingerprint | None = None,
    overwrite: bool = True,
    keep_backup: bool = True,
) -> Fingerprint:
    """Replace ``path`` with ``data`` so that at every instant it holds the old or the new file.

    ``expected``: the fingerprint taken when the file was opened; a different file on disk
    raises ChangedOnDisk (a missing file is simply written). ``overwrite=False`` raises
    AlreadyExists if the path exists. On any failure the file at ``path`` is unchanged, no temp
    file is left, and a SaveError (DiskFull, SaveFailed...) is raised.
    Returns the fingerprint of what was written.
    """
    path = Path(path)
    folder = path.parent
    try:
        current = fingerprint_of_file(path)
    except OSError as exc:
        raise SaveFailed(f"reading the current file: {_errno_name(exc)}") from exc
    if current is not None:
        if not overwrite:
            raise AlreadyExists()
        if expected is not None and current != expected:
            raise ChangedOnDisk()
    _check_space(folder, len(data))
    tmp: Path | None = None
    try:
        tmp = _write_new_file(folder, path.name, data)
        if current is not None and keep_backup:
            _keep_backup(path, folder)
        _replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise _as_save_error(exc, len(data)) from exc
    finally:
        if tmp is not None:
            _unlink_quietly(tmp)
    _fsync_folder(folder)
    return fingerprint_of_image(data)


def clean_stale_temp_files(
    folder: str | os.PathLike[str], *, min_age_seconds: float = 60.0
) -> list[Path]:
    """Remove temp files an interrupted save left in ``folder``; returns what was removed.

    Only regular files named like our temp files and untouched for ``min_age_seconds`` (so a
    save running right now in another window is left alone). They hold ciphertext only.
    """
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not TEMP_NAME_RE.match(entry.name):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            # ctime too: a hard-linked backup temp keeps the plan's old mtime.
            touched = max(st.st_mtime, st.st_ctime)
            if not stat.S_ISREG(st.st_mode) or now - touched < min_age_seconds:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed
