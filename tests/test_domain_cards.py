"""The day cards: the shipped file, the rule that picks today's card, and its inputs."""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nctui.domain.cards import (
    CARDS_FILE,
    FIELD_MAX_CHARS,
    TITLE_MAX_CHARS,
    Card,
    CardDay,
    Occasion,
    Setback,
    card_day,
    card_for,
    deck,
    parse_deck,
    recent_setback,
    today_card,
)
from nctui.domain.data_files import CatalogueError
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.domain.milestones import MILESTONES
from nctui.domain.period import Attempt, EndReason, State, period_status

LONDON = ZoneInfo("Europe/London")
START = datetime(2026, 11, 1, 20, 30, tzinfo=LONDON)
DAY_START = 4


def _day(number: int, *, length: int = 365, setback: Setback | None = None) -> Card:
    return card_for(CardDay(State.ACTIVE, number, days_to_end=length - number, setback=setback))


def _written(number: int) -> Card:
    card = deck().by_day.get((Occasion.DAY, number))
    assert card is not None, f"no card written for day {number}"
    return card


def _event(kind: Kind, at: datetime, *, restarted: bool = False) -> LedgerEvent:
    return LedgerEvent(f"e-{kind}-{at:%d%H%M}", kind, at, at, restarted=restarted)


# -- the shipped file --------------------------------------------------------------------


def test_the_deck_has_45_cards_or_more_and_every_kind_of_occasion() -> None:
    cards = deck().cards
    assert len(cards) >= 45
    assert set(Counter(card.occasion for card in cards)) == set(Occasion)
    assert len({card.id for card in cards}) == len(cards)


def test_days_one_to_thirty_each_have_their_own_card() -> None:
    assert [_written(day).days for day in range(1, 31)] == [(day,) for day in range(1, 31)]


def test_a_card_a_week_to_day_ninety_and_one_for_each_later_milestone() -> None:
    for week_end in range(35, 91, 7):
        assert any(
            (Occasion.DAY, day) in deck().by_day for day in range(week_end - 6, week_end + 1)
        )
    for milestone in MILESTONES:
        _written(milestone)


def test_every_card_fits_a_small_panel() -> None:
    for card in deck().cards:
        assert len(card.title) <= TITLE_MAX_CHARS, card.id
        for text in (card.feel, card.do, card.ask):
            assert len(text) <= FIELD_MAX_CHARS, card.id
            assert text.count(". ") <= 2, f"{card.id}: more than two sentences"
        assert card.ask.endswith("?"), card.id


def test_the_cards_never_speak_of_winning_them_back() -> None:
    hopes = ("win them back", "get them back", "they will miss", "miss you", "come back to you")
    for card in deck().cards:
        text = " ".join((card.title, card.feel, card.do, card.ask)).lower()
        assert not any(hope in text for hope in hopes), card.id


# -- the rule: every day gets a card ------------------------------------------------------


@pytest.mark.parametrize("length", [7, 21, 30, 45, 60, 90, 180, 365])
def test_every_day_of_a_period_gets_a_card_and_no_two_days_in_a_row_repeat(length: int) -> None:
    cards = [_day(number, length=length) for number in range(1, length + 1)]
    assert all(isinstance(card, Card) for card in cards)
    for number, (today, tomorrow) in enumerate(pairwise(cards), start=1):
        assert today != tomorrow, f"day {number} and {number + 1} of {length}"


def test_every_day_to_a_year_gets_its_own_written_card_or_an_ongoing_one() -> None:
    for number in range(1, 364):  # the last two days of a 365-day period are the end
        card = _day(number)
        written = deck().by_day.get((Occasion.DAY, number))
        assert card == written if written else card.occasion is Occasion.ONGOING


def test_the_card_for_a_day_is_the_same_every_time() -> None:
    assert [_day(n).id for n in range(1, 366)] == [_day(n).id for n in range(1, 366)]


def test_days_past_a_year_still_get_a_card() -> None:
    assert _day(1000, length=2000).occasion is Occasion.ONGOING


