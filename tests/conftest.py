"""Suite-wide set-up: headless Qt, compiled catalogs, and a safe home for every test."""

from __future__ import annotations

import os

# Qt reads this when the QApplication is made; it must be set before any test imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from preparedness.i18n_tools import compile_all

compile_all(quiet=True)
