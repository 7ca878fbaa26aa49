"""Page 7: the documents checklist: have it or need it, where the original is, who has a copy,
and copies of the paper itself kept inside the encrypted plan (``ui/copies.py``)."""

from __future__ import annotations

from PySide6.QtWidgets import QCompleter, QPushButton

from preparedness.i18n import N_
from preparedness.model import DocumentItem, DocumentKind
from preparedness.questions import DOCUMENT_KIND_LABELS
from preparedness.ui import plan_edit
from preparedness.ui.bidi import isolate
from preparedness.ui.copies import CopiesController
from preparedness.ui.fields import ChoiceField, TextField, TriStateField
from preparedness.ui.language import Gettext
from preparedness.ui.pages.base import BasePage
from preparedness.ui.widgets import Card

ADD_DOCUMENT = N_("Add another document")
WHOLE_FAMILY = N_("The whole family")
OWNED = N_("{document}: {person}")


class DocumentsPage(BasePage):
    key = "documents"
    title_msgid = N_("Important papers")
    subtitle_msgid = N_("Do you have each paper? Where is it? Who has a copy?")
    problem_prefixes = ("documents",)

    def __init__(self, main: object) -> None:
        super().__init__(main)  # type: ignore[arg-type]
        self.copies = CopiesController(self)

    def forget(self) -> None:
        super().forget()
        self.copies.forget()

    def signature(self) -> object:
        people = (*self.plan.household.adults, *self.plan.children)
        return (
            tuple(d.id for d in self.plan.documents),
            tuple((p.id, p.name) for p in people),
            tuple(c.name for c in self.plan.contacts),
        )

    def build(self) -> None:
        plan = self.plan
        owners = [("", WHOLE_FAMILY, True)] + [
            (p.id, p.name or "?", False) for p in (*plan.household.adults, *plan.children)
        ]
        names = [c.name for c in plan.contacts if c.name.strip()]
        for item in plan.documents:
            self._document_card(item, owners, names)
        add = self.translated(QPushButton(self.content), ADD_DOCUMENT)
        add.setObjectName("documents.add")
        add.clicked.connect(self.add_document)
        self.layout_.addWidget(add)

    def _document_card(self, item: DocumentItem, owners: list, names: list[str]) -> Card:
        plan = self.plan

        def title(_: Gettext, d: DocumentItem = item) -> str:
            name = d.label.strip() or _(DOCUMENT_KIND_LABELS[d.kind])
            owner = plan.person_name(d.owner_id).strip()
            return _(OWNED).format(document=name, person=isolate(owner)) if owner else name

        card = Card(item.id, title, self.content)
        base = f"documents[{item.id}]"
        if item.kind == DocumentKind.OTHER:
            label = card.add(self.bound(TextField("document.label"), f"{base}.label", item))
            label.edited.connect(card.refresh_title)
        owner = ChoiceField("document.owner_id")
        owner.set_choices(owners)
        card.add(self.bound(owner, f"{base}.owner_id", item))
        owner.edited.connect(card.refresh_title)
        card.add(self.bound(TriStateField("document.have_it"), f"{base}.have_it", item))
        card.add(
            self.bound(TextField("document.original_location"), f"{base}.original_location", item)
        )
        holder = TextField("document.copy_holder")
        holder.editor.setCompleter(QCompleter(names, holder))
        holder.bind(
            lambda: plan_edit.holder_text(plan, item.copy_holder),
            lambda text: setattr(item, "copy_holder", plan_edit.set_holder_text(plan, text)),
        )
        card.add(self.register(f"{base}.copy_holder", holder))
        # the copies: pages, "Add a copy", what happened (pages follow the holder in Tab order)
        card.add(self.copies.panel(item, title, card, after=holder.editor))
        card.finish()
        card.remove_requested.connect(self.remove_document)
        self.layout_.addWidget(card)
        return card

    def add_document(self) -> None:
        self.plan.documents.append(DocumentItem(kind=DocumentKind.OTHER))
        self.main.plan_edited()
        self.rebuild()

    def remove_document(self, item_id: str) -> None:
        from preparedness.documents.copies import remove_all_pages

        remove_all_pages(self.plan, self.main.session.attachments, item_id)  # no orphan blobs
        self.copies.drop(item_id)
        self.plan.documents = [d for d in self.plan.documents if d.id != item_id]
        self.main.plan_edited()
        self.rebuild()
