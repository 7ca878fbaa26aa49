"""The translation tools: the reviewer's spreadsheet round trip and the checker's rules."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from preparedness import i18n_tools


@pytest.fixture
def i18n_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the Spanish catalog, so tests never touch the real ones."""
    target = tmp_path / "i18n"
    shutil.copytree(i18n_tools.I18N_DIR / "es", target / "es")
    monkeypatch.setattr(i18n_tools, "I18N_DIR", target)
    return target


def test_spreadsheet_round_trip(i18n_dir: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "review.csv"
    rows = i18n_tools.export_csv("es", sheet)
    assert rows > 100
    with sheet.open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    target = next(r for r in table if r["msgid"] == "Full name")
    target["translation"] = "Nombre y apellidos"
    target["comment"] = "reviewed by the parent group"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=i18n_tools.CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(table)
    assert i18n_tools.import_csv("es", sheet) == 1
    catalog = i18n_tools.read_catalog(i18n_tools.po_path("es"), "es")
    assert catalog.get("Full name").string == "Nombre y apellidos"
    assert catalog.get("Full name").user_comments == ["reviewed by the parent group"]


def _catalog_with(entries: dict[str, str], *, fuzzy: set[str] = frozenset()) -> Catalog:
    catalog = Catalog(locale="es")
    for msgid, text in entries.items():
        catalog.add(msgid, text, flags={"fuzzy"} if msgid in fuzzy else ())
    return catalog


def test_checker_catches_what_a_reviewer_would(i18n_dir: Path) -> None:
    template = Catalog()
    for msgid in ("Call {person}.", "Save", "Print", "Open", "G-28"):
        template.add(msgid)
    catalog = _catalog_with(
        {
            "Call {person}.": "Llame a {persona}.",
            "Save": "",
            "Print": "Imprimir",
            "Open": "Open",
            "G-28": "G-28",
        },
        fuzzy={"Print"},
    )
    i18n_tools.write_catalog(i18n_tools.po_path("es"), catalog)
    problems = {(p.msgid, p.problem.split()[0]) for p in i18n_tools.check_catalog("es", template)}
    assert ("Call {person}.", "placeholders") in problems
    assert ("Save", "untranslated") in problems
    assert ("Print", "fuzzy") in problems
    assert ("Open", "same") in problems
    assert not any(msgid == "G-28" for msgid, _ in problems)  # allowed by i18n/identical.json
