"""Errors a person can act on, each with a stable message id the UI and CLI translate."""

from __future__ import annotations


class VaultError(Exception):
    """Base of every error the vault raises on purpose.

    ``message_id`` is stable and translatable (the UI and CLI look it up in their catalogs);
    ``default_message`` is the plain English fallback. ``detail`` is a short technical note for
    developers (never a path, a name or any plan content), and the original OS or crypto error,
    if any, is chained as ``__cause__``.
    """

    message_id: str = "vault.error.unexpected"
    default_message: str = "Something unexpected went wrong with the plan file."

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or self.message_id)
        self.detail = detail

    def __str__(self) -> str:
        suffix = f": {self.detail}" if self.detail else ""
        return f"{self.default_message} [{self.message_id}{suffix}]"


# --- opening -------------------------------------------------------------------------------


class OpenError(VaultError):
    """The file could not be opened as a plan; the file itself was not changed."""


class NotAPlanFile(OpenError):
    message_id = "vault.error.not_a_plan"
    default_message = "This file is not a Family Preparedness Plan file."


class NewerVersion(OpenError):
    message_id = "vault.error.newer_version"
    default_message = "This plan was made by a newer version of the app. Update the app to open it."

    def __init__(self, found_version: int) -> None:
        super().__init__(f"format version {found_version}")
        self.found_version = found_version


class Damaged(OpenError):
    message_id = "vault.error.damaged"
    default_message = (
        "This plan file is damaged or incomplete. Try opening the backup copy "
        "(the file with the same name ending in .bak)."
    )


class KdfParamsRefused(Damaged):
    """The header asks for key-derivation work outside the caps: refused before deriving.

    A person can do nothing but try the backup, so it shares Damaged's message id; the class
    stays distinct for tests and diagnostics.
    """


class WrongPassphrase(OpenError):
    message_id = "vault.error.wrong_passphrase"
    default_message = (
        "The passphrase is not right. Check Caps Lock and the keyboard language, then try again."
    )


class ContentsDamaged(OpenError):
    message_id = "vault.error.contents_damaged"
    default_message = (
        "The passphrase is right, but the contents of the plan are damaged. Try opening the "
        "backup copy (the file with the same name ending in .bak)."
    )


class ReadFailed(OpenError):
    message_id = "vault.error.read_failed"
    default_message = (
        "The file could not be read. It may have been moved, or the USB stick removed."
    )


# --- saving --------------------------------------------------------------------------------


class SaveError(VaultError):
    """A save was refused or failed; the plan already on disk was not changed."""


class DiskFull(SaveError):
    message_id = "vault.error.disk_full"
    default_message = (
        "There is not enough free space to save. Your plan on disk was not changed. "
        "Free some space or save to another place."
    )

    def __init__(self, needed_bytes: int, free_bytes: int | None) -> None:
        super().__init__(f"needed {needed_bytes} bytes, free {free_bytes}")
        self.needed_bytes = needed_bytes
        self.free_bytes = free_bytes


class ChangedOnDisk(SaveError):
    message_id = "vault.error.changed_on_disk"
    default_message = (
        "The plan file was changed by something else since you opened it. Your plan on disk "
        "was not changed. Save to a new file instead."
    )


class SaveFailed(SaveError):
    message_id = "vault.error.save_failed"
    default_message = "The plan could not be saved. The plan on disk was not changed."


class AlreadyExists(SaveError):
    message_id = "vault.error.already_exists"
    default_message = "A file with that name already exists. Nothing was changed."


class PassphraseChangeRequired(SaveError):
    message_id = "vault.error.passphrase_change_required"
    default_message = (
        "You opened this plan with the recovery code. Choose a new passphrase to save it."
    )


# --- refusing what the caller asked for ----------------------------------------------------


class PayloadRefused(VaultError, ValueError):
    """The payload breaks a cap (attachment too big, too many, metadata too long...)."""

    message_id = "vault.error.payload_refused"
    default_message = (
        "The plan is too large to save: an attachment may be too big, or there are too many."
    )


__all__ = [
    "AlreadyExists",
    "ChangedOnDisk",
    "ContentsDamaged",
    "Damaged",
    "DiskFull",
    "KdfParamsRefused",
    "NewerVersion",
    "NotAPlanFile",
    "OpenError",
    "PassphraseChangeRequired",
    "PayloadRefused",
    "ReadFailed",
    "SaveError",
    "SaveFailed",
    "VaultError",
    "WrongPassphrase",
]
