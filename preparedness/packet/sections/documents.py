"""The documents checklist: each paper, whose it is, where the original is, who has a copy.

The caregiver copy lists only the children's and the household's papers (the parents' own
identity and immigration papers are not the caregiver's business); the school copy lists none.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from preparedness.model.plan import DocumentItem, DocumentKind
from preparedness.packet import strings as S
from preparedness.packet.sections.base import Context, Copy, person_or_text
from preparedness.questions import DOCUMENT_KIND_LABELS, QUESTIONS

TITLE = S.DOCUMENTS_TITLE
PURPOSE = S.DOCUMENTS_DO


def visible_documents(ctx: Context) -> list[DocumentItem]:
    """The papers this copy may list."""
    docs = list(ctx.plan.documents)
    if ctx.copy == Copy.SCHOOL:
        return []
    if ctx.copy == Copy.CAREGIVER:
        child_ids = {c.id for c in ctx.plan.children}
        allowed = {""} | (child_ids if ctx.plan.packet.caregiver_gets_child_documents else set())
        docs = [d for d in docs if d.kind != DocumentKind.IMMIGRATION and d.owner_id in allowed]
    return docs


def _paper(ctx: Context, doc: DocumentItem) -> list[Flowable]:
    out: list[Flowable] = ctx.cell_label(DOCUMENT_KIND_LABELS[doc.kind], "value_strong")
    if ctx.clean(doc.label):
        out.append(ctx.user(doc.label))
    return out


def build(ctx: Context) -> list[Flowable]:
    docs = visible_documents(ctx)
    if not docs:
        return []
    header = [
        ctx.cell_label(S.DOCUMENT_COLUMN, "header"),
        ctx.cell_label(QUESTIONS["document.owner_id"].label, "header"),
        ctx.cell_label(QUESTIONS["document.have_it"].label, "header"),
        ctx.cell_label(QUESTIONS["document.original_location"].label, "header"),
        ctx.cell_label(QUESTIONS["document.copy_holder"].label, "header"),
    ]
    rows: list[list] = [header]
    for doc in docs:
        owner = ctx.clean(ctx.plan.person_name(doc.owner_id)) if doc.owner_id else ""
        holder = ctx.clean(person_or_text(ctx.plan, doc.copy_holder))
        rows.append(
            [
                _paper(ctx, doc),
                ctx.user(owner) if owner else ctx.cell_label(S.COLUMN_WHOSE_FAMILY, "value"),
                ctx.yes_no(doc.have_it),
                ctx.user(doc.original_location) if ctx.clean(doc.original_location) else "",
                ctx.user(holder) if holder else "",
            ]
        )
    return [
        *ctx.heading(TITLE),
        *ctx.para(PURPOSE),
        ctx.table(rows, [0.25, 0.2, 0.11, 0.24, 0.2]),
    ]
