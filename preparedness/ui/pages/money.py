"""Page 8: money and home: bank, rent and bills, pets, car."""

from __future__ import annotations

from preparedness.i18n import N_
from preparedness.ui.fields import make_field
from preparedness.ui.pages.base import BasePage

MONEY_FIELDS = ("bank_access", "rent_and_bills", "pets", "car", "other")


class MoneyPage(BasePage):
    key = "money"
    title_msgid = N_("Money and home")
    subtitle_msgid = N_("Who can pay the rent and bills, use the bank account, feed the pets?")
    problem_prefixes = ("money_and_home",)

    def signature(self) -> object:
        return id(self.plan)

    def build(self) -> None:
        money = self.plan.money_and_home
        for name in MONEY_FIELDS:
            field = make_field(f"money.{name}", self.content)
            self.layout_.addWidget(self.bound(field, f"money_and_home.{name}", money))
