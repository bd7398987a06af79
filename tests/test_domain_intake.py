"""Turning typed answers into intake answers, with a clear message for each bad one."""

from __future__ import annotations

from datetime import date

import pytest

from nctui.domain.errors import AnswerError
from nctui.domain.intake import (
    LooseEnd,
    clean_other_loose_end,
    describe_together,
    parse_contact_day,
    parse_together,
)
from nctui.domain.recommendation import check_custom_days

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("today", TODAY),
        ("  Today ", TODAY),
        ("yesterday", date(2026, 11, 25)),
        ("3 days ago", date(2026, 11, 23)),
        ("1 day ago", date(2026, 11, 25)),
        ("0 days ago", TODAY),
        ("2026-11-20", date(2026, 11, 20)),
        ("2026-2-28", date(2026, 2, 28)),
        ("2025-11-26", date(2025, 11, 26)),
    ],
)
def test_contact_day_accepts_the_usual_ways_of_saying_it(typed: str, expected: date) -> None:
    assert parse_contact_day(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Type a date"),
        ("   ", "Type a date"),
        ("2026-11-27", "has not come yet"),
        ("tomorrow", "has not come yet"),
        ("Tomorrow ", "has not come yet"),
        ("in 3 days", "has not come yet"),
        ("2026-02-30", "2026-02-30 is not a real date"),
        ("2026-13-01", "not a real date"),
        ("26/11/2026", "Try a date like"),
        ("last week", "Try a date like"),
        ("-3 days ago", "Try a date like"),
        ("2024-01-01", "more than a year ago"),
        ("400 days ago", "more than a year ago"),
    ],
)
def test_contact_day_refuses_with_a_reason(typed: str, message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        parse_contact_day(typed, TODAY)


@pytest.mark.parametrize(
    ("years", "months", "total"),
    [("3", "", 36), ("", "7", 7), ("1", "4", 16), (" 2 ", "0", 24), ("0", "18", 18)],
)
def test_together_adds_years_and_months(years: str, months: str, total: int) -> None:
    assert parse_together(years, months) == total


@pytest.mark.parametrize(
    ("years", "months", "message"),
    [
        ("", "", "Fill in years, months, or both"),
        ("0", "0", "cannot be zero"),
        ("two", "", "whole number"),
        ("2.5", "", "whole number"),
        ("-1", "", "below zero"),
        ("", "-3", "below zero"),
        ("500", "", "over 70 years"),
        ("70", "1", "over 70 years"),
    ],
)
def test_together_refuses_with_a_reason(years: str, months: str, message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        parse_together(years, months)


def test_something_else_needs_words_only_when_ticked() -> None:
    assert clean_other_loose_end("  the   car  ", (LooseEnd.OTHER,)) == "the car"
    assert clean_other_loose_end("ignored", (LooseEnd.PETS,)) == ""
    with pytest.raises(AnswerError, match="say in a few words"):
        clean_other_loose_end("  ", (LooseEnd.OTHER,))
    with pytest.raises(AnswerError, match="120 characters"):
        clean_other_loose_end("x" * 121, (LooseEnd.OTHER,))


@pytest.mark.parametrize(
    ("months", "said"),
    [(1, "1 month"), (7, "7 months"), (12, "1 year"), (16, "1 year 4 months"), (36, "3 years")],
)
def test_describe_together(months: int, said: str) -> None:
    assert describe_together(months) == said


@pytest.mark.parametrize(("typed", "result"), [("7", 7), ("45", 45), (" 365 ", 365)])
def test_custom_length_in_range(typed: str, result: int) -> None:
    assert check_custom_days(typed) == result


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "How many days"),
        ("six", "whole number"),
        ("-10", "from 7 to 365 days; you typed -10"),
        ("0", "from 7 to 365 days; you typed 0"),
        ("6", "from 7 to 365"),
        ("366", "from 7 to 365"),
        ("100000", "from 7 to 365"),
    ],
)
def test_custom_length_refused_with_a_reason(typed: str, message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        check_custom_days(typed)
