"""The readiness check's scoring and verdicts, and the first-message check."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nctui.domain.checklist import ChecklistItem, loose_end_key, open_loose_ends
from nctui.domain.intake import LooseEnd
from nctui.domain.message_check import Flag, check_message, first_message_example
from nctui.domain.readiness import (
    READY_BAR,
    STATEMENTS,
    WANT_KEY,
    Facts,
    Verdict,
    answer_score,
    assess,
)

DAY = datetime(2026, 11, 26, 14, 0, tzinfo=ZoneInfo("Europe/London"))
CALM = Facts(
    period_complete=True,
    days_left=0,
    slips_last_week=0,
    contacts_last_week=0,
    mood_change=1.5,
    mood_sentence="mood is up 1.5 points on average since your first week.",
    signs=0,
    open_todos=(),
)
ALL = {statement.key: 4 for statement in STATEMENTS}


def _answers(value: int, **overrides: int) -> dict[str, int]:
    return {**{statement.key: value for statement in STATEMENTS}, **overrides}


@pytest.mark.parametrize(
    ("answers", "facts", "verdict", "extension"),
    [
        (_answers(4), CALM, Verdict.READY, 0),
        (_answers(3), CALM, Verdict.READY, 0),  # 75 of 100
        (_answers(2), CALM, Verdict.NOT_YET, 14),  # 50: 20 below the bar
        (_answers(1, want_them=4), CALM, Verdict.NOT_YET, 30),  # 25: far below it
        (_answers(4, want_them=1), CALM, Verdict.MOVE_ON, 0),
        (
            _answers(4, want_them=0),
            replace(CALM, period_complete=False, days_left=9),
            Verdict.MOVE_ON,
            0,
        ),
        (_answers(4), replace(CALM, period_complete=False, days_left=9), Verdict.NOT_YET, 0),
        (_answers(2), replace(CALM, period_complete=False, days_left=9), Verdict.NOT_YET, 0),
        (_answers(4), replace(CALM, contacts_last_week=1), Verdict.NOT_YET, 14),
        (_answers(4), replace(CALM, slips_last_week=1), Verdict.NOT_YET, 14),
        (_answers(4), replace(CALM, mood_change=-1.2), Verdict.NOT_YET, 7),
        (_answers(3, healed=1, no_reply_ok=1), CALM, Verdict.NOT_YET, 14),
    ],
)
def test_verdict_table(
    answers: dict[str, int], facts: Facts, verdict: Verdict, extension: int
) -> None:
    result = assess(answers, facts)
    assert result.verdict is verdict
    assert result.extension_days == extension


def test_score_runs_from_0_to_100() -> None:
    assert answer_score(_answers(0)) == 0
    assert answer_score(_answers(4)) == 100
    assert answer_score(_answers(3)) == 75


def test_every_verdict_says_why() -> None:
    waiting = assess(_answers(4, healed=0), replace(CALM, slips_last_week=2))
    assert any("2 slips in the last week" in line for line in waiting.reasons)
    assert any("You said: not at all" in line for line in waiting.reasons)
    moving_on = assess(_answers(4, want_them=0), CALM)
    assert moving_on.reasons[0].startswith("You said you do not really want them back")
    ready = assess(_answers(4), replace(CALM, signs=2, open_todos=("Pets",)))
    assert any("2 signs from them" in line for line in ready.reasons)
    assert any("Still to sort out: Pets" in line for line in ready.reasons)


def test_signs_help_but_never_carry_a_low_score() -> None:
    low = _answers(2)
    assert assess(low, replace(CALM, signs=10)).verdict is Verdict.NOT_YET
    assert assess(low, replace(CALM, signs=10)).score - assess(low, CALM).score == 9


def test_the_bar_is_where_the_docstring_says() -> None:
    assert READY_BAR == 70


ratings = st.fixed_dictionaries({s.key: st.integers(0, 4) for s in STATEMENTS})
facts = st.builds(
    Facts,
    period_complete=st.booleans(),
    days_left=st.integers(0, 90),
    slips_last_week=st.integers(0, 5),
    contacts_last_week=st.integers(0, 3),
    mood_change=st.none() | st.floats(-5, 5),
    mood_sentence=st.just("mood is steady."),
    signs=st.integers(0, 6),
    open_todos=st.just(()),
)


@given(ratings, facts, st.sampled_from([s.key for s in STATEMENTS if s.weight]))
def test_a_more_ready_answer_never_lowers_the_score(
    answers: dict[str, int], given_facts: Facts, key: str
) -> None:
    better = {**answers, key: min(4, answers[key] + 1)}
    assert assess(better, given_facts).score >= assess(answers, given_facts).score


@given(ratings, facts)
def test_score_in_range_and_ready_only_when_everything_allows(
    answers: dict[str, int], given_facts: Facts
) -> None:
    result = assess(answers, given_facts)
    assert 0 <= result.score <= 100
    if result.verdict is Verdict.READY:
        assert given_facts.period_complete
        assert result.score >= READY_BAR
        assert answers[WANT_KEY] >= 2
    if result.verdict is Verdict.NOT_YET and given_facts.period_complete:
        assert result.extension_days >= 7


# -- the first-message check ---------------------------------------------------------


def _flags(text: str, when: datetime = DAY) -> set[Flag]:
    return {finding.flag for finding in check_message(text, when)}


@pytest.mark.parametrize(
    "text",
    [
        first_message_example(),
        "Hey, happy birthday. Hope the year ahead is a kind one.",
        "Hi! Would you fancy a coffee next week? No pressure at all.",
        "We should grab a coffee at the one place that still does good cake.",
        "Saw a BBQ place in NYC you would like, LOL. Hope you are well.",
    ],
)
def test_calm_messages_raise_nothing(text: str) -> None:
    assert _flags(text) == set()


def test_a_long_message_is_too_long_and_says_by_what() -> None:
    (long,) = check_message("I have been thinking about us a lot lately and " * 8, DAY)
    assert long.flag is Flag.TOO_LONG
    assert long.reason.startswith("It runs to 375 characters.")
    (many,) = check_message("Hi. How are you. I am fine. Work is busy. Take care.", DAY)
    assert many.reason.startswith("It runs to 5 sentences.")


@pytest.mark.parametrize(
    "text",
    [
        "Can we get back together?",
        "I think we should give us another chance.",
        "Why won't you answer me",
        "Please reply, I need you.",
        "I want you back.",
        "We belong together, we were meant to be.",
    ],
)
def test_asking_to_reconcile_or_pressing_for_a_reply_is_flagged(text: str) -> None:
    findings = check_message(text, DAY)
    assert Flag.PRESSURE in {finding.flag for finding in findings}
    assert any("leans on them" in finding.reason for finding in findings)


@pytest.mark.parametrize(
    "text",
    [
        "I miss you and I love you so much.",
        "I'm heartbroken, devastated, I can't stop thinking about you",
        "Hi!!! How are you!!!",
        "WHY did you do this",
    ],
)
def test_a_message_heavy_with_feeling_is_flagged(text: str) -> None:
    assert Flag.EMOTIONAL in _flags(text)


def test_the_reason_names_only_what_was_found() -> None:
    (heavy,) = check_message("I miss you and I love you so much.", DAY)
    assert "“miss you”" in heavy.reason
    assert "exclamation" not in heavy.reason
    (loud,) = check_message("Hi!!! How are you!!!", DAY)
    assert "(6 exclamation marks)" in loud.reason


def test_late_at_night_is_flagged_with_the_hour() -> None:
    (finding,) = check_message("Hi, hope you are well.", DAY.replace(hour=1, minute=20))
    assert finding.flag is Flag.LATE
    assert "01:20" in finding.reason
    # Nothing in the message check is saved: the advice must not say to save it.
    assert "save" not in finding.reason.lower()


def test_without_a_plan_it_says_time_apart_comes_first() -> None:
    facts = replace(CALM, period_complete=False, has_plan=False)
    result = assess(ALL, facts)
    assert result.verdict is Verdict.NOT_YET
    assert result.reasons[0].startswith("There is no period running yet.")
    assert not any("0 days" in reason for reason in result.reasons)


def test_on_the_final_days_it_says_when_it_ends() -> None:
    final = replace(CALM, period_complete=False, days_left=0)
    assert assess(ALL, replace(final, ends_today=True)).reasons[0] == "Your period ends today."
    assert assess(ALL, final).reasons[0] == "Your period ends tomorrow."


def test_allowed_contact_for_a_loose_end_settles_it() -> None:
    items = (
        ChecklistItem("tell_them", "Tell them", ""),
        ChecklistItem(loose_end_key(LooseEnd.BELONGINGS), "Return or collect belongings", ""),
        ChecklistItem(loose_end_key(LooseEnd.FINANCES), "Close joint accounts", ""),
        ChecklistItem(loose_end_key(LooseEnd.PETS), "Agree who looks after the pets", ""),
    )
    assert open_loose_ends(items, {}, []) == (
        "Return or collect belongings",
        "Close joint accounts",
        "Agree who looks after the pets",
    )
    # Returning belongings settles them; an emergency or an apology settles nothing.
    assert open_loose_ends(items, {}, ["property", "emergency", None]) == (
        "Close joint accounts",
        "Agree who looks after the pets",
    )
    ticked = {loose_end_key(LooseEnd.PETS): True}
    assert open_loose_ends(items, ticked, ["finances"]) == ("Return or collect belongings",)
