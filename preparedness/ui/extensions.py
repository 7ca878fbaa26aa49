"""Extension points other packages plug into without the wizard importing them.

The documents page's "Add a copy" (``ui/copies.py``) imports files chosen in the app's file
dialog. A handler registered here replaces that dialog as the source of copies (a laptop
camera capture, say). It gets the page (a parent for its dialogs), the open session
(``session.attachments`` holds the blobs that are saved inside the encrypted plan) and the
document item to attach pages to; it should add pages with
``preparedness.documents.copies.add_pages`` (which keeps the plan and the blobs in step) and
call ``on_changed()``, which shows the new pages and marks the plan as changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from preparedness.model import DocumentItem

CopyHandler = Callable[[QWidget, Any, DocumentItem, Callable[[], None]], None]

_copy_handler: list[CopyHandler] = []


def register_copy_handler(handler: CopyHandler | None) -> None:
    """Install (or with None, remove) the "Add a copy" handler."""
    _copy_handler.clear()
    if handler is not None:
        _copy_handler.append(handler)


def copy_handler() -> CopyHandler | None:
    return _copy_handler[0] if _copy_handler else None
