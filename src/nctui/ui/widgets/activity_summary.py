"""The side of the Activities screen: what is planned next, and the time reclaimed so far."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from nctui.domain.activities import (
    CATEGORY_SHORT,
    Plan,
    TimeReclaimed,
    hours_text,
)
from nctui.domain.humanize import plural
from nctui.ui.widgets.activity_list import day_month_text

BAR = "█"
LABEL_WIDTH = max(len(label) for label in CATEGORY_SHORT.values())
TIME_WIDTH = len("999h 59m")
SHOWN_AFTER_NEXT = 2
"""Plans listed in brief after the next one; the rest are counted."""


def _when(day: date, today: date) -> str:
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


def next_up_content(
    upcoming: Sequence[Plan], passed: Sequence[Plan], today: date, width: int
) -> Content:
    """The next plan in full, the two after it on a line each, and any whose day passed."""
    lines: list[Content] = []
    if upcoming:
        first = upcoming[0]
        lines.append(
            Content.from_markup(
                f"[b $primary]{day_month_text(first.day)}[/] "
                f"[$text-muted]· {_when(first.day, today)}[/]"
            )
        )
        lines.append(Content.styled(first.name, "bold"))
        for plan in upcoming[1 : SHOWN_AFTER_NEXT + 1]:
            row = Content.assemble(
                Content.styled(f"{day_month_text(plan.day)}  ", "$primary"), plan.name
            )
            lines.append(row.truncate(width, ellipsis=True))
        hidden = len(upcoming) - 1 - SHOWN_AFTER_NEXT
        if hidden > 0:
            lines.append(Content.styled(f"+ {plural(hidden, 'more plan')}", "$text-muted"))
    elif passed:
        lines.append(Content.styled("Nothing coming up.", "$text-muted"))
    else:
        lines.append(Content.styled("Nothing planned yet.", "$text-muted"))
        lines.append(Content.from_markup("[$text-muted]Pick an idea and press [b]p[/b].[/]"))
    if passed:
        lines.append(
            Content.styled(f"{plural(len(passed), 'earlier plan')} still open", "$warning")
        )
    return Content("\n").join(lines)


class NextUp(Widget):
    """The next plan and what follows it."""

    DEFAULT_CSS = """
    NextUp {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._upcoming: Sequence[Plan] = ()
        self._passed: Sequence[Plan] = ()
        self._today = date.min

    def show(self, upcoming: Sequence[Plan], passed: Sequence[Plan], today: date) -> None:
        """Draw these plans."""
        self._upcoming, self._passed, self._today = upcoming, passed, today
        self.refresh(layout=True)

    def _content(self, width: int) -> Content:
        return next_up_content(self._upcoming, self._passed, self._today, width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As tall as the text needs at this width."""
        return len(self._content(width).wrap(width))

    def render(self) -> Content:
        """The plans, drawn for the width there is."""
        return self._content(self.content_region.width)


class ReclaimedChart(Widget):
    """Hours spent on your own life, one bar per category, and the total."""

    DEFAULT_CSS = """
    ReclaimedChart {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reclaimed = TimeReclaimed(0, ())

    def show(self, reclaimed: TimeReclaimed) -> None:
        """Draw these figures."""
        self.reclaimed = reclaimed
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As tall as the text needs at this width."""
        return len(self._content(width).wrap(width))

    def render(self) -> Content:
        """The chart, drawn for the width there is."""
        return self._content(self.content_region.width)

    def _content(self, width: int) -> Content:
        # The bars are scaled so the largest category fills the room there is.
        reclaimed = self.reclaimed
        if not reclaimed.total_minutes:
            return Content.from_markup(
                "[$text-muted]Nothing logged yet. When you do something for yourself, "
                "press [b]d[/b]: the hours add up here.[/]"
            )
        room = max(1, width - LABEL_WIDTH - TIME_WIDTH - 2)
        largest = max(minutes for _, minutes in reclaimed.by_category)
        lines = []
        for category, minutes in reclaimed.by_category:
            length = max(1, round(room * minutes / largest))
            lines.append(
                Content.assemble(
                    Content(CATEGORY_SHORT[category].ljust(LABEL_WIDTH + 1)),
                    Content.styled((BAR * length).ljust(room), "$primary"),
                    Content.styled(hours_text(minutes).rjust(TIME_WIDTH + 1), "bold"),
                )
            )
        lines.append(Content(""))
        total = hours_text(reclaimed.total_minutes)
        lines.append(
            Content.assemble(
                Content.styled("In all".ljust(width - len(total)), "bold"),
                Content.styled(total, "bold $success"),
            )
        )
        lines.append(Content.styled("spent on your own life", "$text-muted"))
        return Content("\n").join(lines)
