"""The recommendation follows the guide's duration table, row by row and combined."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nctui.domain.intake import EndedBy, Ending, Goal, IntakeAnswers, LooseEnd, YesNo
from nctui.domain.recommendation import MAX_DAYS, MIN_DAYS, recommend

NEUTRAL = IntakeAnswers(
    contact_stopped=date(2026, 11, 26),
    together_months=12,
    ending=Ending.EMOTIONAL,
    ended_by=EndedBy.MUTUAL,
    stay_friends=YesNo.NO,
    seeing_someone=YesNo.NO,
    single_issue=YesNo.NO,
    loose_ends=(),
    other_loose_end="",
    goal=Goal.HEAL,
)
"""Answers that move nothing but the base: an emotional, mutual ending."""


def _days(**changes: object) -> int:
    return recommend(replace(NEUTRAL, **changes)).days  # type: ignore[arg-type]


# The guide's table, one row at a time, everything else neutral.
def test_under_two_years_is_about_thirty_days() -> None:
    assert _days(together_months=18) == 30


def test_over_two_years_is_two_to_three_months_or_longer() -> None:
    assert 60 <= _days(together_months=30) <= 90
    assert _days(together_months=72) >= 60


def test_amicable_is_shorter() -> None:
    assert _days(ending=Ending.AMICABLE) < _days()


def test_bad_is_longer() -> None:
    assert _days(ending=Ending.BAD) > _days()


def test_you_ended_it_is_shorter() -> None:
    assert _days(ended_by=EndedBy.ME) < _days()


def test_being_dumped_is_potentially_longer() -> None:
    assert _days(ended_by=EndedBy.THEM) > _days()


@pytest.mark.parametrize(
    ("months", "ending", "ended_by", "days"),
    [
        (12, Ending.AMICABLE, EndedBy.ME, 21),  # 30 - 7 - 7 = 16, kept to the floor
        (12, Ending.BAD, EndedBy.THEM, 74),  # 30 + 30 + 14
        (12, Ending.UNEXPECTED, EndedBy.THEM, 51),  # 30 + 7 + 14
        (36, Ending.AMICABLE, EndedBy.MUTUAL, 53),  # 60 - 7
        (36, Ending.BAD, EndedBy.ME, 83),  # 60 + 30 - 7
        (36, Ending.BAD, EndedBy.THEM, 104),  # 60 + 30 + 14
        (96, Ending.BAD, EndedBy.THEM, 134),  # 90 + 30 + 14
        (96, Ending.AMICABLE, EndedBy.ME, 76),  # 90 - 7 - 7
    ],
)
def test_combinations_of_rows(months: int, ending: Ending, ended_by: EndedBy, days: int) -> None:
    assert _days(together_months=months, ending=ending, ended_by=ended_by) == days


def test_every_change_is_explained_and_adds_up() -> None:
    result = recommend(
        replace(NEUTRAL, together_months=36, ending=Ending.BAD, ended_by=EndedBy.THEM)
    )
    assert [reason.days_text for reason in result.reasons] == [
        "base 60 days",
        "+30 days",
        "+14 days",
    ]
    assert result.reasons[0].answer == "Together 3 years"
    assert sum(reason.days for reason in result.reasons) == result.days


def test_the_floor_is_explained() -> None:
    result = recommend(replace(NEUTRAL, ending=Ending.AMICABLE, ended_by=EndedBy.ME))
    assert result.reasons[-1].effect == "kept to at least 21 days"
    assert sum(reason.days for reason in result.reasons) == result.days == MIN_DAYS


def test_friends_after_an_amicable_end_warns_of_backfiring() -> None:
    result = recommend(replace(NEUTRAL, ending=Ending.AMICABLE, stay_friends=YesNo.YES))
    assert any("look like a game" in warning for warning in result.warnings)
    assert recommend(replace(NEUTRAL, stay_friends=YesNo.YES)).warnings == ()


def test_hoping_to_get_back_together_comes_with_no_guarantees() -> None:
    result = recommend(replace(NEUTRAL, goal=Goal.GET_BACK))
    assert any("No one can promise" in warning for warning in result.warnings)


def test_a_new_partner_brings_the_backup_plan_note() -> None:
    result = recommend(replace(NEUTRAL, seeing_someone=YesNo.YES))
    assert any("backup plan" in warning for warning in result.warnings)
    assert any("fallback" in help_ for help_ in result.helps)


def test_situations_that_help_are_listed() -> None:
    result = recommend(
        replace(
            NEUTRAL,
            together_months=40,
            ending=Ending.UNEXPECTED,
            ended_by=EndedBy.THEM,
            single_issue=YesNo.YES,
        )
    )
    assert len(result.helps) == 3
    assert recommend(NEUTRAL).helps == (
        "It ended in anger or tears: feelings that hot need time to cool.",
    )


answers = st.builds(
    IntakeAnswers,
    contact_stopped=st.just(date(2026, 11, 26)),
    together_months=st.integers(1, 70 * 12),
    ending=st.sampled_from(Ending),
    ended_by=st.sampled_from(EndedBy),
    stay_friends=st.sampled_from(YesNo),
    seeing_someone=st.sampled_from(YesNo),
    single_issue=st.sampled_from(YesNo),
    loose_ends=st.lists(st.sampled_from(LooseEnd), unique=True).map(tuple),
    other_loose_end=st.just(""),
    goal=st.sampled_from(Goal),
)


@given(answers)
def test_days_always_within_bounds(given_answers: IntakeAnswers) -> None:
    assert MIN_DAYS <= recommend(given_answers).days <= MAX_DAYS


@given(answers, st.integers(1, 70 * 12))
def test_longer_together_never_gives_fewer_days(given_answers: IntakeAnswers, more: int) -> None:
    longer = replace(
        given_answers, together_months=min(70 * 12, given_answers.together_months + more)
    )
    assert recommend(longer).days >= recommend(given_answers).days


@given(answers)
def test_bad_never_shorter_than_amicable(given_answers: IntakeAnswers) -> None:
    bad = recommend(replace(given_answers, ending=Ending.BAD)).days
    amicable = recommend(replace(given_answers, ending=Ending.AMICABLE)).days
    assert bad >= amicable


@given(answers)
def test_dumped_never_shorter_than_ending_it_yourself(given_answers: IntakeAnswers) -> None:
    dumped = recommend(replace(given_answers, ended_by=EndedBy.THEM)).days
    mine = recommend(replace(given_answers, ended_by=EndedBy.ME)).days
    assert dumped >= mine


@given(answers)
def test_reasons_always_add_up(given_answers: IntakeAnswers) -> None:
    result = recommend(given_answers)
    assert sum(reason.days for reason in result.reasons) == result.days
