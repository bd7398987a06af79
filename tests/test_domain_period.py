"""Calendar arithmetic of the period, across daylight saving and at the edges."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import example, given
from hypothesis import strategies as st

from nctui.domain.period import (
    Attempt,
    EndReason,
    State,
    add_calendar_days,
    close_for_new_plan,
    completion_due,
    day_number,
    end_of,
    open_attempt,
    period_status,
    settled,
    start_from_day,
)

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


def test_end_keeps_the_wall_clock_time_across_the_spring_change() -> None:
    start = datetime(2027, 3, 20, 21, 0, tzinfo=LONDON)  # clocks go forward on 28 March
    end = add_calendar_days(start, 30, LONDON)
    assert (end.date(), end.hour, end.minute) == (date(2027, 4, 19), 21, 0)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(days=30, hours=-1)


def test_end_keeps_the_wall_clock_time_across_the_autumn_change() -> None:
    start = datetime(2026, 10, 20, 8, 15, tzinfo=NEW_YORK)  # clocks go back on 1 November
    end = add_calendar_days(start, 30, NEW_YORK)
    assert (end.date(), end.hour, end.minute) == (date(2026, 11, 19), 8, 15)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(days=30, hours=1)


def test_end_is_computed_in_the_local_zone_even_for_a_stored_utc_time() -> None:
    stored = datetime.fromisoformat("2027-03-20T21:00:00+00:00")
    attempt = Attempt("a", stored, 30)
    assert end_of(attempt, LONDON).hour == 21


def test_start_today_is_now_and_a_past_day_keeps_the_time() -> None:
    now = datetime(2026, 11, 26, 20, 15, tzinfo=LONDON)
    assert start_from_day(now.date(), now) == now
    earlier = start_from_day(date(2026, 11, 20), now)
    assert earlier == datetime(2026, 11, 20, 20, 15, tzinfo=LONDON)


def test_day_one_is_the_start_day() -> None:
    start = datetime(2026, 11, 26, 23, 50, tzinfo=LONDON)
    assert day_number(start, start) == 1
    assert day_number(start, start + timedelta(minutes=20)) == 2  # after midnight
    assert day_number(start, start - timedelta(days=3)) == 1  # a clock set back


@given(
    st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1)),
    st.integers(1, 365),
)
def test_any_length_ends_on_the_same_wall_clock_time(moment: datetime, days: int) -> None:
    start = moment.replace(tzinfo=LONDON)
    end = add_calendar_days(start, days, LONDON)
    assert (end.date() - start.date()).days == days
    assert (end.hour, end.minute) == (start.hour, start.minute)


def test_a_new_plan_closes_a_running_period_now() -> None:
    now = datetime(2026, 11, 26, 9, 30, tzinfo=LONDON)
    running = Attempt("a", now - timedelta(days=5), 30)
    assert close_for_new_plan(running, now) == (now, EndReason.NEW_PLAN)


def test_a_new_plan_records_a_finished_period_as_complete() -> None:
    now = datetime(2026, 11, 26, 9, 30, tzinfo=LONDON)
    finished = Attempt("a", now - timedelta(days=40), 30)
    ended, reason = close_for_new_plan(finished, now)
    assert reason is EndReason.COMPLETE
    assert ended == add_calendar_days(finished.start, 30, LONDON)


def test_a_new_plan_counted_from_before_the_one_it_replaced_is_the_one_running() -> None:
    # Taking the intake again: "contact stopped" three days before the running period began.
    now = datetime(2026, 11, 26, 9, 30, tzinfo=LONDON)
    start = now - timedelta(days=3)
    replaced = Attempt("old", start, 30, ended_at=now, end_reason=EndReason.NEW_PLAN)
    new = Attempt("new", now - timedelta(days=6), 40, intake_id="intake")
    attempts = settled([replaced, new])
    assert attempts == [new, replaced]  # both kept, as they were
    status = period_status(attempts, now)
    assert status.state is State.ACTIVE and status.attempt == new and status.day == 7


def test_of_two_running_attempts_the_later_start_runs_on() -> None:
    # Two windows restarting at once: the earlier start ends where the later begins.
    now = datetime(2026, 11, 26, 9, 30, tzinfo=LONDON)
    first = Attempt("a", now - timedelta(hours=5), 30)
    second = Attempt("b", now - timedelta(hours=2), 30)
    ended, running = settled([second, first])
    assert (ended.ended_at, ended.end_reason, running.ended_at) == (
        second.start,
        EndReason.CONTACT,
        None,
    )


def test_open_attempt_is_the_latest_unclosed() -> None:
    now = datetime(2026, 11, 26, 9, 30, tzinfo=LONDON)
    closed = Attempt("a", now, 30, ended_at=now, end_reason=EndReason.CONTACT)
    running = Attempt("b", now, 30)
    assert open_attempt([closed, running]) is running
    assert open_attempt([closed]) is None


def test_a_period_ending_in_the_repeated_autumn_hour_completes_when_the_end_has_passed() -> None:
    # 2026-10-25 01:00-02:00 happens twice in London. The period ends at the first
    # 01:30 (BST, 00:30 UTC); at the second 01:10 (GMT, 01:10 UTC) it has ended.
    attempt = Attempt("a", datetime(2026, 10, 18, 1, 30, tzinfo=LONDON), 7)
    now = datetime(2026, 10, 25, 1, 10, tzinfo=LONDON, fold=1)
    assert now.astimezone(UTC) == datetime(2026, 10, 25, 1, 10, tzinfo=UTC)

    status = period_status([attempt], now)

    assert status.state is State.COMPLETE
    assert completion_due([attempt], now) == attempt
    assert close_for_new_plan(attempt, now)[1] is EndReason.COMPLETE


def test_before_the_repeated_hour_ends_the_period_is_still_running() -> None:
    attempt = Attempt("a", datetime(2026, 10, 18, 1, 30, tzinfo=LONDON), 7)
    now = datetime(2026, 10, 25, 1, 10, tzinfo=LONDON)  # the first 01:10, BST
    status = period_status([attempt], now)
    assert status.state is State.ACTIVE
    assert status.remaining == timedelta(minutes=20)
    assert completion_due([attempt], now) is None


@given(
    st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 1, 1)),
    st.integers(1, 120),
    st.integers(-6 * 60, 6 * 60),
    st.sampled_from([LONDON, NEW_YORK, ZoneInfo("Australia/Lord_Howe")]),
)
@example(datetime(2026, 10, 18, 1, 30), 7, 40, LONDON)  # the repeated hour, from the report
def test_the_period_has_ended_exactly_when_the_real_end_has_passed(
    moment: datetime, days: int, minutes_from_end: int, zone: ZoneInfo
) -> None:
    # Readings near the end, on either side, in either fold of a repeated hour.
    attempt = Attempt("a", moment.replace(tzinfo=zone), days)
    end = end_of(attempt, zone).astimezone(UTC)
    for fold in (0, 1):
        now = (end + timedelta(minutes=minutes_from_end)).astimezone(zone).replace(fold=fold)
        real_now = now.astimezone(UTC)
        ended = real_now >= end
        assert (period_status([attempt], now).state is State.COMPLETE) == ended
        assert (completion_due([attempt], now) is not None) == ended


def test_of_two_attempts_begun_at_once_the_one_recorded_later_is_current() -> None:
    start = datetime(2026, 10, 1, 9, 0, tzinfo=LONDON)
    replaced = Attempt("a", start, 45, ended_at=start, end_reason=EndReason.CONTACT)
    end = start + timedelta(days=7)
    later = Attempt("b", start, 7, ended_at=end, end_reason=EndReason.COMPLETE)
    status = period_status([replaced, later], datetime(2026, 11, 1, 9, 0, tzinfo=LONDON))
    assert status.attempt == later
    assert status.state is State.COMPLETE
