"""The plan file format, version 1: header, key slots, chunked AEAD payload (docs/FORMAT.md)."""

from __future__ import annotations

import bisect
import contextlib
import errno
import io
import itertools
import os
import stat
import struct
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from . import recovery
from .atomic import Fingerprint, fingerprint_of_image
from .container import (
    MAX_CLEAR_METADATA_BYTES,
    MAX_CONTAINER_BYTES,
    Payload,
    container_parts,
    decode_clear_metadata,
    decode_container,
    encode_clear_metadata,
    validate_payload,
)
from .errors import (
    ContentsDamaged,
    Damaged,
    KdfParamsRefused,
    NewerVersion,
    NotAPlanFile,
    ReadFailed,
    WrongPassphrase,
)
from .kdf import SALT_LEN, KdfParams, check_kdf_params, current_default_kdf, derive_kek
from .kdf import passphrase_bytes as _passphrase_bytes

MAGIC = b"\x89FPPLAN\n"
FORMAT_VERSION = 1
SUPPORTED_VERSIONS = frozenset({1})  # every version ever shipped stays here

PREAMBLE_LEN = 14  # magic (8) + version (2) + header length (4)
MAX_HEADER_LEN = 8192
CHUNK_SIZE = 1024 * 1024  # plaintext bytes per payload chunk (the last one may be shorter)
TAG_LEN = 16
NONCE_LEN = 12
FILE_KEY_LEN = 32

SLOT_PASSPHRASE = 1
SLOT_RECOVERY = 2
PASSPHRASE_SLOT_LEN = 4 + 4 + 4 + SALT_LEN + NONCE_LEN + FILE_KEY_LEN + TAG_LEN  # 88
RECOVERY_SLOT_LEN = 32 + 32 + FILE_KEY_LEN + TAG_LEN  # 112
MIN_HEADER_LEN = PREAMBLE_LEN + 8 + 1 + 3 + PASSPHRASE_SLOT_LEN + 2  # 116

AD_PASSPHRASE_SLOT = b"FPPLAN/v1/passphrase-slot"
AD_RECOVERY_SLOT = b"FPPLAN/v1/recovery-slot"
INFO_RECOVERY_WRAP = b"FPPLAN/v1/recovery-wrap"

_U16 = struct.Struct(">H")
_U32 = struct.Struct(">I")
_U64 = struct.Struct(">Q")
_PARAMS = struct.Struct(">III")


