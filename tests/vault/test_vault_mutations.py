"""Hostile and damaged files: every truncation, every header bit flip, body flips, random junk.

Each mutation must end in exactly the error class FORMAT.md promises, never another exception,
never a hang. The field offsets below are written from FORMAT.md, independently of the code.
"""

from __future__ import annotations

import json
import random
import struct
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    encrypt_payload,
    generate_recovery_code,
    read_clear_metadata,
)

PASSPHRASE = "Tëst pass"
MAGIC = b"\x89FPPLAN\n"
META = {"label": "F-031"}

# Offsets from FORMAT.md ("Header").
OFF_VERSION, OFF_HLEN, OFF_PLEN, OFF_COUNT, OFF_SLOT1 = 8, 10, 14, 22, 23
OFF_PARAMS = OFF_SLOT1 + 3  # memory, iterations, lanes: three u32
OFF_SALT = OFF_PARAMS + 12
SLOT1_END = OFF_SLOT1 + 3 + 88
SLOT2_END = SLOT1_END + 3 + 112


def _make(recovery: str | None, attachment: bytes = b"") -> bytes:
    payload = Payload(b'{"plan": "tiny"}', {"a.txt": attachment} if attachment else {}, META)
    return encrypt_payload(payload, PASSPHRASE, recovery_code=recovery)


@pytest.fixture(scope="module")
def code() -> str:
    return generate_recovery_code()


@pytest.fixture(scope="module")
def plain_file() -> bytes:
    from preparedness.vault import use_test_kdf_params

    with use_test_kdf_params():
        return _make(None)


@pytest.fixture(scope="module")
def recovery_file(code: str) -> bytes:
    from preparedness.vault import use_test_kdf_params

    with use_test_kdf_params():
        return _make(code, attachment=bytes(range(256)) * 2)


def _classify(data: bytes, secret: str) -> type[Exception] | None:
    try:
        decrypt_payload(data, secret)
    except OpenError as exc:
        return type(exc)
    return None


def _params_ok(buf: bytes) -> bool:
    m, t, p = struct.unpack_from(">III", buf, OFF_PARAMS)
    return 8192 <= m <= 1048576 and 1 <= t <= 10 and 1 <= p <= 16 and m >= 8 * p


def _meta_ok(raw: bytes) -> bool:
    try:
        value = json.loads(raw.decode("utf-8"))
    except ValueError:
        return False
    return isinstance(value, dict) and bool(value)


def _expected(buf: bytes, off: int, has_recovery: bool, with_code: bool) -> type[Exception]:
    """What FORMAT.md says a file with one flipped header bit at ``off`` must give."""
    slot_wrong, other_wrong = (
        (ContentsDamaged, WrongPassphrase) if with_code else (WrongPassphrase, ContentsDamaged)
    )
    if off < OFF_VERSION:
        return NotAPlanFile
    if off < OFF_HLEN:
        version = struct.unpack_from(">H", buf, OFF_VERSION)[0]
        return Damaged if version == 0 else NewerVersion
    if off < OFF_PARAMS:
        return Damaged  # header length, payload length, slot count, slot type and length
    if off < OFF_SALT:
        if not _params_ok(buf):
            return KdfParamsRefused
        return slot_wrong
    if off < SLOT1_END:
        return slot_wrong  # salt, nonce, wrapped key
    meta_len_at = SLOT1_END
    if has_recovery:
        if off < SLOT1_END + 3:
            return Damaged
        if off < SLOT2_END:
            return other_wrong
        meta_len_at = SLOT2_END
    if off < meta_len_at + 2:
        return Damaged
    return ContentsDamaged if _meta_ok(buf[meta_len_at + 2 : _header_len(buf)]) else Damaged


def _header_len(buf: bytes) -> int:
    return struct.unpack_from(">I", buf, OFF_HLEN)[0]


