"""`nctui calendar`: the period's dates as an iCalendar file, written by `icalendar`.

A calendar is often shared or synced, so every summary is neutral ("nctui: 1 month")
and nothing the person wrote goes in. Each event's UID names its role (the end, day
30, the readiness check, the daily check-in) under a key that lasts as long as the
data, so importing a newer file moves the events instead of adding new ones.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from icalendar import Alarm, Calendar, Event

from nctui.domain.milestones import describe_days, milestone_after
from nctui.domain.period import State, add_calendar_days, end_of

if TYPE_CHECKING:
    from nctui.coach.coach import Coach

PRODID = "-//nctui//nctui calendar//EN"


class NothingAhead(Exception):
    """There is no running period to put in a calendar; the message says why."""


def parse_checkin(text: str) -> time:
    """A check-in time from "HH:MM" (24-hour). Raises ValueError with a message."""
    hours, colon, minutes = text.strip().partition(":")
    if colon and hours.isdigit() and minutes.isdigit() and len(minutes) == 2:
        hour, minute = int(hours), int(minutes)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise ValueError(f"{text!r} is not a time: give it as HH:MM, for example 20:30.")


def _event(uid: str, summary: str, stamp: datetime, sequence: int) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("dtstamp", stamp)
    event.add("sequence", sequence)
    return event


def _all_day(event: Event, day: date) -> Event:
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    return event


def calendar_bytes(coach: Coach, checkin: time | None = None) -> bytes:
    """The .ics file for the running period. Raises NothingAhead when none is running."""
    now = coach.clock()
    status = coach.period.status(now)
    if status.state is State.NO_PLAN or status.attempt is None:
        raise NothingAhead(
            "There is no plan yet, so there are no dates to put in a calendar. Open nctui "
            "and take the intake (press i) to choose one, then run this again."
        )
    if status.state is State.COMPLETE:
        raise NothingAhead(
            "Your period is complete, so there is nothing ahead to put in a calendar. "
            "When you are ready, the readiness check in nctui (press r) is waiting for you."
        )
    zone = now.tzinfo
    assert zone is not None  # clocks are always time-zone aware
    attempt = status.attempt
    end = end_of(attempt, zone)
    # The first period's id: it lasts as long as the data, whichever period runs.
    first = coach.repository.documents("attempts")[0]["id"]
    stamp = now.astimezone(UTC)
    sequence = int(stamp.timestamp()) // 60  # a newer file always counts as newer

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "nctui")

    ending = _event(f"{first}-end@nctui", "nctui: the period ends", stamp, sequence)
    ending.add("dtstart", end.astimezone(UTC))
    ending.add("dtend", end.astimezone(UTC) + timedelta(minutes=15))
    cal.add_component(ending)

    days = status.elapsed_days
    while (milestone := milestone_after(days)) < attempt.length_days:
        reached = add_calendar_days(attempt.start, milestone, zone).date()
        event = _event(
            f"{first}-day-{milestone}@nctui",
            f"nctui: {describe_days(milestone)}",
            stamp,
            sequence,
        )
        cal.add_component(_all_day(event, reached))
        days = milestone

    check = _event(f"{first}-readiness@nctui", "nctui: readiness check", stamp, sequence)
    cal.add_component(_all_day(check, end.date()))

    if checkin is not None:
        first_day = now.date() if checkin > now.time() else now.date() + timedelta(days=1)
        if datetime.combine(first_day, checkin).replace(tzinfo=zone) < end:
            cal.add_component(
                _checkin(first, checkin, first_day, end, stamp=stamp, sequence=sequence)
            )
    payload: bytes = cal.to_ical()
    return payload


def _checkin(
    key: str, at: time, first_day: date, end: datetime, *, stamp: datetime, sequence: int
) -> Event:
    # Floating local time (no time zone): the reminder follows the person's wall clock,
    # wherever they are and across daylight-saving changes. RFC 5545 wants UNTIL
    # floating too when DTSTART is: the end as the local clock reads it.
    event = _event(f"{key}-checkin@nctui", "nctui: check in", stamp, sequence)
    event.add("dtstart", datetime.combine(first_day, at))
    event.add("duration", timedelta(minutes=10))
    event.add("rrule", {"freq": "daily", "until": end.replace(tzinfo=None)})
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", "nctui: check in")
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    return event
