"""Generate the golden plan files ONCE. They are frozen: never regenerate them.

A golden file pins the format forever: every version the app ever wrote must keep opening, and
every broken file must keep its error class. If the format changes, add v2 files next to these
(with a new script section) and keep the v1 files as they are.

    .venv/bin/python tests/data/golden/make_golden.py          # refuses to overwrite
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from preparedness.vault import (  # noqa: E402 - after the path set-up above
    Payload,
    encrypt_payload,
    use_test_kdf_params,
)

PASSPHRASE = "Golden pässphrase 1"  # NFC; the NFD form must open the files too
OTHER_PASSPHRASE = "a different passphrase"
RECOVERY_CODE = "XPKN-Z586-S3TQ-KRBR-M74W-P3SZ-65NC"  # generated once with generate_recovery_code()

PLAIN = Payload(b'{"schema": 1, "note": "golden v1, no attachments"}', {}, {})
ATTACHMENTS = Payload(
    b'{"schema": 1, "note": "golden v1 with attachments"}',
    {
        "birth-certificate.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        "passaporte-página-1.pdf": b"%PDF-1.4\n% golden\n" + b"\x00\xff" * 300,
    },
    {"label": "F-031", "review_by": "2027-05-01"},
)
RECOVERY = Payload(b'{"schema": 1, "note": "golden v1 with a recovery code"}', {"a": b"x"}, {})

OFF_VERSION = 8
OFF_PARAMS = 26


def build() -> dict[str, bytes]:
    with use_test_kdf_params():
        plain = encrypt_payload(PLAIN, PASSPHRASE)
        attach = encrypt_payload(ATTACHMENTS, PASSPHRASE)
        recov = encrypt_payload(RECOVERY, PASSPHRASE, recovery_code=RECOVERY_CODE)
        other = encrypt_payload(PLAIN, OTHER_PASSPHRASE)
    header_len = struct.unpack_from(">I", attach, 10)[0]

    newer = bytearray(plain)
    struct.pack_into(">H", newer, OFF_VERSION, 2)
    bad_count = bytearray(plain)
    bad_count[22] = 3
    body_flip = bytearray(attach)
    body_flip[header_len + 40] ^= 0x04
    over_cap = bytearray(plain)
    struct.pack_into(">III", over_cap, OFF_PARAMS, 2**30, 3, 4)  # 2^40 bytes of memory
    slot_flip = bytearray(plain)
    slot_flip[OFF_PARAMS + 12 + 16 + 12 + 5] ^= 0x01  # a bit of the wrapped file key

    return {
        "v1-plain.fpp": plain,
        "v1-attachments.fpp": attach,
        "v1-recovery.fpp": recov,
        "not-a-plan.txt": b"Shopping list: rice, beans, batteries.\n",
        "newer-version.fpp": bytes(newer),
        "damaged-empty.fpp": b"",
        "damaged-truncated.fpp": attach[:-100],
        "damaged-appended.fpp": plain + b"\n",
        "damaged-slot-count.fpp": bytes(bad_count),
        "kdf-over-cap.fpp": bytes(over_cap),
        "wrong-passphrase.fpp": other,
        "wrong-passphrase-tampered-slot.fpp": bytes(slot_flip),
        "contents-damaged.fpp": bytes(body_flip),
    }


def main() -> int:
    files = build()
    existing = [name for name in files if (HERE / name).exists()]
    if existing and "--force" not in sys.argv:
        print(f"refusing: golden files exist and are frozen ({', '.join(existing)})")
        return 1
    for name, data in files.items():
        (HERE / name).write_bytes(data)
        print(f"wrote {name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