def test_the_final_day_and_the_day_before_have_their_own_cards() -> None:
    assert _day(30, length=30).occasion is Occasion.FINAL
    assert _day(29, length=30).occasion is Occasion.NEAR_END
    assert _day(28, length=30) == _written(28)
    # A seven-day period still gets its first day's card.
    assert _day(1, length=7) == _written(1)


def test_after_the_end_the_first_card_says_it_is_over_then_others_take_turns() -> None:
    ended_today = card_for(CardDay(State.COMPLETE, days_over=0))
    day_after = card_for(CardDay(State.COMPLETE, days_over=1))
    assert ended_today == day_after and day_after.days == (0, 1)
    later = [card_for(CardDay(State.COMPLETE, days_over=n)) for n in range(2, 40)]
    assert all(card.occasion is Occasion.OVER for card in later)
    assert len({card.id for card in later}) >= 3
    # A clock set back before the end still gets a card.
    assert card_for(CardDay(State.COMPLETE, days_over=-3)) == ended_today


def test_a_slip_or_a_restart_gets_its_own_card_even_on_a_written_day() -> None:
    assert _day(7, setback=Setback.SLIP).occasion is Occasion.SLIP
    assert _day(30, length=30, setback=Setback.SLIP).occasion is Occasion.SLIP
    first = _day(1, setback=Setback.RESTART)
    second = _day(2, setback=Setback.RESTART)
    assert first.occasion is second.occasion is Occasion.RESTART
    assert first != second  # the restart's own day, then the day after
    assert _day(5, setback=Setback.SLIP) != _day(6, setback=Setback.SLIP)


def test_no_plan_gets_a_no_plan_card_taking_turns_by_date() -> None:
    cards = {card_for(CardDay(State.NO_PLAN, ordinal=n)) for n in range(10)}
    assert {card.occasion for card in cards} == {Occasion.NO_PLAN}
    assert len(cards) >= 2


@given(
    state=st.sampled_from(list(State)),
    day=st.integers(-5, 3000),
    days_to_end=st.none() | st.integers(-5, 3000),
    days_over=st.integers(-5, 3000),
    setback=st.none() | st.sampled_from(list(Setback)),
    ordinal=st.integers(1, 800_000),
)
def test_any_values_at_all_get_a_card(
    state: State,
    day: int,
    days_to_end: int | None,
    days_over: int,
    setback: Setback | None,
    ordinal: int,
) -> None:
    card = card_for(CardDay(state, day, days_to_end, days_over, setback, ordinal))
    assert card in deck().cards


# -- the inputs, from what the dashboard has ---------------------------------------------


def test_the_card_moves_with_the_clock_across_a_period() -> None:
    attempts = [Attempt("a1", START, 30)]  # ends 1 December at 20:30
    seen = []
    for offset in range(0, 33):
        now = START + timedelta(days=offset, hours=1)  # 21:30 each evening
        status = period_status(attempts, now)
        seen.append(today_card(status, [], now, DAY_START))
    assert seen[0] == _written(1) and seen[13] == _written(14)
    assert seen[28] == _written(29)
    # 30 November is day 30 of 30, and 1 December, the last day, holds the end at 20:30.
    assert seen[29].occasion is Occasion.NEAR_END
    before_end = START + timedelta(days=30, hours=-2)
    assert today_card(period_status(attempts, before_end), [], before_end, DAY_START).occasion is (
        Occasion.FINAL
    )
    assert seen[30].occasion is Occasion.OVER  # 1 December, after 20:30
    assert seen[30].days == (0, 1) and seen[31] == seen[30]
    assert seen[32].occasion is Occasion.OVER


def test_a_period_that_ends_at_midnight_has_its_final_day_before_it() -> None:
    start = datetime(2026, 11, 1, 0, 0, tzinfo=LONDON)
    attempts = [Attempt("a1", start, 30)]  # ends at 00:00 on 1 December
    now = datetime(2026, 11, 30, 23, 0, tzinfo=LONDON)
    assert today_card(period_status(attempts, now), [], now, DAY_START).occasion is Occasion.FINAL
    day_before = now - timedelta(days=1)
    status = period_status(attempts, day_before)
    assert today_card(status, [], day_before, DAY_START).occasion is Occasion.NEAR_END


