"""Your patterns: when urges and slips come, what sets them off, and how the weeks move.

Everything is counted by *check-in day* (`nctui.domain.checkin.checkin_day`), so an urge
at 1 a.m. on Saturday belongs to Friday night, as a person would say it. Times are read
on the local wall clock of `zone`: a daylight-saving day has 23 or 25 hours, and each
event lands in the hour its own clock showed.

Counted: urges resisted, slips, and contact the person started (a slip too). An urge
logged from the SOS card ("I'm OK") is also counted apart, when the event says it came
from there (`source == "sos"`).

**What stands out.** A window is a stretch of the grid's columns (up to 9 hours, or a
whole day) on a group of days (every day, Monday to Friday, Saturday and Sunday, Friday
and Saturday, or one weekday). A window stands out when it holds

- at least `MIN_IN_WINDOW` events and at least `MIN_SHARE` of them all, and
- at least `MIN_LIFT` times the share it would hold if events came at any time alike.

Of the windows that stand out, the sentence names the one least likely under that even
spread (the largest Kullback-Leibler divergence of its share from its size), broader day
groups first on a tie. The sentence states its count out of the total, and says "most"
only for more than half. With no window, a trigger tagged in `MIN_SHARE` or more of the
tagged events (and `MIN_IN_WINDOW` times) is named instead. Below `MIN_EVENTS` events,
the sentence says how many more are needed.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Protocol

from nctui.domain.checkin import DEFAULT_DAY_START_HOUR, DayEntry, checkin_day
from nctui.domain.ledger import SOS_SOURCE, Kind, LedgerEvent
from nctui.domain.mood_trend import weekly_averages
from nctui.domain.triggers import OTHER, TRIGGERS, trigger_label

PULL_KINDS: frozenset[Kind] = frozenset({Kind.URGE, Kind.SLIP, Kind.CONTACT})

BUCKET_HOURS = 3
MAX_WINDOW_HOURS = 9
MIN_EVENTS = 8
MIN_IN_WINDOW = 4
MIN_SHARE = (2, 5)
"""Two in five (40%), as a fraction so that the comparison is exact."""
MIN_LIFT = 2

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SHORT_WEEKDAYS = tuple(name[:3] for name in WEEKDAYS)


class Logged(Protocol):
    """What patterns read from a ledger event."""

    @property
    def kind(self) -> Kind:
        """What happened."""
        ...

    @property
    def at(self) -> datetime:
        """When it happened."""
        ...

    @property
    def triggers(self) -> tuple[str, ...]:
        """Trigger tag keys (`nctui.domain.triggers`)."""
        ...

    @property
    def source(self) -> str | None:
        """Where it was logged from: "sos" for the SOS card's "I'm OK"."""
        ...


@dataclass(frozen=True)
class Moment:
    """A ledger event as patterns read it, for tests and tools (a `LedgerEvent` fits too)."""

    kind: Kind
    at: datetime
    triggers: tuple[str, ...] = ()
    source: str | None = None


def moment(event: LedgerEvent, triggers: Sequence[str] = (), source: str | None = None) -> Moment:
    """A ledger event with its trigger tags and source, for `find_patterns`."""
    return Moment(event.kind, event.at, tuple(triggers), source)


# -- the grid --------------------------------------------------------------------------


@dataclass(frozen=True)
class HourGrid:
    """Events by weekday (rows, Monday first) and time of day (columns of
    `bucket_hours`, the first starting at the day-start hour)."""

    first_hour: int
    bucket_hours: int
    counts: tuple[tuple[int, ...], ...]

    @property
    def columns(self) -> int:
        """How many columns a row has."""
        return 24 // self.bucket_hours

    @property
    def total(self) -> int:
        """Every event in the grid."""
        return sum(map(sum, self.counts))

    def hour(self, column: int) -> int:
        """The wall-clock hour a column starts at (column `columns` is where it wraps)."""
        return (self.first_hour + column * self.bucket_hours) % 24

    def place(self, local_time: datetime) -> tuple[int, int]:
        """The (row, column) a local wall-clock time falls in."""
        row = checkin_day(local_time, self.first_hour).weekday()
        column = (local_time.hour - self.first_hour) % 24 // self.bucket_hours
        return row, column


def _check_grid_shape(day_start_hour: int, bucket_hours: int) -> None:
    if not 0 <= day_start_hour <= 23:
        raise ValueError(f"the day starts at an hour from 0 to 23, not {day_start_hour}")
    if bucket_hours < 1 or 24 % bucket_hours:
        raise ValueError(f"columns must split the day evenly; {bucket_hours} hours do not")


def hour_grid(
    times: Iterable[datetime], zone: tzinfo, day_start_hour: int, bucket_hours: int = BUCKET_HOURS
) -> HourGrid:
    """Count each time into the grid, read on the wall clock of `zone`."""
    _check_grid_shape(day_start_hour, bucket_hours)
    columns = 24 // bucket_hours
    cells = [[0] * columns for _ in range(7)]
    empty = HourGrid(day_start_hour, bucket_hours, ())
    for moment_at in times:
        row, column = empty.place(moment_at.astimezone(zone))
        cells[row][column] += 1
    return HourGrid(day_start_hour, bucket_hours, tuple(tuple(row) for row in cells))


