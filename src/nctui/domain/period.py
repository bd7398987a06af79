"""The no-contact period: attempts, their dates, and the calendar arithmetic behind them.

Every date calculation works on local calendar dates and wall-clock times, so that a
daylight-saving change never makes a day longer or shorter than a day. Every moment
calculated here carries a fixed UTC offset, so comparing it with the clock compares real
instants: Python compares two times of one zone by their wall clocks, which the
repeated autumn hour makes ambiguous.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from enum import StrEnum
from itertools import pairwise

from nctui.domain.frozen import frozen, replace


class EndReason(StrEnum):
    """Why an attempt stopped before, or when, its period ended."""

    COMPLETE = "complete"
    CONTACT = "contact"
    """Contact the person started, restarting the period."""
    NEW_PLAN = "new_plan"
    """The person took the intake again and chose a new plan."""


@frozen
class Attempt:
    """One run at a no-contact period, from its start until it ended or completed."""

    id: str
    start: datetime
    length_days: int
    intake_id: str | None = None
    ended_at: datetime | None = None
    end_reason: EndReason | None = None

    @property
    def is_open(self) -> bool:
        """Still running, or finished on time but not yet closed."""
        return self.ended_at is None


def zone_of(now: datetime) -> tzinfo:
    """The time zone of a clock reading (clocks always give aware times)."""
    if now.tzinfo is None:
        raise ValueError("clock readings must be time-zone aware")
    return now.tzinfo


def local(moment: datetime, zone: tzinfo) -> datetime:
    """`moment` as wall-clock time in `zone`."""
    return moment.astimezone(zone)


def add_calendar_days(start: datetime, days: int, zone: tzinfo) -> datetime:
    """`days` calendar days after `start`, at the same local wall-clock time.

    Across a daylight-saving change the result is 23 or 25 hours per changed day
    away in absolute time, as a person reading a calendar would expect. A time that
    happens twice (the autumn change) is the first of the two.
    """
    wall = local(start, zone).replace(tzinfo=None) + timedelta(days=days)
    return fixed_offset(wall.replace(tzinfo=zone))


def fixed_offset(moment: datetime) -> datetime:
    """`moment` with its zone replaced by its UTC offset at that moment: the same wall
    clock, but compared with any other time as the real instant it is."""
    return moment.astimezone(timezone(moment.utcoffset() or timedelta(0)))


def end_of(attempt: Attempt, zone: tzinfo) -> datetime:
    """When the attempt's period is planned to end."""
    return add_calendar_days(attempt.start, attempt.length_days, zone)


def start_from_day(day: date, now: datetime) -> datetime:
    """The start of a period that began on `day`: now if today, else that day at this time."""
    zone = zone_of(now)
    if day >= now.date():
        return now
    return datetime.combine(day, now.timetz().replace(tzinfo=None)).replace(tzinfo=zone)


def day_number(start: datetime, now: datetime) -> int:
    """Which day of the period `now` falls on; the start day is day 1 (never below 1)."""
    zone = zone_of(now)
    return max(1, (now.date() - local(start, zone).date()).days + 1)


def settled(attempts: Iterable[Attempt]) -> list[Attempt]:
    """The attempts oldest first, with at most one still running.

    Two windows can each restart the period before seeing the other's change: both
    then leave an attempt running, and the first one's end may be written over by the
    second's. Read back, the later start wins: of two attempts still open, the earlier
    one ended when the later one began (a restart after contact if it keeps the same
    plan, else a new plan), and an end by contact never runs past the next start. A
    single open attempt runs on even if one that started later is closed: a new plan
    may count from before the period it replaced. Every attempt stays in the history.
    """
    ordered = sorted(attempts, key=lambda attempt: attempt.start)
    running = [index for index, attempt in enumerate(ordered) if attempt.ended_at is None]
    for index, (attempt, following) in enumerate(pairwise(ordered)):
        if attempt.ended_at is None:
            if index != running[-1]:
                same_plan = attempt.intake_id == following.intake_id
                reason = EndReason.CONTACT if same_plan else EndReason.NEW_PLAN
                ordered[index] = replace(attempt, ended_at=following.start, end_reason=reason)
        elif attempt.end_reason is EndReason.CONTACT and attempt.ended_at > following.start:
            ordered[index] = replace(attempt, ended_at=following.start)
    return ordered


def open_attempt(attempts: list[Attempt]) -> Attempt | None:
    """The attempt still open, if any (the most recent one)."""
    for attempt in reversed(attempts):
        if attempt.is_open:
            return attempt
    return None


def final_day_words(end: datetime, ends_today: bool) -> str:
    """How the final day reads: "last day · ends at 21:30", "ends tomorrow at 21:30"
    (day `length` of a period begun mid-day), or "last day · ends at midnight"."""
    if (end.hour, end.minute) == (0, 0) and not ends_today:
        return "last day · ends at midnight"
    return f"{'last day · ends' if ends_today else 'ends tomorrow'} at {end:%H:%M}"


def left_in_words(days_left: int, ends_today: bool) -> str:
    """What is left, to follow "Your period": "still has 24 days to go", "ends tomorrow"
    (day `length` of a period begun mid-day) or "ends today"."""
    if days_left:
        return f"still has {days_left} day{'' if days_left == 1 else 's'} to go"
    return "ends today" if ends_today else "ends tomorrow"


