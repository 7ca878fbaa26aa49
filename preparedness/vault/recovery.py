"""Printed recovery codes: generation, forgiving normalisation, and the key pair they stand for.

A code is 26 random Crockford base32 characters (130 bits) plus 2 check characters, printed in
7 groups of 4. Its X25519 key pair lets every save re-wrap the file key for the recovery slot
from the public key alone, so the code is needed only to open, never to save.
"""

from __future__ import annotations

import hashlib
import secrets
import unicodedata

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
DATA_CHARS = 26  # 26 x 5 = 130 bits of entropy
CHECK_CHARS = 2  # 10-bit checksum: catches nearly every typo before any decryption
GROUP = 4

_READ_AS = {"O": "0", "I": "1", "L": "1"}  # Crockford's forgiving reading of look-alikes
_IGNORED = {" ", "-", "_", ".", "\t", "\n", "\r", "\u00a0"}

_CODE_KDF_INFO = b"FPPLAN/v1/recovery-code"


def _check_chars(data: str) -> str:
    digest = hashlib.sha256(b"FPPLAN/v1/recovery-check" + data.encode("ascii")).digest()
    value = (digest[0] << 2) | (digest[1] >> 6)
    return ALPHABET[value >> 5] + ALPHABET[value & 31]


def generate_recovery_code() -> str:
    """A fresh code like ``7KQ2-M9XD-...`` (28 characters in 7 groups), from the OS's CSPRNG."""
    data = "".join(secrets.choice(ALPHABET) for _ in range(DATA_CHARS))
    code = data + _check_chars(data)
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalize_recovery_code(text: str) -> str | None:
    """The 26 data characters of a well-formed code, or None if ``text`` is not one.

    Forgiving about what people type: case, spaces, dashes, full-width forms (NFKC), and O/I/L
    read as 0/1. The check characters must match.
    """
    if len(text) > 200:
        return None
    chars = []
    for ch in unicodedata.normalize("NFKC", text).upper():
        if ch in _IGNORED:
            continue
        ch = _READ_AS.get(ch, ch)
        if ch not in ALPHABET:
            return None
        chars.append(ch)
    if len(chars) != DATA_CHARS + CHECK_CHARS:
        return None
    data = "".join(chars[:DATA_CHARS])
    if "".join(chars[DATA_CHARS:]) != _check_chars(data):
        return None
    return data


def is_recovery_code(text: str) -> bool:
    """True if ``text`` reads as a well-formed recovery code (for live checks in a form)."""
    return normalize_recovery_code(text) is not None


def private_key_from_code(data: str) -> X25519PrivateKey:
    """The code's X25519 key: HKDF-SHA-256 of its 26 data characters (130 bits, no stretching).

    No slow KDF is needed: guessing 2^130 codes is out of reach at any speed.
    """
    seed = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_CODE_KDF_INFO).derive(
        data.encode("ascii")
    )
    return X25519PrivateKey.from_private_bytes(seed)


def public_key_bytes(private_key: X25519PrivateKey) -> bytes:
    return private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def public_key_from_bytes(raw: bytes) -> X25519PublicKey:
    return X25519PublicKey.from_public_bytes(raw)
