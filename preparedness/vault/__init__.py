"""The encrypted plan file: format, key derivation, encryption and atomic saving. No Qt.

The vault carries bytes (plan JSON, attachments, a small clear metadata dict) and knows nothing
of the plan model. Key derivation takes ~0.6 s: call open/create/change_passphrase off the UI
thread. The format is specified in docs/FORMAT.md.
"""

from .atomic import backup_path, clean_stale_temp_files
from .container import (
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENT_COUNT,
    MAX_ATTACHMENTS_TOTAL_BYTES,
    MAX_CLEAR_METADATA_BYTES,
    MAX_NAME_BYTES,
    MAX_PLAN_JSON_BYTES,
    Payload,
    validate_payload,
)
from .errors import (
    AlreadyExists,
    ChangedOnDisk,
    ContentsDamaged,
    Damaged,
    DiskFull,
    KdfParamsRefused,
    NewerVersion,
    NotAPlanFile,
    OpenError,
    PassphraseChangeRequired,
    PayloadRefused,
    ReadFailed,
    SaveError,
    SaveFailed,
    VaultError,
    WrongPassphrase,
)
from .fileformat import (
    FORMAT_VERSION,
    decrypt_payload,
    encrypt_payload,
    read_clear_metadata,
)
from .kdf import DEFAULT_KDF, TEST_KDF, KdfParams, use_test_kdf_params
from .planfile import KEEP, PlanFile
from .recovery import generate_recovery_code, is_recovery_code

__all__ = [
    "DEFAULT_KDF",
    "FORMAT_VERSION",
    "KEEP",
    "MAX_ATTACHMENTS_TOTAL_BYTES",
    "MAX_ATTACHMENT_BYTES",
    "MAX_ATTACHMENT_COUNT",
    "MAX_CLEAR_METADATA_BYTES",
    "MAX_NAME_BYTES",
    "MAX_PLAN_JSON_BYTES",
    "TEST_KDF",
    "AlreadyExists",
    "ChangedOnDisk",
    "ContentsDamaged",
    "Damaged",
    "DiskFull",
    "KdfParams",
    "KdfParamsRefused",
    "NewerVersion",
    "NotAPlanFile",
    "OpenError",
    "PassphraseChangeRequired",
    "Payload",
    "PayloadRefused",
    "PlanFile",
    "ReadFailed",
    "SaveError",
    "SaveFailed",
    "VaultError",
    "WrongPassphrase",
    "backup_path",
    "clean_stale_temp_files",
    "decrypt_payload",
    "encrypt_payload",
    "generate_recovery_code",
    "is_recovery_code",
    "read_clear_metadata",
    "use_test_kdf_params",
    "validate_payload",
]
