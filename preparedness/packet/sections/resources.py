"""Local help: district contacts and kinds of help from the plan's local-resources profile.

An entry without a known number prints a line to write it on: we never guess a number.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from preparedness.packet import strings as S
from preparedness.packet.sections.base import Context
from preparedness.resources_profiles import ProfileError, ResourceProfile, load_profile

TITLE = S.RESOURCES_TITLE
PURPOSE = S.RESOURCES_DO
WRITE_LINE = "_" * 28


def profile_for(ctx: Context) -> ResourceProfile | None:
    try:
        return load_profile(ctx.plan.packet.resources_profile)
    except (ProfileError, ValueError, OSError):
        # A broken profile file must not stop a family from printing their plan.
        return None


def build(ctx: Context) -> list[Flowable]:
    profile = profile_for(ctx)
    if profile is None or not profile.entries:
        return []
    rows: list[list] = []
    for entry in profile.entries:
        name = ctx.cell_label(entry.name, "value_strong")
        about: list[Flowable] = ctx.cell_label(entry.what, "value")
        if entry.how:
            about.extend(ctx.cell_label(entry.how, "value"))
        if entry.phone:
            about.append(ctx.phone(entry.phone, "value_strong"))
        if entry.web:
            about.append(ctx.block(entry.web, "value", "ltr"))
        if not entry.phone and not entry.web and entry.kind == "generic":
            about.append(ctx.block(WRITE_LINE, "value", "ltr"))
        rows.append([name, about])
    return [
        *ctx.heading(TITLE),
        *ctx.para(PURPOSE),
        ctx.user(profile.name, "h3"),
        ctx.table(rows, [0.32, 0.68], header_rows=0, shade_first_column=True),
        KeepTogether(
            [
                ctx.gap(4),
                *ctx.note(S.RESOURCES_NOT_CHECKED),
                ctx.block(f"{'; '.join(profile.sources)} ({profile.checked})", "note", "auto"),
            ]
        ),
    ]
