"""The name table of a font the project derives from another (shared by the build_*_font tools).

Why: a derived font must not carry its source's family name (the OFL reserves some names, and
two fonts with one family name confuse Qt's and the packet's font choice), yet it keeps the
source's version and its copyright and licence records.
"""

from __future__ import annotations

from fontTools.ttLib import TTFont

# Copyright, trademark, manufacturer, designer, description, URLs, licence: kept as they are.
KEPT_NAME_IDS = {0, 7, 8, 9, 10, 11, 12, 13, 14}


def rename_font(font: TTFont, family: str, ps_name: str, origin: str, built_by: str) -> None:
    """Give ``font`` its own family and PostScript names.

    ``origin`` ends the unique id (e.g. "subset of Symbola"); ``built_by`` follows the source's
    version string (e.g. "subset by build_symbols_font.py").
    """
    name = font["name"]
    version = name.getDebugName(5) or ""
    name.names = [r for r in name.names if r.nameID in KEPT_NAME_IDS]
    for plat, enc, lang in ((3, 1, 0x409), (1, 0, 0)):
        name.setName(family, 1, plat, enc, lang)
        name.setName("Regular", 2, plat, enc, lang)
        name.setName(f"{ps_name};{origin}", 3, plat, enc, lang)
        name.setName(family, 4, plat, enc, lang)
        name.setName(f"{version}; {built_by}", 5, plat, enc, lang)
        name.setName(ps_name, 6, plat, enc, lang)
