"""Weekly averages, the trend sentence, journal search, the chart's data, and letters."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from statistics import fmean
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nctui.domain.chart_data import chart_data, chart_window
from nctui.domain.checkin import CheckIn, DayEntry, Rating, day_entries
from nctui.domain.errors import AnswerError
from nctui.domain.journal_search import search
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.domain.letters import (
    Letter,
    LetterState,
    check_letter,
    letter_state,
    letters_ready,
    redraft,
    sealed_until,
)
from nctui.domain.mood_trend import mood_trend, points, trend, weekly_averages
from nctui.domain.period import Attempt, EndReason, State, period_status

LONDON = ZoneInfo("Europe/London")
FIRST = date(2026, 11, 1)


def entries_from(moods: dict[int, int], texts: dict[int, str] | None = None) -> list[DayEntry]:
    """Check-ins on day offsets from FIRST; missing and urge mirror the mood."""
    texts = texts or {}
    return day_entries(
        CheckIn(
            f"c{offset}",
            FIRST + timedelta(days=offset),
            mood,
            10 - mood,
            max(0, 8 - mood),
            texts.get(offset, ""),
            datetime.combine(FIRST + timedelta(days=offset), datetime.min.time(), LONDON),
        )
        for offset, mood in moods.items()
    )


def test_weeks_are_counted_from_the_first_day() -> None:
    moods = {0: 2, 1: 3, 2: 4, 6: 5, 7: 6, 13: 8, 14: 9}
    weeks = weekly_averages(entries_from(moods), FIRST, FIRST + timedelta(days=15))
    assert [(w.number, w.first_day.day, w.last_day.day, w.checkins) for w in weeks] == [
        (1, 1, 7, 4),
        (2, 8, 14, 2),
        (3, 15, 16, 1),  # the current week stops at the last day asked for
    ]
    assert weeks[0].mood == pytest.approx(3.5)
    assert weeks[0].miss == pytest.approx(6.5)
    assert weeks[1].mood == pytest.approx(7.0)
    assert weeks[0].counts and not weeks[1].counts


def test_a_week_without_checkins_has_no_average() -> None:
    weeks = weekly_averages(entries_from({0: 5}), FIRST, FIRST + timedelta(days=8))
    assert weeks[1].mood is None and weeks[1].checkins == 0
    assert weekly_averages([], FIRST, FIRST - timedelta(days=1)) == []


def test_the_trend_compares_the_first_and_latest_full_weeks() -> None:
    week_one = dict.fromkeys(range(0, 5), 4)  # mood 4
    week_two = dict.fromkeys(range(7, 8), 9)  # one check-in: does not count
    week_three = {14: 5, 15: 6, 16: 6, 17: 6}  # mood 5.75
    result = mood_trend(
        entries_from(week_one | week_two | week_three), FIRST, FIRST + timedelta(days=20)
    )
    assert result.change == pytest.approx(1.8)
    assert result.first is not None and result.first.number == 1
    assert result.latest is not None and result.latest.number == 3
    assert result.sentence == "Mood is up 1.8 points on average since your first week."


def test_down_steady_and_other_ratings_read_plainly() -> None:
    falling = {**dict.fromkeys(range(4), 7), **dict.fromkeys(range(7, 11), 5)}
    weeks = weekly_averages(entries_from(falling), FIRST, FIRST + timedelta(days=13))
    assert trend(weeks).sentence == "Mood is down 2 points on average since your first week."
    assert trend(weeks, Rating.MISS).sentence == (
        "Missing them is up 2 points on average since your first week."
    )
    steady = {**dict.fromkeys(range(4), 6), 7: 6, 8: 6, 9: 7}
    weeks = weekly_averages(entries_from(steady), FIRST, FIRST + timedelta(days=13))
    assert trend(weeks).sentence == "Mood is about the same as in your first week."
    assert trend(weeks).change == pytest.approx(0.3)


def test_too_little_data_says_so_gently() -> None:
    none = mood_trend([], FIRST, FIRST + timedelta(days=30))
    assert none.change is None
    assert "3 check-ins or more" in none.sentence
    one_week = mood_trend(entries_from({0: 5, 1: 5, 2: 5}), FIRST, FIRST + timedelta(days=9))
    assert one_week.change is None
    assert one_week.sentence.startswith("Week 1 is your first full week.")


def test_a_later_first_week_is_named() -> None:
    moods = {**dict.fromkeys(range(7, 10), 3), **dict.fromkeys(range(14, 17), 5)}
    result = mood_trend(entries_from(moods), FIRST, FIRST + timedelta(days=20))
    assert result.sentence == "Mood is up 2 points on average since week 2."


@pytest.mark.parametrize(
    ("value", "text"), [(1.0, "1 point"), (-1.8, "1.8 points"), (2, "2 points")]
)
def test_points(value: float, text: str) -> None:
    assert points(value) == text


@given(
    st.dictionaries(st.integers(0, 48), st.integers(1, 10), min_size=0, max_size=49),
    st.integers(0, 48),
)
def test_trend_maths_holds_for_any_checkins(moods: dict[int, int], span: int) -> None:
    last = FIRST + timedelta(days=span)
    entries = entries_from(moods)
    weeks = weekly_averages(entries, FIRST, last)
    assert len(weeks) == span // 7 + 1
    assert sum(w.checkins for w in weeks) == sum(1 for offset in moods if offset <= span)
    for week in weeks:
        inside = [m for o, m in moods.items() if week.number == o // 7 + 1 and o <= span]
        assert week.mood == (pytest.approx(fmean(inside)) if inside else None)
    result = trend(weeks)
    counted = [w for w in weeks if w.counts]
    if len(counted) < 2:
        assert result.change is None
    else:
        assert counted[0].mood is not None and counted[-1].mood is not None
        assert result.change is not None
        assert result.change == pytest.approx(round(counted[-1].mood - counted[0].mood, 1))
        assert -9 <= result.change <= 9
    assert result.sentence.endswith(".")


# -- search -------------------------------------------------------------------------------


def test_search_finds_every_word_in_any_order_and_case_newest_first() -> None:
    entries = entries_from(
        {0: 5, 3: 5, 5: 5},
        {0: "Walked by the sea with Sam.", 3: "sam called; no SEA today", 5: "Quiet day."},
    )
    found = search(entries, "SEA sam")
    assert [match.day.day for match in found] == [4, 1]
    assert found[1].snippet == "Walked by the sea with Sam."
    assert search(entries, "   ") == []
    assert search(entries, "mountains") == []


def test_search_reaches_earlier_versions_and_says_so() -> None:
    day = date(2026, 11, 3)
    when = datetime(2026, 11, 3, 9, tzinfo=LONDON)
    entries = day_entries(
        [
            CheckIn("a", day, 4, 4, 4, "I nearly texted them.", when),
            CheckIn("b", day, 5, 4, 4, "A calmer evening.", when + timedelta(hours=5)),
        ]
    )
    (match,) = search(entries, "texted")
    assert match.earlier_version
    (current,) = search(entries, "calmer")
    assert not current.earlier_version


def test_a_long_snippet_starts_near_the_word() -> None:
    text = "word " * 40 + "needle in the middle " + "more " * 40
    (match,) = search(entries_from({0: 5}, {0: text}), "needle", width=40)
    assert match.snippet.startswith("…")
    assert "needle" in match.snippet
    assert len(match.snippet) <= 40


# -- chart data ---------------------------------------------------------------------------


def test_the_chart_spans_the_period_and_marks_events_on_their_checkin_day() -> None:
    now = datetime(2026, 11, 26, 9, 30, tzinfo=LONDON)
    start = now - timedelta(days=30)
    attempts = [Attempt("a", start, 45)]
    window = chart_window(period_status(attempts, now), now.date())
    assert (window.first_day, window.days, window.last_data_day) == (
        start.date(),
        45,
        now.date(),
    )
    late_urge = datetime(2026, 11, 20, 2, 30, tzinfo=LONDON)  # counts for the 19th
    events = [
        LedgerEvent("u", Kind.URGE, late_urge, late_urge),
        LedgerEvent("s", Kind.SLIP, late_urge + timedelta(hours=10), late_urge),
        LedgerEvent("x", Kind.SIGN, late_urge, late_urge),  # signs are not marked
        LedgerEvent("old", Kind.SLIP, start - timedelta(days=3), start),  # before the period
    ]
    entries = entries_from({26: 6})  # 27 Nov: after today, not drawn
    data = chart_data(window, entries + entries_from({18: 5}), events, 4, LONDON)
    nineteenth = window.number(date(2026, 11, 19))
    assert data.marks[Kind.URGE] == [nineteenth]
    assert data.marks[Kind.SLIP] == [nineteenth + 1]
    assert Kind.SIGN not in data.marks
    assert data.series[Rating.MOOD] == [(nineteenth, 5)]


def test_a_period_begun_after_midnight_starts_on_that_check_in_day() -> None:
    # Begun at 00:27: before the day-start hour it is still the 26th's evening, and the
    # check-in made ten minutes later (for the 26th) is the period's first chart day.
    start = datetime(2026, 11, 27, 0, 27, tzinfo=LONDON)
    now = start + timedelta(minutes=10)
    window = chart_window(period_status([Attempt("a", start, 45)], now), date(2026, 11, 26), 4)
    assert window.first_day == date(2026, 11, 26)
    data = chart_data(window, entries_from({25: 6}), [], 4, LONDON)  # the 26th
    assert data.series[Rating.MOOD] == [(1, 6)]


def test_without_a_plan_the_chart_shows_four_weeks() -> None:
    now = datetime(2026, 11, 26, 9, 30, tzinfo=LONDON)
    window = chart_window(period_status([], now), now.date())
    assert window.days == 28 and window.number(now.date()) == 28


# -- letters ------------------------------------------------------------------------------


def test_a_letter_is_sealed_until_a_period_completes_after_it_was_sealed() -> None:
    now = datetime(2026, 11, 26, 9, 30, tzinfo=LONDON)
    start = now - timedelta(days=10)
    attempts = [Attempt("a", start, 30)]
    sealed = Letter("l", now, "words", sealed_at=now)
    assert letter_state(sealed, attempts, now) is LetterState.SEALED
    assert sealed_until(attempts, now) == start + timedelta(days=30)
    at_end = start + timedelta(days=30)
    assert letter_state(sealed, attempts, at_end) is LetterState.READY
    assert letters_ready([sealed], attempts, at_end) == [sealed]
    # Contact restarts the period: the letter waits for the new end.
    restarted = [
        Attempt("a", start, 30, ended_at=now + timedelta(days=2), end_reason=EndReason.CONTACT),
        Attempt("b", now + timedelta(days=2), 30),
    ]
    assert letter_state(sealed, restarted, at_end) is LetterState.SEALED
    assert letter_state(sealed, restarted, now + timedelta(days=32)) is LetterState.READY


def test_a_letter_sealed_after_a_completed_period_waits_for_the_next() -> None:
    now = datetime(2026, 11, 26, 9, 30, tzinfo=LONDON)
    done = [
        Attempt(
            "a",
            now - timedelta(days=40),
            30,
            ended_at=now - timedelta(days=10),
            end_reason=EndReason.COMPLETE,
        )
    ]
    assert period_status(done, now).state is State.COMPLETE
    letter = Letter("l", now, "words", sealed_at=now)
    assert letter_state(letter, done, now) is LetterState.SEALED
    assert sealed_until(done, now) is None


def test_drafts_keep_every_earlier_text_and_opened_letters_stay_opened() -> None:
    now = datetime(2026, 11, 26, 9, 30, tzinfo=LONDON)
    draft = Letter("l", now, "one")
    assert letter_state(draft, [], now) is LetterState.DRAFT
    twice = redraft(redraft(draft, "two"), "three")
    assert (twice.text, twice.earlier) == ("three", ("one", "two"))
    assert redraft(twice, "three") is twice
    opened = Letter("l", now, "x", sealed_at=now, opened_at=now)
    assert letter_state(opened, [], now) is LetterState.OPENED
    with pytest.raises(ValueError, match="sealed"):
        redraft(Letter("l", now, "x", sealed_at=now), "y")


def test_letter_text_is_checked() -> None:
    with pytest.raises(AnswerError, match="empty"):
        check_letter(" \x1b[2J ")
    with pytest.raises(AnswerError, match="1,048,576 characters"):
        check_letter("y" * 1_048_576)
    assert check_letter(" Dear you,\x07\n ") == "Dear you,"
