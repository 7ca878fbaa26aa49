"""Caps checked before reading; errors a person can act on; nothing written to disk."""

from __future__ import annotations

import builtins
import io
import os
import sys
import tempfile
from pathlib import Path

import pytest
from documents_fixtures import encode, noisy_photo

from preparedness import documents
from preparedness.documents import (
    CannotRead,
    EmptyFile,
    FileTooBig,
    NotSupported,
    TotalTooBig,
    check_total,
    errors,
    import_bytes,
    import_file,
    limits,
    remaining_bytes,
    source,
)

CAP = limits.MAX_FILE_BYTES


class _OpenSpy:
    """Records every file opened and the size of every read through builtins.open."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.opened: list[str] = []
        self.reads: list[int] = []
        real_open = builtins.open
        spy = self

        class Handle:
            def __init__(self, handle: io.BufferedReader) -> None:
                self._handle = handle

            def read(self, size: int = -1) -> bytes:
                spy.reads.append(size)
                return self._handle.read(size)

            def __enter__(self) -> Handle:
                return self

            def __exit__(self, *exc: object) -> None:
                self._handle.close()

        def fake_open(path, mode="r", *args, **kwargs):
            spy.opened.append(str(path))
            handle = real_open(path, mode, *args, **kwargs)
            return Handle(handle) if "b" in mode and "r" in mode else handle

        monkeypatch.setattr(builtins, "open", fake_open)


def _sparse(path: Path, size: int, head: bytes) -> Path:
    with open(path, "wb") as handle:
        handle.write(head)
        handle.truncate(size)
    return path


def test_huge_pdf_like_file_is_refused_before_it_is_opened(tmp_path, monkeypatch) -> None:
    path = _sparse(tmp_path / "scan.pdf", CAP + 5 * limits.MiB, b"%PDF-1.7\n")
    spy = _OpenSpy(monkeypatch)
    with pytest.raises(FileTooBig) as caught:
        import_file(path)
    assert spy.opened == [] and spy.reads == []
    assert caught.value.message_id == "documents.error.too_big"
    assert "25 MB" in caught.value.default_message
    assert str(path) not in str(caught.value)  # no paths in messages


def test_a_file_that_lies_about_its_size_is_read_at_most_cap_plus_one(tmp_path, monkeypatch):
    path = _sparse(tmp_path / "grows.jpg", CAP + 3 * limits.MiB, b"\xff\xd8\xff\xe0")
    # As if the file grew between the size check and the read.
    monkeypatch.setattr(source, "check_stat", lambda path, cap=CAP: 10)
    spy = _OpenSpy(monkeypatch)
    with pytest.raises(FileTooBig):
        import_file(path)
    assert spy.reads == [CAP + 1]


def test_a_file_exactly_at_the_cap_is_read_whole(tmp_path, monkeypatch) -> None:
    path = _sparse(tmp_path / "exact.pdf", CAP, b"%PDF-1.7\n")
    spy = _OpenSpy(monkeypatch)
    [page] = import_file(path, check_pdf=False)
    assert page.size == CAP and spy.reads == [CAP + 1]


def test_bytes_over_the_cap_are_refused() -> None:
    with pytest.raises(FileTooBig):
        import_bytes(b"\xff\xd8\xff" + b"\0" * CAP)


def test_empty_missing_folder_and_pipe(tmp_path: Path) -> None:
    (tmp_path / "empty.jpg").write_bytes(b"")
    with pytest.raises(EmptyFile):
        import_file(tmp_path / "empty.jpg")
    with pytest.raises(EmptyFile):
        import_bytes(b"")
    with pytest.raises(CannotRead):
        import_file(tmp_path / "gone.jpg")
    with pytest.raises(NotSupported):
        import_file(tmp_path)
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.jpg")
        with pytest.raises(NotSupported):  # and does not hang waiting for a writer
            import_file(tmp_path / "pipe.jpg")


def test_check_total_and_room_left() -> None:
    existing = [limits.MiB] * 180
    check_total(existing, 20 * limits.MiB)
    with pytest.raises(TotalTooBig) as caught:
        check_total(existing, 20 * limits.MiB + 1)
    assert caught.value.message_id == "documents.error.total_too_big"
    assert "200 MB" in caught.value.default_message
    assert remaining_bytes(existing) == 20 * limits.MiB
    assert remaining_bytes([300 * limits.MiB]) == 0


def test_caps_match_the_vault() -> None:
    container = pytest.importorskip("preparedness.vault.container")
    assert limits.MAX_FILE_BYTES == container.MAX_ATTACHMENT_BYTES
    assert limits.MAX_TOTAL_BYTES == container.MAX_ATTACHMENTS_TOTAL_BYTES


def test_every_error_has_a_stable_id_and_a_plain_message() -> None:
    classes = [getattr(errors, name) for name in errors.__all__]
    ids = [cls.message_id for cls in classes]
    assert len(set(ids)) == len(ids)
    for cls in classes:
        assert issubclass(cls, documents.DocumentImportError)
        assert not issubclass(cls, ImportError)  # never confused with a failed module import
        assert cls.message_id.startswith("documents.error.")
        assert cls.default_message.endswith(".") and len(cls.default_message) > 30
        assert "{" not in cls.default_message
        error = cls("technical detail")
        assert cls.message_id in str(error) and error.detail == "technical detail"


def test_nothing_is_written_to_disk(monkeypatch, tmp_path) -> None:
    """Import, thumbnail and rotate a picture while any write to a file would fail."""
    picture = encode(noisy_photo(2600, 1800), "JPEG", quality=90)
    real_open = builtins.open
    real_os_open = os.open
    writes: list[str] = []

    def guarded_open(path, mode="r", *args, **kwargs):
        if any(flag in mode for flag in "wax+"):
            writes.append(str(path))
        return real_open(path, mode, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            writes.append(str(path))
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    monkeypatch.setattr(tempfile, "mkstemp", lambda *a, **k: writes.append("mkstemp"))
    [page] = import_bytes(picture)
    documents.thumbnail(page.data, 200)
    documents.rotate(page.data, page.media_type, 90)
    assert writes == []


def test_importing_documents_does_not_import_qt() -> None:
    import subprocess

    code = (
        "import sys, preparedness.documents; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "False", result.stderr
