"""`nctui calendar`: an .ics file that calendar apps (and icalendar) read back, with
stable UIDs and neutral summaries."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr  # type: ignore[import-untyped]
from icalendar import Calendar

from nctui.coach import Coach
from nctui.coach.exchange.calendar import NothingAhead, calendar_bytes, parse_checkin
from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind
from tests.seeds import seed_plan


def events(
    data_dir: Path, clock: ManualClock, checkin: time | None = None
) -> dict[str, dict[str, Any]]:
    coach = Coach.open(data_dir, clock)
    try:
        payload = calendar_bytes(coach, checkin)
    finally:
        coach.file.close()
    calendar = Calendar.from_ical(payload)
    return {
        str(event["UID"]): {
            "summary": str(event["SUMMARY"]),
            "start": event.decoded("DTSTART"),
            "event": event,
        }
        for event in calendar.walk("VEVENT")
    }


def test_the_calendar_holds_the_end_the_milestones_ahead_and_the_readiness_check(
    data_dir: Path, clock: ManualClock
) -> None:
    attempt = seed_plan(data_dir, clock, days_ago=10, length=45)

    found = events(data_dir, clock)

    summaries = sorted(event["summary"] for event in found.values())
    assert summaries == [
        "nctui: 1 month",
        "nctui: 2 weeks",
        "nctui: 3 weeks",
        "nctui: readiness check",
        "nctui: the period ends",
    ]
    end = next(e for e in found.values() if e["summary"] == "nctui: the period ends")
    assert end["start"] == (attempt.start + timedelta(days=45)).astimezone(UTC)
    day_30 = next(e for e in found.values() if e["summary"] == "nctui: 1 month")
    assert day_30["start"] == attempt.start.date() + timedelta(days=30)
    check = next(e for e in found.values() if e["summary"] == "nctui: readiness check")
    assert check["start"] == date(2026, 12, 31)  # 16 November + 45 days


def test_uids_stay_the_same_in_a_newer_file_even_after_a_restart(
    data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=10, length=45)
    first = events(data_dir, clock)
    clock.advance(timedelta(days=2))
    coach = Coach.open(data_dir, clock)
    coach.ledger.log(Kind.CONTACT, restart=True)
    coach.file.close()

    later = events(data_dir, clock)

    assert set(first) <= set(later)  # each role keeps its UID; the restart adds days 1-7
    (end,) = [uid for uid in first if "-end@" in uid]
    assert later[end]["start"] == (clock() + timedelta(days=45)).astimezone(UTC)  # moved
    assert later[end]["event"]["SEQUENCE"] > first[end]["event"]["SEQUENCE"]


def test_no_event_carries_anything_the_person_wrote(data_dir: Path, clock: ManualClock) -> None:
    seed_plan(data_dir, clock, days_ago=3, length=30, events=((Kind.URGE, 1, None, "Alex texted"),))
    coach = Coach.open(data_dir, clock)
    coach.letters.write("Dear Alex", seal=True)
    coach.file.close()

    payload = b"".join(e["event"].to_ical() for e in events(data_dir, clock, time(20, 30)).values())

    assert b"Alex" not in payload
    assert all(
        e["summary"].startswith("nctui: ") for e in events(data_dir, clock, time(20, 30)).values()
    )


def test_a_daily_check_in_reminder_repeats_until_the_period_ends_with_an_alarm(
    data_dir: Path, clock: ManualClock
) -> None:
    attempt = seed_plan(data_dir, clock, days_ago=10, length=45)

    found = events(data_dir, clock, time(20, 30))

    (checkin,) = [e["event"] for e in found.values() if e["summary"] == "nctui: check in"]
    assert checkin.decoded("DTSTART") == datetime(2026, 11, 26, 20, 30)  # today, local time
    rule = checkin["RRULE"]
    assert rule["FREQ"] == ["DAILY"]
    end = (attempt.start + timedelta(days=45)).astimezone(clock().tzinfo)
    assert rule["UNTIL"] == [end.replace(tzinfo=None)]  # floating, as DTSTART is
    (alarm,) = checkin.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"


def test_no_plan_and_a_completed_period_each_get_a_clear_message(
    data_dir: Path, tmp_path: Path, clock: ManualClock
) -> None:
    with pytest.raises(NothingAhead, match="There is no plan yet"):
        events(data_dir, clock)
    seed_plan(tmp_path / "done", clock, days_ago=40, length=30, complete=True)
    with pytest.raises(NothingAhead, match="Your period is complete"):
        events(tmp_path / "done", clock)


@pytest.mark.parametrize("text", ["25:00", "8", "8:5", "noon", "-1:30"])
def test_a_check_in_time_that_is_not_hh_mm_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="HH:MM"):
        parse_checkin(text)


def test_a_new_period_starts_with_one_day_not_one_days(data_dir: Path, clock: ManualClock) -> None:
    seed_plan(data_dir, clock, days_ago=0, length=10)

    summaries = {event["summary"] for event in events(data_dir, clock).values()}

    assert {"nctui: 1 day", "nctui: 3 days", "nctui: 1 week"} <= summaries
    assert "nctui: 1 days" not in summaries


@pytest.mark.parametrize("zone", ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"])
@pytest.mark.parametrize("at", [time(0, 0), time(8, 15), time(20, 30), time(23, 59)])
def test_the_check_in_rule_ends_in_the_same_kind_of_time_as_it_starts(
    data_dir: Path, clock: ManualClock, zone: str, at: time
) -> None:
    # RFC 5545: UNTIL is floating when DTSTART is floating, and UTC when DTSTART has a
    # time zone or is UTC. dateutil refuses a rule that mixes them, as calendars may.
    here = ZoneInfo(zone)
    local = ManualClock(clock().astimezone(here))
    attempt = seed_plan(data_dir, local, days_ago=3, length=30)

    (checkin,) = [
        e["event"]
        for e in events(data_dir, local, at).values()
        if e["summary"] == "nctui: check in"
    ]

    start = checkin.decoded("DTSTART")
    (until,) = checkin["RRULE"]["UNTIL"]
    if start.tzinfo is None:
        assert until.tzinfo is None
    else:
        assert until.utcoffset() == timedelta(0)
    days = list(rrulestr(checkin["RRULE"].to_ical().decode(), dtstart=start))
    end = (attempt.start + timedelta(days=30)).astimezone(here)
    naive_end = end.replace(tzinfo=None) if start.tzinfo is None else end
    assert days[-1] <= naive_end < days[-1] + timedelta(days=1)
