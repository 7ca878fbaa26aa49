"""An open plan: where it lives, what it looked like on disk, and the keys to save it again."""

from __future__ import annotations

import enum
import os
import threading
from dataclasses import replace
from pathlib import Path
from typing import Literal

from .atomic import Fingerprint, atomic_write, clean_stale_temp_files
from .container import Payload, validate_payload
from .errors import PassphraseChangeRequired
from .fileformat import (
    SlotKeys,
    keys_and_buffer_for,
    keys_for_passphrase,
    open_plan_file,
    recipient_for_code,
    seal,
)
from .kdf import KdfParams, current_default_kdf


class Keep(enum.Enum):
    """Sentinel type for ``recovery_code=KEEP``: leave the recovery slot as it is."""

    KEEP = "keep"


KEEP = Keep.KEEP

StrPath = str | os.PathLike[str]


class PlanFile:
    """A plan opened from (or created at) a path.

    Caches the passphrase key (never the passphrase) and the recovery code's public key, so a
    save needs no key derivation: each save still gets a fresh file key and fresh nonces.
    Methods may be called from a worker thread; one PlanFile serialises its own saves.
    """

    def __init__(
        self,
        path: Path,
        keys: SlotKeys,
        fingerprint: Fingerprint,
        *,
        opened_with_recovery: bool = False,
    ) -> None:
        """Use PlanFile.open or PlanFile.create."""
        self._path = path
        self._keys = keys
        self._fingerprint = fingerprint
        self._lock = threading.Lock()
        self.opened_with_recovery = opened_with_recovery

    # --- opening and creating ----------------------------------------------------------------

    @classmethod
    def open(cls, path: StrPath, secret: str) -> tuple[PlanFile, Payload]:
        """Open with the passphrase or the recovery code; ~0.6 s (key derivation).

        Raises NotAPlanFile, NewerVersion, Damaged (incl. KdfParamsRefused), WrongPassphrase,
        ContentsDamaged or ReadFailed. A file with key-derivation parameters weaker than the
        current default is upgraded on its next save (one more derivation now, fresh salt).
        """
        path = Path(path)
        payload, unlocked, fingerprint = open_plan_file(path, secret)
        # A save that was interrupted (power cut, kill) may have left a temp file beside the
        # plan: ciphertext only, but clutter on a USB stick. Tidy it once the plan opens.
        clean_stale_temp_files(path.parent)
        keys = unlocked.keys
        target = current_default_kdf()
        if not unlocked.via_recovery and not keys.kdf.at_least(target):
            keys = keys_for_passphrase(secret, kdf=target, recipient=keys.recipient)
        plan = cls(path, keys, fingerprint, opened_with_recovery=unlocked.via_recovery)
        return plan, payload

    @classmethod
    def create(
        cls,
        path: StrPath,
        payload: Payload,
        passphrase: str,
        *,
        recovery_code: str | None = None,
        overwrite: bool = False,
        kdf: KdfParams | None = None,
    ) -> PlanFile:
        """Write a new plan file; ~0.6 s (key derivation). AlreadyExists unless ``overwrite``.

        ``recovery_code`` must come from generate_recovery_code(). ``kdf`` defaults to
        DEFAULT_KDF (TEST_KDF under use_test_kdf_params()).
        """
        path = Path(path)
        recipient = recipient_for_code(recovery_code) if recovery_code is not None else None
        _refuse_bad_payload(payload)
        keys, buffer = keys_and_buffer_for(passphrase, payload, kdf=kdf, recipient=recipient)
        fingerprint = atomic_write(path, seal(payload, keys, into=buffer), overwrite=overwrite)
        return cls(path, keys, fingerprint)

    # --- state -------------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self._path

    @property
    def has_recovery_code(self) -> bool:
        return self._keys.recipient is not None

    @property
    def needs_new_passphrase(self) -> bool:
        """True after opening with the recovery code, until change_passphrase() is called."""
        return self._keys.kek is None

    # --- saving ------------------------------------------------------------------------------

    def save(self, payload: Payload) -> None:
        """Save over the file it came from, keeping the previous version as ``<name>.bak``.

        Raises ChangedOnDisk if the file changed since it was opened or last saved,
        PassphraseChangeRequired after opening with the recovery code, DiskFull, SaveFailed,
        PayloadRefused. On any error the file on disk is unchanged.
        """
        with self._lock:
            self._require_passphrase_key()
            image = seal(payload, self._keys)
            self._fingerprint = atomic_write(self._path, image, expected=self._fingerprint)

    def save_as(self, new_path: StrPath, payload: Payload, *, overwrite: bool = False) -> PlanFile:
        """Save to another path with the same passphrase and recovery code; returns its PlanFile.

        This PlanFile keeps pointing at the old path. AlreadyExists unless ``overwrite``.
        """
        new_path = Path(new_path)
        if _same_path(new_path, self._path):
            self.save(payload)
            return self
        with self._lock:
            self._require_passphrase_key()
            keys = self._keys
        fingerprint = atomic_write(new_path, seal(payload, keys), overwrite=overwrite)
        return PlanFile(new_path, keys, fingerprint)

    def change_passphrase(
        self,
        new_passphrase: str,
        payload: Payload,
        *,
        recovery_code: str | Literal[Keep.KEEP] | None = KEEP,
    ) -> None:
        """Set a new passphrase (fresh salt, ~0.6 s) and save.

        ``recovery_code``: KEEP (default) keeps the current one, None removes it, a code from
        generate_recovery_code() replaces it. Works after opening with the recovery code.
        """
        with self._lock:
            recipient = self._recipient_for(recovery_code)
            _refuse_bad_payload(payload)
            keys, buffer = keys_and_buffer_for(new_passphrase, payload, recipient=recipient)
            image = seal(payload, keys, into=buffer)
            self._fingerprint = atomic_write(self._path, image, expected=self._fingerprint)
            self._keys = keys

    def set_recovery_code(self, recovery_code: str | None, payload: Payload) -> None:
        """Add or replace (a code from generate_recovery_code()) or remove (None) the code; saves.

        The old code stops opening new saves at once (older copies and the backup still open
        with it).
        """
        with self._lock:
            self._require_passphrase_key()
            keys = replace(self._keys, recipient=self._recipient_for(recovery_code))
            image = seal(payload, keys)
            self._fingerprint = atomic_write(self._path, image, expected=self._fingerprint)
            self._keys = keys

    # --- helpers -----------------------------------------------------------------------------

    def _require_passphrase_key(self) -> None:
        if self._keys.kek is None:
            raise PassphraseChangeRequired()

    def _recipient_for(self, recovery_code: str | Literal[Keep.KEEP] | None) -> bytes | None:
        if recovery_code is KEEP:
            return self._keys.recipient
        if recovery_code is None:
            return None
        return recipient_for_code(recovery_code)

    def __repr__(self) -> str:  # no path: it may name a family
        return f"<PlanFile recovery={self.has_recovery_code}>"


def _refuse_bad_payload(payload: Payload) -> None:
    """Check the caps before spending ~0.6 s on a key derivation."""
    validate_payload(payload)


def _same_path(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
