"""The wizard pages, in the order a family meets them (ids are the positions)."""

PAGE_ORDER: tuple[str, ...] = (
    "household",
    "children",
    "contacts",
    "caregivers",
    "school",
    "legal",
    "documents",
    "money",
    "review",
    "save",
    "print",
)


def page_id(key: str) -> int:
    return PAGE_ORDER.index(key)
