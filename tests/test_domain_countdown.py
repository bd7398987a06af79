"""The period as the dashboard and `nctui status` see it, and the record of runs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nctui.domain.humanize import countdown_text, countdown_words
from nctui.domain.milestones import milestone_after, newest_reached, next_milestone
from nctui.domain.period import (
    Attempt,
    EndReason,
    PeriodStatus,
    State,
    add_calendar_days,
    completion_due,
    days_to_add,
    final_day_words,
    period_status,
)
from nctui.domain.runs import record, runs

LONDON = ZoneInfo("Europe/London")
START = datetime(2026, 11, 26, 9, 30, tzinfo=LONDON)


def _status_at(moment: datetime, length: int = 45) -> PeriodStatus:
    return period_status([Attempt("a", START, length)], moment)


def test_no_attempts_means_no_plan() -> None:
    assert period_status([], START).state is State.NO_PLAN


def test_mid_period_day_and_days_left() -> None:
    status = _status_at(START + timedelta(days=11, hours=2))
    assert status.state is State.ACTIVE
    assert (status.day, status.length_days, status.days_left) == (12, 45, 33)
    assert status.remaining == timedelta(days=33, hours=22)
    assert status.elapsed_days == 11


def test_the_last_day_and_the_final_morning() -> None:
    last_day = _status_at(START + timedelta(days=44, hours=1))
    assert (last_day.day, last_day.days_left) == (45, 0)
    final_morning = _status_at(START + timedelta(days=45) - timedelta(hours=1))
    assert (final_morning.day, final_morning.days_left) == (45, 0)
    assert final_morning.remaining == timedelta(hours=1)
    # Begun at 09:30, the 45th day runs into the next date: only that date ends today.
    assert (last_day.ends_today, final_morning.ends_today) == (False, True)


def test_reaching_the_end_completes_it() -> None:
    status = _status_at(START + timedelta(days=45))
    assert status.state is State.COMPLETE
    assert status.remaining == timedelta(0)
    assert status.progress == 1.0


def test_a_recorded_completion_survives_the_clock_going_back() -> None:
    done = Attempt(
        "a", START, 45, ended_at=add_calendar_days(START, 45, LONDON), end_reason=EndReason.COMPLETE
    )
    assert period_status([done], START + timedelta(days=3)).state is State.COMPLETE


def test_a_clock_before_the_start_shows_day_one_and_no_more_than_the_whole() -> None:
    status = _status_at(START - timedelta(days=5))
    assert status.day == 1
    assert status.remaining == add_calendar_days(START, 45, LONDON) - START
    assert status.progress == 0.0


def test_days_count_by_the_calendar_across_daylight_saving() -> None:
    start = datetime(2027, 3, 27, 12, 0, tzinfo=LONDON)  # clocks go forward on the 28th
    status = period_status([Attempt("a", start, 30)], datetime(2027, 3, 29, 11, 30, tzinfo=LONDON))
    assert status.day == 3
    assert status.elapsed_days == 1  # 11:30 is not yet 12:00 on the wall clock


def test_time_left_is_real_time_across_daylight_saving() -> None:
    start = datetime(2027, 3, 27, 12, 0, tzinfo=LONDON)  # the night of the 28th is an hour short
    status = period_status([Attempt("a", start, 2)], start)
    assert status.remaining == timedelta(hours=47)
    a_day_on_real = (start.astimezone(UTC) + timedelta(hours=24)).astimezone(LONDON)
    a_day_on = period_status([Attempt("a", start, 2)], a_day_on_real)
    assert a_day_on.remaining == timedelta(hours=23)
    assert a_day_on.progress == pytest.approx(24 / 47)


def test_completion_due_only_at_the_end() -> None:
    attempt = Attempt("a", START, 10)
    assert completion_due([attempt], START + timedelta(days=9)) is None
    assert completion_due([attempt], START + timedelta(days=10)) is attempt


@given(st.integers(1, 365), st.integers(-3 * 86_400, 400 * 86_400))
def test_countdown_never_negative_and_day_in_range(length: int, offset: int) -> None:
    status = _status_at(START + timedelta(seconds=offset), length)
    assert status.remaining >= timedelta(0)
    assert 1 <= status.day <= length
    assert 0 <= status.days_left < length
    assert 0.0 <= status.progress <= 1.0


@given(st.integers(1, 200), st.integers(0, 300 * 86_400), st.integers(0, 300 * 86_400))
def test_later_never_shows_an_earlier_day(length: int, first: int, more: int) -> None:
    early = _status_at(START + timedelta(seconds=first), length)
    late = _status_at(START + timedelta(seconds=first + more), length)
    if early.state is State.ACTIVE and late.state is State.ACTIVE:
        assert late.day >= early.day
        assert late.remaining <= early.remaining


# -- runs ----------------------------------------------------------------------------


def _restart(first_len: int, contact_after: timedelta) -> tuple[list[Attempt], datetime]:
    contact = START + contact_after
    first = Attempt("a", START, first_len, ended_at=contact, end_reason=EndReason.CONTACT)
    return [first, Attempt("b", contact, first_len)], contact


def test_a_restart_keeps_the_earlier_run_in_the_record() -> None:
    attempts, contact = _restart(45, timedelta(days=10, hours=3))
    now = contact + timedelta(days=4, hours=1)
    done = record(attempts, [contact], now)
    assert (done.current_run_days, done.longest_run_days, done.total_days) == (4, 10, 14)
    assert done.attempts == 2


def test_contact_that_keeps_the_dates_still_breaks_the_run() -> None:
    contact = START + timedelta(days=6)
    now = START + timedelta(days=9)
    done = record([Attempt("a", START, 45)], [contact], now)
    assert (done.current_run_days, done.longest_run_days, done.total_days) == (3, 6, 9)
    assert period_status([Attempt("a", START, 45)], now).day == 10  # the dates are kept


def test_a_completed_period_keeps_counting_until_something_happens() -> None:
    done_attempt = Attempt(
        "a", START, 30, ended_at=add_calendar_days(START, 30, LONDON), end_reason=EndReason.COMPLETE
    )
    now = START + timedelta(days=40)
    assert record([done_attempt], [], now).current_run_days == 40


def test_a_new_plan_with_a_later_start_implies_contact_in_between() -> None:
    replaced_at = START + timedelta(days=20)
    first = Attempt("a", START, 45, ended_at=replaced_at, end_reason=EndReason.NEW_PLAN)
    second = Attempt("b", START + timedelta(days=18), 45)
    now = START + timedelta(days=25)
    assert [r.ongoing for r in runs([first, second], [], now)] == [False, True]
    assert record([first, second], [], now).current_run_days == 7


def test_a_new_plan_from_the_same_start_keeps_the_run() -> None:
    replaced_at = START + timedelta(days=20)
    first = Attempt("a", START, 45, ended_at=replaced_at, end_reason=EndReason.NEW_PLAN)
    second = Attempt("b", START, 60)
    assert record([first, second], [], START + timedelta(days=25)).current_run_days == 25


@given(st.lists(st.integers(1, 400 * 24), max_size=8, unique=True), st.integers(1, 400 * 24))
def test_runs_never_add_up_to_more_than_the_time_tracked(
    contact_hours: list[int], now_hours: int
) -> None:
    now = START + timedelta(hours=now_hours)
    contacts = [START + timedelta(hours=h) for h in contact_hours]
    done = record([Attempt("a", START, 365)], contacts, now)
    assert done.longest_run_days <= done.total_days <= (now - START).days + 1
    assert done.current_run_days <= done.longest_run_days


# -- milestones and words ------------------------------------------------------------


def test_milestones_step_through_the_list_then_by_hundreds() -> None:
    assert [milestone_after(d) for d in (0, 1, 2, 13, 14, 89, 365, 420)] == [
        1,
        3,
        3,
        14,
        21,
        90,
        400,
        500,
    ]


def test_only_the_newest_milestone_is_celebrated_once() -> None:
    assert newest_reached(16, 0) == 14
    assert newest_reached(16, 14) is None
    assert newest_reached(21, 14) == 21


def test_countdown_text_and_words() -> None:
    remaining = timedelta(days=33, hours=4, minutes=12, seconds=55)
    assert countdown_text(remaining) == "33d 04:12:55"
    assert countdown_text(timedelta(hours=3, seconds=9)) == "03:00:09"
    assert countdown_text(timedelta(seconds=-5)) == "00:00:00"
    assert countdown_words(remaining) == "33 days, 4 hours, 12 minutes and 55 seconds"
    assert countdown_words(timedelta(seconds=1)) == "1 second"


# -- extending -----------------------------------------------------------------------


def test_extending_a_running_period_adds_the_days_to_its_end() -> None:
    assert days_to_add(Attempt("a", START, 45), 14, START + timedelta(days=40)) == 14


def test_a_period_ended_weeks_ago_is_extended_from_now() -> None:
    attempt = Attempt("a", START, 45)
    now = START + timedelta(days=65, hours=3)  # ended 20 days ago, at 09:30; now 12:30
    longer = attempt.length_days + days_to_add(attempt, 14, now)
    new_end = add_calendar_days(START, longer, LONDON)
    assert new_end > now + timedelta(days=14)
    assert new_end - now < timedelta(days=15)


@given(st.integers(1, 120), st.integers(0, 200 * 86_400), st.integers(1, 60))
def test_an_extension_always_ends_at_least_that_many_days_ahead(
    length: int, offset: int, days: int
) -> None:
    attempt = Attempt("a", START, length)
    now = START + timedelta(seconds=offset)
    new_end = add_calendar_days(START, length + days_to_add(attempt, days, now), LONDON)
    old_end = add_calendar_days(START, length, LONDON)
    assert new_end >= add_calendar_days(old_end, days, LONDON)
    assert new_end >= add_calendar_days(now, days, LONDON)
    # ...and no more than a day past the later of the two.
    assert new_end <= add_calendar_days(max(old_end, now), days + 1, LONDON)


def test_the_final_day_reads_plainly() -> None:
    evening = datetime(2026, 12, 1, 21, 30, tzinfo=LONDON)
    assert final_day_words(evening, ends_today=True) == "last day · ends at 21:30"
    assert final_day_words(evening, ends_today=False) == "ends tomorrow at 21:30"
    # Begun at midnight: it ends as today does, not "tomorrow at 00:00".
    midnight = datetime(2026, 12, 2, 0, 0, tzinfo=LONDON)
    assert final_day_words(midnight, ends_today=False) == "last day · ends at midnight"


def test_the_next_milestone_comes_before_the_end_or_not_at_all() -> None:
    assert next_milestone(11, 45) == 14
    assert next_milestone(15, 21) is None  # 3 weeks is the end of a 21-day period
    assert next_milestone(20, 21) is None  # the last day
    assert next_milestone(20, 22) == 21
    assert next_milestone(44, 45) is None
