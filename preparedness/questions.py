"""The questions, labels and help texts, defined once as data.

The wizard builds its fields from these and the packet prints the same labels, so a family
reads the same words on the screen and on paper, and a translator translates each once.
Every string here is an English gettext msgid, translated where it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from preparedness.i18n import N_
from preparedness.model.plan import AuthorizationKind, DocumentKind, PhoneKind


class Kind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    PHONE = "phone"
    DATE = "date"
    YES_NO = "yes_no"
    CONTACT = "contact"  # choose one of the plan's contacts


@dataclass(frozen=True)
class Question:
    id: str  # also the widget's objectName and the model attribute after the dot
    label: str
    help: str = ""
    kind: Kind = Kind.TEXT
    sensitive: bool = False

    @property
    def attribute(self) -> str:
        return self.id.rsplit(".", 1)[-1]


def _q(*questions: Question) -> dict[str, Question]:
    return {q.id: q for q in questions}


QUESTIONS: dict[str, Question] = _q(
    # household and parents
    Question("adult.name", N_("Full name")),
    Question(
        "adult.relationship",
        N_("Relationship to the children"),
        N_("For example: mother, father, grandmother, guardian."),
    ),
    Question("adult.phone", N_("Phone"), N_("The number where you can be reached."), Kind.PHONE),
    Question("adult.languages", N_("Languages spoken")),
    Question("adult.work_name", N_("Workplace")),
    Question("adult.work_phone", N_("Work phone"), kind=Kind.PHONE),
    Question(
        "adult.at_risk_of_detention",
        N_("Could this person be detained?"),
        N_("You do not have to answer. It helps choose caregivers who are safe."),
        Kind.YES_NO,
        sensitive=True,
    ),
    Question("household.address", N_("Home address"), kind=Kind.LONG_TEXT),
    Question("household.home_phone", N_("Home phone"), kind=Kind.PHONE),
    # children
    Question("child.name", N_("Child's full name")),
    Question("child.date_of_birth", N_("Date of birth"), kind=Kind.DATE),
    Question("child.school_id", N_("School")),
    Question("child.grade", N_("Grade")),
    Question("child.teacher", N_("Teacher")),
    Question("child.allergies", N_("Allergies"), N_("Food, medicine or other allergies.")),
    Question("child.conditions", N_("Health conditions")),
    Question("child.medicines", N_("Medicines the child takes")),
    Question("child.medicines_to_avoid", N_("Medicines to avoid")),
    Question("child.doctor", N_("Doctor")),
    Question("child.doctor_phone", N_("Doctor's phone"), kind=Kind.PHONE),
    Question("child.clinic", N_("Clinic or hospital")),
    Question("child.insurance", N_("Health insurance")),
    Question("child.access_needs", N_("Disability or special needs")),
    Question(
        "child.routines",
        N_("Daily routines"),
        N_("Bedtime, meals, how they get to school."),
        Kind.LONG_TEXT,
    ),
    Question(
        "child.comfort_items",
        N_("What comforts the child"),
        N_("A favourite toy, book, song or food."),
    ),
    Question("child.what_child_knows", N_("What the child has been told"), kind=Kind.LONG_TEXT),
    # contacts
    Question("contact.name", N_("Full name")),
    Question("contact.relationship", N_("Relationship"), N_("For example: aunt, neighbour.")),
    Question(
        "contact.phone", N_("Phone"), N_("Numbers from other countries: start with +."), Kind.PHONE
    ),
    Question("contact.languages", N_("Languages spoken")),
    Question("contact.may_pick_up", N_("May pick up the children from school"), kind=Kind.YES_NO),
    Question("contact.knows_plan", N_("Knows about this plan"), kind=Kind.YES_NO),
    Question("contact.lives_outside_household", N_("Lives outside our home"), kind=Kind.YES_NO),
    Question(
        "contact.at_risk_of_detention",
        N_("Could this person be detained?"),
        kind=Kind.YES_NO,
        sensitive=True,
    ),
    # caregivers
    Question(
        "care.primary_id",
        N_("Caregiver"),
        N_("The person who will take care of this child if you cannot."),
        Kind.CONTACT,
    ),
    Question("care.primary_agreed", N_("The caregiver has agreed"), kind=Kind.YES_NO),
    Question("care.primary_agreed_on", N_("Date they agreed"), kind=Kind.DATE),
    Question(
        "care.backup_id",
        N_("Backup caregiver"),
        N_("If the first caregiver cannot come."),
        Kind.CONTACT,
    ),
    Question("care.backup_agreed", N_("The backup caregiver has agreed"), kind=Kind.YES_NO),
    Question("care.backup_agreed_on", N_("Date they agreed"), kind=Kind.DATE),
    Question("care.instructions", N_("Instructions for the caregiver"), kind=Kind.LONG_TEXT),
    Question("authorization.kind", N_("Kind of authorization")),
    Question(
        "authorization.signed",
        N_("Authorization signed"),
        N_("A paper that lets the caregiver act for your child. Ask a lawyer."),
        Kind.YES_NO,
    ),
    Question("authorization.signed_on", N_("Date signed"), kind=Kind.DATE),
    Question(
        "authorization.notarized",
        N_("Notarized"),
        N_("Signed in front of a notary [notary public]."),
        Kind.YES_NO,
    ),
    Question("authorization.where_kept", N_("Where the signed paper is kept")),
    Question("authorization.expires_on", N_("Expires on"), kind=Kind.DATE),
    # school
    Question("school.name", N_("School name")),
    Question("school.phone", N_("School phone"), kind=Kind.PHONE),
    Question("school.address", N_("School address")),
    Question(
        "school.emergency_card_updated",
        N_("Emergency card updated"),
        N_("Did you give the school the names of the adults who may pick up your children?"),
        Kind.YES_NO,
    ),
    Question("school.emergency_card_updated_on", N_("Date updated"), kind=Kind.DATE),
    Question("school.resource_person", N_("Resource person at the school")),
    # legal (sensitive)
    Question(
        "legal.a_number",
        N_("A-number [Alien Registration Number]"),
        N_("A 9-digit number on immigration papers."),
        sensitive=True,
    ),
    Question("legal.attorney_name", N_("Lawyer or accredited representative"), sensitive=True),
    Question("legal.attorney_org", N_("Organization"), sensitive=True),
    Question("legal.attorney_phone", N_("Lawyer's phone"), kind=Kind.PHONE, sensitive=True),
    Question(
        "legal.g28_signed",
        N_("Signed G-28 form [Notice of Representation]"),
        N_("Ask your lawyer about signing a G-28 now."),
        Kind.YES_NO,
        sensitive=True,
    ),
    Question("legal.legal_aid_hotline", N_("Legal aid hotline"), kind=Kind.PHONE),
    Question("legal.rapid_response_hotline", N_("Rapid response hotline"), kind=Kind.PHONE),
    Question("legal.consulate", N_("Consulate")),
    Question("legal.consulate_phone", N_("Consulate phone"), kind=Kind.PHONE),
    Question("legal.court_date", N_("Court date"), kind=Kind.DATE, sensitive=True),
    Question("legal.court_person", N_("Whose court date"), sensitive=True),
    Question("legal.court_place", N_("Which court (name and address)"), sensitive=True),
    Question("legal.court_note", N_("Note"), sensitive=True),
    Question("legal.notes", N_("Notes"), kind=Kind.LONG_TEXT, sensitive=True),
    # documents
    Question("document.kind", N_("Document")),
    Question("document.label", N_("Name of the document")),
    Question("document.have_it", N_("We have it"), kind=Kind.YES_NO),
    Question("document.original_location", N_("Where the original is")),
    Question("document.copy_holder", N_("Who has a copy")),
    Question("document.owner_id", N_("Whose document")),
    # money and home
    Question("money.bank_access", N_("Who can use the bank accounts"), kind=Kind.LONG_TEXT),
    Question("money.rent_and_bills", N_("Rent and bills: who pays, when"), kind=Kind.LONG_TEXT),
    Question("money.pets", N_("Pets: who takes care of them"), kind=Kind.LONG_TEXT),
    Question("money.car", N_("Car"), kind=Kind.LONG_TEXT),
    Question("money.other", N_("Other things to take care of"), kind=Kind.LONG_TEXT),
    # plan
    Question(
        "plan.family_language",
        N_("The family's language on paper"),
        N_("The packet is printed in this language and in English."),
    ),
    Question(
        "plan.review_by",
        N_("Check this plan again by"),
        N_("Plans get old. Check it every 3 to 6 months."),
        Kind.DATE,
    ),
)

DOCUMENT_KIND_LABELS: dict[DocumentKind, str] = {
    DocumentKind.BIRTH_CERTIFICATE: N_("Birth certificate"),
    DocumentKind.PASSPORT: N_("Passport"),
    DocumentKind.CONSULAR_ID: N_("Consular ID card"),
    DocumentKind.SSN_ITIN: N_("Social Security or ITIN card"),
    DocumentKind.IMMUNIZATION: N_("Immunization (vaccine) records"),
    DocumentKind.SCHOOL_RECORDS: N_("School records"),
    DocumentKind.MEDICAL_RECORDS: N_("Medical records"),
    DocumentKind.INSURANCE_CARD: N_("Health insurance card"),
    DocumentKind.LEASE: N_("Lease or rental agreement"),
    DocumentKind.BANK: N_("Bank papers"),
    DocumentKind.CAR: N_("Car title and insurance"),
    DocumentKind.TAX_RETURNS: N_("Tax returns"),
    DocumentKind.IMMIGRATION: N_("Immigration papers"),
    DocumentKind.CAREGIVER_AUTHORIZATION: N_("Signed caregiver authorization"),
    DocumentKind.OTHER: N_("Other document"),
}

# The checklist a new plan starts with (the usual papers a family should find).
DEFAULT_DOCUMENT_CHECKLIST: tuple[DocumentKind, ...] = (
    DocumentKind.BIRTH_CERTIFICATE,
    DocumentKind.PASSPORT,
    DocumentKind.CONSULAR_ID,
    DocumentKind.SSN_ITIN,
    DocumentKind.IMMUNIZATION,
    DocumentKind.SCHOOL_RECORDS,
    DocumentKind.INSURANCE_CARD,
    DocumentKind.LEASE,
    DocumentKind.BANK,
    DocumentKind.CAR,
    DocumentKind.TAX_RETURNS,
    DocumentKind.IMMIGRATION,
)

AUTHORIZATION_KIND_LABELS: dict[AuthorizationKind, str] = {
    AuthorizationKind.NONE: N_("Not chosen yet"),
    AuthorizationKind.DELEGATION: N_("Delegation of parental authority [power of attorney]"),
    AuthorizationKind.STANDBY: N_("Standby or temporary custodian [standby guardian]"),
    AuthorizationKind.CAREGIVER_AFFIDAVIT: N_("Caregiver's authorization affidavit"),
    AuthorizationKind.OTHER: N_("Other"),
}

PHONE_KIND_LABELS: dict[PhoneKind, str] = {
    PhoneKind.MOBILE: N_("Mobile"),
    PhoneKind.HOME: N_("Home"),
    PhoneKind.WORK: N_("Work"),
    PhoneKind.OTHER: N_("Other"),
}

YES = N_("Yes")
NO = N_("No")
NOT_ANSWERED = N_("Not answered")


def question(question_id: str) -> Question:
    return QUESTIONS[question_id]
