"""Page 5: each school, and whether it knows who may pick the children up."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from preparedness.i18n import N_
from preparedness.model import School
from preparedness.ui import plan_edit
from preparedness.ui.bidi import isolate
from preparedness.ui.fields import TextField, make_field
from preparedness.ui.language import Gettext
from preparedness.ui.pages.base import BasePage
from preparedness.ui.widgets import Card

SCHOOL_TITLE = N_("School {number}")
SCHOOL_TITLE_NAMED = N_("School {number}: {name}")
ADD_SCHOOL = N_("Add a school")
WHY_SCHOOL = N_(
    "Why it matters: when no adult comes for a child, the school calls the people on its "
    "emergency card, and then child protective services."
)


class SchoolPage(BasePage):
    key = "school"
    title_msgid = N_("School")
    subtitle_msgid = N_("Tell the school who may pick up your children.")
    problem_prefixes = ("schools[",)

    def signature(self) -> object:
        return tuple(s.id for s in self.plan.schools)

    def build(self) -> None:
        why = self.translated(QLabel(self.content), WHY_SCHOOL)
        why.setWordWrap(True)
        self.layout_.addWidget(why)
        for index, school in enumerate(self.plan.schools):
            self._school_card(index, school)
        self.add_button = self.translated(QPushButton(self.content), ADD_SCHOOL)
        self.add_button.setObjectName("school.add")
        self.add_button.clicked.connect(self.add_school)
        self.layout_.addWidget(self.add_button)

    def _school_card(self, index: int, school: School) -> Card:
        def title(_: Gettext, i: int = index, s: School = school) -> str:
            if s.name.strip():
                return _(SCHOOL_TITLE_NAMED).format(number=i + 1, name=isolate(s.name))
            return _(SCHOOL_TITLE).format(number=i + 1)

        card = Card(school.id, title, self.content)
        base = f"schools[{school.id}]"
        name = card.add(self.bound(TextField("school.name"), f"{base}.name", school))
        name.edited.connect(card.refresh_title)
        for attribute in (
            "phone",
            "address",
            "emergency_card_updated",
            "emergency_card_updated_on",
            "resource_person",
        ):
            card.add(self.bound(make_field(f"school.{attribute}"), f"{base}.{attribute}", school))
        card.finish()
        card.remove_requested.connect(self.remove_school)
        self.layout_.addWidget(card)
        return card

    def add_school(self) -> None:
        self.plan.schools.append(School())
        self.main.plan_edited()
        self.rebuild()

    def remove_school(self, school_id: str) -> None:
        plan_edit.remove_school(self.plan, school_id)
        self.main.plan_edited()
        self.rebuild()
        self.add_button.setFocus()