def _cell(count: int) -> str:
    return "·" if count == 0 else ("99+" if count > 99 else str(count))


def grid_lines(grid: HourGrid) -> list[str]:
    """The grid as plain text, about 40 characters by 8 lines with 3-hour columns: a row
    of start hours, then one row per weekday with its total; an empty cell is "·"."""
    widest = max((len(_cell(count)) for row in grid.counts for count in row), default=1)
    width = max(4, widest + 1)
    hours = (f"{grid.hour(column):02d}" for column in range(grid.columns))
    head = "    " + "".join(hour.rjust(width) for hour in hours)
    lines = [head + "  all"]
    for name, row in zip(SHORT_WEEKDAYS, grid.counts, strict=True):
        cells = "".join(_cell(count).rjust(width) for count in row)
        lines.append(f"{name} {cells}{_cell(sum(row)).rjust(5)}")
    return lines


# -- what stands out -------------------------------------------------------------------


@dataclass(frozen=True)
class DayGroup:
    """Days of the week a window covers, and how to say it."""

    weekdays: frozenset[int]
    """0 for Monday."""
    by_day: str
    by_night: str


DAY_GROUPS: tuple[DayGroup, ...] = (
    DayGroup(frozenset(range(7)), "", ""),
    DayGroup(frozenset(range(5)), "from Monday to Friday", "on Monday to Friday nights"),
    DayGroup(frozenset({5, 6}), "at weekends", "on Saturday and Sunday nights"),
    DayGroup(frozenset({4, 5}), "on Fridays and Saturdays", "on Friday and Saturday nights"),
    *(
        DayGroup(frozenset({day}), f"on {name}s", f"on {name} nights")
        for day, name in enumerate(WEEKDAYS)
    ),
)


@dataclass(frozen=True)
class Standout:
    """A window of the grid that holds far more than its share."""

    group: DayGroup
    first_column: int
    width: int
    """Columns, from `first_column`; a whole row when it equals the grid's columns."""
    count: int
    total: int
    start_hour: int
    end_hour: int
    night: bool
    """The window reaches past midnight."""

    def when(self, columns: int) -> str:
        """When, in words: "between 22:00 and 01:00 at weekends", or "on Sundays"."""
        if self.width == columns:
            return self.group.by_day
        hours = f"between {_clock(self.start_hour)} and {_clock(self.end_hour)}"
        days = self.group.by_night if self.night else self.group.by_day
        return f"{hours} {days}".strip()


def _clock(hour: int) -> str:
    return "midnight" if hour == 0 else f"{hour:02d}:00"


def _surprise(share: float, expected: float) -> float:
    """The Kullback-Leibler divergence of a yes/no share from the share expected."""
    result = share * math.log(share / expected)
    if share < 1:
        result += (1 - share) * math.log((1 - share) / (1 - expected))
    return result


