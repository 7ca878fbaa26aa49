"""JSON round trip for the plan, with a schema version and migrations.

The reader is strict about types and generous about nothing else: a plan comes from an
encrypted file or from a JSON file someone imports, and either may be old, new or hostile.
Every failure is a ``PlanFormatError`` with a message id, never a stray ``KeyError``.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Any

from preparedness.i18n import N_
from preparedness.model.plan import SCHEMA_VERSION, Plan

MAX_JSON_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 12


class PlanFormatError(ValueError):
    """The JSON is not a plan this version can read."""

    def __init__(self, message_id: str, default_message: str, detail: str = "") -> None:
        super().__init__(f"{default_message} ({detail})" if detail else default_message)
        self.message_id = message_id
        self.default_message = default_message
        self.detail = detail


NOT_A_PLAN = N_("This file does not hold a family plan.")
NEWER_SCHEMA = N_("This plan was made by a newer version of the app. Please update the app.")


def _not_a_plan(detail: str) -> PlanFormatError:
    return PlanFormatError("plan.not_a_plan", NOT_A_PLAN, detail)


# ---------------------------------------------------------------------------- writing


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [_encode(v) for v in value]
    return value


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "plan": _encode(plan)}


def plan_to_json(plan: Plan) -> str:
    """Deterministic JSON (sorted keys) so equal plans give equal bytes."""
    return json.dumps(plan_to_dict(plan), ensure_ascii=False, sort_keys=True, indent=1)


# ---------------------------------------------------------------------------- reading

_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _decode(tp: Any, value: Any, where: str, depth: int) -> Any:
    if depth > MAX_DEPTH:
        raise _not_a_plan(f"too deep at {where}")
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if value is None:
            return None
        return _decode(args[0], value, where, depth)
    if origin is list:
        if not isinstance(value, list):
            raise _not_a_plan(f"{where}: expected a list")
        (item_type,) = typing.get_args(tp)
        return [_decode(item_type, v, f"{where}[{i}]", depth + 1) for i, v in enumerate(value)]
    if dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise _not_a_plan(f"{where}: expected an object")
        hints = _hints(tp)
        kwargs = {}
        for f in dataclasses.fields(tp):
            if f.name in value:
                kwargs[f.name] = _decode(
                    hints[f.name], value[f.name], f"{where}.{f.name}", depth + 1
                )
        # Unknown keys are ignored: a same-version writer may add optional fields later.
        return tp(**kwargs)
    if isinstance(tp, type) and issubclass(tp, Enum):
        try:
            return tp(value)
        except ValueError:
            raise _not_a_plan(f"{where}: unknown value") from None
    if tp is date:
        if not isinstance(value, str):
            raise _not_a_plan(f"{where}: expected a date")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise _not_a_plan(f"{where}: bad date") from None
    if tp is bool:
        if not isinstance(value, bool):
            raise _not_a_plan(f"{where}: expected true or false")
        return value
    if tp is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise _not_a_plan(f"{where}: expected a number")
        return value
    if tp is str:
        if not isinstance(value, str):
            raise _not_a_plan(f"{where}: expected text")
        return value
    raise _not_a_plan(f"{where}: unsupported type")  # pragma: no cover - model bug


# Migrations: MIGRATIONS[n] turns a schema-n document into schema n+1.
def _migrate_0_to_1(doc: dict[str, Any]) -> dict[str, Any]:
    """Schema 0 (the pre-release draft) kept one ``phone`` string per contact and adult."""
    plan = doc.get("plan", {})
    people = [*plan.get("contacts", []), *plan.get("household", {}).get("adults", [])]
    for person in people:
        if isinstance(person, dict) and "phone" in person:
            number = person.pop("phone")
            person["phones"] = [{"number": number, "kind": "mobile"}] if number else []
    return {"schema_version": 1, "plan": plan}


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _migrate_0_to_1}


def plan_from_dict(doc: Any) -> Plan:
    if not isinstance(doc, dict) or "plan" not in doc:
        raise _not_a_plan("no plan object")
    version = doc.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise _not_a_plan("bad schema_version")
    if version > SCHEMA_VERSION:
        raise PlanFormatError("plan.newer_schema", NEWER_SCHEMA, f"schema {version}")
    while version < SCHEMA_VERSION:
        doc = MIGRATIONS[version](doc)
        version = doc["schema_version"]
    return _decode(Plan, doc["plan"], "plan", 0)


def plan_from_json(text: str | bytes) -> Plan:
    if len(text) > MAX_JSON_BYTES:
        raise _not_a_plan("too large")
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise _not_a_plan("not JSON") from exc
    return plan_from_dict(doc)