def days_to_add(attempt: Attempt, days: int, now: datetime) -> int:
    """How much longer to make the attempt so it runs `days` more from its end, or from
    now if the end has already passed: a period that ended weeks ago is extended from
    today, not into the past."""
    zone = zone_of(now)
    end = end_of(attempt, zone)
    behind = max(0, (local(now, zone).date() - local(end, zone).date()).days)
    if add_calendar_days(end, behind, zone) < now:
        behind += 1
    return days + behind


def extension_note(attempt: Attempt, new_length: int) -> str:
    """The ledger's note on extending the period: the old and the new length, and
    whether the first length had been completed."""
    note = f"{attempt.length_days} → {new_length} days"
    if attempt.end_reason is EndReason.COMPLETE:
        note = f"{attempt.length_days} days completed, then extended: {note}"
    return note


def close_for_new_plan(attempt: Attempt, now: datetime) -> tuple[datetime, EndReason]:
    """When and why an open attempt closes because a new plan starts.

    A period that already reached its end is recorded as complete at its end; one
    still running is recorded as replaced now.
    """
    end = end_of(attempt, zone_of(now))
    if end <= now:
        return end, EndReason.COMPLETE
    return now, EndReason.NEW_PLAN


def elapsed(start: datetime, stop: datetime) -> timedelta:
    """Real time from `start` to `stop`, counted in UTC.

    Python subtracts two times that share a zone as wall-clock times, which is an hour
    off across a daylight-saving change; a countdown needs the real interval.
    """
    return stop.astimezone(UTC) - start.astimezone(UTC)


def wall_days(start: datetime, stop: datetime, zone: tzinfo) -> int:
    """Whole days from `start` to `stop` as a wall clock counts them (never negative)."""
    delta = local(stop, zone).replace(tzinfo=None) - local(start, zone).replace(tzinfo=None)
    return max(0, delta.days)


class State(StrEnum):
    """Where the person is with their plan."""

    NO_PLAN = "no-plan"
    ACTIVE = "active"
    COMPLETE = "complete"


@frozen
class PeriodStatus:
    """The period as of one moment: everything the dashboard and `nctui status` show."""

    state: State
    attempt: Attempt | None = None
    start: datetime | None = None
    end: datetime | None = None
    day: int = 0
    """Day N of the period, from 1, held at the length on the final morning."""
    length_days: int = 0
    days_left: int = 0
    """Days after this one, so that day + days_left is the length; 0 on the final day."""
    elapsed_days: int = 0
    """Whole days completed since the start."""
    remaining: timedelta = timedelta(0)
    """Time to the end, never negative, never more than the whole period."""
    ends_today: bool = False
    """The end falls on today's date (a period begun mid-day ends mid-day, so day
    `length` can come before the date it ends on)."""

    @property
    def progress(self) -> float:
        """How far through, from 0 to 1."""
        if self.state is State.COMPLETE:
            return 1.0
        if self.state is State.NO_PLAN or self.start is None or self.end is None:
            return 0.0
        total = elapsed(self.start, self.end).total_seconds()
        return max(0.0, min(1.0, 1 - self.remaining.total_seconds() / total))


def current_attempt(attempts: list[Attempt]) -> Attempt | None:
    """The attempt the dashboard is about: the open one, else the latest one."""
    # Of two that started at once, the one recorded later (max keeps the first it meets).
    latest = max(reversed(attempts), key=lambda a: a.start) if attempts else None
    return open_attempt(attempts) or latest


def period_status(attempts: list[Attempt], now: datetime) -> PeriodStatus:
    """The period as of `now`.

    A period closed as complete stays complete even if the clock is later set back; a
    clock set before the start shows day 1 with the whole period still to go.
    """
    zone = zone_of(now)
    attempt = current_attempt(attempts)
    if attempt is None:
        return PeriodStatus(State.NO_PLAN)
    start = local(attempt.start, zone)
    end = end_of(attempt, zone)
    length = attempt.length_days
    finished = attempt.end_reason is EndReason.COMPLETE or (attempt.is_open and now >= end)
    if not attempt.is_open and not finished:
        return PeriodStatus(State.NO_PLAN)
    if finished:
        return PeriodStatus(
            State.COMPLETE, attempt, start, end, length, length, 0, length, timedelta(0)
        )
    day = min(day_number(start, now), length)
    remaining = min(elapsed(now, end), elapsed(start, end))
    return PeriodStatus(
        State.ACTIVE,
        attempt,
        start,
        end,
        day,
        length,
        length - day,
        min(wall_days(start, now, zone), length),
        max(timedelta(0), remaining),
        end.date() == local(now, zone).date(),
    )


def completion_due(attempts: list[Attempt], now: datetime) -> Attempt | None:
    """An open attempt that has reached its end and should now be recorded complete."""
    attempt = open_attempt(attempts)
    if attempt is not None and now >= end_of(attempt, zone_of(now)):
        return attempt
    return None


def plan_start(day: date, now: datetime, running: Attempt | None) -> datetime:
    """When a new plan starts, given the day contact stopped.

    Taking the intake again with the same day as the running period keeps that period's
    exact start, so adjusting a plan never moves its first day or its hour.
    """
    if running is not None and local(running.start, zone_of(now)).date() == day:
        return running.start
    return start_from_day(day, now)
