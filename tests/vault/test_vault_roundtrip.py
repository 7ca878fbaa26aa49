"""Round trips: any passphrase, payload and metadata come back exactly; caps are enforced."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from preparedness.vault import (
    DEFAULT_KDF,
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENT_COUNT,
    MAX_CLEAR_METADATA_BYTES,
    MAX_NAME_BYTES,
    TEST_KDF,
    ContentsDamaged,
    KdfParams,
    Payload,
    PayloadRefused,
    WrongPassphrase,
    decrypt_payload,
    encrypt_payload,
    generate_recovery_code,
    is_recovery_code,
    read_clear_metadata,
    use_test_kdf_params,
    validate_payload,
)
from preparedness.vault.kdf import current_default_kdf
from preparedness.vault.recovery import ALPHABET, normalize_recovery_code

passphrases = st.text(min_size=1, max_size=40).filter(lambda s: unicodedata.normalize("NFC", s))
names = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)
json_scalars = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=20)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
PASSPHRASE = "Café con leche 7"

payloads = st.builds(
    Payload,
    plan_json=st.binary(max_size=2000),
    attachments=st.dictionaries(names, st.binary(max_size=3000), max_size=4),
    clear_metadata=st.dictionaries(st.text(max_size=10), json_values, max_size=4),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=payloads, passphrase=passphrases)
def test_round_trip_any_payload_and_passphrase(payload: Payload, passphrase: str) -> None:
    data = encrypt_payload(payload, passphrase)
    assert decrypt_payload(data, passphrase) == payload
    # Keyboards type accents precomposed or combining: both forms open the same file.
    for form in ("NFC", "NFD"):
        assert decrypt_payload(data, unicodedata.normalize(form, passphrase)) == payload
    assert read_clear_metadata(data) == payload.clear_metadata


def test_nfd_passphrase_opens_nfc_file(small_payload: Payload) -> None:
    nfd = unicodedata.normalize("NFD", "Ñandú señor")
    data = encrypt_payload(small_payload, nfd)
    assert decrypt_payload(data, unicodedata.normalize("NFC", nfd)) == small_payload


def test_wrong_passphrase(small_payload: Payload) -> None:
    data = encrypt_payload(small_payload, PASSPHRASE)
    for wrong in ("", PASSPHRASE.upper(), PASSPHRASE + " ", "\ud800", generate_recovery_code()):
        with pytest.raises(WrongPassphrase) as info:
            decrypt_payload(data, wrong)
        assert info.value.message_id == "vault.error.wrong_passphrase"


def test_recovery_code_opens_and_is_forgiving(small_payload: Payload) -> None:
    code = generate_recovery_code()
    data = encrypt_payload(small_payload, PASSPHRASE, recovery_code=code)
    assert decrypt_payload(data, code) == small_payload
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    assert decrypt_payload(data, typed) == small_payload
    full_width = "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in code)
    assert decrypt_payload(data, full_width) == small_payload
    assert decrypt_payload(data, PASSPHRASE) == small_payload
    with pytest.raises(WrongPassphrase):
        decrypt_payload(data, generate_recovery_code())


def test_recovery_code_shape() -> None:
    codes = {generate_recovery_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        groups = code.split("-")
        assert [len(g) for g in groups] == [4] * 7
        assert set("".join(groups)) <= set(ALPHABET)
        assert is_recovery_code(code)
    code = next(iter(codes))
    # A single changed character is caught by the check characters (almost always).
    caught = 0
    for i, ch in enumerate(code):
        if ch == "-":
            continue
        other = ALPHABET[(ALPHABET.index(ch) + 1) % 32]
        caught += normalize_recovery_code(code[:i] + other + code[i + 1 :]) is None
    assert caught >= 24
    assert not is_recovery_code("correct horse battery staple")
    assert not is_recovery_code("U" * 28)
    assert not is_recovery_code("0" * 10_000)


def test_recovery_code_must_be_generated(small_payload: Payload) -> None:
    with pytest.raises(ValueError):
        encrypt_payload(small_payload, PASSPHRASE, recovery_code="my dog's name")


def test_empty_passphrase_refused(small_payload: Payload) -> None:
    with pytest.raises(ValueError):
        encrypt_payload(small_payload, "")


def test_caps_refused_before_key_derivation(small_payload: Payload) -> None:
    too_big = [
        Payload(b"{}", {"a": bytes(MAX_ATTACHMENT_BYTES + 1)}),
        Payload(b"{}", {str(i): b"" for i in range(MAX_ATTACHMENT_COUNT + 1)}),
        Payload(b"{}", {"n" * (MAX_NAME_BYTES + 1): b""}),
        Payload(b"{}", {"": b""}),
        Payload(b"{}", {"bad\nname": b""}),
        Payload(b"{}", clear_metadata={"x": "y" * MAX_CLEAR_METADATA_BYTES}),
        Payload(b"{}", clear_metadata={"x": float("nan")}),
        Payload(b"{}", clear_metadata={1: "int key"}),  # type: ignore[dict-item]
        Payload(b"{}", clear_metadata={"t": (1, 2)}),
        Payload("not bytes"),  # type: ignore[arg-type]
    ]
    for payload in too_big:
        with pytest.raises(PayloadRefused) as info:
            validate_payload(payload)
        assert info.value.message_id == "vault.error.payload_refused"
        with pytest.raises(PayloadRefused):
            encrypt_payload(payload, PASSPHRASE, kdf=DEFAULT_KDF)  # refused before the KDF
    # Exactly at the caps is fine.
    validate_payload(Payload(b"{}", {"n" * MAX_NAME_BYTES: b"x"}))


def test_attachment_order_and_empty_values_survive() -> None:
    payload = Payload(b"", {"z": b"", "a": b"1", "é": b"\x00"}, {})
    back = decrypt_payload(encrypt_payload(payload, "x"), "x")
    assert back == payload
    assert list(back.attachments) == ["z", "a", "é"]


def test_multi_chunk_payload() -> None:
    from preparedness.vault.fileformat import CHUNK_SIZE

    payload = Payload(b"{}", {"big": bytes(range(256)) * (CHUNK_SIZE // 256 * 2 + 3)})
    data = encrypt_payload(payload, "x")
    assert decrypt_payload(data, "x") == payload


def test_test_hook_is_explicit_and_default_is_strong() -> None:
    assert current_default_kdf() == TEST_KDF  # the autouse fixture is active
    with use_test_kdf_params():
        assert current_default_kdf() == TEST_KDF
    assert current_default_kdf() == TEST_KDF
    assert DEFAULT_KDF.memory_kib >= 256 * 1024 and DEFAULT_KDF.iterations >= 3
    assert DEFAULT_KDF.at_least(KdfParams(256 * 1024, 3, 4))


def test_explicit_out_of_range_kdf_refused(small_payload: Payload) -> None:
    with pytest.raises(ValueError):
        encrypt_payload(small_payload, "x", kdf=KdfParams(2**30, 1, 1))


def test_each_save_has_fresh_keys(small_payload: Payload) -> None:
    a = encrypt_payload(small_payload, PASSPHRASE)
    b = encrypt_payload(small_payload, PASSPHRASE)
    assert len(a) == len(b) and a != b
    # No 16-byte window of ciphertext repeats between two saves of the same payload.
    header_len = int.from_bytes(a[10:14], "big")
    windows = {a[i : i + 16] for i in range(header_len, len(a) - 16)}
    assert not any(b[i : i + 16] in windows for i in range(header_len, len(b) - 16))


@settings(max_examples=40, deadline=None)
@given(
    payload=payloads,
    chunk=st.sampled_from([1, 2, 7, 64, 1000]),
    cut=st.integers(min_value=1, max_value=10_000),
)
def test_chunking_with_tiny_chunks(payload: Payload, chunk: int, cut: int) -> None:
    """Many chunks and every kind of boundary: round trip, and any cut is caught."""
    from preparedness.vault import Damaged, fileformat

    real = fileformat.CHUNK_SIZE
    fileformat.CHUNK_SIZE = chunk  # both writer and reader use it: a private format variant
    try:
        data = encrypt_payload(payload, "x")
        assert decrypt_payload(data, "x") == payload
        n = len(data) - 1 - cut % (len(data) - 1)
        with pytest.raises(Damaged):
            decrypt_payload(data[:n], "x")
        # Drop whole chunks and fix the length field: the header (associated data) changed,
        # and the new last chunk lacks the final flag; either way the contents are refused.
        header_len = int.from_bytes(data[10:14], "big")
        body = len(data) - header_len
        step = chunk + 16
        if body > step:
            keep = step * (1 + cut % ((body - 1) // step))
            cut_file = bytearray(data[: header_len + keep])
            cut_file[14:22] = keep.to_bytes(8, "big")
            with pytest.raises(ContentsDamaged):
                decrypt_payload(bytes(cut_file), "x")
    finally:
        fileformat.CHUNK_SIZE = real


@pytest.mark.parametrize("chunk", [1, 7, 1000])
def test_plan_file_in_place_decryption(
    chunk: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from preparedness.vault import PlanFile, fileformat

    monkeypatch.setattr(fileformat, "CHUNK_SIZE", chunk)
    payload = Payload(b"{}" * 500, {"a": bytes(range(256)) * 9, "b": b"", "c": b"xyz"}, {"k": 1})
    PlanFile.create(tmp_path / "p.fpp", payload, "x")
    assert PlanFile.open(tmp_path / "p.fpp", "x")[1] == payload


def test_big_payload_spread_over_threads_round_trips(tmp_path: Path) -> None:
    """Several MB: chunks are encrypted by several threads, some chunks straddle two parts."""
    from preparedness.vault import PlanFile, fileformat

    blobs = {f"scan-{i}": os.urandom(fileformat.CHUNK_SIZE + 1000 * i + 7) for i in range(5)}
    payload = Payload(b'{"plan": 1}', blobs, {"label": "F-001"})
    plan = PlanFile.create(tmp_path / "p.fpp", payload, "x", recovery_code=None)
    plan.save(payload)
    assert PlanFile.open(tmp_path / "p.fpp", "x")[1] == payload


def test_a_prepared_buffer_of_the_wrong_size_is_refused() -> None:
    from preparedness.vault import fileformat
    from preparedness.vault.kdf import TEST_KDF

    payload = Payload(b"{}", {"a": b"xyz"})
    keys = fileformat.keys_for_passphrase("x", kdf=TEST_KDF)
    size = fileformat.sealed_size(payload, with_recovery=False)
    assert len(fileformat.seal(payload, keys, into=bytearray(size))) == size
    with pytest.raises(ValueError):
        fileformat.seal(payload, keys, into=bytearray(size + 1))
