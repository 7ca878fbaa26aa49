"""The plan in memory and the calls into the vault and the packet, kept out of the pages.

Pages edit ``session.plan`` in place; these functions do the slow or risky work (key
derivation, encryption, rendering) and are what the background jobs run. Nothing here
touches a widget, so it can run on a worker thread.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the model (and phonenumbers) load after the first screen is shown
    from preparedness.model import Plan

REVIEW_AFTER_DAYS = 182  # the packet asks families to check the plan every 3 to 6 months
COPIES: tuple[str, ...] = ("family", "caregiver", "school")


def packet_languages(family_language: str) -> list[str]:
    """The family's language and English (caregivers, schools and officials read English)."""
    return [family_language] if family_language == "en" else [family_language, "en"]


def new_plan(family_language: str, today: date | None = None, resources_profile: str = "") -> Plan:
    """An empty plan with what every family starts from: one adult and the usual documents.

    ``resources_profile`` is the volunteer's local-resources profile (settings), which the
    packet's local-help page and school letter use.
    """
    from preparedness.model import Adult, DocumentItem, Languages, Plan
    from preparedness.questions import DEFAULT_DOCUMENT_CHECKLIST

    today = today or date.today()
    plan = Plan()
    plan.household.adults.append(Adult())
    plan.documents = [DocumentItem(kind=kind) for kind in DEFAULT_DOCUMENT_CHECKLIST]
    plan.languages = Languages(family_language, packet_languages(family_language))
    plan.review_by = today + timedelta(days=REVIEW_AFTER_DAYS)
    plan.packet.resources_profile = resources_profile
    return plan


@dataclass
class PlanSession:
    """The one open plan, its file (if saved or opened) and whether it changed since."""

    plan: Plan | None = None
    plan_file: Any = None  # preparedness.vault.PlanFile once saved or opened
    attachments: dict[str, bytes] = field(default_factory=dict)
    clear_metadata: dict[str, Any] = field(default_factory=dict)
    dirty: bool = False

    def start_new(self, family_language: str, resources_profile: str = "") -> Plan:
        self.close()
        self.plan = new_plan(family_language, resources_profile=resources_profile)
        return self.plan

    def close(self) -> None:
        """Drop every reference to the plan (Python cannot wipe memory; Finish restarts)."""
        self.plan = None
        self.plan_file = None
        self.attachments = {}
        self.clear_metadata = {}
        self.dirty = False

    def payload(self) -> Any:
        """Serialise on the UI thread so the worker never reads a plan being edited.

        The clear metadata (readable without the passphrase) is made from the plan each time:
        the liaison's code and, only if the family agreed, two dates (model.clear_metadata).
        """
        from preparedness.model import plan_to_json
        from preparedness.model.clear_metadata import clear_metadata
        from preparedness.vault import Payload

        assert self.plan is not None
        self.clear_metadata = clear_metadata(self.plan)
        return Payload(
            plan_json=plan_to_json(self.plan).encode("utf-8"),
            attachments=self.referenced_attachments(),
            clear_metadata=dict(self.clear_metadata),
        )

    def referenced_attachments(self) -> dict[str, bytes]:
        """The copies the plan refers to (a removed page's blob is dropped, never saved)."""
        from preparedness.documents.copies import referenced_blobs

        assert self.plan is not None
        return referenced_blobs(self.plan, self.attachments)

    def snapshot(self) -> Plan:
        """A deep copy for a background renderer."""
        assert self.plan is not None
        return copy.deepcopy(self.plan)


@dataclass
class Opened:
    plan_file: Any
    plan: Plan
    attachments: dict[str, bytes]
    clear_metadata: dict[str, Any]


# ---------------------------------------------------------------------------- worker calls


def open_plan(path: Path, secret: str) -> Opened:
    """Derive the key and decrypt (slow: run in the background)."""
    from preparedness.model import plan_from_json
    from preparedness.vault import PlanFile

    plan_file, payload = PlanFile.open(path, secret)
    return Opened(
        plan_file,
        plan_from_json(payload.plan_json),
        dict(payload.attachments),
        dict(payload.clear_metadata),
    )


def create_plan(path: Path, payload: Any, passphrase: str, recovery_code: str | None) -> Any:
    from preparedness.vault import PlanFile

    return PlanFile.create(path, payload, passphrase, recovery_code=recovery_code)


def save_plan(plan_file: Any, payload: Any) -> Any:
    plan_file.save(payload)
    return plan_file


def generate_recovery_code() -> str:
    from preparedness.vault import generate_recovery_code as generate

    return str(generate())


def render_packet(
    plan: Plan,
    language: str,
    copy_name: str,
    page_size: str = "letter",
    attachments: Mapping[str, bytes] | None = None,
) -> bytes:
    """One copy of the packet; ``attachments`` (the session's blobs) print the appendix of
    document copies (family copy; caregiver copy when the family ticked it; never school)."""
    from preparedness.packet import render_packet as render

    with DOCUMENTS_LOCK:  # the appendix decodes pictures with the documents pipeline
        return bytes(
            render(plan, language, copy_name, page_size=page_size, attachments=attachments)
        )


# ---------------------------------------------------------------------------- document copies

# The documents pipeline turns Pillow's bomb warning into an error with warnings.catch_warnings,
# which is process-wide and not thread-safe: one pipeline call at a time.
DOCUMENTS_LOCK = threading.Lock()


@dataclass
class ImportedFile:
    """What became of one chosen file: its pages and their thumbnails, or why it was refused."""

    path: Path
    pages: list[Any] = field(default_factory=list)  # documents.ImportedPage
    thumbnails: list[bytes | None] = field(default_factory=list)  # PNG, made in memory
    error: BaseException | None = None


def import_copies(paths: Sequence[Path], keep_original: bool, thumb_px: int) -> list[ImportedFile]:
    """Import chosen files (slow: run in the background) and make their thumbnails in memory.

    Each file's size is checked before it is read (the pipeline does); a PDF is looked at
    only by the documents' worker process. Refusals are returned per file, never raised.
    """
    from preparedness import documents

    results: list[ImportedFile] = []
    for path in paths:
        result = ImportedFile(Path(path))
        try:
            with DOCUMENTS_LOCK:
                result.pages = documents.import_file(path, keep_original=keep_original)
        except Exception as error:  # a DocumentImportError, or anything else: one sentence
            result.error = error
        else:
            result.thumbnails = [make_thumbnail(page.data, thumb_px) for page in result.pages]
        results.append(result)
    return results


def make_thumbnail(data: bytes, max_px: int) -> bytes | None:
    """A PNG preview of a stored copy (PDFs: in the worker process); None if none can be made."""
    from preparedness import documents

    try:
        with DOCUMENTS_LOCK:
            return documents.thumbnail(data, max_px)
    except Exception:  # a copy without a preview is still kept; the page says so
        return None


def make_thumbnails(blobs: Mapping[str, bytes], max_px: int) -> dict[str, bytes | None]:
    return {name: make_thumbnail(data, max_px) for name, data in blobs.items()}


def render_recovery_sheet(code: str, language: str, page_size: str = "letter") -> bytes:
    from preparedness.packet import render_recovery_sheet as render

    return bytes(render(code, language, page_size))


def backup_of(path: Path) -> Path:
    """The vault keeps the previous version next to the plan (``<name>.bak``)."""
    from preparedness.vault import backup_path

    return Path(backup_path(Path(path)))
