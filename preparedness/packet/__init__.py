"""Plan + language + recipient -> PDF bytes: the paper a family takes home.

The public API is imported lazily so that ``preparedness.packet.text`` (the low-level text
layer) can be imported on its own without pulling in every section.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from preparedness.packet.render import (
        PAGE_SIZES,
        Copy,
        render_packet,
        render_recovery_sheet,
    )

__all__ = ["PAGE_SIZES", "Copy", "render_packet", "render_recovery_sheet"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from preparedness.packet import render

        return getattr(render, name)
    raise AttributeError(f"module 'preparedness.packet' has no attribute {name!r}")