def test_a_slip_shows_its_card_that_day_and_the_next_then_the_day_card_returns() -> None:
    attempts = [Attempt("a1", START, 60)]
    slip = _event(Kind.SLIP, datetime(2026, 11, 10, 22, 0, tzinfo=LONDON))
    for at, expected in [
        (datetime(2026, 11, 10, 21, 0, tzinfo=LONDON), _written(10)),  # before it
        (datetime(2026, 11, 10, 23, 0, tzinfo=LONDON), None),  # right after
        (datetime(2026, 11, 11, 18, 0, tzinfo=LONDON), None),  # the day after
        (datetime(2026, 11, 12, 3, 0, tzinfo=LONDON), None),  # still the 11th by check-in
        (datetime(2026, 11, 12, 9, 0, tzinfo=LONDON), _written(12)),
    ]:
        card = today_card(period_status(attempts, at), [slip], at, DAY_START)
        if expected is None:
            assert card.occasion is Occasion.SLIP, at
        else:
            assert card == expected, at


def test_a_slip_after_midnight_belongs_to_the_evening_before() -> None:
    slip = _event(Kind.SLIP, datetime(2026, 11, 14, 1, 30, tzinfo=LONDON))  # Friday night
    assert recent_setback([slip], datetime(2026, 11, 14, 20, 0, tzinfo=LONDON), 4) is Setback.SLIP
    assert recent_setback([slip], datetime(2026, 11, 15, 9, 0, tzinfo=LONDON), 4) is None
    # With the day starting at midnight, the same slip is on the 14th, so the 15th is the day after.
    assert recent_setback([slip], datetime(2026, 11, 15, 9, 0, tzinfo=LONDON), 0) is Setback.SLIP


def test_contact_that_restarts_gets_the_restart_card_and_kept_dates_the_slip_card() -> None:
    contact_at = datetime(2026, 11, 12, 19, 0, tzinfo=LONDON)
    attempts = [
        Attempt("a1", START, 30, ended_at=contact_at, end_reason=EndReason.CONTACT),
        Attempt("a2", contact_at, 30),
    ]
    restart = _event(Kind.CONTACT, contact_at, restarted=True)
    same_evening = contact_at + timedelta(hours=2)
    next_day = contact_at + timedelta(days=1)
    first = today_card(period_status(attempts, same_evening), [restart], same_evening, DAY_START)
    second = today_card(period_status(attempts, next_day), [restart], next_day, DAY_START)
    assert first.occasion is second.occasion is Occasion.RESTART
    assert first != second
    kept = _event(Kind.CONTACT, contact_at)
    running = [Attempt("a1", START, 30)]
    card = today_card(period_status(running, same_evening), [kept], same_evening, DAY_START)
    assert card.occasion is Occasion.SLIP


def test_the_newest_setback_decides_and_other_events_do_not_count() -> None:
    now = datetime(2026, 11, 12, 20, 0, tzinfo=LONDON)
    restart = _event(Kind.CONTACT, now - timedelta(days=1), restarted=True)
    slip = _event(Kind.SLIP, now - timedelta(hours=2))
    assert recent_setback([slip, restart], now, DAY_START) is Setback.SLIP
    assert recent_setback([restart], now, DAY_START) is Setback.RESTART
    calm = [_event(kind, now - timedelta(hours=1)) for kind in (Kind.URGE, Kind.ALLOWED, Kind.SIGN)]
    assert recent_setback(calm, now, DAY_START) is None
    future = _event(Kind.SLIP, now + timedelta(hours=1))  # a clock set back since
    assert recent_setback([future], now, DAY_START) is None


def test_no_plan_and_a_slip_still_shows_the_no_plan_card() -> None:
    now = datetime(2026, 11, 12, 20, 0, tzinfo=LONDON)
    slip = _event(Kind.SLIP, now - timedelta(hours=1))
    card = today_card(period_status([], now), [slip], now, DAY_START)
    assert card.occasion is Occasion.NO_PLAN
    assert card_day(period_status([], now), [slip], now, DAY_START).setback is None


