"""The sections of a packet, and which recipient gets which, in order, as data.

To add a section: write a module with ``TITLE``, ``PURPOSE`` (msgids) and
``build(ctx) -> list[Flowable]`` (return [] when there is nothing to print), then list it in
``SECTIONS`` and in the ``ORDER`` of each copy that should have it. ``render`` does the rest:
page breaks, the cover's table of contents and the footer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.platypus import Flowable

from preparedness.packet.sections import (
    appendix,
    caregiver,
    children,
    contacts,
    documents,
    legal,
    next_steps,
    resources,
    school_letter,
    wallet_cards,
)
from preparedness.packet.sections.base import Context, Copy


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str  # msgid, for the cover's list
    purpose: str  # msgid: what to do with these pages
    build: Callable[[Context], list[Flowable]]
    new_page: bool = True  # False: continue on the same page when there is room
    # True: the section is one fit.OnePage unit (one page, shrunk a little if need be, else
    # split evenly). False for sections that make their own units (a sheet per child, a
    # letter per school) or must keep their size (wallet cards, copies of papers).
    fit_page: bool = True


SECTIONS: dict[str, SectionSpec] = {
    s.key: s
    for s in (
        SectionSpec("next_steps", next_steps.TITLE, next_steps.PURPOSE, next_steps.build),
        SectionSpec("contacts", contacts.TITLE, contacts.PURPOSE, contacts.build),
        SectionSpec("caregiver", caregiver.TITLE, caregiver.PURPOSE, caregiver.build),
        SectionSpec("children", children.TITLE, children.PURPOSE, children.build, fit_page=False),
        SectionSpec(
            "school_letter",
            school_letter.TITLE,
            school_letter.PURPOSE,
            school_letter.build,
            fit_page=False,
        ),
        SectionSpec(
            "school_copy",
            school_letter.TITLE,
            school_letter.PURPOSE,
            school_letter.build_school_copy,
            fit_page=False,
        ),
        SectionSpec("documents", documents.TITLE, documents.PURPOSE, documents.build),
        SectionSpec("legal", legal.TITLE, legal.PURPOSE, legal.build),
        SectionSpec(
            "resources", resources.TITLE, resources.PURPOSE, resources.build, new_page=False
        ),
        SectionSpec(
            "wallet_cards",
            wallet_cards.TITLE,
            wallet_cards.PURPOSE,
            wallet_cards.build,
            fit_page=False,
        ),
        SectionSpec("appendix", appendix.TITLE, appendix.PURPOSE, appendix.build, fit_page=False),
    )
}

# What each reader gets, in reading order. The school copy never lists "legal", "documents",
# "appendix" or "contacts" (its pickup adults are inside the letter); tests check this. The
# appendix of document copies comes last; it also checks the reader itself (children's papers
# only on the caregiver copy, and only when the family ticked it).
ORDER: dict[Copy, tuple[str, ...]] = {
    Copy.FAMILY: (
        "next_steps",
        "contacts",
        "children",
        "caregiver",
        "school_letter",
        "documents",
        "legal",
        "resources",
        "wallet_cards",
        "appendix",
    ),
    Copy.CAREGIVER: ("caregiver", "contacts", "children", "documents", "wallet_cards", "appendix"),
    Copy.SCHOOL: ("school_copy",),
}

__all__ = ["ORDER", "SECTIONS", "Context", "Copy", "SectionSpec"]
