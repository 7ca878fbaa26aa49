"""Extension points other packages plug into without the wizard importing them.

``preparedness.documents`` (scanned copies, being written) registers a handler here; until it
does, the documents page hides its "Add a copy" button. The handler gets the page (a parent
for its dialogs), the open session (``session.attachments`` holds the blobs that are saved
inside the encrypted plan) and the document item to attach pages to; it should append
``Attachment`` entries to ``item.attachments`` and call ``on_changed()``.
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
