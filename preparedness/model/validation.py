"""What is wrong or missing in a plan, as typed problems a page can show next to a field.

Problems carry a message id and parameters, never a sentence: the wizard and the packet
translate ``MESSAGES[problem.code]`` into the family's language when they show it. Nothing
here blocks a family: ``ERROR`` means "this cannot be right" (a phone number that is not a
number), ``NUDGE`` means "a plan is stronger with this" (a backup caregiver).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from preparedness.i18n import N_
from preparedness.model import phones
from preparedness.model.plan import Plan


class Severity(StrEnum):
    ERROR = "error"
    NUDGE = "nudge"


@dataclass(frozen=True)
class Problem:
    field: str  # the field id, e.g. "contacts[contact-1a2b].phones[0]"
    code: str  # a key of MESSAGES
    severity: Severity = Severity.ERROR
    params: dict[str, str] = field(default_factory=dict)

    def message(
        self,
        gettext: Callable[[str], str] | None = None,
        wrap: Callable[[str], str] | None = None,
    ) -> str:
        """The English text, or the translated one when given a gettext function.

        ``wrap`` is applied to each parameter (names, numbers): the wizard isolates them so a
        Latin name keeps its order inside an Arabic sentence and the reverse.
        """
        template = MESSAGES[self.code]
        if gettext is not None:
            template = gettext(template)
        params = self.params if wrap is None else {k: wrap(v) for k, v in self.params.items()}
        return template.format(**params)


MESSAGES: dict[str, str] = {
    "phone.invalid": N_("This does not look like a phone number. Check the digits."),
    "date.future_birth": N_("This date of birth is in the future."),
    "date.too_old": N_("Please check this date."),
    "name.missing": N_("Please write a name, or remove this entry."),
    "text.too_long": N_("This is very long. Please shorten it to {limit} characters."),
    "care.same_person": N_("The backup caregiver should be a different person."),
    "care.unknown_person": N_("This caregiver is no longer in the contact list. Choose again."),
    "minimum.adult": N_("Add at least one parent or guardian."),
    "minimum.contact": N_("Add at least one emergency contact."),
    "nudge.no_primary": N_("{child} has no caregiver yet."),
    "nudge.no_backup": N_("{child} has no backup caregiver."),
    "nudge.caregiver_not_agreed": N_("Ask {person} if they agree to care for {child}."),
    "nudge.caregiver_at_risk": N_(
        "{person} may also be at risk of detention. Choose a backup who is not."
    ),
    "nudge.no_outside_contact": N_("Add at least one contact who lives outside your home."),
    "nudge.no_pickup": N_("No contact may pick up the children yet."),
    "nudge.school_not_told": N_("Update the emergency card at {school}."),
    "nudge.authorization_not_signed": N_(
        "No signed authorization for {child}'s caregiver yet. Ask a lawyer."
    ),
    "nudge.authorization_expired": N_("The authorization for {child} has expired."),
    "nudge.authorization_expires_soon": N_("The authorization for {child} expires soon."),
    "nudge.no_review_date": N_("Choose a date to check this plan again."),
    "nudge.review_overdue": N_("It is time to check this plan again."),
}

MAX_FIELD_CHARS = 4000
EXPIRY_WARNING_DAYS = 60


def _check_text(problems: list[Problem], where: str, text: str) -> None:
    if len(text) > MAX_FIELD_CHARS:
        problems.append(Problem(where, "text.too_long", params={"limit": str(MAX_FIELD_CHARS)}))


def _check_phone(problems: list[Problem], where: str, number: str) -> None:
    if number.strip() and not phones.is_valid(number):
        problems.append(Problem(where, "phone.invalid"))


def validate(plan: Plan, today: date | None = None) -> list[Problem]:
    """Every problem and nudge in the plan, in page order."""
    today = today or date.today()
    problems: list[Problem] = []

    for adult in plan.household.adults:
        base = f"adults[{adult.id}]"
        if not adult.name.strip():
            problems.append(Problem(f"{base}.name", "name.missing"))
        for i, phone in enumerate(adult.phones):
            _check_phone(problems, f"{base}.phones[{i}]", phone.number)
        _check_phone(problems, f"{base}.work_phone", adult.work_phone)
    _check_phone(problems, "household.home_phone", plan.household.home_phone)

    for child in plan.children:
        base = f"children[{child.id}]"
        if not child.name.strip():
            problems.append(Problem(f"{base}.name", "name.missing"))
        if child.date_of_birth is not None:
            if child.date_of_birth > today:
                problems.append(Problem(f"{base}.date_of_birth", "date.future_birth"))
            elif child.date_of_birth.year < today.year - 30:
                problems.append(Problem(f"{base}.date_of_birth", "date.too_old"))
        _check_phone(problems, f"{base}.doctor_phone", child.doctor_phone)
        for name in ("allergies", "conditions", "medicines", "routines", "what_child_knows"):
            _check_text(problems, f"{base}.{name}", getattr(child, name))

    for contact in plan.contacts:
        base = f"contacts[{contact.id}]"
        if not contact.name.strip():
            problems.append(Problem(f"{base}.name", "name.missing"))
        for i, phone in enumerate(contact.phones):
            _check_phone(problems, f"{base}.phones[{i}]", phone.number)

    for school in plan.schools:
        _check_phone(problems, f"schools[{school.id}].phone", school.phone)

    _check_phone(problems, "legal.attorney_phone", plan.legal.attorney_phone)
    _check_phone(problems, "legal.consulate_phone", plan.legal.consulate_phone)

    problems.extend(_care_problems(plan, today))
    problems.extend(_nudges(plan, today))
    return problems


def _care_problems(plan: Plan, today: date) -> list[Problem]:
    problems: list[Problem] = []
    contact_ids = {c.id for c in plan.contacts}
    for child in plan.children:
        arrangement = next((a for a in plan.care if a.child_id == child.id), None)
        name = child.name or "?"
        base = f"care[{child.id}]"
        if arrangement is None or not arrangement.primary_id:
            problems.append(
                Problem(f"{base}.primary_id", "nudge.no_primary", Severity.NUDGE, {"child": name})
            )
            continue
        for role in ("primary_id", "backup_id"):
            ref = getattr(arrangement, role)
            if ref and ref not in contact_ids:
                problems.append(Problem(f"{base}.{role}", "care.unknown_person"))
        if arrangement.backup_id and arrangement.backup_id == arrangement.primary_id:
            problems.append(Problem(f"{base}.backup_id", "care.same_person"))
        if not arrangement.backup_id:
            problems.append(
                Problem(f"{base}.backup_id", "nudge.no_backup", Severity.NUDGE, {"child": name})
            )
        for role, agreed in (
            ("primary", arrangement.primary_agreed),
            ("backup", arrangement.backup_agreed),
        ):
            person = plan.contact(getattr(arrangement, f"{role}_id"))
            if person is None:
                continue
            if not agreed:
                problems.append(
                    Problem(
                        f"{base}.{role}_agreed",
                        "nudge.caregiver_not_agreed",
                        Severity.NUDGE,
                        {"person": person.name, "child": name},
                    )
                )
            if person.at_risk_of_detention:
                problems.append(
                    Problem(
                        f"{base}.{role}_id",
                        "nudge.caregiver_at_risk",
                        Severity.NUDGE,
                        {"person": person.name},
                    )
                )
        auth = arrangement.authorization
        if not auth.signed:
            problems.append(
                Problem(
                    f"{base}.authorization.signed",
                    "nudge.authorization_not_signed",
                    Severity.NUDGE,
                    {"child": name},
                )
            )
        elif auth.expires_on is not None:
            if auth.expires_on < today:
                problems.append(
                    Problem(
                        f"{base}.authorization.expires_on",
                        "nudge.authorization_expired",
                        Severity.NUDGE,
                        {"child": name},
                    )
                )
            elif (auth.expires_on - today).days <= EXPIRY_WARNING_DAYS:
                problems.append(
                    Problem(
                        f"{base}.authorization.expires_on",
                        "nudge.authorization_expires_soon",
                        Severity.NUDGE,
                        {"child": name},
                    )
                )
    return problems


def _nudges(plan: Plan, today: date) -> list[Problem]:
    problems: list[Problem] = []
    if plan.contacts and not any(c.lives_outside_household for c in plan.contacts):
        problems.append(Problem("contacts", "nudge.no_outside_contact", Severity.NUDGE))
    if plan.children and plan.contacts and not plan.pickup_contacts():
        problems.append(Problem("contacts", "nudge.no_pickup", Severity.NUDGE))
    used_schools = {c.school_id for c in plan.children}
    for school in plan.schools:
        if school.id in used_schools and not school.emergency_card_updated:
            problems.append(
                Problem(
                    f"schools[{school.id}].emergency_card_updated",
                    "nudge.school_not_told",
                    Severity.NUDGE,
                    {"school": school.name or "?"},
                )
            )
    if plan.review_by is None:
        problems.append(Problem("review_by", "nudge.no_review_date", Severity.NUDGE))
    elif plan.review_by < today:
        problems.append(Problem("review_by", "nudge.review_overdue", Severity.NUDGE))
    return problems


def can_print(plan: Plan) -> list[Problem]:
    """The small minimum a packet needs: one adult and one contact (children optional)."""
    missing: list[Problem] = []
    if not any(a.name.strip() for a in plan.household.adults):
        missing.append(Problem("household.adults", "minimum.adult"))
    if not any(c.name.strip() for c in plan.contacts):
        missing.append(Problem("contacts", "minimum.contact"))
    return missing
