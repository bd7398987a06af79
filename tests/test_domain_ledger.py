"""What can go in the ledger, and when it happened."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from nctui.domain.errors import AnswerError
from nctui.domain.ledger import Kind, check_event, parse_event_time
from nctui.domain.sos import breath_step, clamp_delay, idea_for, moment_warnings, wait_left
from nctui.domain.text import NOTE_MAX_CHARS

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 26, 21, 40, tzinfo=LONDON)
START = datetime(2026, 11, 20, 9, 30, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", NOW),
        ("now", NOW),
        ("21:30", datetime(2026, 11, 26, 21, 30, tzinfo=LONDON)),
        ("7:05", datetime(2026, 11, 26, 7, 5, tzinfo=LONDON)),
        ("yesterday 23:15", datetime(2026, 11, 25, 23, 15, tzinfo=LONDON)),
        ("2 hours ago", NOW - timedelta(hours=2)),
        ("45 min ago", NOW - timedelta(minutes=45)),
        ("2026-11-21 08:00", datetime(2026, 11, 21, 8, 0, tzinfo=LONDON)),
    ],
)
def test_event_times_people_type(typed: str, expected: datetime) -> None:
    assert parse_event_time(typed, NOW) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("25:00", "not a time of day"),
        ("12:75", "not a time of day"),
        ("2026-02-30 10:00", "not a real date"),
        ("last tuesday", "Try “now”"),
        ("soon", "Try “now”"),
    ],
)
def test_event_times_refused_with_a_reason(typed: str, message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        parse_event_time(typed, NOW)


def test_a_future_time_is_refused() -> None:
    with pytest.raises(AnswerError, match="has not come yet"):
        check_event(Kind.URGE, None, "", NOW + timedelta(hours=1), NOW, START)


def test_a_time_before_the_period_is_refused() -> None:
    with pytest.raises(AnswerError, match="before this period started"):
        check_event(Kind.URGE, None, "", START - timedelta(minutes=1), NOW, START)


def test_other_slip_needs_a_note_and_details_come_from_the_list() -> None:
    with pytest.raises(AnswerError, match="a few words"):
        check_event(Kind.SLIP, "other", "   ", NOW, NOW, START)
    assert check_event(Kind.SLIP, "other", " scrolled old photos ", NOW, NOW, START) == (
        "scrolled old photos"
    )
    with pytest.raises(AnswerError, match="from the list"):
        check_event(Kind.SIGN, "made up", "", NOW, NOW, START)


def test_a_huge_note_is_refused_and_a_long_one_kept() -> None:
    assert len(check_event(Kind.URGE, None, "x" * NOTE_MAX_CHARS, NOW, NOW, START)) == (
        NOTE_MAX_CHARS
    )
    with pytest.raises(AnswerError, match="50,000 / 2,000 characters"):
        check_event(Kind.URGE, None, "x" * 50_000, NOW, NOW, START)


def test_breathing_cycles_in_hold_out() -> None:
    steps = [breath_step(timedelta(seconds=s))[0] for s in (0, 3, 4, 8, 13, 14)]
    assert steps == ["Breathe in", "Breathe in", "Hold", "Breathe out", "Breathe out", "Breathe in"]
    assert breath_step(timedelta(seconds=9)) == ("Breathe out", 5)


def test_the_wait_counts_down_and_stops_at_zero() -> None:
    assert wait_left(NOW, NOW + timedelta(minutes=3), 10) == timedelta(minutes=7)
    assert wait_left(NOW, NOW + timedelta(hours=1), 10) == timedelta(0)
    assert (clamp_delay(0), clamp_delay(500)) == (1, 60)


def test_warnings_fit_the_moment() -> None:
    late = moment_warnings(NOW.replace(hour=23), drinking=False)
    assert len(late) == 1 and "late" in late[0]
    assert moment_warnings(NOW.replace(hour=15), drinking=False) == []
    assert any("drinking" in w for w in moment_warnings(NOW.replace(hour=15), drinking=True))
    assert idea_for(NOW) != idea_for(NOW + timedelta(minutes=5))


def test_an_evening_time_typed_in_the_morning_means_last_night() -> None:
    morning = NOW.replace(hour=7, minute=24)
    assert parse_event_time("21:30", morning) == datetime(2026, 11, 25, 21, 30, tzinfo=LONDON)


def test_a_time_a_minute_ahead_stays_today() -> None:
    # Another device's clock a little fast: "14:01" at 14:00:30 is now, not yesterday.
    now = NOW.replace(hour=14, minute=0, second=30)
    assert parse_event_time("14:01", now) == datetime(2026, 11, 26, 14, 1, tzinfo=LONDON)
    assert parse_event_time("14:05", now).date().day == 25
