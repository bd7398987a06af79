"""The list of activities: one row each, with where it stands, grouped by category."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets.option_list import Option, OptionDoesNotExist

from nctui.domain.activities import CATEGORY_LABELS, Activity, ActivityStatus, Category
from nctui.ui.widgets.spread_row import SpreadRow
from nctui.ui.widgets.steady_option_list import SteadyOptionList

FRESH_MARK = "○"
PLANNED_MARK = "◷"
DONE_MARK = "✓"
HEADER_PREFIX = "category:"
EMPTY_ID = "empty"


def day_month_text(day: date) -> str:
    """A day within the coming year, without the year: "Sat 28 Nov"."""
    return f"{day:%a} {day.day} {day:%b}"


def short_day(day: date, today: date) -> str:
    """A plan's day in a few characters: "today", "tomorrow", "Sat 28 Nov"."""
    if day == today:
        return "today"
    if (day - today).days == 1:
        return "tomorrow"
    return day_month_text(day)


def _styled(text: str, colour: str, *, plain: bool, bold: bool = False) -> Content:
    # On the cursor row the theme colours would vanish into the cursor's own colour, so
    # that row keeps only the marks and words, drawn in the cursor's text colour.
    style = "bold" if bold else ""
    return Content.styled(text, style if plain else f"{style} {colour}".strip())


def status_content(status: ActivityStatus | None, today: date, *, plain: bool = False) -> Content:
    """Where an activity stands, briefly: its next plan's day, or how often it was done.

    A plan whose day has passed is flagged with the word "passed" (and the warning colour).
    """
    if status is None:
        return Content("")
    if status.open_plans:
        day = status.open_plans[0].day
        if day < today:
            return _styled(f"passed {day.day} {day:%b}", "$warning", plain=plain)
        return _styled(short_day(day, today), "$primary", plain=plain)
    if status.done:
        count = len(status.done)
        # The ✓ is already the row's mark on the left: here, in words.
        text = "done" if count == 1 else f"done {count}×"
        return _styled(text, "$success", plain=plain)
    return Content("")


def _mark(status: ActivityStatus | None, *, plain: bool) -> Content:
    if status is not None and status.open_plans:
        return _styled(PLANNED_MARK, "$primary", plain=plain, bold=True)
    if status is not None and status.done:
        return _styled(DONE_MARK, "$success", plain=plain, bold=True)
    return _styled(FRESH_MARK, "$text-muted", plain=plain)


def activity_row(
    activity: Activity, status: ActivityStatus | None, today: date, *, plain: bool = False
) -> SpreadRow:
    """One row: a mark and the name on the left, where it stands on the right.

    `plain` leaves out the colours, for the row under the cursor.
    """
    left = Content.assemble(_mark(status, plain=plain), " ", activity.name)
    return SpreadRow(left, status_content(status, today, plain=plain))


class ActivityList(SteadyOptionList):
    """Activities to browse. Enter or Space picks the highlighted one (the screen plans it)."""

    _rows: dict[str, tuple[SpreadRow, SpreadRow]]
    """Each activity's row in colour, and plain for when the cursor is on it."""
    _plain_at: int | None = None

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "select", "Plan", show=False, tooltip="Plan the highlighted idea"),
        # The list never scrolls sideways, so ← → can walk the categories instead.
        Binding(
            "left", "screen.step_category(-1)", "Previous category", show=False, key_display="←"
        ),
        Binding("right", "screen.step_category(1)", "Next category", show=False, key_display="→"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows = {}

    def show(
        self,
        activities: Sequence[Activity],
        known: Mapping[str, ActivityStatus],
        today: date,
        *,
        grouped: bool,
        keep: str | None,
        empty: str,
    ) -> None:
        """Replace the rows, keeping the highlight on `keep` when it is still listed."""
        options: list[Option] = []
        self._rows = {}
        current: Category | None = None
        for activity in activities:
            if grouped and activity.category is not current:
                current = activity.category
                title = Content.styled(CATEGORY_LABELS[current], "bold $secondary")
                options.append(Option(title, id=f"{HEADER_PREFIX}{current.value}", disabled=True))
            status = known.get(activity.key)
            self._rows[activity.key] = (
                activity_row(activity, status, today),
                activity_row(activity, status, today, plain=True),
            )
            options.append(Option(self._rows[activity.key][0], id=activity.key))
        if not options:
            options.append(Option(Content.styled(empty, "italic"), id=EMPTY_ID, disabled=True))
        self._plain_at = None
        self.clear_options().add_options(options)
        self.highlight_key(keep)
        self._plain_cursor_row(self.highlighted)

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Scroll to the new cursor row and draw it without colours."""
        super().watch_highlighted(highlighted)
        self._plain_cursor_row(highlighted)

    def _plain_cursor_row(self, index: int | None) -> None:
        if self._plain_at is not None and self._plain_at < self.option_count:
            self._set_row(self._plain_at, plain=False)
        self._plain_at = None
        if index is not None and index < self.option_count and self._set_row(index, plain=True):
            self._plain_at = index

    def _set_row(self, index: int, *, plain: bool) -> bool:
        key = self.get_option_at_index(index).id
        if key is None or key not in self._rows:
            return False
        self.replace_option_prompt_at_index(index, self._rows[key][1 if plain else 0])
        return True

    def highlight_key(self, key: str | None) -> bool:
        """Move the highlight to the activity `key`, else to the first. True if found."""
        if key is not None:
            try:
                self.highlighted = self.get_option_index(key)
            except OptionDoesNotExist:
                pass
            else:
                return True
        self.action_first()
        return False

    @property
    def highlighted_key(self) -> str | None:
        """The key of the highlighted activity, or None when nothing is listed."""
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        if option.disabled or option.id is None:
            return None
        return option.id