def _flip(data: bytes, bit: int) -> bytes:
    out = bytearray(data)
    out[bit // 8] ^= 1 << (bit % 8)
    return bytes(out)


def test_layout_matches_format_md(plain_file: bytes, recovery_file: bytes, code: str) -> None:
    for data, slots in ((plain_file, 1), (recovery_file, 2)):
        assert data[:8] == MAGIC
        assert struct.unpack_from(">H", data, OFF_VERSION)[0] == 1
        header_len = _header_len(data)
        assert struct.unpack_from(">Q", data, OFF_PLEN)[0] == len(data) - header_len
        assert data[OFF_COUNT] == slots
        assert data[OFF_SLOT1] == 1 and struct.unpack_from(">H", data, OFF_SLOT1 + 1)[0] == 88
        assert struct.unpack_from(">III", data, OFF_PARAMS) == (8192, 1, 1)
        meta_at = SLOT2_END if slots == 2 else SLOT1_END
        if slots == 2:
            assert data[SLOT1_END] == 2
            assert struct.unpack_from(">H", data, SLOT1_END + 1)[0] == 112
        meta_len = struct.unpack_from(">H", data, meta_at)[0]
        assert meta_at + 2 + meta_len == header_len
        assert json.loads(data[meta_at + 2 : header_len]) == META
    assert decrypt_payload(recovery_file, code).attachments["a.txt"] == bytes(range(256)) * 2


def test_every_truncation_is_damaged(recovery_file: bytes, code: str) -> None:
    counts: dict[str, int] = {}
    for n in range(len(recovery_file)):
        for secret in (code,):
            got = _classify(recovery_file[:n], secret)
            assert got is Damaged, (n, got)
            counts[got.__name__] = counts.get(got.__name__, 0) + 1
    assert counts == {"Damaged": len(recovery_file)}
    print("truncations", counts)


def test_appended_bytes_are_damaged(recovery_file: bytes, code: str) -> None:
    rng = random.Random(7)
    for extra in [1, 2, 15, 16, 17, 100, 4096, *(rng.randrange(1, 300) for _ in range(50))]:
        tail = bytes(rng.randrange(256) for _ in range(extra))
        assert _classify(recovery_file + tail, code) is Damaged
        assert _classify(recovery_file + tail, PASSPHRASE) is Damaged
    assert _classify(recovery_file + recovery_file, code) is Damaged


@pytest.mark.parametrize("variant", ["plain-passphrase", "recovery-code", "recovery-passphrase"])
def test_every_header_bit_flip(
    variant: str, plain_file: bytes, recovery_file: bytes, code: str
) -> None:
    data = plain_file if variant == "plain-passphrase" else recovery_file
    has_recovery = variant != "plain-passphrase"
    with_code = variant == "recovery-code"
    secret = code if with_code else PASSPHRASE
    header_len = _header_len(data)
    counts: dict[str, int] = {}
    for bit in range(header_len * 8):
        if variant == "recovery-passphrase" and not SLOT1_END * 8 <= bit < SLOT2_END * 8:
            continue  # the rest is covered by the two other variants
        mutated = _flip(data, bit)
        expected = _expected(mutated, bit // 8, has_recovery, with_code)
        got = _classify(mutated, secret)
        assert got is expected, (variant, bit // 8, bit % 8, got, expected)
        counts[expected.__name__] = counts.get(expected.__name__, 0) + 1
    print(variant, counts)


def test_body_bit_flips_are_contents_damaged(recovery_file: bytes, code: str) -> None:
    header_len = _header_len(recovery_file)
    body_bits = (len(recovery_file) - header_len) * 8
    assert body_bits >= 2000 * 2
    for bit in range(header_len * 8, len(recovery_file) * 8):  # every body bit, not a sample
        assert _classify(_flip(recovery_file, bit), code) is ContentsDamaged, bit
    print("body bit flips", {"ContentsDamaged": body_bits})


def test_body_bit_flips_with_passphrase(plain_file: bytes) -> None:
    header_len = _header_len(plain_file)
    rng = random.Random(1)
    bits = range(header_len * 8, len(plain_file) * 8)
    for bit in rng.sample(bits, 60):
        assert _classify(_flip(plain_file, bit), PASSPHRASE) is ContentsDamaged


def test_absurd_kdf_params_refused_before_deriving(
    recovery_file: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    import preparedness.vault.fileformat as ff

    def no_derivation(*args: object) -> bytes:
        raise AssertionError("derived with refused parameters")

    monkeypatch.setattr(ff, "derive_kek", no_derivation)
    cases = [
        (2**30, 3, 4),  # 2^40 bytes of memory
        (2**32 - 1, 3, 4),
        (262144, 2**31, 4),
        (262144, 3, 2**32 - 1),
        (1048577, 1, 1),
        (262144, 11, 4),
        (262144, 0, 4),
        (262144, 3, 0),
        (8191, 1, 1),
        (8192, 1, 1025),
    ]
    for m, t, p in cases:
        data = bytearray(recovery_file)
        struct.pack_into(">III", data, OFF_PARAMS, m, t, p)
        start = time.perf_counter()
        with pytest.raises(KdfParamsRefused) as info:
            decrypt_payload(bytes(data), PASSPHRASE)
        elapsed = time.perf_counter() - start
        assert elapsed < 0.2, elapsed  # measured ~0.05 ms; generous for busy CI machines
        assert isinstance(info.value, Damaged)
        assert info.value.message_id == "vault.error.damaged"
        with pytest.raises(KdfParamsRefused):
            read_clear_metadata(bytes(data))


def test_absurd_lengths_do_not_allocate(recovery_file: bytes, code: str) -> None:
    for off, fmt, value in [
        (OFF_PLEN, ">Q", 2**63),
        (OFF_PLEN, ">Q", 2**64 - 1),
        (OFF_HLEN, ">I", 2**32 - 1),
        (OFF_SLOT1 + 1, ">H", 65535),
    ]:
        data = bytearray(recovery_file)
        struct.pack_into(fmt, data, off, value)
        assert _classify(bytes(data), code) is Damaged


def test_not_a_plan(code: str) -> None:
    for junk in [b"%PDF-1.7\n", b"PK\x03\x04" + bytes(200), b"\x89PNG\r\n\x1a\n" + bytes(100)]:
        assert _classify(junk, code) is NotAPlanFile
        with pytest.raises(NotAPlanFile):
            read_clear_metadata(junk)
    assert _classify(b"", code) is Damaged  # an empty file: a save that never happened
    assert _classify(MAGIC[:5], code) is Damaged


def test_newer_version(recovery_file: bytes) -> None:
    for version in (2, 3, 255, 65535):
        data = bytearray(recovery_file)
        struct.pack_into(">H", data, OFF_VERSION, version)
        with pytest.raises(NewerVersion) as info:
            decrypt_payload(bytes(data[:12]), PASSPHRASE)  # decided from the version alone
        assert info.value.found_version == version


@settings(max_examples=400, deadline=1000)
@given(st.binary(max_size=600))
def test_random_files(junk: bytes) -> None:
    for data in (junk, MAGIC + junk, MAGIC + b"\x00\x01" + junk):
        with pytest.raises(OpenError):
            decrypt_payload(data, PASSPHRASE)


def test_random_structural_mutations(recovery_file: bytes, code: str) -> None:
    """Splices, deletions, duplications and byte smears: only OpenErrors, all quick."""
    rng = random.Random(2026)
    seen: dict[str, int] = {}
    start = time.perf_counter()
    for _ in range(1500):
        data = bytearray(recovery_file)
        for _ in range(rng.randrange(1, 4)):
            i = rng.randrange(len(data))
            j = min(len(data), i + rng.randrange(1, 40))
            action = rng.randrange(4)
            if action == 0:
                data[i:j] = bytes(rng.randrange(256) for _ in range(j - i))
            elif action == 1:
                del data[i:j]
            elif action == 2:
                data[i:i] = data[i:j]
            else:
                data[i] = rng.choice([0, 255, data[i] ^ 0x80])
        got = _classify(bytes(data), code)
        if got is None:  # only possible if the mutations happened to cancel out
            assert bytes(data) == recovery_file
            got = type(None)
        seen[got.__name__] = seen.get(got.__name__, 0) + 1
    assert time.perf_counter() - start < 30
    print(seen)
