"""What the highlighted activity is about, and where it stands, under the list."""

from __future__ import annotations

from datetime import date

from textual.content import Content

from nctui.domain.activities import (
    CATEGORY_LABELS,
    Activity,
    ActivityStatus,
    hours_text,
)
from nctui.domain.humanize import day_text

SURPRISE_BADGE = "✦ Surprise"


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def standing_text(status: ActivityStatus | None, today: date) -> Content:
    """One or two sentences on its plans and the times it was done, with the keys to use."""
    if status is None or (not status.open_plans and not status.done):
        return Content.from_markup(
            "[$text-muted]Not tried yet. [b]p[/b] plans it, [b]d[/b] logs it.[/]"
        )
    parts: list[Content] = []
    if status.open_plans:
        day = status.open_plans[0].day
        more = len(status.open_plans) - 1
        also = f" (and {more} more)" if more else ""
        if day < today:
            parts.append(
                Content.from_markup(
                    f"[$warning]Planned for {day_text(day)}{also}, a day that has passed. "
                    "[b]d[/b] if you did it, [b]x[/b] to drop the plan.[/]"
                )
            )
        else:
            parts.append(Content.from_markup(f"[$primary]Planned for {day_text(day)}{also}.[/]"))
    if status.done:
        done = f"Done {_times(len(status.done))}, {hours_text(status.minutes)} in all."
        parts.append(Content.styled(done, "$success"))
    if status.last_note:
        parts.append(Content.styled(f"“{status.last_note}”", "italic $text-muted"))
    return Content(" ").join(parts)


def details_content(
    activity: Activity, status: ActivityStatus | None, today: date, *, surprise: bool
) -> Content:
    """The activity's name, its kind and tags, and where it stands."""
    title = Content.styled(activity.name, "bold")
    if surprise:
        title = Content.assemble(Content.styled(f"{SURPRISE_BADGE} ", "bold $accent"), title)
    kind = [CATEGORY_LABELS[activity.category]]
    kind.extend(activity.tags if not activity.is_own else ("your own idea",))
    tags = Content.styled(" · ".join(kind), "$text-muted")
    return Content("\n").join([title, tags, standing_text(status, today)])
