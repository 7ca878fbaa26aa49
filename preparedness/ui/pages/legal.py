"""Page 6 (optional, sensitive): lawyer, hotlines, consulate, A-numbers, court dates.

Clearly marked as sensitive and skippable: a family that does not want these facts written
down presses "Skip this page" and nothing here is printed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from preparedness.i18n import N_
from preparedness.model import ANumber, CourtDate, Legal
from preparedness.ui.fields import ChoiceField, DateField, TextField, make_field, set_role
from preparedness.ui.language import Gettext
from preparedness.ui.pages.base import BasePage
from preparedness.ui.widgets import Card, Section

SENSITIVE = N_(
    "This page is optional. It holds private facts about immigration. You can skip it. "
    "The school copy of the packet never shows it."
)
SKIP = N_("Skip this page")
A_NUMBER_OF = N_("A-number of {name}")
UNNAMED = N_("(no name yet)")
LAWYER = N_("Lawyer and hotlines")
A_NUMBERS = N_("A-numbers")
COURT = N_("Court dates")
COURT_TITLE = N_("Court date {number}")
ADD_COURT = N_("Add a court date")
NOBODY = N_("Not chosen yet")


class LegalPage(BasePage):
    key = "legal"
    title_msgid = N_("Lawyer and immigration (optional)")
    subtitle_msgid = N_("Only if you want to. Ask a lawyer before signing anything.")
    problem_prefixes = ("legal.",)

    def signature(self) -> object:
        people = (*self.plan.household.adults, *self.plan.children)
        return (
            tuple((p.id, p.name) for p in people),
            len(self.plan.legal.court_dates),
            id(self.plan),
        )

    def build(self) -> None:
        legal = self.plan.legal
        banner = QWidget(self.content)
        row = QHBoxLayout(banner)
        row.setContentsMargins(0, 0, 0, 0)
        note = self.translated(QLabel(banner), SENSITIVE)
        note.setObjectName("legal.sensitive_note")
        note.setWordWrap(True)
        set_role(note, "sensitive")
        row.addWidget(note, 1)
        self.skip_button = self.translated(QPushButton(banner), SKIP)
        self.skip_button.setObjectName("legal.skip")
        self.skip_button.clicked.connect(self.skip)
        row.addWidget(self.skip_button)
        self.layout_.addWidget(banner)

        lawyer = Section(LAWYER, self.content, open_=True)
        for name in (
            "attorney_name",
            "attorney_org",
            "attorney_phone",
            "g28_signed",
            "legal_aid_hotline",
            "rapid_response_hotline",
            "consulate",
            "consulate_phone",
        ):
            lawyer.add(self.bound(make_field(f"legal.{name}"), f"legal.{name}", legal))
        self.layout_.addWidget(lawyer)

        numbers = Section(A_NUMBERS, self.content, open_=True)
        for person in (*self.plan.household.adults, *self.plan.children):
            numbers.add(self._a_number_field(legal, person.id))
        self.layout_.addWidget(numbers)

        court = Section(COURT, self.content, open_=bool(legal.court_dates))
        for index, court_date in enumerate(legal.court_dates):
            court.add(self._court_card(index, court_date))
        add = self.translated(QPushButton(court), ADD_COURT)
        add.setObjectName("legal.add_court_date")
        add.clicked.connect(self.add_court_date)
        court.add(add)
        self.layout_.addWidget(court)
        self.layout_.addWidget(self.bound(make_field("legal.notes"), "legal.notes", legal))

    def _a_number_field(self, legal: Legal, person_id: str) -> TextField:
        plan = self.plan

        def params() -> dict[str, str]:
            from preparedness.ui.language import current_gettext

            return {"name": plan.person_name(person_id).strip() or current_gettext()(UNNAMED)}

        field = TextField("legal.a_number", label=A_NUMBER_OF, label_params=params)

        def getter() -> str:
            entry = next((a for a in legal.a_numbers if a.person_id == person_id), None)
            return entry.number if entry else ""

        def setter(number: str) -> None:
            entry = next((a for a in legal.a_numbers if a.person_id == person_id), None)
            if entry is None:
                if number.strip():
                    legal.a_numbers.append(ANumber(person_id, number))
            elif number.strip():
                entry.number = number
            else:
                legal.a_numbers.remove(entry)

        field.bind(getter, setter)
        self.register(f"legal.a_numbers[{person_id}]", field)
        return field

    def _court_card(self, index: int, court_date: CourtDate) -> Card:
        def title(_: Gettext, i: int = index) -> str:
            return _(COURT_TITLE).format(number=i + 1)

        card = Card(f"court-{index}", title, self.content)
        base = f"legal.court_dates[{index}]"
        people = [("", NOBODY, True)] + [
            (p.id, p.name or "?", False) for p in (*self.plan.household.adults,)
        ]
        person = ChoiceField("legal.court_person")
        person.set_choices(people)
        card.add(self.bound(person, f"{base}.person_id", court_date, "person_id"))
        card.add(self.bound(DateField("legal.court_date"), f"{base}.when", court_date, "when"))
        card.add(self.bound(TextField("legal.court_place"), f"{base}.place", court_date, "place"))
        card.add(self.bound(TextField("legal.court_note"), f"{base}.note", court_date, "note"))
        card.finish()
        card.remove_requested.connect(lambda _id, i=index: self.remove_court_date(i))
        return card

    def add_court_date(self) -> None:
        self.plan.legal.court_dates.append(CourtDate())
        self.main.plan_edited()
        self.rebuild()

    def remove_court_date(self, index: int) -> None:
        del self.plan.legal.court_dates[index]
        self.main.plan_edited()
        self.rebuild()

    def skip(self) -> None:
        self.main.go_to_page("documents")
