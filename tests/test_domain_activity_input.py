"""What a person types on the Activities screen: each bad answer gets a clear message."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nctui.domain.activities import Activity, Category
from nctui.domain.activity_catalogue import catalogue
from nctui.domain.activity_input import (
    MAX_MINUTES,
    MAX_NAME_LENGTH,
    ActivityError,
    PlanDay,
    check_activity_name,
    clean_note,
    duration_input_text,
    parse_duration,
    parse_plan_day,
)
from nctui.domain.errors import AnswerError

TODAY = date(2026, 11, 26)  # a Thursday
OWN = Activity("own-1", "Learn to juggle", Category.HOBBIES)
EXISTING = [*catalogue(), OWN]


# -- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "cleaned"),
    [
        ("Learn to knit", "Learn to knit"),
        ("  learn   to\tknit ", "learn to knit"),
        ("x" * MAX_NAME_LENGTH, "x" * MAX_NAME_LENGTH),
        ("Café crawl №2", "Café crawl №2"),
    ],
)
def test_a_good_name_is_tidied(typed: str, cleaned: str) -> None:
    assert check_activity_name(typed, EXISTING) == cleaned


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Give it a name"),
        ("   \t ", "Give it a name"),
        ("a" * 500, "60 characters or fewer; this one has 500"),
        ("x" * (MAX_NAME_LENGTH + 1), "this one has 61"),
        ("!!! …", "at least one letter or number"),
        ("Go for a swim", "“Go for a swim” is already in the list, under Mind and body"),
        ("  go for a SWIM ", "already in the list"),
        ("Go for a  swim", "already in the list"),
        ("Gofora swim", "already in the list"),
        ("LEARN TO JUGGLE", "“Learn to juggle” is already in the list, under New hobbies"),
    ],
)
def test_a_bad_name_is_refused_with_a_reason(typed: str, message: str) -> None:
    with pytest.raises(ActivityError, match=message):
        check_activity_name(typed, EXISTING)


def test_activity_errors_are_answer_errors() -> None:
    # The screens already know how to show an AnswerError beside a field.
    assert issubclass(ActivityError, AnswerError)


def test_a_note_is_optional_and_kept_short() -> None:
    assert clean_note("") == ""
    assert clean_note("  lovely \n day ") == "lovely day"
    with pytest.raises(ActivityError, match="2,001 / 2,000 characters"):
        clean_note("a" * 2001)


# -- durations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [
        ("45m", 45),
        ("45 min", 45),
        ("2h", 120),
        ("2 hours", 120),
        ("1h 30m", 90),
        ("1h30", 90),
        ("1 hour and 15 minutes", 75),
        ("1:30", 90),
        ("1.5", 90),
        ("1,5 h", 90),
        ("2", 120),
        ("an hour", 60),
        ("half an hour", 30),
        ("a day", 24 * 60),
        ("2 days", 2 * 24 * 60),
        ("7 days", MAX_MINUTES),
        ("168h", MAX_MINUTES),
        (" 3 HRS ", 180),
    ],
)
def test_a_duration_can_be_typed_the_way_people_say_it(typed: str, minutes: int) -> None:
    assert parse_duration(typed) == minutes


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "How long did it take"),
        ("-2h", "cannot be below zero"),
        ("-30", "cannot be below zero"),
        ("−1h", "cannot be below zero"),
        ("0", "no time at all"),
        ("0h 0m", "no time at all"),
        ("10000 hours", "more than a week"),
        ("10,000 hours", "more than a week"),
        ("8 days", "more than a week"),
        ("169h", "more than a week"),
        ("a while", "Try a time like"),
        ("2 fortnights", "Try a time like"),
        ("30 2h", "Try a time like"),
        ("h", "Try a time like"),
    ],
)
def test_a_bad_duration_is_refused_with_a_reason(typed: str, message: str) -> None:
    with pytest.raises(ActivityError, match=message):
        parse_duration(typed)


@given(st.integers(min_value=1, max_value=MAX_MINUTES))
def test_the_suggested_duration_text_reads_back_exactly(minutes: int) -> None:
    assert parse_duration(duration_input_text(minutes)) == minutes


# -- days ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("today", TODAY),
        (" Today ", TODAY),
        ("tomorrow", date(2026, 11, 27)),
        ("in 3 days", date(2026, 11, 29)),
        ("in 1 day", date(2026, 11, 27)),
        ("in a week", date(2026, 12, 3)),
        ("in 2 weeks", date(2026, 12, 10)),
        ("saturday", date(2026, 11, 28)),
        ("Sat", date(2026, 11, 28)),
        ("thursday", TODAY),
        ("wed", date(2026, 12, 2)),
        ("2026-12-05", date(2026, 12, 5)),
        ("2027-1-2", date(2027, 1, 2)),
    ],
)
def test_a_plan_day_from_today_on(typed: str, day: date) -> None:
    assert parse_plan_day(typed, TODAY) == PlanDay(day, is_past=False)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("yesterday", date(2026, 11, 25)),
        ("3 days ago", date(2026, 11, 23)),
        ("2026-11-20", date(2026, 11, 20)),
    ],
)
def test_a_day_in_the_past_is_allowed_but_flagged(typed: str, day: date) -> None:
    chosen = parse_plan_day(typed, TODAY)
    assert chosen.day == day
    assert chosen.is_past


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Which day"),
        ("whenever", "Try today, tomorrow"),
        ("next tuesday", "Try today, tomorrow"),
        ("26/11/2026", "Try today, tomorrow"),
        ("in -2 days", "Try today, tomorrow"),
        ("2026-02-30", "2026-02-30 is not a real date"),
        ("2026-13-01", "not a real date"),
        ("2028-01-01", "more than a year away"),
        ("in 400 days", "more than a year away"),
        ("2025-01-01", "more than a year ago"),
    ],
)
def test_a_day_that_cannot_be_used_is_refused_with_a_reason(typed: str, message: str) -> None:
    with pytest.raises(ActivityError, match=message):
        parse_plan_day(typed, TODAY)


@given(st.integers(min_value=0, max_value=365))
def test_in_n_days_is_n_calendar_days_on(days: int) -> None:
    chosen = parse_plan_day(f"in {days} days", TODAY)
    assert chosen == PlanDay(TODAY + timedelta(days=days), is_past=False)
