"""Page 2: the children, one card each: the basics first, health and daily life folded."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from preparedness.i18n import N_
from preparedness.model import Child
from preparedness.ui import plan_edit
from preparedness.ui.bidi import isolate
from preparedness.ui.fields import TextField, make_field
from preparedness.ui.language import Gettext
from preparedness.ui.pages.base import BasePage
from preparedness.ui.widgets import Card, Section

CHILD_TITLE = N_("Child {number}")
CHILD_TITLE_NAMED = N_("Child {number}: {name}")
ADD_CHILD = N_("Add a child")
HEALTH = N_("Health and medicines")
DAILY_LIFE = N_("Daily life and comfort")
NO_CHILDREN = N_("No children added yet. Press “Add a child”.")

HEALTH_FIELDS = (
    "allergies",
    "conditions",
    "medicines",
    "medicines_to_avoid",
    "doctor",
    "doctor_phone",
    "clinic",
    "insurance",
    "access_needs",
)
DAILY_FIELDS = ("routines", "comfort_items", "what_child_knows")


class ChildrenPage(BasePage):
    key = "children"
    title_msgid = N_("Your children")
    subtitle_msgid = N_("Add each child. Open “Health” to write allergies and medicines.")
    problem_prefixes = ("children[",)

    def signature(self) -> object:
        return tuple(c.id for c in self.plan.children)

    def build(self) -> None:
        self.cards: list[Card] = []
        for index, child in enumerate(self.plan.children):
            self.cards.append(self._child_card(index, child))
        self.add_button = self.translated(QPushButton(self.content), ADD_CHILD)
        self.add_button.setObjectName("children.add")
        self.add_button.clicked.connect(self.add_child)
        self.layout_.addWidget(self.add_button)

    def _child_card(self, index: int, child: Child) -> Card:
        def title(_: Gettext, i: int = index, c: Child = child) -> str:
            if c.name.strip():
                return _(CHILD_TITLE_NAMED).format(number=i + 1, name=isolate(c.name))
            return _(CHILD_TITLE).format(number=i + 1)

        card = Card(child.id, title, self.content)
        base = f"children[{child.id}]"
        name = card.add(self.bound(TextField("child.name"), f"{base}.name", child))
        name.edited.connect(card.refresh_title)
        card.add(self.bound(make_field("child.date_of_birth"), f"{base}.date_of_birth", child))
        school = TextField("child.school_id")
        plan = self.plan
        school.bind(
            lambda: plan_edit.school_name_of(plan, child),
            lambda name: plan_edit.set_school_by_name(plan, child, name),
        )
        card.add(self.register(f"{base}.school_id", school))
        card.add(self.bound(TextField("child.grade"), f"{base}.grade", child))
        card.add(self.bound(TextField("child.teacher"), f"{base}.teacher", child))
        health = Section(HEALTH, card)
        for name_ in HEALTH_FIELDS:
            health.add(self.bound(make_field(f"child.{name_}"), f"{base}.{name_}", child))
        card.add(health)
        daily = Section(DAILY_LIFE, card)
        for name_ in DAILY_FIELDS:
            daily.add(self.bound(make_field(f"child.{name_}"), f"{base}.{name_}", child))
        card.add(daily)
        card.finish()
        card.remove_requested.connect(self.remove_child)
        self.layout_.addWidget(card)
        return card

    def add_child(self) -> None:
        self.plan.children.append(Child())
        self.main.plan_edited()
        self.rebuild()
        self.cards[-1].findChild(TextField).editor.setFocus()

    def remove_child(self, child_id: str) -> None:
        self.plan.remove_person(child_id)
        self.main.plan_edited()
        self.rebuild()
        self.add_button.setFocus()
