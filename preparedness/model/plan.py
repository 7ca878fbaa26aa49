"""The plan as plain data: what a family decides, independent of any screen or paper.

Everything a wizard page edits and a packet prints lives here. People get stable ids so a
caregiver, a pickup adult or a document owner is *referenced*, never copied: renaming a
contact renames it everywhere.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

SCHEMA_VERSION = 1


def new_id(prefix: str) -> str:
    """A short random id, stable for the life of the plan (never derived from a name)."""
    return f"{prefix}-{secrets.token_hex(4)}"


class PhoneKind(StrEnum):
    MOBILE = "mobile"
    HOME = "home"
    WORK = "work"
    OTHER = "other"


@dataclass
class Phone:
    """A number as the person typed it; formatting and validation happen in ``phones``."""

    number: str = ""
    kind: PhoneKind = PhoneKind.MOBILE


@dataclass
class Adult:
    """A parent or guardian living in the household."""

    id: str = field(default_factory=lambda: new_id("adult"))
    name: str = ""
    relationship: str = ""  # "mother", "father", "guardian"… free text
    phones: list[Phone] = field(default_factory=list)
    languages: str = ""
    work_name: str = ""
    work_phone: str = ""
    at_risk_of_detention: bool | None = None


@dataclass
class Household:
    adults: list[Adult] = field(default_factory=list)
    address: str = ""
    home_phone: str = ""


@dataclass
class Child:
    id: str = field(default_factory=lambda: new_id("child"))
    name: str = ""
    date_of_birth: date | None = None
    school_id: str = ""  # references School.id
    grade: str = ""
    teacher: str = ""
    allergies: str = ""
    conditions: str = ""
    medicines: str = ""
    medicines_to_avoid: str = ""
    doctor: str = ""
    doctor_phone: str = ""
    clinic: str = ""
    insurance: str = ""
    access_needs: str = ""
    routines: str = ""
    comfort_items: str = ""
    what_child_knows: str = ""


@dataclass
class Contact:
    """An emergency contact; the plan's list order is the priority order."""

    id: str = field(default_factory=lambda: new_id("contact"))
    name: str = ""
    relationship: str = ""
    phones: list[Phone] = field(default_factory=list)
    languages: str = ""
    may_pick_up: bool = False
    knows_plan: bool = False
    lives_outside_household: bool | None = None
    at_risk_of_detention: bool | None = None


class AuthorizationKind(StrEnum):
    NONE = ""
    DELEGATION = "delegation"  # delegation of parental authority / power of attorney
    STANDBY = "standby"  # standby or temporary custodian / guardian
    CAREGIVER_AFFIDAVIT = "caregiver_affidavit"
    OTHER = "other"


@dataclass
class Authorization:
    """The legal paper that lets a caregiver act for a child, and where it is."""

    kind: AuthorizationKind = AuthorizationKind.NONE
    signed: bool = False
    signed_on: date | None = None
    notarized: bool = False
    where_kept: str = ""
    expires_on: date | None = None


@dataclass
class CareArrangement:
    """Who takes care of one child: a primary and a backup, both contacts."""

    child_id: str = ""
    primary_id: str = ""  # references Contact.id
    primary_agreed: bool = False
    primary_agreed_on: date | None = None
    backup_id: str = ""
    backup_agreed: bool = False
    backup_agreed_on: date | None = None
    authorization: Authorization = field(default_factory=Authorization)
    instructions: str = ""


@dataclass
class School:
    id: str = field(default_factory=lambda: new_id("school"))
    name: str = ""
    phone: str = ""
    address: str = ""
    emergency_card_updated: bool = False
    emergency_card_updated_on: date | None = None
    resource_person: str = ""


@dataclass
class CourtDate:
    person_id: str = ""
    when: date | None = None
    place: str = ""
    note: str = ""


@dataclass
class ANumber:
    """An alien registration number (A-number) of one household member."""

    person_id: str = ""
    number: str = ""


@dataclass
class Legal:
    """Optional and sensitive: never printed on the school copy."""

    a_numbers: list[ANumber] = field(default_factory=list)
    attorney_name: str = ""
    attorney_org: str = ""
    attorney_phone: str = ""
    g28_signed: bool = False
    legal_aid_hotline: str = ""
    rapid_response_hotline: str = ""
    consulate: str = ""
    consulate_phone: str = ""
    court_dates: list[CourtDate] = field(default_factory=list)
    notes: str = ""

    def is_empty(self) -> bool:
        return self == Legal()


class DocumentKind(StrEnum):
    BIRTH_CERTIFICATE = "birth_certificate"
    PASSPORT = "passport"
    CONSULAR_ID = "consular_id"
    SSN_ITIN = "ssn_itin"
    IMMUNIZATION = "immunization"
    SCHOOL_RECORDS = "school_records"
    MEDICAL_RECORDS = "medical_records"
    INSURANCE_CARD = "insurance_card"
    LEASE = "lease"
    BANK = "bank"
    CAR = "car"
    TAX_RETURNS = "tax_returns"
    IMMIGRATION = "immigration"
    CAREGIVER_AUTHORIZATION = "caregiver_authorization"
    OTHER = "other"


