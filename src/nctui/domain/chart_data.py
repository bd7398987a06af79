"""What the mood chart plots: which days it spans, each rating by day, and the events.

Day numbers count from 1 on the chart's first day, like "Day N of M" on the dashboard.
Events are put on the check-in day they happened in, so an urge at 2 a.m. marks the
evening before, just as a check-in at that hour would.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from nctui.domain.checkin import DEFAULT_DAY_START_HOUR, DayEntry, Rating, checkin_day
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.domain.period import PeriodStatus, State

NO_PLAN_DAYS = 28
"""Without a plan, the chart shows the last four weeks."""
MARKED: tuple[Kind, ...] = (Kind.URGE, Kind.SLIP, Kind.CONTACT, Kind.ALLOWED)


@dataclass(frozen=True)
class Window:
    """The days a chart spans."""

    first_day: date
    days: int
    last_data_day: date
    """The last day with anything to show: today, or the period's last day if earlier."""

    def number(self, day: date) -> int:
        """Day `day` as a chart day number (1 for the first day)."""
        return (day - self.first_day).days + 1

    def label(self, number: int) -> date:
        """The date of chart day `number`."""
        return self.first_day + timedelta(days=number - 1)


@dataclass(frozen=True)
class ChartData:
    """Points to plot, ready for any charting widget."""

    window: Window
    series: dict[Rating, list[tuple[int, int]]]
    """(day number, rating) for each day with a check-in."""
    marks: dict[Kind, list[int]]
    """Day numbers with at least one event of each kind."""


def chart_window(
    status: PeriodStatus, today: date, day_start_hour: int = DEFAULT_DAY_START_HOUR
) -> Window:
    """The running or just-completed period, from its first check-in day to its last.

    With no plan, the last `NO_PLAN_DAYS` days up to today. A period begun before the
    day-start hour begins on the check-in day before, as a check-in made then does.
    """
    if status.state is State.NO_PLAN or status.start is None:
        first = today - timedelta(days=NO_PLAN_DAYS - 1)
        return Window(first, NO_PLAN_DAYS, today)
    first = checkin_day(status.start, day_start_hour)
    last = first + timedelta(days=status.length_days - 1)
    return Window(first, status.length_days, max(first, min(today, last)))


def chart_data(
    window: Window,
    entries: Iterable[DayEntry],
    events: Iterable[LedgerEvent],
    day_start_hour: int,
    zone: tzinfo,
) -> ChartData:
    """Each rating and each marked kind of event, by chart day, within the window.

    `zone` is the local time zone: events are stored with the offset they were logged in.
    """
    inside = range(1, window.number(window.last_data_day) + 1)
    series: dict[Rating, list[tuple[int, int]]] = {rating: [] for rating in Rating}
    for entry in sorted(entries, key=lambda item: item.day):
        number = window.number(entry.day)
        if number in inside:
            for rating in Rating:
                series[rating].append((number, entry.current.rating(rating)))
    marks: dict[Kind, set[int]] = {kind: set() for kind in MARKED}
    for event in events:
        if event.kind in marks:
            number = window.number(checkin_day(event.at.astimezone(zone), day_start_hour))
            if number in inside:
                marks[event.kind].add(number)
    return ChartData(window, series, {kind: sorted(days) for kind, days in marks.items()})