def _windows(grid: HourGrid) -> Iterable[tuple[DayGroup, int, int]]:
    columns = grid.columns
    widest = max(1, MAX_WINDOW_HOURS // grid.bucket_hours)
    for group in DAY_GROUPS:
        for width in range(1, min(widest, columns - 1) + 1):
            for first in range(columns - width + 1):
                yield group, first, width
        if len(group.weekdays) < 7:
            yield group, 0, columns


def window_count(grid: HourGrid, group: DayGroup, first: int, width: int) -> int:
    """Events in a window of the grid."""
    return sum(sum(grid.counts[row][first : first + width]) for row in group.weekdays)


def standout(grid: HourGrid) -> Standout | None:
    """The window that stands out most, by the rule in this module's docstring."""
    total = grid.total
    columns = grid.columns
    best: tuple[float, Standout] | None = None
    share_top, share_bottom = MIN_SHARE
    for group, first, width in _windows(grid):
        count = window_count(grid, group, first, width)
        size = width * len(group.weekdays)
        if (
            count < MIN_IN_WINDOW
            or count * share_bottom < share_top * total
            or count * columns * 7 < MIN_LIFT * total * size
        ):
            continue
        score = _surprise(count / total, size / (columns * 7))
        if best is None or score > best[0]:
            night = grid.first_hour + (first + width) * grid.bucket_hours > 24
            found = Standout(
                group,
                first,
                width,
                count,
                total,
                grid.hour(first),
                grid.hour(first + width),
                night and width < columns,
            )
            best = (score, found)
    return best[1] if best else None


# -- triggers and weeks ----------------------------------------------------------------


@dataclass(frozen=True)
class TriggerCount:
    """How often one trigger tag came up."""

    key: str
    label: str
    count: int


def rank_triggers(tag_lists: Iterable[Sequence[str]]) -> tuple[TriggerCount, ...]:
    """Each tag used, most used first; ties in the tag list's order, unknown tags last."""
    counts = Counter(tag for tags in tag_lists for tag in set(tags))
    order = {trigger.key: index for index, trigger in enumerate(TRIGGERS)}
    ranked = sorted(counts, key=lambda key: (-counts[key], order.get(key, len(order)), key))
    return tuple(TriggerCount(key, trigger_label(key), counts[key]) for key in ranked)


@dataclass(frozen=True)
class PatternWeek:
    """One week of the period: urges and slips logged, and the urge rating."""

    number: int
    """1 for the first week."""
    first_day: date
    last_day: date
    urges: int
    slips: int
    """Slips and contact the person started."""
    urge_rating: float | None
    """The average of the week's check-in urge ratings (0-10), None without check-ins."""
    checkins: int


# -- everything together ---------------------------------------------------------------


@dataclass(frozen=True)
class Patterns:
    """Everything the patterns view shows."""

    grid: HourGrid
    triggers: tuple[TriggerCount, ...]
    untagged: int
    """Urges and slips with no trigger tag."""
    weeks: tuple[PatternWeek, ...]
    urges: int
    slips: int
    sos_ok: int
    """SOS cards closed with "I'm OK" (urges logged from the SOS card)."""
    standout: Standout | None
    sentence: str

    @property
    def total(self) -> int:
        """Urges and slips counted."""
        return self.urges + self.slips


def _noun(urges: int, slips: int) -> str:
    if not slips:
        return "urges"
    return "slips" if not urges else "urges and slips"


def _sentence(
    *,
    found: Standout | None,
    triggers: Sequence[TriggerCount],
    tagged: int,
    urges: int,
    slips: int,
    columns: int,
) -> str:
    total = urges + slips
    if total < MIN_EVENTS:
        if total == 0:
            return f"Nothing logged yet. Patterns show once {MIN_EVENTS} urges or slips are logged."
        return (
            f"{total} logged so far. Patterns show once {MIN_EVENTS} urges or slips are "
            f"logged: {MIN_EVENTS - total} more."
        )
    noun = _noun(urges, slips)
    if found is not None:
        when = found.when(columns)
        if found.count * 2 > found.total:
            return f"Most of your {noun} ({found.count} of {found.total}) came {when}."
        return f"{found.count} of your {found.total} {noun} came {when}."
    share_top, share_bottom = MIN_SHARE
    named = [item for item in triggers if item.key != OTHER]
    if (
        named
        and named[0].count >= MIN_IN_WINDOW
        and named[0].count * share_bottom >= (share_top * tagged)
    ):
        top = named[0]
        return f"“{top.label}” is the tag you choose most: {top.count} of {tagged} tagged {noun}."
    return f"Your {total} {noun} are spread out: no time of day or week stands out."


def find_patterns(
    moments: Iterable[Logged],
    entries: Iterable[DayEntry],
    first_day: date,
    last_day: date,
    zone: tzinfo,
    *,
    day_start_hour: int = DEFAULT_DAY_START_HOUR,
    bucket_hours: int = BUCKET_HOURS,
) -> Patterns:
    """Patterns from `first_day` to `last_day` (check-in days, both included).

    `moments` may hold any ledger events; only urges, slips and contact the person
    started count. `zone` is the local time zone; `day_start_hour` the hour a check-in
    day starts.
    """
    _check_grid_shape(day_start_hour, bucket_hours)
    inside: list[tuple[Logged, date]] = []
    for item in moments:
        if item.kind not in PULL_KINDS:
            continue
        day = checkin_day(item.at.astimezone(zone), day_start_hour)
        if first_day <= day <= last_day:
            inside.append((item, day))
    grid = hour_grid((item.at for item, _ in inside), zone, day_start_hour, bucket_hours)
    triggers = rank_triggers(item.triggers for item, _ in inside)
    urges = sum(1 for item, _ in inside if item.kind is Kind.URGE)
    slips = len(inside) - urges
    averages = weekly_averages(entries, first_day, last_day)
    per_week: list[Counter[bool]] = [Counter() for _ in averages]
    for item, day in inside:
        per_week[(day - first_day).days // 7][item.kind is Kind.URGE] += 1
    weeks = tuple(
        PatternWeek(
            week.number,
            week.first_day,
            week.last_day,
            counts[True],
            counts[False],
            week.urge,
            week.checkins,
        )
        for week, counts in zip(averages, per_week, strict=True)
    )
    found = standout(grid) if len(inside) >= MIN_EVENTS else None
    return Patterns(
        grid=grid,
        triggers=triggers,
        untagged=sum(1 for item, _ in inside if not item.triggers),
        weeks=weeks,
        urges=urges,
        slips=slips,
        sos_ok=sum(1 for item, _ in inside if item.kind is Kind.URGE and item.source == SOS_SOURCE),
        standout=found,
        sentence=_sentence(
            found=found,
            triggers=triggers,
            tagged=sum(1 for item, _ in inside if item.triggers),
            urges=urges,
            slips=slips,
            columns=grid.columns,
        ),
    )


__all__ = [
    "DAY_GROUPS",
    "SOS_SOURCE",
    "DayGroup",
    "HourGrid",
    "Logged",
    "Moment",
    "PatternWeek",
    "Patterns",
    "Standout",
    "TriggerCount",
    "find_patterns",
    "grid_lines",
    "hour_grid",
    "moment",
    "rank_triggers",
    "standout",
    "window_count",
]
