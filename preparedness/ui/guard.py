"""A guard against a PySide6 6.12 + Python 3.11 reference-count bug.

On that combination every call of a Qt method that returns nothing (``label.setText``,
``widget.setVisible``…) drops one reference to ``None`` too many. Python 3.11's ``None`` is
not immortal (3.12's is), so after enough calls its count reaches zero and the interpreter
aborts ("deallocating None"): a family would lose the window mid-evening. Measured: 1000
``setText`` calls lower ``sys.getrefcount(None)`` by 1000; a language switch makes ~7000
such calls.

The guard adds the missing references back: it raises None's reference count directly
(CPython's ``ob_refcnt``) whenever it runs low, from a timer and before big batches of Qt
calls, so the count never approaches zero. No memory is used. (A reserve list of ``None``
was tried first: it crashes at exit, when the list is freed.) On interpreters where
``None`` is immortal (3.12+) it does nothing.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, QTimer

LOW_WATER = 2_000_000
TOP_UP = 4_000_000
CHECK_EVERY_MS = 500


def none_is_immortal() -> bool:
    return sys.version_info >= (3, 12)


def top_up() -> int:
    """Add references to None when its count runs low; returns the count afterwards."""
    if not none_is_immortal() and sys.getrefcount(None) < LOW_WATER:
        count = ctypes.c_ssize_t.from_address(id(None))
        count.value += TOP_UP
    return sys.getrefcount(None)


def install(parent: QObject) -> QTimer | None:
    """Top up now and every half second for the life of ``parent`` (the main window)."""
    if none_is_immortal():
        return None
    top_up()
    timer = QTimer(parent)
    timer.setInterval(CHECK_EVERY_MS)
    timer.timeout.connect(top_up)
    timer.start()
    return timer
