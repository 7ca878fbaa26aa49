"""Page 3: emergency contacts, in the order to call them, and who may pick up."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from preparedness.i18n import N_
from preparedness.model import Contact
from preparedness.ui import plan_edit
from preparedness.ui.bidi import isolate
from preparedness.ui.fields import CheckField, TextField, TriStateField
from preparedness.ui.language import Gettext
from preparedness.ui.pages.base import BasePage
from preparedness.ui.widgets import Card, PhonesEditor

CONTACT_TITLE = N_("Call number {number}")
CONTACT_TITLE_NAMED = N_("Call number {number}: {name}")
ADD_CONTACT = N_("Add a contact")


class ContactsPage(BasePage):
    key = "contacts"
    title_msgid = N_("People to call")
    subtitle_msgid = N_(
        "Who should be called if you cannot come? Put the first person to call at the top."
    )
    problem_prefixes = ("contacts",)

    def signature(self) -> object:
        return tuple(c.id for c in self.plan.contacts)

    def build(self) -> None:
        self.cards: list[Card] = []
        for index, contact in enumerate(self.plan.contacts):
            self.cards.append(self._contact_card(index, contact))
        self.add_button = self.translated(QPushButton(self.content), ADD_CONTACT)
        self.add_button.setObjectName("contacts.add")
        self.add_button.clicked.connect(self.add_contact)
        self.layout_.addWidget(self.add_button)

    def _contact_card(self, index: int, contact: Contact) -> Card:
        def title(_: Gettext, i: int = index, c: Contact = contact) -> str:
            if c.name.strip():
                return _(CONTACT_TITLE_NAMED).format(number=i + 1, name=isolate(c.name))
            return _(CONTACT_TITLE).format(number=i + 1)

        card = Card(contact.id, title, self.content, movable=True)
        base = f"contacts[{contact.id}]"
        name = card.add(self.bound(TextField("contact.name"), f"{base}.name", contact))
        name.edited.connect(card.refresh_title)
        card.add(self.bound(TextField("contact.relationship"), f"{base}.relationship", contact))
        card.add(PhonesEditor("contact.phone", contact.phones, base, self.register, card))
        card.add(self.bound(TextField("contact.languages"), f"{base}.languages", contact))
        for attribute in ("may_pick_up", "knows_plan"):
            card.add(self.bound(CheckField(f"contact.{attribute}"), f"{base}.{attribute}", contact))
        for attribute in ("lives_outside_household", "at_risk_of_detention"):
            card.add(
                self.bound(TriStateField(f"contact.{attribute}"), f"{base}.{attribute}", contact)
            )
        card.finish()
        if card.move_up is not None and card.move_down is not None:
            card.move_up.setEnabled(index > 0)
            card.move_down.setEnabled(index < len(self.plan.contacts) - 1)
        card.remove_requested.connect(self.remove_contact)
        card.move_requested.connect(self.move_contact)
        self.layout_.addWidget(card)
        return card

    def add_contact(self) -> None:
        self.plan.contacts.append(Contact())
        self.main.plan_edited()
        self.rebuild()
        self.cards[-1].findChild(TextField).editor.setFocus()

    def remove_contact(self, contact_id: str) -> None:
        self.plan.remove_person(contact_id)
        self.main.plan_edited()
        self.rebuild()
        self.add_button.setFocus()

    def move_contact(self, contact_id: str, step: int) -> None:
        plan_edit.move_contact(self.plan, contact_id, step)
        self.main.plan_edited()
        self.rebuild()
        card = next(c for c in self.cards if c.item_id == contact_id)
        button = card.move_up if step < 0 else card.move_down
        if button is not None and button.isEnabled():
            button.setFocus()
        else:
            card.findChild(TextField).editor.setFocus()
