"""docs/PLAN-JSON.md documents every field of every model dataclass."""

from __future__ import annotations

import dataclasses
import re
import typing
from pathlib import Path

from preparedness.model import plan as model

DOC = Path(__file__).resolve().parents[2] / "docs" / "PLAN-JSON.md"


def _dataclasses() -> list[type]:
    found: list[type] = []

    def visit(cls: type) -> None:
        if cls in found:
            return
        found.append(cls)
        for hint in typing.get_type_hints(cls).values():
            for arg in (*typing.get_args(hint), hint):
                for inner in (*typing.get_args(arg), arg):
                    if dataclasses.is_dataclass(inner) and isinstance(inner, type):
                        visit(inner)

    visit(model.Plan)
    return found


def test_every_field_is_documented_under_its_object() -> None:
    text = DOC.read_text(encoding="utf-8")
    sections = dict(re.findall(r"^### `(\w+)`\n(.*?)(?=^### |^## |\Z)", text, re.M | re.S))
    for cls in _dataclasses():
        assert cls.__name__ in sections, f"{cls.__name__} is not documented"
        for field in dataclasses.fields(cls):
            assert f"| `{field.name}` |" in sections[cls.__name__], (
                f"{cls.__name__}.{field.name} is not documented"
            )