def test_day_numbers_hold_across_the_clocks_going_back() -> None:
    start = datetime(2026, 10, 20, 9, 0, tzinfo=LONDON)  # clocks go back on 25 October
    attempts = [Attempt("a1", start, 30)]
    for offset in range(0, 12):
        now = datetime(2026, 10, 20 + offset, 8, 0, tzinfo=LONDON) + timedelta(hours=2)
        values = card_day(period_status(attempts, now), [], now, DAY_START)
        assert values.day == offset + 1
        assert values.days_to_end == 30 - offset
        assert today_card(period_status(attempts, now), [], now, DAY_START) == _written(offset + 1)


# -- a malformed file says what is wrong --------------------------------------------------

GOOD = """
[[card]]
id = "{id}"
when = "{when}"
{days}
title = "A title"
feel = "A feeling."
do = "A thing to do."
ask = "A question?"
section = "healing"
"""


def _deck_text(**changes: str) -> str:
    occasions = [
        ("d1", "day", "days = [1]"),
        ("on", "ongoing", ""),
        ("ne", "near-end", ""),
        ("fi", "final", ""),
        ("ov", "over", ""),
        ("sl", "slip", ""),
        ("re", "restart", ""),
        ("np", "no-plan", ""),
    ]
    text = "".join(GOOD.format(id=key, when=when, days=days) for key, when, days in occasions)
    for old, new in changes.items():
        text = text.replace(old, new, 1)
    return text


def test_a_complete_small_deck_loads() -> None:
    cards = parse_deck(_deck_text())
    assert len(cards.cards) == 8
    assert card_for(CardDay(State.ACTIVE, 1, days_to_end=10), cards).id == "d1"
    assert card_for(CardDay(State.ACTIVE, 2, days_to_end=10), cards).id == "on"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[card]\nid = 1", "unreadable TOML"),
        ("[[activity]]\nkey = 'x'", "no [[card]] entries"),
        (_deck_text(**{'when = "ongoing"': 'when = "someday"'}), "'when' must be one of"),
        (_deck_text(**{'section = "healing"': 'section = "luck"'}), "'section' must be one of"),
        (_deck_text(**{'ask = "A question?"': 'ask = "Not a question."'}), "must be a question"),
        (_deck_text(**{'feel = "A feeling."': 'feel = "' + "x" * 161 + '"'}), "at most 160"),
        (_deck_text(**{'title = "A title"': 'title = ""'}), "'title' is missing or empty"),
        (_deck_text(**{'id = "on"': 'id = "On call"'}), "bad id"),
        (_deck_text(**{'id = "on"': 'id = "d1"'}), "used twice"),
        (_deck_text(**{"days = [1]": "days = []"}), "a day card needs 'days'"),
        (_deck_text(**{"days = [1]": "days = [0]"}), "day days count from 1"),
        (_deck_text(**{"days = [1]": "days = ['one']"}), "list of whole numbers"),
        (_deck_text(**{'when = "slip"': 'when = "slip"\ndays = [3]'}), "cannot name days"),
        (_deck_text(**{'when = "final"': 'when = "day"\ndays = [1]'}), "are both for day 1"),
        (_deck_text(**{'when = "restart"': 'when = "slip"'}), "no restart card"),
        (_deck_text(**{'do = "A thing to do."': ""}), "'do' is missing or empty"),
        (
            _deck_text(**{'do = "A thing to do."': 'todo = "A thing to do."'}),
            "unknown field 'todo'",
        ),
        (_deck_text(**{'title = "A title"': 'title = "A title"\ncolour = "red"'}), "unknown field"),
        ('card = "one"', "no [[card]] entries"),
        ("card = [1, 2]", "card number 1 is not a table"),
    ],
)
def test_a_broken_cards_file_says_which_card_and_why(text: str, message: str) -> None:
    with pytest.raises(CatalogueError, match=re.escape(message)) as raised:
        parse_deck(text)
    assert CARDS_FILE in str(raised.value)
