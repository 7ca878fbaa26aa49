"""Saving never loses a plan: injected failures, full disk, modes, retries, stale temp files."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import preparedness.vault.atomic as atomic
from preparedness.vault import (
    DiskFull,
    Payload,
    PlanFile,
    SaveError,
    SaveFailed,
    backup_path,
    clean_stale_temp_files,
    decrypt_payload,
)

PASSPHRASE = "pass phrase"


def _v(n: int) -> Payload:
    return Payload(f'{{"v": {n}}}'.encode(), {"scan.png": bytes([n % 256]) * 5000})


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def saved(tmp_path: Path) -> tuple[PlanFile, Path]:
    """A plan saved twice, so both the plan and its backup exist."""
    path = tmp_path / "plan.fpp"
    plan = PlanFile.create(path, _v(1), PASSPHRASE)
    plan.save(_v(2))
    return plan, path


def _no_links(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.EPERM, "Operation not permitted")  # like FAT/exFAT USB sticks


def _fail_on_call(
    monkeypatch: pytest.MonkeyPatch, name: str, k: int, err: int = errno.EIO
) -> dict[str, int]:
    """Make os.<name> raise OSError(err) on its k-th call from now; returns the call count."""
    real: Callable[..., Any] = getattr(os, name)
    state = {"calls": 0, "raised": 0}

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        state["calls"] += 1
        if state["calls"] == k:
            state["raised"] += 1
            raise OSError(err, os.strerror(err))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, wrapper)
    return state


_STEPS = ["open", "write", "fsync", "fchmod", "close", "replace"]


@pytest.mark.parametrize(
    ("name", "links"),
    [(n, True) for n in [*_STEPS, "link"]] + [(n, False) for n in _STEPS],
)
def test_injected_failures_leave_the_plan_untouched(
    saved: tuple[PlanFile, Path], monkeypatch: pytest.MonkeyPatch, name: str, links: bool
) -> None:
    """Fail the k-th call of one OS function during a save, for every k the save reaches."""
    plan, path = saved
    folder = path.parent
    monkeypatch.setattr(atomic, "WRITE_BLOCK", 2048)  # several writes per file
    failures = 0
    for k in range(1, 20):
        original = path.read_bytes()
        backup = backup_path(path).read_bytes()
        with monkeypatch.context() as m:
            if not links:
                m.setattr(os, "link", _no_links)
            state = _fail_on_call(m, name, k)
            try:
                plan.save(_v(100 + k))
            except SaveFailed as exc:
                failures += 1
                assert exc.message_id == "vault.error.save_failed"
                assert path.read_bytes() == original  # byte-identical
                assert _names(folder) == ["plan.fpp", "plan.fpp.bak"]  # no temp file left
                assert decrypt_payload(backup_path(path).read_bytes(), PASSPHRASE) in (
                    decrypt_payload(backup, PASSPHRASE),
                    decrypt_payload(original, PASSPHRASE),
                )
            else:
                # Not a failure the save must report: the call came after the commit point
                # (folder fsync), a failed hard link fell back to a copy, or k was past the end.
                assert decrypt_payload(path.read_bytes(), PASSPHRASE) == _v(100 + k)
                assert decrypt_payload(backup_path(path).read_bytes(), PASSPHRASE) == (
                    decrypt_payload(original, PASSPHRASE)
                )
                assert _names(folder) == ["plan.fpp", "plan.fpp.bak"]
                if not state["raised"]:
                    break
        plan.save(_v(200 + k))  # the plan file is still usable after a failed save
    print(f"os.{name} links={links}: {failures} failing calls, plan byte-identical each time")
    if name == "link":
        assert failures == 0  # no hard links (FAT USB sticks): the backup is a copy instead
    else:
        assert failures >= 1


def test_no_space_during_write_is_disk_full(
    saved: tuple[PlanFile, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, path = saved
    original = path.read_bytes()
    _fail_on_call(monkeypatch, "write", 1, errno.ENOSPC)
    with pytest.raises(DiskFull) as info:
        plan.save(_v(3))
    assert info.value.message_id == "vault.error.disk_full"
    assert path.read_bytes() == original
    assert _names(path.parent) == ["plan.fpp", "plan.fpp.bak"]


def test_low_disk_space_refused_before_writing(
    saved: tuple[PlanFile, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, path = saved
    original = path.read_bytes()
    real_usage = shutil.disk_usage

    def nearly_full(folder: Any) -> Any:
        usage = real_usage(folder)
        return type(usage)(usage.total, usage.total - 1000, 1000)

    def no_write(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("wrote despite a full disk")

    monkeypatch.setattr(shutil, "disk_usage", nearly_full)
    monkeypatch.setattr(os, "open", no_write)
    with pytest.raises(DiskFull) as info:
        plan.save(_v(3))
    assert info.value.free_bytes == 1000 and info.value.needed_bytes > len(original)
    assert isinstance(info.value, SaveError)
    monkeypatch.undo()
    assert path.read_bytes() == original
    plan.save(_v(3))


def test_modes_are_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real_fsync = os.fsync

    def checking_fsync(fd: int) -> None:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            seen.append(stat.S_IMODE(os.fstat(fd).st_mode))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", checking_fsync)
    old_umask = os.umask(0)  # the most permissive umask: modes must still be 0600
    try:
        path = tmp_path / "plan.fpp"
        plan = PlanFile.create(path, _v(1), PASSPHRASE)
        plan.save(_v(2))
    finally:
        os.umask(old_umask)
    assert seen and set(seen) == {0o600}  # every temp file while it was written
    assert _mode(path) == 0o600
    assert _mode(backup_path(path)) == 0o600


def test_backup_without_hard_links_is_a_private_copy(
    saved: tuple[PlanFile, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, path = saved
    monkeypatch.setattr(os, "link", _no_links)
    previous = path.read_bytes()
    plan.save(_v(3))
    assert backup_path(path).read_bytes() == previous
    assert os.stat(backup_path(path)).st_nlink == 1
    assert _mode(backup_path(path)) == 0o600
    assert _names(path.parent) == ["plan.fpp", "plan.fpp.bak"]


def test_foreign_mode_of_old_plan_is_tightened_in_backup(tmp_path: Path) -> None:
    path = tmp_path / "plan.fpp"
    plan = PlanFile.create(path, _v(1), PASSPHRASE)
    os.chmod(path, 0o644)  # e.g. copied from elsewhere
    plan.save(_v(2))
    assert _mode(backup_path(path)) == 0o600
    assert _mode(path) == 0o600


def test_replace_is_retried_then_fails_cleanly(
    saved: tuple[PlanFile, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, path = saved
    monkeypatch.setattr(time, "sleep", lambda s: None)
    real_replace = os.replace
    calls = {"n": 0}

    def busy_twice(src: Any, dst: Any) -> None:
        calls["n"] += 1
        if calls["n"] <= 2:
            raise PermissionError(errno.EACCES, "file in use")  # a virus scanner, on Windows
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", busy_twice)
    plan.save(_v(3))
    assert calls["n"] >= 3
    assert decrypt_payload(path.read_bytes(), PASSPHRASE) == _v(3)

    def always_busy(src: Any, dst: Any) -> None:
        raise PermissionError(errno.EACCES, "file in use")

    monkeypatch.setattr(os, "replace", always_busy)
    original = path.read_bytes()
    with pytest.raises(SaveFailed):
        plan.save(_v(4))
    assert path.read_bytes() == original
    assert _names(path.parent) == ["plan.fpp", "plan.fpp.bak"]


def test_interrupted_save_keeps_plan(
    saved: tuple[PlanFile, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    plan, path = saved
    original = path.read_bytes()
    real_write = os.write

    def interrupted(fd: int, data: Any) -> int:
        real_write(fd, bytes(data)[:10])
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        plan.save(_v(3))
    assert path.read_bytes() == original
    assert _names(path.parent) == ["plan.fpp", "plan.fpp.bak"]


def test_clean_stale_temp_files(tmp_path: Path) -> None:
    stale = [".plan.fpp.tmp-0123456789abcdef", ".plan.fpp.bak.tmp-fedcba9876543210"]
    kept = [
        "plan.fpp",
        ".hidden",
        "x.tmp-0123456789abcdef",
        ".a.tmp-0123",
        ".a.tmp-0123456789ABCDEF",
    ]
    for name in stale + kept:
        (tmp_path / name).write_bytes(b"ciphertext")
    (tmp_path / ".dir.tmp-0123456789abcdef").mkdir()
    os.symlink(tmp_path / "plan.fpp", tmp_path / ".link.tmp-aaaaaaaaaaaaaaaa")
    assert clean_stale_temp_files(tmp_path) == []  # too recent: maybe a save in progress
    removed = clean_stale_temp_files(tmp_path, min_age_seconds=0)
    assert sorted(p.name for p in removed) == sorted(stale)
    assert sorted(_names(tmp_path)) == sorted(
        [*kept, ".dir.tmp-0123456789abcdef", ".link.tmp-aaaaaaaaaaaaaaaa"]
    )
    assert clean_stale_temp_files(tmp_path / "missing") == []


def test_temp_names_match_the_cleaning_pattern(tmp_path: Path) -> None:
    name = atomic._temp_path(tmp_path, "plan.fpp").name
    assert atomic.TEMP_NAME_RE.match(name) and name.startswith(".plan.fpp.tmp-")
    long = atomic._temp_path(tmp_path, "x" * 255).name
    assert len(long.encode()) <= 255 and atomic.TEMP_NAME_RE.match(long)


def test_opening_a_plan_tidies_stale_temp_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An interrupted save's temp file beside the plan goes away when the plan is opened."""
    from types import SimpleNamespace

    from preparedness import vault

    with vault.use_test_kdf_params():
        plan = tmp_path / "plan.fpp"
        vault.PlanFile.create(plan, vault.Payload(plan_json=b"{}"), "pass phrase")
        stale = tmp_path / ".plan.fpp.tmp-deadbeefdeadbeef"
        stale.write_bytes(b"ciphertext")
        other = tmp_path / "notes.txt"
        other.write_bytes(b"not ours")
        # An hour later (ctime cannot be set back, so the clock moves forward instead).
        later = time.time() + 3600
        monkeypatch.setattr(atomic, "time", SimpleNamespace(time=lambda: later))
        vault.PlanFile.open(plan, "pass phrase")
    assert not stale.exists()
    assert other.exists() and plan.exists()
