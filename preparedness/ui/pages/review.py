"""Page 9: the whole plan on one page, with a way back to each part and gentle nudges."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from preparedness.formatting import format_date
from preparedness.i18n import N_, N_plural, plural_translator
from preparedness.model import Plan, Severity, validate
from preparedness.model.phones import format_phone
from preparedness.ui.bidi import in_direction, isolate, ltr
from preparedness.ui.fields import DateField, set_role
from preparedness.ui.language import Gettext, current_gettext
from preparedness.ui.pages.base import BasePage

CHANGE = N_("Change")
NOTHING_YET = N_("Nothing written yet.")
SKIPPED = N_("Skipped.")
FILLED = N_("Filled in.")
NUDGES = N_plural("{n} idea to make your plan stronger", "{n} ideas to make your plan stronger")
CHECK = N_plural("Please check {n} thing", "Please check {n} things")
ALL_GOOD = N_("Your plan has what it needs.")
HAVE_PAPERS = N_plural("{have} of {total} paper found.", "{have} of {total} papers found.")
CARE_LINE = N_("{child}: {primary} (backup: {backup})")
NOT_CHOSEN = N_("not chosen yet")
CARD_UPDATED = N_("emergency card updated")
CARD_NOT_UPDATED = N_("emergency card not updated yet")

SECTIONS: tuple[tuple[str, str], ...] = (
    ("household", N_("Your family")),
    ("children", N_("Your children")),
    ("contacts", N_("People to call")),
    ("caregivers", N_("Caregivers")),
    ("school", N_("School")),
    ("legal", N_("Lawyer and immigration (optional)")),
    ("documents", N_("Important papers")),
    ("money", N_("Money and home")),
)

PAGE_OF_PROBLEM: tuple[tuple[str, str], ...] = (
    ("adults[", "household"),
    ("household", "household"),
    ("children[", "children"),
    ("contacts", "contacts"),
    ("care[", "caregivers"),
    ("schools[", "school"),
    ("legal", "legal"),
    ("documents", "documents"),
    ("money", "money"),
)


def page_of_problem(field: str) -> str:
    for prefix, key in PAGE_OF_PROBLEM:
        if field.startswith(prefix):
            return key
    return "review"


def summary(plan: Plan, key: str, _: Gettext, lang: str) -> str:
    """A few plain lines per part (names and numbers the family will recognise)."""
    lines: list[str] = []

    def join(*parts: str) -> str:
        return " — ".join(isolate(x) for x in parts if x)

    if key == "household":
        for adult in plan.household.adults:
            phone = next((format_phone(p.number) for p in adult.phones if p.number.strip()), "")
            lines.append(join(adult.name.strip(), ltr(phone)))
        if plan.household.address.strip():
            lines.append(isolate(plan.household.address.strip()))
    elif key == "children":
        for child in plan.children:
            lines.append(join(child.name.strip(), format_date(child.date_of_birth, lang)))
    elif key == "contacts":
        for index, contact in enumerate(plan.contacts):
            phone = next((format_phone(p.number) for p in contact.phones if p.number.strip()), "")
            lines.append(f"{index + 1}. {join(contact.name.strip(), ltr(phone))}")
    elif key == "caregivers":
        for child in plan.children:
            care = plan.care_for(child.id)
            lines.append(
                _(CARE_LINE).format(
                    child=isolate(child.name or "?"),
                    primary=isolate(plan.person_name(care.primary_id) or _(NOT_CHOSEN)),
                    backup=isolate(plan.person_name(care.backup_id) or _(NOT_CHOSEN)),
                )
            )
    elif key == "school":
        for school in plan.schools:
            state = _(CARD_UPDATED) if school.emergency_card_updated else _(CARD_NOT_UPDATED)
            lines.append(f"{isolate(school.name or '?')}: {state}")
    elif key == "legal":
        return _(SKIPPED) if plan.legal.is_empty() else _(FILLED)
    elif key == "documents":
        have = sum(1 for d in plan.documents if d.have_it)
        total = len(plan.documents)
        return plural_translator(lang)(*HAVE_PAPERS, total).format(have=have, total=total)
    elif key == "money":
        return _(NOTHING_YET) if plan.money_and_home.is_empty() else _(FILLED)
    lines = [line for line in lines if line.strip()]
    return "\n".join(lines) if lines else _(NOTHING_YET)


class ReviewPage(BasePage):
    key = "review"
    title_msgid = N_("Check your plan")
    subtitle_msgid = N_("Here is everything. Press “Change” to fix a part.")
    problem_prefixes = ("review_by",)

    def signature(self) -> object:
        return id(self.plan)

    def build(self) -> None:
        self.review_date = DateField("plan.review_by")
        self.layout_.addWidget(self.bound(self.review_date, "review_by", self.plan, "review_by"))
        self.problems_title = QLabel(self.content)
        set_role(self.problems_title, "heading")
        self.problems_list = QLabel(self.content)
        self.problems_list.setObjectName("review.problems")
        self.problems_list.setWordWrap(True)
        self.problems_list.setTextFormat(Qt.PlainText)
        self.layout_.addWidget(self.problems_title)
        self.layout_.addWidget(self.problems_list)
        grid_widget = QWidget(self.content)
        grid = QGridLayout(grid_widget)
        grid.setColumnStretch(1, 1)
        self.summaries: dict[str, QLabel] = {}
        for row, (key, title_msgid) in enumerate(SECTIONS):
            title = self.translated(QLabel(grid_widget), title_msgid)
            title.setObjectName(f"review.title.{key}")
            set_role(title, "heading")
            text = QLabel(grid_widget)
            text.setObjectName(f"review.summary.{key}")
            text.setWordWrap(True)
            text.setTextFormat(Qt.PlainText)
            text.setTextInteractionFlags(Qt.TextSelectableByMouse)
            button = self.translated(QPushButton(grid_widget), CHANGE)
            button.setObjectName(f"review.goto.{key}")
            button.clicked.connect(self._goto(key))
            grid.addWidget(title, row * 2, 0, 1, 3)
            grid.addWidget(text, row * 2 + 1, 0, 1, 2)
            grid.addWidget(button, row * 2 + 1, 2, Qt.AlignTop)
            self.summaries[key] = text
        self.layout_.addWidget(grid_widget)

    def _goto(self, key: str) -> Callable[[], None]:
        return lambda: self.main.go_to_page(key)

    def initializePage(self) -> None:  # Qt's name
        super().initializePage()
        if self.main.session.plan is None:
            return
        self.update_summary()

    def update_summary(self) -> None:
        if self.main.session.plan is None or not hasattr(self, "summaries"):
            return
        _ = current_gettext()
        lang = self.main.lang.code
        rtl = self.main.lang.language.is_rtl
        for key, label in self.summaries.items():
            label.setText(in_direction(summary(self.plan, key, _, lang), rtl))
        problems = validate(self.plan)
        errors = [p for p in problems if p.severity == Severity.ERROR]
        nudges = [p for p in problems if p.severity == Severity.NUDGE]
        lines = [f"• {p.message(_, wrap=isolate)}" for p in errors + nudges]
        ngettext = plural_translator(lang)
        if errors:
            self.problems_title.setText(ngettext(*CHECK, len(errors)).format(n=len(errors)))
        elif nudges:
            self.problems_title.setText(ngettext(*NUDGES, len(nudges)).format(n=len(nudges)))
        else:
            self.problems_title.setText(_(ALL_GOOD))
        self.problems_list.setText(in_direction("\n".join(lines), rtl))
        self.problems_list.setVisible(bool(lines))

    def retranslate_ui(self, _: Gettext) -> None:
        super().retranslate_ui(_)
        if self.main.session.plan is not None and self.isVisible():
            self.update_summary()
