"""Frozen golden files (tests/data/golden/): each keeps opening, or keeps its error, forever."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pytest

from preparedness.vault import (
    ContentsDamaged,
    Damaged,
    KdfParamsRefused,
    NewerVersion,
    NotAPlanFile,
    OpenError,
    Payload,
    WrongPassphrase,
    decrypt_payload,
    read_clear_metadata,
)

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"
PASSPHRASE = "Golden pässphrase 1"
RECOVERY_CODE = "XPKN-Z586-S3TQ-KRBR-M74W-P3SZ-65NC"

EXPECTED_PAYLOADS = {
    "v1-plain.fpp": Payload(b'{"schema": 1, "note": "golden v1, no attachments"}', {}, {}),
    "v1-attachments.fpp": Payload(
        b'{"schema": 1, "note": "golden v1 with attachments"}',
        {
            "birth-certificate.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
            "passaporte-página-1.pdf": b"%PDF-1.4\n% golden\n" + b"\x00\xff" * 300,
        },
        {"label": "F-031", "review_by": "2027-05-01"},
    ),
    "v1-recovery.fpp": Payload(
        b'{"schema": 1, "note": "golden v1 with a recovery code"}', {"a": b"x"}, {}
    ),
}

EXPECTED_ERRORS: dict[str, type[OpenError]] = {
    "not-a-plan.txt": NotAPlanFile,
    "newer-version.fpp": NewerVersion,
    "damaged-empty.fpp": Damaged,
    "damaged-truncated.fpp": Damaged,
    "damaged-appended.fpp": Damaged,
    "damaged-slot-count.fpp": Damaged,
    "kdf-over-cap.fpp": KdfParamsRefused,
    "wrong-passphrase.fpp": WrongPassphrase,
    "wrong-passphrase-tampered-slot.fpp": WrongPassphrase,
    "contents-damaged.fpp": ContentsDamaged,
}


def test_golden_files_are_frozen() -> None:
    sums = {}
    for line in (GOLDEN / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split()
        sums[name] = digest
    assert set(sums) == set(EXPECTED_PAYLOADS) | set(EXPECTED_ERRORS)
    for name, digest in sums.items():
        assert hashlib.sha256((GOLDEN / name).read_bytes()).hexdigest() == digest, name


@pytest.mark.parametrize("name", sorted(EXPECTED_PAYLOADS))
def test_good_golden_files_open(name: str) -> None:
    data = (GOLDEN / name).read_bytes()
    expected = EXPECTED_PAYLOADS[name]
    assert decrypt_payload(data, PASSPHRASE) == expected
    assert decrypt_payload(data, unicodedata.normalize("NFD", PASSPHRASE)) == expected
    assert read_clear_metadata(GOLDEN / name) == expected.clear_metadata


def test_golden_recovery_code_opens() -> None:
    data = (GOLDEN / "v1-recovery.fpp").read_bytes()
    assert decrypt_payload(data, RECOVERY_CODE) == EXPECTED_PAYLOADS["v1-recovery.fpp"]
    assert (
        decrypt_payload(data, RECOVERY_CODE.lower().replace("-", " "))
        == (EXPECTED_PAYLOADS["v1-recovery.fpp"])
    )


@pytest.mark.parametrize("name", sorted(EXPECTED_ERRORS))
def test_broken_golden_files_keep_their_class(name: str) -> None:
    with pytest.raises(OpenError) as info:
        decrypt_payload((GOLDEN / name).read_bytes(), PASSPHRASE)
    assert type(info.value) is EXPECTED_ERRORS[name]