def ciphertext_length(plain_len: int) -> int:
    """Payload bytes for a container of ``plain_len`` bytes: one 16-byte tag per chunk."""
    chunks = max(1, -(-plain_len // CHUNK_SIZE))
    return plain_len + TAG_LEN * chunks


MAX_PAYLOAD_LEN = ciphertext_length(MAX_CONTAINER_BYTES)


def _chunk_layout_ok(payload_len: int) -> bool:
    """Full chunks are CHUNK_SIZE+16 bytes; the last must hold at least one plaintext byte."""
    full = CHUNK_SIZE + TAG_LEN
    if payload_len <= TAG_LEN:
        return False
    last = payload_len - full * ((payload_len - 1) // full)
    return last > TAG_LEN


# --- header --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PassphraseSlot:
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    wrapped_key: bytes


@dataclass(frozen=True)
class RecoverySlot:
    recipient: bytes  # X25519 public key of the recovery code
    ephemeral: bytes  # X25519 public key made for this save
    wrapped_key: bytes


@dataclass(frozen=True)
class Header:
    raw: bytes  # the whole header, authenticated as associated data of every payload chunk
    version: int
    payload_length: int
    passphrase_slot: PassphraseSlot
    recovery_slot: RecoverySlot | None
    clear_metadata: dict[str, Any]


def parse_preamble(buf: bytes, total_size: int) -> int:
    """Classify the first bytes and return the header length H (FORMAT.md section 9, steps 1-3)."""
    n = min(len(buf), len(MAGIC))
    if buf[:n] != MAGIC[:n]:
        raise NotAPlanFile("magic mismatch")
    if len(buf) < len(MAGIC):
        raise Damaged("file ends inside the magic")
    if len(buf) < 10:
        raise Damaged("file ends inside the version")
    version = _U16.unpack_from(buf, 8)[0]
    if version == 0:
        raise Damaged("format version 0 does not exist")
    if version not in SUPPORTED_VERSIONS:
        if version > FORMAT_VERSION:
            raise NewerVersion(version)
        raise Damaged(f"unknown format version {version}")  # pragma: no cover - none yet
    if len(buf) < PREAMBLE_LEN:
        raise Damaged("file ends inside the preamble")
    header_len: int = _U32.unpack_from(buf, 10)[0]
    if not MIN_HEADER_LEN <= header_len <= MAX_HEADER_LEN:
        raise Damaged("header length out of range")
    if header_len > total_size:
        raise Damaged("file ends inside the header")
    return header_len


def parse_header(buf: bytes, total_size: int) -> Header:
    """Parse and check the whole header without any key (FORMAT.md section 9, steps 1-9).

    ``buf`` holds at least the first H bytes of a file of ``total_size`` bytes (or the whole
    file if shorter). Raises NotAPlanFile, NewerVersion, Damaged or KdfParamsRefused.
    """
    header_len = parse_preamble(buf[:PREAMBLE_LEN], total_size)
    if len(buf) < header_len:
        raise Damaged("file ends inside the header")
    raw = bytes(buf[:header_len])
    payload_len = _U64.unpack_from(raw, 14)[0]
    if payload_len != total_size - header_len:
        raise Damaged("payload length does not match the file size (truncated or appended)")
    if payload_len > MAX_PAYLOAD_LEN or not _chunk_layout_ok(payload_len):
        raise Damaged("payload length impossible")
    pos = 22
    slot_count = raw[pos]
    pos += 1
    if slot_count not in (1, 2):
        raise Damaged("slot count must be 1 or 2")
    pslot: PassphraseSlot | None = None
    rslot: RecoverySlot | None = None
    for index in range(slot_count):
        if header_len - pos < 3:
            raise Damaged("slot runs past the header")
        slot_type = raw[pos]
        body_len = _U16.unpack_from(raw, pos + 1)[0]
        pos += 3
        if body_len > header_len - pos:
            raise Damaged("slot runs past the header")
        body = raw[pos : pos + body_len]
        pos += body_len
        if index == 0 and slot_type == SLOT_PASSPHRASE and body_len == PASSPHRASE_SLOT_LEN:
            memory, iterations, lanes = _PARAMS.unpack_from(body, 0)
            kdf = KdfParams(memory_kib=memory, iterations=iterations, lanes=lanes)
            salt = body[12 : 12 + SALT_LEN]
            nonce = body[28 : 28 + NONCE_LEN]
            pslot = PassphraseSlot(kdf, salt, nonce, body[40:])
        elif index == 1 and slot_type == SLOT_RECOVERY and body_len == RECOVERY_SLOT_LEN:
            rslot = RecoverySlot(body[0:32], body[32:64], body[64:])
        else:
            raise Damaged("unexpected slot type, order or length")
    if header_len - pos < 2:
        raise Damaged("metadata length runs past the header")
    meta_len = _U16.unpack_from(raw, pos)[0]
    pos += 2
    if meta_len > MAX_CLEAR_METADATA_BYTES or meta_len != header_len - pos:
        raise Damaged("metadata length does not fill the header exactly")
    metadata = decode_clear_metadata(raw[pos:])
    assert pslot is not None  # slot 0 is always the passphrase slot, checked above
    check_kdf_params(pslot.kdf)  # KdfParamsRefused, before anyone derives anything
    return Header(raw, 1, payload_len, pslot, rslot, metadata)


def _build_header(
    payload_len: int, pslot_body: bytes, rslot_body: bytes | None, metadata: bytes
) -> bytes:
    slots = [bytes([SLOT_PASSPHRASE]) + _U16.pack(len(pslot_body)) + pslot_body]
    if rslot_body is not None:
        slots.append(bytes([SLOT_RECOVERY]) + _U16.pack(len(rslot_body)) + rslot_body)
    rest = (
        _U64.pack(payload_len)
        + bytes([len(slots)])
        + b"".join(slots)
        + _U16.pack(len(metadata))
        + metadata
    )
    header_len = PREAMBLE_LEN + len(rest)
    return MAGIC + _U16.pack(FORMAT_VERSION) + _U32.pack(header_len) + rest


# --- keys ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SlotKeys:
    """What a writer needs to fill the slots without asking for any secret again.

    ``kek`` is the passphrase key (None if the plan was opened with the recovery code and no
    new passphrase was set yet); ``recipient`` the recovery code's public key, if any.
    """

    kdf: KdfParams
    salt: bytes
    kek: bytes | None
    recipient: bytes | None


def keys_for_passphrase(
    passphrase: str, *, kdf: KdfParams | None = None, recipient: bytes | None = None
) -> SlotKeys:
    """Derive a new passphrase key (fresh salt, ~0.6 s with the default parameters)."""
    params = kdf or current_default_kdf()
    try:
        check_kdf_params(params)
    except KdfParamsRefused as exc:
        raise ValueError(f"KDF parameters outside the readable range: {params}") from exc
    if not isinstance(passphrase, str) or not passphrase:
        raise ValueError("the passphrase must be a non-empty string")
    salt = os.urandom(SALT_LEN)
    kek = derive_kek(_passphrase_bytes(passphrase), salt, params)
    return SlotKeys(params, salt, kek, recipient)


def keys_and_buffer_for(
    passphrase: str, payload: Payload, *, kdf: KdfParams | None = None, recipient: bytes | None
) -> tuple[SlotKeys, bytearray | None]:
    """keys_for_passphrase(), while another thread prepares the buffer seal() will fill.

    The derivation leaves the CPU time to spare: mapping a big payload's memory then, not
    after, keeps a save with a new passphrase close to the derivation's own time.
    """
    size = sealed_size(payload, with_recovery=recipient is not None)
    prepared: list[bytearray] = []

    def prepare() -> None:
        with contextlib.suppress(MemoryError):  # seal() then allocates (and reports) itself
            prepared.append(prefaulted_buffer(size))

    helper = threading.Thread(target=prepare, name="plan-buffer", daemon=True)
    helper.start()
    try:
        keys = keys_for_passphrase(passphrase, kdf=kdf, recipient=recipient)
    finally:
        helper.join()
    return keys, (prepared[0] if prepared else None)


def recipient_for_code(recovery_code: str) -> bytes:
    """The public key to store for a code made by generate_recovery_code()."""
    data = recovery.normalize_recovery_code(recovery_code)
    if data is None:
        raise ValueError("not a well-formed recovery code (use generate_recovery_code())")
    return recovery.public_key_bytes(recovery.private_key_from_code(data))


def _recovery_wrap_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=INFO_RECOVERY_WRAP
    ).derive(shared)


_ZERO_NONCE = bytes(NONCE_LEN)


def _chunk_nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


# --- sealing and opening -------------------------------------------------------------------


def sealed_size(payload: Payload, *, with_recovery: bool) -> int:
    """Bytes of the file seal() writes for ``payload`` (to prepare its buffer ahead of time)."""
    plain_len = sum(len(part) for part in container_parts(payload))
    metadata = encode_clear_metadata(payload.clear_metadata)
    slots = 3 + PASSPHRASE_SLOT_LEN + (3 + RECOVERY_SLOT_LEN if with_recovery else 0)
    return PREAMBLE_LEN + 8 + 1 + slots + 2 + len(metadata) + ciphertext_length(plain_len)


_PAGE = 4096


def prefaulted_buffer(size: int) -> bytearray:
    """A zeroed buffer whose memory pages are already mapped.

    Made while the key derivation runs, so that the encryption after it does not also pay for
    mapping a big payload's memory page by page.
    """
    buf = bytearray(size)
    view = memoryview(buf)
    for at in range(0, size, _PAGE):
        view[at] = 0
    return buf


# AES-GCM releases the GIL on large buffers, so the chunks of a big payload are spread over a
# few threads. Small payloads stay on the calling thread.
CRYPTO_THREADS = max(1, min(4, os.cpu_count() or 1))
_CHUNKS_PER_THREAD = 4


def _over_chunk_ranges(n_chunks: int, work: Callable[[int, int], None]) -> None:
    """Call ``work(start, stop)`` over contiguous ranges covering chunks 0..n_chunks-1."""
    threads = min(CRYPTO_THREADS, n_chunks // _CHUNKS_PER_THREAD)
    if threads <= 1:
        work(0, n_chunks)
        return
    bounds = [n_chunks * k // threads for k in range(threads + 1)]
    with ThreadPoolExecutor(threads, thread_name_prefix="plan-crypto") as pool:
        futures = [pool.submit(work, a, b) for a, b in itertools.pairwise(bounds)]
    for future in futures:
        future.result()  # re-raises a worker's error in the caller


class _Plaintext:
    """The container's parts seen as one run of bytes, cut into chunks on demand.

    Any chunk can be asked for from any thread: a chunk inside one part is a view of it (no
    copy); only the few chunks that straddle two parts are joined.
    """

    def __init__(self, parts: list[bytes | bytearray]) -> None:
        self._views = [memoryview(part).cast("B") for part in parts]
        self._starts = list(itertools.accumulate((len(v) for v in self._views), initial=0))
        self.length = self._starts[-1]
        self.chunk_size = CHUNK_SIZE
        self.chunk_count = max(1, -(-self.length // self.chunk_size))

    def chunk(self, index: int) -> memoryview | bytes:
        lo = index * self.chunk_size
        hi = min(lo + self.chunk_size, self.length)
        k = bisect.bisect_right(self._starts, lo) - 1
        pieces = []
        at = lo
        while at < hi:
            view = self._views[k]
            offset = at - self._starts[k]
            n = min(len(view) - offset, hi - at)
            if n > 0:
                pieces.append(view[offset : offset + n])
                at += n
            k += 1
        if len(pieces) == 1:
            return pieces[0]
        return b"".join(pieces)


def seal(payload: Payload, keys: SlotKeys, *, into: bytearray | None = None) -> bytearray:
    """Encrypt ``payload`` into a complete file image with a fresh file key and fresh nonces.

    ``into``: a buffer of exactly sealed_size() bytes to write the image into (else a new one).
    """
    if keys.kek is None:
        raise ValueError("no passphrase key: set a new passphrase first")
    plain = _Plaintext(container_parts(payload))
    metadata = encode_clear_metadata(payload.clear_metadata)
    file_key = os.urandom(FILE_KEY_LEN)

    nonce = os.urandom(NONCE_LEN)  # random 96-bit nonce: a KEK wraps one key per save, few saves
    wrapped = AESGCM(keys.kek).encrypt(nonce, file_key, AD_PASSPHRASE_SLOT)
    kdf = keys.kdf
    pslot = _PARAMS.pack(kdf.memory_kib, kdf.iterations, kdf.lanes) + keys.salt + nonce + wrapped

    rslot = None
    if keys.recipient is not None:
        ephemeral_key = X25519PrivateKey.generate()
        ephemeral = recovery.public_key_bytes(ephemeral_key)
        shared = ephemeral_key.exchange(recovery.public_key_from_bytes(keys.recipient))
        wrap_key = _recovery_wrap_key(shared, ephemeral, keys.recipient)
        # The wrap key is new for every save (fresh ephemeral key), so a fixed nonce is safe.
        rslot = (
            keys.recipient
            + ephemeral
            + AESGCM(wrap_key).encrypt(_ZERO_NONCE, file_key, AD_RECOVERY_SLOT)
        )

    payload_len = ciphertext_length(plain.length)
    header = _build_header(payload_len, pslot, rslot, metadata)
    size = len(header) + payload_len
    if into is None:
        out = bytearray(size)
    elif len(into) == size:
        out = into
    else:
        raise ValueError("the prepared buffer does not fit this payload")
    out[: len(header)] = header
    dst = memoryview(out)
    n_chunks = plain.chunk_count
    step = plain.chunk_size + TAG_LEN

    def encrypt_range(start: int, stop: int) -> None:
        aead = AESGCM(file_key)
        for i in range(start, stop):
            piece = plain.chunk(i)
            at = len(header) + i * step
            expected = min(plain.chunk_size, plain.length - i * plain.chunk_size)
            if len(piece) != expected:  # a payload buffer changed size while we read it
                raise ValueError("payload changed while it was being saved")
            nonce = _chunk_nonce(i, i == n_chunks - 1)
            aead.encrypt_into(nonce, piece, header, dst[at : at + len(piece) + TAG_LEN])

    _over_chunk_ranges(n_chunks, encrypt_range)
    return out


@dataclass(frozen=True)
class Unlocked:
    """How a file was opened: the keys to cache for later saves."""

    keys: SlotKeys
    via_recovery: bool


def _try_recovery(header: Header, secret: str) -> bytes | None:
    rslot = header.recovery_slot
    if rslot is None:
        return None
    data = recovery.normalize_recovery_code(secret)
    if data is None:
        return None
    private_key = recovery.private_key_from_code(data)
    if recovery.public_key_bytes(private_key) != rslot.recipient:
        return None  # not this plan's code
    try:
        shared = private_key.exchange(recovery.public_key_from_bytes(rslot.ephemeral))
    except ValueError:  # a low-order point: only a damaged or forged slot gives one
        return None
    wrap_key = _recovery_wrap_key(shared, rslot.ephemeral, rslot.recipient)
    try:
        return AESGCM(wrap_key).decrypt(_ZERO_NONCE, rslot.wrapped_key, AD_RECOVERY_SLOT)
    except InvalidTag:
        return None


def unlock(header: Header, secret: str) -> tuple[bytes, Unlocked]:
    """Find the file key with a recovery code or passphrase (FORMAT.md section 9, steps 11-13)."""
    if not isinstance(secret, str):
        raise TypeError("secret must be a str")
    pslot = header.passphrase_slot
    recipient = header.recovery_slot.recipient if header.recovery_slot else None
    file_key = _try_recovery(header, secret)
    if file_key is not None:
        return file_key, Unlocked(SlotKeys(pslot.kdf, pslot.salt, None, recipient), True)
    try:
        password = _passphrase_bytes(secret)
    except UnicodeEncodeError:
        password = b""  # lone surrogates: no writer accepts them, so it cannot be right
    if password:
        kek = derive_kek(password, pslot.salt, pslot.kdf)
        try:
            file_key = AESGCM(kek).decrypt(pslot.nonce, pslot.wrapped_key, AD_PASSPHRASE_SLOT)
        except InvalidTag:
            pass
        else:
            return file_key, Unlocked(SlotKeys(pslot.kdf, pslot.salt, kek, recipient), False)
    raise WrongPassphrase()


def decrypt_body(
    header: Header,
    file_key: bytes,
    body: bytes | bytearray | memoryview,
    *,
    in_place: bool = False,
) -> Payload:
    """Decrypt and parse the payload; any failure here means ContentsDamaged.

    ``in_place=True`` (``body`` writable, e.g. a memoryview of a bytearray) reuses the body's
    memory for the plaintext instead of allocating as much again: each chunk is decrypted into
    a small scratch buffer and moved down over ciphertext already consumed.
    """
    body = memoryview(body)
    if len(body) != header.payload_length:
        raise Damaged("payload length mismatch")  # callers check this already
    try:
        aead = AESGCM(file_key)
    except ValueError as exc:  # only a forged slot could carry a key of the wrong size
        raise ContentsDamaged("file key has the wrong size") from exc
    step = CHUNK_SIZE + TAG_LEN
    n_chunks = -(-len(body) // step)
    plain_len = len(body) - TAG_LEN * n_chunks
    if in_place:
        scratch = bytearray(min(CHUNK_SIZE, plain_len))
        dst = body
    else:
        dst = memoryview(bytearray(plain_len))
    at = 0
    for i in range(n_chunks):
        piece = body[i * step : (i + 1) * step]
        size = len(piece) - TAG_LEN
        nonce = _chunk_nonce(i, i == n_chunks - 1)
        try:
            if in_place:
                # Plaintext chunk i lands at i*CHUNK_SIZE, below ciphertext chunk i+1 (which
                # starts at (i+1)*(CHUNK_SIZE+16)): only consumed bytes are overwritten.
                aead.decrypt_into(nonce, piece, header.raw, memoryview(scratch)[:size])
                dst[at : at + size] = memoryview(scratch)[:size]
            else:
                aead.decrypt_into(nonce, piece, header.raw, dst[at : at + size])
        except InvalidTag as exc:
            raise ContentsDamaged(f"payload chunk {i} failed authentication") from exc
        at += size
    plan_json, attachments = decode_container(dst[:plain_len])
    return Payload(plan_json, attachments, header.clear_metadata)


def open_bytes(data: bytes | bytearray | memoryview, secret: str) -> tuple[Payload, Unlocked]:
    """Parse, unlock and decrypt a whole file image held in memory."""
    view = memoryview(data)
    header = parse_header(bytes(view[:MAX_HEADER_LEN]), len(view))
    file_key, unlocked = unlock(header, secret)
    return decrypt_body(header, file_key, view[len(header.raw) :]), unlocked


# --- reading files -------------------------------------------------------------------------


def _read_upto(f: BinaryIO, n: int) -> bytes:
    parts = []
    while n > 0:
        chunk = f.read(n)
        if not chunk:
            break
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)


def _errno_name(exc: OSError) -> str:
    return errno.errorcode.get(exc.errno or 0, type(exc).__name__)


def _read_header(f: BinaryIO, size: int) -> Header:
    head = _read_upto(f, PREAMBLE_LEN)
    header_len = parse_preamble(head, size)
    head += _read_upto(f, header_len - len(head))
    return parse_header(head, size)


def _open_regular_file(path: Path) -> io.BufferedReader:
    """Open for reading, refusing what is not a regular file (a FIFO would block forever)."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise NotAPlanFile("not a regular file")
    f = open(path, "rb")  # noqa: SIM115 - returned to a with-block of the caller
    if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
        f.close()
        raise NotAPlanFile("not a regular file")
    return f


def read_header_from_path(path: Path) -> Header:
    """Read and check only the header of a plan file (no passphrase, no payload)."""
    try:
        with _open_regular_file(path) as f:
            return _read_header(f, os.fstat(f.fileno()).st_size)
    except OSError as exc:
        raise ReadFailed(_errno_name(exc)) from exc


READ_BLOCK = 8 * 1024 * 1024


class _BodyReader(threading.Thread):
    """Reads the payload while the key derivation runs (Argon2 releases the GIL).

    Then, still during the derivation, takes the file's fingerprint. Stops early when
    cancelled (wrong passphrase), so a refusal costs at most one block.
    """

    def __init__(self, f: io.BufferedReader, header: Header) -> None:
        super().__init__(name="plan-file-reader", daemon=True)
        self._f = f
        self._header = header
        self.image: bytearray | None = None
        self.fingerprint: Fingerprint | None = None
        self.error: BaseException | None = None
        self.cancelled = False

    def run(self) -> None:
        try:
            header_len = len(self._header.raw)
            image = bytearray(header_len + self._header.payload_length)
            image[:header_len] = self._header.raw
            view = memoryview(image)
            got = header_len
            while got < len(image):
                if self.cancelled:
                    return
                n = self._f.readinto(view[got : got + READ_BLOCK])
                if not n:
                    raise Damaged("file shrank while reading")
                got += n
            if self._f.read(1):
                raise Damaged("file grew while reading")
            self.image = image
            self.fingerprint = fingerprint_of_image(image)
        except BaseException as exc:  # handed to the opening thread, which re-raises it
            self.error = exc


def open_plan_file(path: Path, secret: str) -> tuple[Payload, Unlocked, Fingerprint]:
    """Open a plan file from disk: the header, then the payload read during the KDF.

    Returns the payload, how it was unlocked and the fingerprint of the bytes read.
    """
    try:
        with _open_regular_file(path) as f:
            header = _read_header(f, os.fstat(f.fileno()).st_size)
            reader = _BodyReader(f, header)
            reader.start()
            try:
                file_key, unlocked = unlock(header, secret)
            except BaseException:
                reader.cancelled = True
                reader.join()
                raise
            reader.join()
            if reader.error is not None:
                raise reader.error
            image, fingerprint = reader.image, reader.fingerprint
            assert image is not None and fingerprint is not None
    except OSError as exc:
        raise ReadFailed(_errno_name(exc)) from exc
    body = memoryview(image)[len(header.raw) :]
    return decrypt_body(header, file_key, body, in_place=True), unlocked, fingerprint


def encrypt_payload(
    payload: Payload,
    passphrase: str,
    *,
    recovery_code: str | None = None,
    kdf: KdfParams | None = None,
) -> bytes:
    """A complete plan file image (runs the KDF once: ~0.6 s with the default parameters)."""
    recipient = recipient_for_code(recovery_code) if recovery_code is not None else None
    validate_payload(payload)  # refuse over-cap payloads before the slow KDF
    keys, buffer = keys_and_buffer_for(passphrase, payload, kdf=kdf, recipient=recipient)
    return bytes(seal(payload, keys, into=buffer))


def decrypt_payload(data: bytes | bytearray | memoryview, secret: str) -> Payload:
    """Open a file image with its passphrase or its recovery code (whichever ``secret`` is)."""
    return open_bytes(data, secret)[0]


def read_clear_metadata(source: bytes | bytearray | str | os.PathLike[str]) -> dict[str, Any]:
    """The clear metadata, header only, no passphrase (for the liaison list).

    ``source`` is a path (only the header is read) or the bytes of the whole file.
    Not authenticated until the file is opened with its passphrase: treat it as a label.
    Raises the same errors as opening for files that are not plans, newer, or damaged.
    """
    if isinstance(source, bytes | bytearray):
        return parse_header(bytes(source[:MAX_HEADER_LEN]), len(source)).clear_metadata
    return read_header_from_path(Path(source)).clear_metadata