@dataclass
class Attachment:
    """A page of a scanned copy, stored as a named blob inside the encrypted plan file."""

    blob: str = ""  # key of the blob in the vault payload
    media_type: str = ""  # "image/jpeg", "image/png", "application/pdf"
    rotation: int = 0  # degrees clockwise, multiple of 90


@dataclass
class DocumentItem:
    id: str = field(default_factory=lambda: new_id("doc"))
    kind: DocumentKind = DocumentKind.OTHER
    label: str = ""  # the family's own words, for OTHER or to be precise
    owner_id: str = ""  # the person the paper belongs to (adult or child id), or "" for the family
    have_it: bool | None = None  # None = not answered yet
    original_location: str = ""
    copy_holder: str = ""  # a contact id, or free text
    attachments: list[Attachment] = field(default_factory=list)


@dataclass
class MoneyAndHome:
    bank_access: str = ""
    rent_and_bills: str = ""
    pets: str = ""
    car: str = ""
    other: str = ""

    def is_empty(self) -> bool:
        return self == MoneyAndHome()


@dataclass
class Languages:
    family_language: str = "en"
    packet_languages: list[str] = field(default_factory=lambda: ["en"])


@dataclass
class PacketOptions:
    caregiver_gets_child_documents: bool = False
    resources_profile: str = ""


@dataclass
class FileLabel:
    """How a liaison finds this plan in a folder of many, without the family's name.

    ``label`` (like "F-031") is written in the clear into the plan file's header. The review
    and authorization dates join it only when the family agrees (``dates_in_clear``), so a
    liaison's list can flag plans that need a visit without opening them.
    """

    label: str = ""
    dates_in_clear: bool = False


@dataclass
class Plan:
    household: Household = field(default_factory=Household)
    children: list[Child] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    care: list[CareArrangement] = field(default_factory=list)
    schools: list[School] = field(default_factory=list)
    legal: Legal = field(default_factory=Legal)
    documents: list[DocumentItem] = field(default_factory=list)
    money_and_home: MoneyAndHome = field(default_factory=MoneyAndHome)
    languages: Languages = field(default_factory=Languages)
    packet: PacketOptions = field(default_factory=PacketOptions)
    review_by: date | None = None
    notes: str = ""
    file_label: FileLabel = field(default_factory=FileLabel)

    # -- lookups: people are referenced by id, so these are how pages and the packet resolve them

    def person_name(self, person_id: str) -> str:
        for person in (*self.household.adults, *self.children, *self.contacts):
            if person.id == person_id:
                return person.name
        return ""

    def contact(self, contact_id: str) -> Contact | None:
        return next((c for c in self.contacts if c.id == contact_id), None)

    def child(self, child_id: str) -> Child | None:
        return next((c for c in self.children if c.id == child_id), None)

    def school(self, school_id: str) -> School | None:
        return next((s for s in self.schools if s.id == school_id), None)

    def care_for(self, child_id: str) -> CareArrangement:
        """The arrangement for a child, created empty on first use so pages can bind to it."""
        for arrangement in self.care:
            if arrangement.child_id == child_id:
                return arrangement
        arrangement = CareArrangement(child_id=child_id)
        self.care.append(arrangement)
        return arrangement

    def pickup_contacts(self) -> list[Contact]:
        return [c for c in self.contacts if c.may_pick_up]

    def remove_person(self, person_id: str) -> None:
        """Remove a child or contact and every reference to it, so nothing dangles."""
        self.children = [c for c in self.children if c.id != person_id]
        self.contacts = [c for c in self.contacts if c.id != person_id]
        self.household.adults = [a for a in self.household.adults if a.id != person_id]
        self.care = [a for a in self.care if a.child_id != person_id]
        for arrangement in self.care:
            if arrangement.primary_id == person_id:
                arrangement.primary_id = ""
                arrangement.primary_agreed = False
            if arrangement.backup_id == person_id:
                arrangement.backup_id = ""
                arrangement.backup_agreed = False
        for doc in self.documents:
            if doc.owner_id == person_id:
                doc.owner_id = ""
            if doc.copy_holder == person_id:
                doc.copy_holder = ""
        self.legal.a_numbers = [a for a in self.legal.a_numbers if a.person_id != person_id]
        for court in self.legal.court_dates:
            if court.person_id == person_id:
                court.person_id = ""

    def earliest_authorization_expiry(self) -> date | None:
        dates = [a.authorization.expires_on for a in self.care if a.authorization.expires_on]
        return min(dates) if dates else None

    def blob_names(self) -> set[str]:
        return {a.blob for d in self.documents for a in d.attachments}
