"""The plan in memory and the calls into the vault and the packet, kept out of the pages.

Pages edit ``session.plan`` in place; these functions do the slow or risky work (key
derivation, encryption, rendering) and are what the background jobs run. Nothing here
touches a widget, so it can run on a worker thread.
"""

from __future__ import annotations

import copy
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
            attachments={
                name: blob
                for name, blob in self.attachments.items()
                if name in self.plan.blob_names()
            },
            clear_metadata=dict(self.clear_metadata),
        )

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


def render_packet(plan: Plan, language: str, copy_name: str, page_size: str = "letter") -> bytes:
    from preparedness.packet import render_packet as render

    return bytes(render(plan, language, copy_name, page_size=page_size))


def render_recovery_sheet(code: str, language: str, page_size: str = "letter") -> bytes:
    from preparedness.packet import render_recovery_sheet as render

    return bytes(render(code, language, page_size))


def backup_of(path: Path) -> Path:
    """The vault keeps the previous version next to the plan (``<name>.bak``)."""
    from preparedness.vault import backup_path

    return Path(backup_path(Path(path)))
