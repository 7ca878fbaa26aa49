"""Passphrase key derivation (Argon2id): parameters, the caps a reader enforces, the test hook."""

from __future__ import annotations

import contextlib
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from .errors import KdfParamsRefused

SALT_LEN = 16
KEY_LEN = 32


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: memory in KiB, passes over it, parallel lanes."""

    memory_kib: int
    iterations: int
    lanes: int

    def at_least(self, other: KdfParams) -> bool:
        """True if this costs an attacker at least as much as ``other`` (memory and passes)."""
        return self.memory_kib >= other.memory_kib and self.iterations >= other.iterations


# Calibrated on the project's 2-core reference machine: about 0.6 s (256 MiB, t=3 took 0.49 s,
# just under the 0.5-1 s target). Never lower this: files written with it must stay strong.
DEFAULT_KDF = KdfParams(memory_kib=256 * 1024, iterations=4, lanes=4)

# Cheap parameters, only ever used for writing while use_test_kdf_params() is active.
TEST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)

# What a reader accepts, checked before any derivation. The upper bounds stop a tampered header
# from hanging or exhausting the machine (worst case: 1 GiB, 10 passes, a few seconds). The lower
# bounds admit TEST_KDF on purpose: weak parameters only weaken a file against someone who
# already holds it, and forging a slot still needs the passphrase, so they are not a risk to the
# reader; the writer never uses them outside tests.
MIN_MEMORY_KIB = 8 * 1024
MAX_MEMORY_KIB = 1024 * 1024
MIN_ITERATIONS = 1
MAX_ITERATIONS = 10
MIN_LANES = 1
MAX_LANES = 16

_test_lock = threading.Lock()
_test_depth = 0  # the only global mutable state of the vault: the explicit test hook


@contextlib.contextmanager
def use_test_kdf_params() -> Iterator[None]:
    """For tests only: write new files with TEST_KDF instead of DEFAULT_KDF while active.

    Reading is unaffected (the read caps always admit TEST_KDF), so files made under the hook
    open anywhere. Nesting and use from several threads are fine.
    """
    global _test_depth
    with _test_lock:
        _test_depth += 1
    try:
        yield
    finally:
        with _test_lock:
            _test_depth -= 1


def current_default_kdf() -> KdfParams:
    """The parameters new passphrase slots get: DEFAULT_KDF, or TEST_KDF under the test hook."""
    return TEST_KDF if _test_depth > 0 else DEFAULT_KDF


def check_kdf_params(params: KdfParams) -> None:
    """Refuse parameters outside the caps, without deriving anything (microseconds)."""
    if not (
        MIN_MEMORY_KIB <= params.memory_kib <= MAX_MEMORY_KIB
        and MIN_ITERATIONS <= params.iterations <= MAX_ITERATIONS
        and MIN_LANES <= params.lanes <= MAX_LANES
        and params.memory_kib >= 8 * params.lanes
    ):
        raise KdfParamsRefused(
            f"kdf m={params.memory_kib} KiB t={params.iterations} p={params.lanes} outside caps"
        )


def passphrase_bytes(passphrase: str) -> bytes:
    """NFC then UTF-8: keyboards and systems type the same accented text in different forms.

    Nothing else is changed (no trimming, no case folding). Raises UnicodeEncodeError for text
    with lone surrogates, which no keyboard produces.
    """
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_kek(password: bytes, salt: bytes, params: KdfParams) -> bytes:
    """Argon2id(password, salt, params) -> 32-byte key-encryption key. Checks caps first.

    ``password`` is passphrase_bytes(passphrase).
    """
    check_kdf_params(params)
    if len(salt) != SALT_LEN:
        raise KdfParamsRefused("bad salt length")
    try:
        kdf = Argon2id(
            salt=salt,
            length=KEY_LEN,
            iterations=params.iterations,
            lanes=params.lanes,
            memory_cost=params.memory_kib,
        )
        return kdf.derive(password)
    except MemoryError as exc:  # the machine cannot give the memory the (capped) header asks for
        raise KdfParamsRefused("not enough memory for the key derivation") from exc
