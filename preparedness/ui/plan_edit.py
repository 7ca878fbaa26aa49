"""Small edits the pages make to the plan that are more than setting one attribute.

Kept out of the slots so they can be tested without a window.
"""

from __future__ import annotations

from preparedness.model import Child, Plan, School


def school_name_of(plan: Plan, child: Child) -> str:
    school = plan.school(child.school_id)
    return school.name if school else ""


def set_school_by_name(plan: Plan, child: Child, name: str) -> None:
    """Link a child to the school with this name, creating or renaming one as needed.

    A family types a school's name on the child's card; the school page then asks about each
    school once (a school shared by two children is one school). Editing the name of a school
    only this child attends renames it, so fixing a typo does not leave a stray school.
    """
    name = name.strip()
    if not name:
        _unlink(plan, child)
        return
    existing = next((s for s in plan.schools if s.name.strip().casefold() == name.casefold()), None)
    if existing is not None:
        old = child.school_id
        child.school_id = existing.id
        if old and old != existing.id:
            _drop_if_unused(plan, old)
        return
    current = plan.school(child.school_id)
    if current is not None and _users(plan, current.id) == [child]:
        current.name = name
        return
    school = School(name=name)
    plan.schools.append(school)
    child.school_id = school.id


def _users(plan: Plan, school_id: str) -> list[Child]:
    return [c for c in plan.children if c.school_id == school_id]


def _unlink(plan: Plan, child: Child) -> None:
    old = child.school_id
    child.school_id = ""
    if old:
        _drop_if_unused(plan, old)


def _drop_if_unused(plan: Plan, school_id: str) -> None:
    """Forget a school nobody attends if nothing about it was written but its name."""
    school = plan.school(school_id)
    if school is None or _users(plan, school_id):
        return
    if school == School(id=school.id, name=school.name):
        plan.schools = [s for s in plan.schools if s.id != school_id]


def move_contact(plan: Plan, contact_id: str, step: int) -> None:
    """Move a contact up (-1) or down (+1): the list order is the calling order."""
    ids = [c.id for c in plan.contacts]
    if contact_id not in ids:
        return
    i = ids.index(contact_id)
    j = max(0, min(len(ids) - 1, i + step))
    contacts = plan.contacts
    contacts[i], contacts[j] = contacts[j], contacts[i]


def remove_school(plan: Plan, school_id: str) -> None:
    plan.schools = [s for s in plan.schools if s.id != school_id]
    for child in plan.children:
        if child.school_id == school_id:
            child.school_id = ""


def holder_text(plan: Plan, holder: str) -> str:
    """A copy holder is a contact id or the family's own words; show a name either way."""
    contact = plan.contact(holder)
    return contact.name if contact else holder


def set_holder_text(plan: Plan, text: str) -> str:
    """Store a contact's id when the text is a contact's name, else the text itself."""
    wanted = text.strip().casefold()
    for contact in plan.contacts:
        if wanted and contact.name.strip().casefold() == wanted:
            return contact.id
    return text
