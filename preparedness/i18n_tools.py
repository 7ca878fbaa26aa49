"""Translation workflow: extract, update, compile and check the gettext catalogs in ``i18n/``.

Run as ``python -m preparedness.i18n_tools extract|update|compile|check|init LANG``.
Compiled ``.mo`` files are build products (made by ``./dev``), never committed.
Hmong and S'gaw Karen are missing from CLDR, so catalogs are read and written without a
babel Locale where needed and their plural rule comes from the catalog header.
"""

from __future__ import annotations

import argparse
import sys
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
# Plural rules for languages CLDR does not know (neither has grammatical plural marking).
FALLBACK_PLURALS = {"hmn": "nplurals=1; plural=0;", "ksw": "nplurals=1; plural=0;"}


def _locale(lang: str) -> Locale | None:
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return None


def po_path(lang: str) -> Path:
    return I18N_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def catalog_languages() -> list[str]:
    return sorted(p.parent.parent.name for p in I18N_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read_catalog(path: Path, lang: str) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=_locale(lang), domain=DOMAIN)


def write_catalog(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_output=False, omit_header=False)


def extract() -> Catalog:
    """Collect every marked string of the package into ``i18n/messages.pot``."""
    catalog = Catalog(project="preparedness", domain=DOMAIN, charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT), METHOD_MAP, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    write_catalog(POT, catalog)
    return catalog


def update() -> None:
    """Merge the template into every language's catalog (new strings appear empty)."""
    template = extract()
    for lang in catalog_languages():
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
    catalog.update(template)
    write_catalog(path, catalog)


def compile_all(quiet: bool = False) -> int:
    """Compile every catalog to ``.mo``; returns the count. Fuzzy entries are not used."""
    count = 0
    for lang in catalog_languages():
        catalog = read_catalog(po_path(lang), lang)
        if lang in FALLBACK_PLURALS:
            catalog._num_plurals, catalog._plural_expr = 1, "0"  # header may be overwritten
        mo = po_path(lang).with_suffix(".mo")
        with mo.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        count += 1
    reload_catalogs()
    if not quiet:
        print(f"compiled {count} catalogs")
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m preparedness.i18n_tools")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("extract", help="write i18n/messages.pot")
    sub.add_parser("update", help="merge the template into every catalog")
    sub.add_parser("compile", help="compile every catalog to .mo")
    init_parser = sub.add_parser("init", help="start a catalog for a new language")
    init_parser.add_argument("lang")
    args = parser.parse_args(argv)
    if args.command == "extract":
        print(f"{len(extract())} messages")
    elif args.command == "update":
        update()
    elif args.command == "compile":
        compile_all()
    elif args.command == "init":
        init(args.lang)
    return 0


if __name__ == "__main__":
    sys.exit(main())
