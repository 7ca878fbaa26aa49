"""Translation workflow: extract, update, compile and check the gettext catalogs in ``i18n/``.

Run as ``python -m preparedness.i18n_tools extract|update|compile|check|init LANG``.
Compiled ``.mo`` files are build products (made by ``./dev``), never committed.
Hmong and S'gaw Karen are missing from CLDR, so catalogs are read and written without a
babel Locale where needed and they keep gettext's default plural rule.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from babel.core import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from preparedness.i18n import DOMAIN, I18N_DIR, reload_catalogs

ROOT = I18N_DIR.parent
POT = I18N_DIR / f"{DOMAIN}.pot"
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "N_plural": (1, 2)}
METHOD_MAP = [("preparedness/**.py", "python")]
# Hmong and S'gaw Karen have no CLDR plural rule: their catalogs keep gettext's default two
# forms (n != 1), and translators give both forms the same text where the language has none.


def _locale(lang: str) -> Locale | None:
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return None


# babel 2.x writes Arabic's six forms in its own order (100-102 before 11-99, babel issue #816);
# gettext tools and translators expect CLDR's order: zero, one, two, few, many, other.
PLURAL_OVERRIDES = {
    "ar": (6, "(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5)"),
}


def po_path(lang: str) -> Path:
    return I18N_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalog_languages() -> list[str]:
    return sorted(p.parent.parent.name for p in I18N_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read_catalog(path: Path, lang: str) -> Catalog:
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=_locale(lang), domain=DOMAIN)
    if lang in PLURAL_OVERRIDES:
        catalog._num_plurals, catalog._plural_expr = PLURAL_OVERRIDES[lang]
    return catalog


def write_catalog(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_output=False, omit_header=False)


def extract(write: bool = True) -> Catalog:
    """Collect every marked string of the package (and the local-resource profiles' texts).

    Writes ``i18n/messages.pot`` unless ``write`` is false (checks and per-language updates
    work in memory, so they never race each other over the template).
    """
    from preparedness.resources_profiles import translatable_texts

    catalog = Catalog(project="preparedness", domain=DOMAIN, charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), METHOD_MAP, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    for text in translatable_texts():
        catalog.add(text, None, [("resources/local", 0)])
    if write:
        write_catalog(POT, catalog)
    return catalog


def update(langs: list[str] | None = None) -> None:
    """Merge the template into the given (default: every) catalog; new strings appear empty."""
    template = extract(write=not langs)
    for lang in langs or catalog_languages():
        path = po_path(lang)
        catalog = read_catalog(path, lang)
        catalog.update(template, no_fuzzy_matching=True)
        # Obsolete entries are dropped: a reviewer should only see what the app shows.
        catalog.obsolete.clear()
        write_catalog(path, catalog)


def init(lang: str) -> None:
    path = po_path(lang)
    if path.exists():
        raise SystemExit(f"{path} exists already")
    template = extract()
    catalog = Catalog(locale=_locale(lang), domain=DOMAIN, project="preparedness", charset="utf-8")
    if catalog.locale is None:
        catalog._set_mime_headers([("Language", lang)])  # CLDR lacks this language
    if lang in PLURAL_OVERRIDES:
        catalog._num_plurals, catalog._plural_expr = PLURAL_OVERRIDES[lang]
    catalog.update(template)
    write_catalog(path, catalog)


def compile_all(quiet: bool = False) -> int:
    """Compile every catalog to ``.mo``; returns the count. Fuzzy entries are not used."""
    count = 0
    for lang in catalog_languages():
        catalog = read_catalog(po_path(lang), lang)
        mo = po_path(lang).with_suffix(".mo")
        with mo.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        count += 1
    reload_catalogs()
    if not quiet:
        print(f"compiled {count} catalogs")
    return count


# ---------------------------------------------------------------------------- checks

PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*\}|%\([a-z_]+\)[sd]|%[sd]")
IDENTICAL_OK = I18N_DIR / "identical.json"


@dataclass(frozen=True)
class CatalogProblem:
    lang: str
    msgid: str
    problem: str

    def __str__(self) -> str:
        return f"{self.lang}: {self.problem}: {self.msgid[:70]!r}"


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def identical_allowed() -> dict[str, list[str]]:
    """Messages a language may leave equal to English, per language ("*": all languages).

    A translator can also mark one entry with a ``# identical: <why>`` comment in the .po file.
    """
    if not IDENTICAL_OK.exists():
        return {}
    data = json.loads(IDENTICAL_OK.read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def check_catalog(lang: str, template: Catalog | None = None) -> list[CatalogProblem]:
    """Everything a reviewer would catch by machine: gaps, fuzzy, broken placeholders, English."""
    template = template or extract(write=False)
    path = po_path(lang)
    if not path.exists():
        return [CatalogProblem(lang, "", "no catalog")]
    catalog = read_catalog(path, lang)
    allowed = set(identical_allowed().get(lang, [])) | set(identical_allowed().get("*", []))
    problems: list[CatalogProblem] = []
    for message in template:
        if not message.id:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        entry = catalog.get(message.id, context=message.context)
        if entry is None:
            problems.append(CatalogProblem(lang, msgid, "missing"))
            continue
        if entry.fuzzy:
            problems.append(CatalogProblem(lang, msgid, "fuzzy"))
        strings = entry.string if isinstance(entry.string, tuple | list) else (entry.string,)
        sources = message.id if isinstance(message.id, tuple | list) else (message.id,)
        if not all(strings):
            problems.append(CatalogProblem(lang, msgid, "untranslated"))
            continue
        expected = placeholders(sources[-1])
        for text in strings:
            # A plural form may drop the count (e.g. Arabic "one" form), never add a new one.
            found = placeholders(text)
            ok = found == expected if len(sources) == 1 else set(found) <= set(expected)
            if not ok:
                problems.append(CatalogProblem(lang, msgid, f"placeholders {found}"))
        marked_identical = any("identical" in c for c in entry.user_comments)
        if strings[0] == sources[0] and msgid not in allowed and not marked_identical:
            problems.append(CatalogProblem(lang, msgid, "same as English"))
    return problems


# ---------------------------------------------------------------------------- review sheets

CSV_COLUMNS = [
    "msgid",
    "msgid_plural",
    "english",
    "translation",
    "translation_plural_forms",
    "comment",
]


def export_csv(lang: str, out: Path) -> int:
    """A spreadsheet a community reviewer can fill in without touching code or .po syntax."""
    catalog = read_catalog(po_path(lang), lang)
    rows = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for message in catalog:
            if not message.id:
                continue
            if isinstance(message.id, tuple | list):
                strings = list(message.string) if message.string else []
                writer.writerow(
                    [
                        message.id[0],
                        message.id[1],
                        message.id[0],
                        strings[0] if strings else "",
                        " || ".join(strings[1:]),
                        "",
                    ]
                )
            else:
                writer.writerow([message.id, "", message.id, message.string or "", "", ""])
            rows += 1
    return rows


def import_csv(lang: str, source: Path) -> int:
    """Take a reviewer's spreadsheet back: changed translations replace the catalog's."""
    path = po_path(lang)
    catalog = read_catalog(path, lang)
    changed = 0
    with source.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key: str | tuple[str, str] = row["msgid"]
            if row.get("msgid_plural"):
                key = (row["msgid"], row["msgid_plural"])
            entry = catalog.get(key)
            if entry is None or not row.get("translation"):
                continue
            if isinstance(key, tuple):
                rest = [s.strip() for s in row.get("translation_plural_forms", "").split("||")]
                new: str | tuple[str, ...] = (row["translation"], *[s for s in rest if s])
            else:
                new = row["translation"]
            if entry.string != new:
                entry.string = new
                entry.flags.discard("fuzzy")
                changed += 1
            if row.get("comment"):
                entry.user_comments = [row["comment"]]
    write_catalog(path, catalog)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m preparedness.i18n_tools")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("extract", help="write i18n/messages.pot")
    update_parser = sub.add_parser("update", help="merge the template into the catalogs")
    update_parser.add_argument("langs", nargs="*", help="default: every catalog")
    sub.add_parser("compile", help="compile every catalog to .mo")
    init_parser = sub.add_parser("init", help="start a catalog for a new language")
    init_parser.add_argument("lang")
    check_parser = sub.add_parser("check", help="report gaps, fuzzy entries, bad placeholders")
    check_parser.add_argument("langs", nargs="*")
    export_parser = sub.add_parser("export-csv", help="write a review spreadsheet")
    export_parser.add_argument("lang")
    export_parser.add_argument("out", type=Path)
    import_parser = sub.add_parser("import-csv", help="read a review spreadsheet back")
    import_parser.add_argument("lang")
    import_parser.add_argument("source", type=Path)
    args = parser.parse_args(argv)
    if args.command == "extract":
        print(f"{len(extract())} messages")
    elif args.command == "update":
        update(args.langs)
    elif args.command == "compile":
        compile_all()
    elif args.command == "init":
        init(args.lang)
    elif args.command == "check":
        template = extract()
        problems = [
            p for lang in (args.langs or catalog_languages()) for p in check_catalog(lang, template)
        ]
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problems")
        return 1 if problems else 0
    elif args.command == "export-csv":
        print(f"{export_csv(args.lang, args.out)} messages written to {args.out}")
    elif args.command == "import-csv":
        print(f"{import_csv(args.lang, args.source)} translations changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
