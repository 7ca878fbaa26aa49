"""The plaintext container inside a plan file: plan JSON + named attachments, with caps."""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass, field
from typing import Any

from .errors import ContentsDamaged, Damaged, PayloadRefused

MiB = 1024 * 1024

MAX_PLAN_JSON_BYTES = 16 * MiB
MAX_ATTACHMENT_BYTES = 25 * MiB
MAX_ATTACHMENTS_TOTAL_BYTES = 200 * MiB
MAX_ATTACHMENT_COUNT = 1000
MAX_NAME_BYTES = 255
MAX_CLEAR_METADATA_BYTES = 4096

# The largest container a writer can produce; readers refuse anything bigger before decrypting.
MAX_CONTAINER_BYTES = (
    4 + MAX_PLAN_JSON_BYTES + 2 + MAX_ATTACHMENT_COUNT * (2 + MAX_NAME_BYTES + 4)
) + MAX_ATTACHMENTS_TOTAL_BYTES

_U16 = struct.Struct(">H")
_U32 = struct.Struct(">I")


@dataclass
class Payload:
    """What a plan file carries: the plan JSON, attachments by name, and clear metadata.

    ``clear_metadata`` is a small JSON object stored *unencrypted* (but authenticated) in the
    header, readable without the passphrase: put only non-identifying things there.
    """

    plan_json: bytes
    attachments: dict[str, bytes] = field(default_factory=dict)
    clear_metadata: dict[str, Any] = field(default_factory=dict)


def _check_name(name: object) -> bytes:
    if not isinstance(name, str) or not name:
        raise PayloadRefused("attachment name must be a non-empty string")
    try:
        raw = name.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise PayloadRefused("attachment name is not valid text") from exc
    if len(raw) > MAX_NAME_BYTES:
        raise PayloadRefused(f"attachment name longer than {MAX_NAME_BYTES} bytes")
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in name):
        raise PayloadRefused("attachment name contains control characters")
    return raw


def validate_payload(payload: Payload) -> None:
    """Raise PayloadRefused if ``payload`` breaks a cap; lets the UI check before saving."""
    container_parts(payload)
    encode_clear_metadata(payload.clear_metadata)


def container_parts(payload: Payload) -> list[bytes | bytearray]:
    """The container (docs/FORMAT.md, "Container") as pieces to concatenate; checks every cap.

    Pieces, not one buffer: the encryptor reads them chunk by chunk, so a 200 MB plan is not
    copied once more in memory.
    """
    plan = payload.plan_json
    if not isinstance(plan, bytes | bytearray):
        raise PayloadRefused("plan_json must be bytes")
    if len(plan) > MAX_PLAN_JSON_BYTES:
        raise PayloadRefused(f"plan JSON larger than {MAX_PLAN_JSON_BYTES} bytes")
    attachments = payload.attachments
    if not isinstance(attachments, dict):
        raise PayloadRefused("attachments must be a dict")
    if len(attachments) > MAX_ATTACHMENT_COUNT:
        raise PayloadRefused(f"more than {MAX_ATTACHMENT_COUNT} attachments")
    parts: list[bytes | bytearray] = [_U32.pack(len(plan)), plan]
    parts.append(_U16.pack(len(attachments)))
    total = 0
    for name, data in attachments.items():
        raw_name = _check_name(name)
        if not isinstance(data, bytes | bytearray):
            raise PayloadRefused("attachment data must be bytes")
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise PayloadRefused(f"an attachment is larger than {MAX_ATTACHMENT_BYTES} bytes")
        total += len(data)
        if total > MAX_ATTACHMENTS_TOTAL_BYTES:
            raise PayloadRefused(f"attachments total more than {MAX_ATTACHMENTS_TOTAL_BYTES} bytes")
        parts += [_U16.pack(len(raw_name)), raw_name, _U32.pack(len(data)), data]
    return parts


def decode_container(buf: bytes | bytearray | memoryview) -> tuple[bytes, dict[str, bytes]]:
    """Parse an authenticated container; any inconsistency means ContentsDamaged.

    Every length is checked against the bytes left and the caps before it is used.
    """
    mv = memoryview(buf)
    end = len(mv)
    pos = 0

    def take(n: int) -> memoryview:
        nonlocal pos
        if n > end - pos:
            raise ContentsDamaged("container field runs past the end")
        piece = mv[pos : pos + n]
        pos += n
        return piece

    plan_len = _U32.unpack(take(4))[0]
    if plan_len > MAX_PLAN_JSON_BYTES:
        raise ContentsDamaged("plan JSON over cap")
    plan = bytes(take(plan_len))
    count = _U16.unpack(take(2))[0]
    if count > MAX_ATTACHMENT_COUNT:
        raise ContentsDamaged("attachment count over cap")
    attachments: dict[str, bytes] = {}
    total = 0
    for _ in range(count):
        name_len = _U16.unpack(take(2))[0]
        if not 1 <= name_len <= MAX_NAME_BYTES:
            raise ContentsDamaged("attachment name length out of range")
        try:
            name = str(take(name_len), "utf-8")
        except UnicodeDecodeError as exc:
            raise ContentsDamaged("attachment name is not UTF-8") from exc
        if name in attachments or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in name):
            raise ContentsDamaged("duplicate or invalid attachment name")
        size = _U32.unpack(take(4))[0]
        total += size
        if size > MAX_ATTACHMENT_BYTES or total > MAX_ATTACHMENTS_TOTAL_BYTES:
            raise ContentsDamaged("attachment over cap")
        attachments[name] = bytes(take(size))
    if pos != end:
        raise ContentsDamaged("trailing bytes after the container")
    return plan, attachments


def encode_clear_metadata(metadata: dict[str, Any]) -> bytes:
    """Compact, sorted UTF-8 JSON; empty dict -> b"". Must survive a JSON round trip unchanged."""
    if not isinstance(metadata, dict):
        raise PayloadRefused("clear metadata must be a dict")
    if not metadata:
        return b""
    try:
        text = json.dumps(
            metadata, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False
        )
        raw = text.encode("utf-8")
        same = json.loads(raw) == metadata
    except (TypeError, ValueError, RecursionError) as exc:
        raise PayloadRefused("clear metadata is not plain JSON") from exc
    if not same:
        raise PayloadRefused("clear metadata does not survive JSON (tuples? non-string keys?)")
    if len(raw) > MAX_CLEAR_METADATA_BYTES:
        raise PayloadRefused(f"clear metadata longer than {MAX_CLEAR_METADATA_BYTES} bytes")
    return raw


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def decode_clear_metadata(raw: bytes) -> dict[str, Any]:
    """Parse the header's metadata bytes (already length-capped); bad JSON means Damaged."""
    if not raw:
        return {}
    try:
        value = json.loads(str(raw, "utf-8"), parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise Damaged("clear metadata is not valid JSON") from exc
    if not isinstance(value, dict) or not value:
        raise Damaged("clear metadata is not a non-empty JSON object")
    return value
