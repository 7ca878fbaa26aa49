"""PlanFile: open, save, save as, passphrase and recovery-code changes, ChangedOnDisk."""

from __future__ import annotations

import os
import stat
import threading
import unicodedata
from pathlib import Path

import pytest

from preparedness.vault import (
    DEFAULT_KDF,
    KEEP,
    TEST_KDF,
    AlreadyExists,
    ChangedOnDisk,
    NotAPlanFile,
    PassphraseChangeRequired,
    Payload,
    PlanFile,
    ReadFailed,
    WrongPassphrase,
    backup_path,
    decrypt_payload,
    encrypt_payload,
    generate_recovery_code,
    read_clear_metadata,
)
from preparedness.vault import fileformat as ff

PASSPHRASE = "Café con leche 7"


def _v(n: int) -> Payload:
    return Payload(f'{{"version": {n}}}'.encode(), {"doc": bytes([n]) * 1000}, {"label": "F-031"})


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_create_open_save(tmp_path: Path) -> None:
    path = tmp_path / "plan.fpp"
    plan = PlanFile.create(path, _v(1), PASSPHRASE)
    assert _mode(path) == 0o600
    assert not backup_path(path).exists()
    reopened, payload = PlanFile.open(path, unicodedata.normalize("NFD", PASSPHRASE))
    assert payload == _v(1)
    assert not reopened.opened_with_recovery and not reopened.has_recovery_code
    reopened.save(_v(2))
    assert PlanFile.open(path, PASSPHRASE)[1] == _v(2)
    assert decrypt_payload(backup_path(path).read_bytes(), PASSPHRASE) == _v(1)
    assert _mode(backup_path(path)) == 0o600
    reopened.save(_v(3))
    assert decrypt_payload(backup_path(path).read_bytes(), PASSPHRASE) == _v(2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.fpp", "plan.fpp.bak"]
    # The first PlanFile's view of the file is stale now.
    with pytest.raises(ChangedOnDisk):
        plan.save(_v(9))
    assert PlanFile.open(path, PASSPHRASE)[1] == _v(3)


def test_save_needs_no_key_derivation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.fpp"
    plan = PlanFile.create(path, _v(1), PASSPHRASE)
    salt_before = path.read_bytes()[38:54]

    def no_kdf(*args: object) -> bytes:
        raise AssertionError("save ran the KDF")

    monkeypatch.setattr(ff, "derive_kek", no_kdf)
    plan.save(_v(2))
    plan.set_recovery_code(generate_recovery_code(), _v(3))
    data = path.read_bytes()
    assert data[38:54] == salt_before  # same salt and parameters, fresh file key and nonces
    monkeypatch.undo()
    assert decrypt_payload(data, PASSPHRASE) == _v(3)


def test_create_refuses_existing(tmp_path: Path) -> None:
    path = tmp_path / "plan.fpp"
    path.write_bytes(b"someone's file")
    with pytest.raises(AlreadyExists):
        PlanFile.create(path, _v(1), PASSPHRASE)
    assert path.read_bytes() == b"someone's file"
    PlanFile.create(path, _v(1), PASSPHRASE, overwrite=True)
    assert backup_path(path).read_bytes() == b"someone's file"
    assert _mode(backup_path(path)) == 0o600


def test_changed_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "plan.fpp"
    PlanFile.create(path, _v(1), PASSPHRASE)
    plan, _ = PlanFile.open(path, PASSPHRASE)
    other, _ = PlanFile.open(path, PASSPHRASE)
    other.save(_v(2))
    before = path.read_bytes()
    with pytest.raises(ChangedOnDisk) as info:
        plan.save(_v(3))
    assert info.value.message_id == "vault.error.changed_on_disk"
    assert path.read_bytes() == before
    # Same size, same first bytes, different last byte: still caught.
    data = bytearray(before)
    data[-1] ^= 1
    path.write_bytes(data)
    with pytest.raises(ChangedOnDisk):
        other.save(_v(4))
    # Touching without changing the contents is not a change.
    path.write_bytes(before)
    os.utime(path, (1, 1))
    other.save(_v(5))
    # A file that disappeared is simply written again.
    path.unlink()
    other.save(_v(6))
    assert PlanFile.open(path, PASSPHRASE)[1] == _v(6)


def test_save_as(tmp_path: Path) -> None:
    path = tmp_path / "plan.fpp"
    plan = PlanFile.create(
        path, _v(1), PASSPHRASE, recovery_code=(code := generate_recovery_code())
    )
    copy = plan.save_as(tmp_path / "copy.fpp", _v(2))
    assert copy.path == tmp_path / "copy.fpp" and copy.has_recovery_code
    assert PlanFile.open(copy.path, code)[1] == _v(2)
    assert PlanFile.open(path, PASSPHRASE)[1] == _v(1)
    with pytest.raises(AlreadyExists):
        plan.save_as(copy.path, _v(3))
    plan.save_as(copy.path, _v(3), overwrite=True)
    assert decrypt_payload(copy.path.read_bytes(), PASSPHRASE) == _v(3)
    assert plan.save_as(path, _v(4)) is plan
    assert decrypt_payload(path.read_bytes(), PASSPHRASE) == _v(4)


def test_wrong_passphrase_and_not_a_plan(tmp_path: Path) -> None:
    path = tmp_path / "plan.fpp"
    PlanFile.create(path, _v(1), PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        PlanFile.open(path, "cafe con leche 7")
    other = tmp_path / "notes.txt"
    other.write_text("shopping list")
    with pytest.raises(NotAPlanFile):
        PlanFile.open(other, PASSPHRASE)
    with pytest.raises(ReadFailed):
        PlanFile.open(tmp_path / "missing.fpp", PASSPHRASE)
    with pytest.raises((ReadFailed, NotAPlanFile)):
        PlanFile.open(tmp_path, PASSPHRASE)  # a folder
    fifo = tmp_path / "pipe.fpp"
    os.mkfifo(fifo)
    with pytest.raises(NotAPlanFile):
        PlanFile.open(fifo, PASSPHRASE)  # must not block waiting for a writer
    with pytest.raises(NotAPlanFile):
        read_clear_metadata(fifo)


def test_recovery_code_flow(tmp_path: Path) -> None:
    path = tmp_path / "plan.fpp"
    code = generate_recovery_code()
    PlanFile.create(path, _v(1), PASSPHRASE, recovery_code=code)
    plan, payload = PlanFile.open(path, code.lower())
    assert payload == _v(1)
    assert plan.opened_with_recovery and plan.needs_new_passphrase and plan.has_recovery_code
    with pytest.raises(PassphraseChangeRequired):
        plan.save(_v(2))
    with pytest.raises(PassphraseChangeRequired):
        plan.save_as(tmp_path / "x.fpp", _v(2))
    assert decrypt_payload(path.read_bytes(), PASSPHRASE) == _v(1)
    plan.change_passphrase("new passphrase", _v(2))  # keeps the recovery code by default
    assert not plan.needs_new_passphrase
    assert PlanFile.open(path, "new passphrase")[1] == _v(2)
    assert PlanFile.open(path, code)[1] == _v(2)
    with pytest.raises(WrongPassphrase):
        PlanFile.open(path, PASSPHRASE)
    plan.save(_v(3))
    assert PlanFile.open(path, code)[1] == _v(3)


def test_change_passphrase_options(tmp_path: Path) -> None:
    path = tmp_path / "plan.fpp"
    code = generate_recovery_code()
    plan = PlanFile.create(path, _v(1), PASSPHRASE, recovery_code=code)
    old_salt = path.read_bytes()[38:54]
    plan.change_passphrase("second", _v(2), recovery_code=KEEP)
    assert path.read_bytes()[38:54] != old_salt  # a new passphrase gets a new salt
    assert PlanFile.open(path, code)[1] == _v(2)
    plan.change_passphrase("third", _v(3), recovery_code=None)
    assert not plan.has_recovery_code
    with pytest.raises(WrongPassphrase):
        PlanFile.open(path, code)
    new_code = generate_recovery_code()
    plan.change_passphrase("fourth", _v(4), recovery_code=new_code)
    assert PlanFile.open(path, new_code)[1] == _v(4)
    with pytest.raises(ValueError):
        plan.change_passphrase("fifth", _v(5), recovery_code="not a code")
    with pytest.raises(ValueError):
        plan.change_passphrase("", _v(5))
    assert PlanFile.open(path, "fourth")[1] == _v(4)  # failed changes changed nothing


def test_recovery_removal_and_addition(tmp_path: Path) -> None:
    path = tmp_path / "plan.fpp"
    code = generate_recovery_code()
    plan = PlanFile.create(path, _v(1), PASSPHRASE, recovery_code=code)
    plan.set_recovery_code(None, _v(2))
    assert not plan.has_recovery_code
    with pytest.raises(WrongPassphrase):
        PlanFile.open(path, code)
    assert decrypt_payload(backup_path(path).read_bytes(), code) == _v(1)  # the backup still does
    plan.set_recovery_code(code2 := generate_recovery_code(), _v(3))
    assert PlanFile.open(path, code2)[1] == _v(3)
    assert PlanFile.open(path, PASSPHRASE)[0].has_recovery_code


def test_weak_parameters_upgraded_on_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.fpp"
    path.write_bytes(encrypt_payload(_v(1), PASSPHRASE, kdf=TEST_KDF))
    import preparedness.vault.planfile as pf

    monkeypatch.setattr(pf, "current_default_kdf", lambda: DEFAULT_KDF)
    plan, _ = PlanFile.open(path, PASSPHRASE)
    plan.save(_v(2))
    m, t, p = (int.from_bytes(path.read_bytes()[i : i + 4], "big") for i in (26, 30, 34))
    assert (m, t, p) == (DEFAULT_KDF.memory_kib, DEFAULT_KDF.iterations, DEFAULT_KDF.lanes)


def test_clear_metadata_from_path_reads_only_the_header(tmp_path: Path) -> None:
    path = tmp_path / "plan.fpp"
    PlanFile.create(path, Payload(b"{}", {"big": bytes(3_000_000)}, {"label": "F-7"}), "pw")
    assert read_clear_metadata(path) == {"label": "F-7"}
    assert read_clear_metadata(str(path)) == {"label": "F-7"}


def test_concurrent_saves_are_serialised(tmp_path: Path) -> None:
    path = tmp_path / "plan.fpp"
    plan = PlanFile.create(path, _v(0), PASSPHRASE)
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            for i in range(5):
                plan.save(_v(n * 10 + i))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(1, 5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    PlanFile.open(path, PASSPHRASE)


def test_repr_names_no_path(tmp_path: Path) -> None:
    plan = PlanFile.create(tmp_path / "Garcia family.fpp", _v(1), PASSPHRASE)
    assert "Garcia" not in repr(plan)
