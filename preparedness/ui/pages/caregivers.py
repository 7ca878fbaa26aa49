"""Page 4: for each child, who takes care of them, a backup, and the legal paper."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from preparedness.i18n import N_
from preparedness.model import CareArrangement, Child
from preparedness.questions import AUTHORIZATION_KIND_LABELS
from preparedness.ui.bidi import isolate
from preparedness.ui.fields import ChoiceField, Field, make_field
from preparedness.ui.language import Gettext
from preparedness.ui.pages.base import BasePage
from preparedness.ui.widgets import Card, Section

CARE_TITLE = N_("Who takes care of {child}?")
UNNAMED_CHILD = N_("this child")
NOT_CHOSEN = N_("Not chosen yet")
AUTHORIZATION = N_("The legal paper (authorization)")
NO_CHILDREN = N_("Add your children first (page “Your children”).")
NO_CONTACTS = N_("Add the people you trust first (page “People to call”): then choose here.")


class CaregiversPage(BasePage):
    key = "caregivers"
    title_msgid = N_("Caregivers")
    subtitle_msgid = N_("For each child: the person who will care for them, and a backup.")
    problem_prefixes = ("care[",)

    def signature(self) -> object:
        return (
            tuple(c.id for c in self.plan.children),
            tuple((c.id, c.name) for c in self.plan.contacts),
        )

    def build(self) -> None:
        plan = self.plan
        if not plan.children:
            self.layout_.addWidget(self.translated(QLabel(self.content), NO_CHILDREN))
            return
        if not plan.contacts:
            self.layout_.addWidget(self.translated(QLabel(self.content), NO_CONTACTS))
        choices = [("", NOT_CHOSEN, True)] + [(c.id, c.name or "?", False) for c in plan.contacts]
        for child in plan.children:
            self._care_card(child, plan.care_for(child.id), choices)

    def _care_card(self, child: Child, care: CareArrangement, choices: list) -> None:
        def title(_: Gettext, c: Child = child) -> str:
            return _(CARE_TITLE).format(child=isolate(c.name.strip() or _(UNNAMED_CHILD)))

        card = Card(f"care-{child.id}", title, self.content, removable=False)
        base = f"care[{child.id}]"
        for role in ("primary", "backup"):
            chooser = ChoiceField(f"care.{role}_id")
            chooser.set_choices(choices)
            card.add(self.bound(chooser, f"{base}.{role}_id", care))
            card.add(self.bound(make_field(f"care.{role}_agreed"), f"{base}.{role}_agreed", care))
            card.add(
                self.bound(make_field(f"care.{role}_agreed_on"), f"{base}.{role}_agreed_on", care)
            )
        auth = care.authorization
        section = Section(AUTHORIZATION, card, open_=True)
        kind = ChoiceField("authorization.kind")
        kind.set_choices([(k, label, True) for k, label in AUTHORIZATION_KIND_LABELS.items()])
        section.add(self.bound(kind, f"{base}.authorization.kind", auth))
        for name in ("signed", "signed_on", "notarized", "where_kept", "expires_on"):
            field: Field = make_field(f"authorization.{name}")
            section.add(self.bound(field, f"{base}.authorization.{name}", auth))
        card.add(section)
        card.add(self.bound(make_field("care.instructions"), f"{base}.instructions", care))
        card.finish()
        self.layout_.addWidget(card)
