"""Scanned copies attached to the plan's documents: one place for the wizard and the CLI.

A copy's pages are blobs in the vault payload; the plan refers to them by name from
``DocumentItem.attachments``. These functions keep the two in step, so no blob is orphaned
and no reference dangles.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from preparedness.documents.page import ImportedPage
from preparedness.documents.source import check_total
from preparedness.model.plan import Attachment, DocumentItem, Plan


class UnknownDocument(LookupError):
    """The document id is not in the plan's checklist."""


def find_document(plan: Plan, document_id: str) -> DocumentItem:
    for item in plan.documents:
        if item.id == document_id:
            return item
    raise UnknownDocument(document_id)


def add_pages(
    plan: Plan, blobs: dict[str, bytes], document_id: str, pages: Sequence[ImportedPage]
) -> list[Attachment]:
    """Attach imported pages to a document, after checking the plan's total size cap."""
    item = find_document(plan, document_id)
    sizes = [len(b) for b in blobs.values()]
    check_total(sizes, sum(page.size for page in pages))
    added = []
    for page in pages:
        name = f"{item.id}/{secrets.token_hex(8)}"
        blobs[name] = page.data
        attachment = Attachment(blob=name, media_type=page.media_type)
        item.attachments.append(attachment)
        added.append(attachment)
    return added


def remove_page(plan: Plan, blobs: dict[str, bytes], document_id: str, index: int) -> None:
    item = find_document(plan, document_id)
    attachment = item.attachments.pop(index)
    blobs.pop(attachment.blob, None)


def remove_all_pages(plan: Plan, blobs: dict[str, bytes], document_id: str) -> int:
    item = find_document(plan, document_id)
    count = len(item.attachments)
    for attachment in item.attachments:
        blobs.pop(attachment.blob, None)
    item.attachments.clear()
    return count


def move_page(plan: Plan, document_id: str, index: int, new_index: int) -> None:
    item = find_document(plan, document_id)
    attachment = item.attachments.pop(index)
    item.attachments.insert(max(0, min(new_index, len(item.attachments))), attachment)


def referenced_blobs(plan: Plan, blobs: dict[str, bytes]) -> dict[str, bytes]:
    """The blobs the plan still refers to: what a save should write (orphans are dropped)."""
    names = plan.blob_names()
    return {name: data for name, data in blobs.items() if name in names}
