"""Page 1: the parents or guardians, and the home address."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from preparedness.i18n import N_
from preparedness.model import Adult
from preparedness.ui.bidi import isolate
from preparedness.ui.fields import TextField, TriStateField, make_field
from preparedness.ui.language import Gettext
from preparedness.ui.pages.base import BasePage
from preparedness.ui.widgets import Card, PhonesEditor

ADULT_TITLE = N_("Parent or guardian {number}")
ADULT_TITLE_NAMED = N_("Parent or guardian {number}: {name}")
ADD_ADULT = N_("Add another parent or guardian")


class HouseholdPage(BasePage):
    key = "household"
    title_msgid = N_("Your family")
    subtitle_msgid = N_("Who are the parents or guardians? You can skip anything you do not know.")
    problem_prefixes = ("adults[", "household.")

    def signature(self) -> object:
        return tuple(a.id for a in self.plan.household.adults)

    def build(self) -> None:
        self.cards: list[Card] = []
        for index, adult in enumerate(self.plan.household.adults):
            self.cards.append(self._adult_card(index, adult))
        self.add_button = self.translated(QPushButton(self.content), ADD_ADULT)
        self.add_button.setObjectName("household.add_adult")
        self.add_button.clicked.connect(self.add_adult)
        self.layout_.addWidget(self.add_button)
        household = self.plan.household
        self.layout_.addWidget(
            self.bound(make_field("household.address"), "household.address", household)
        )
        self.layout_.addWidget(
            self.bound(make_field("household.home_phone"), "household.home_phone", household)
        )

    def _adult_card(self, index: int, adult: Adult) -> Card:
        def title(_: Gettext, i: int = index, a: Adult = adult) -> str:
            if a.name.strip():
                return _(ADULT_TITLE_NAMED).format(number=i + 1, name=isolate(a.name))
            return _(ADULT_TITLE).format(number=i + 1)

        card = Card(adult.id, title, self.content, removable=index > 0)
        base = f"adults[{adult.id}]"
        name = card.add(self.bound(TextField("adult.name"), f"{base}.name", adult))
        name.edited.connect(card.refresh_title)
        card.add(self.bound(TextField("adult.relationship"), f"{base}.relationship", adult))
        phones = PhonesEditor("adult.phone", adult.phones, base, self.register, card)
        card.add(phones)
        card.add(self.bound(TextField("adult.languages"), f"{base}.languages", adult))
        card.add(self.bound(TextField("adult.work_name"), f"{base}.work_name", adult))
        card.add(self.bound(make_field("adult.work_phone"), f"{base}.work_phone", adult))
        card.add(
            self.bound(
                TriStateField("adult.at_risk_of_detention"),
                f"{base}.at_risk_of_detention",
                adult,
            )
        )
        card.finish()
        card.remove_requested.connect(self.remove_adult)
        self.layout_.addWidget(card)
        return card

    def add_adult(self) -> None:
        self.plan.household.adults.append(Adult())
        self.main.plan_edited()
        self.rebuild()
        self.cards[-1].findChild(TextField).editor.setFocus()

    def remove_adult(self, adult_id: str) -> None:
        self.plan.remove_person(adult_id)
        self.main.plan_edited()
        self.rebuild()
