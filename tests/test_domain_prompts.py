"""Journal prompts: today's question first, then the pool in an order that moves daily."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from nctui.domain.cards import CardDay, card_for, deck
from nctui.domain.data_files import CatalogueError
from nctui.domain.period import State
from nctui.domain.prompts import (
    CARD_PREFIX,
    PROMPTS_FILE,
    Prompt,
    card_prompt,
    next_prompt,
    parse_prompts,
    prompt_pool,
    prompts_for,
)

TODAY = date(2026, 11, 26)
CARD = card_for(CardDay(State.ACTIVE, 5, days_to_end=25))


def test_the_pool_has_thirty_questions_or_more_each_once() -> None:
    pool = prompt_pool()
    assert len(pool) >= 30
    assert len({prompt.id for prompt in pool}) == len(pool)
    assert all(prompt.text.endswith("?") for prompt in pool)
    assert not any(prompt.id.startswith(CARD_PREFIX) for prompt in pool)


def test_todays_prompt_is_the_day_cards_question() -> None:
    first = prompts_for(CARD, TODAY)[0]
    assert first.text == CARD.ask
    assert first.id == f"card-{CARD.id}"


def test_stepping_through_visits_every_prompt_once_then_goes_round() -> None:
    sequence = prompts_for(CARD, TODAY)
    assert len(sequence) == len(prompt_pool()) + 1
    current: str | None = sequence[0].id
    visited = []
    for _ in range(len(sequence)):
        prompt = next_prompt(sequence, current)
        visited.append(prompt.id)
        current = prompt.id
    assert sorted(visited) == sorted(prompt.id for prompt in sequence)
    assert visited[-1] == sequence[0].id  # back to today's question


def test_stepping_back_undoes_stepping_forward() -> None:
    sequence = prompts_for(CARD, TODAY)
    forward = next_prompt(sequence, sequence[3].id)
    assert next_prompt(sequence, forward.id, -1) == sequence[3]
    assert next_prompt(sequence, sequence[0].id, -1) == sequence[-1]


def test_an_unknown_or_missing_current_prompt_starts_at_the_top() -> None:
    sequence = prompts_for(CARD, TODAY)
    assert next_prompt(sequence, None) == sequence[0]
    assert next_prompt(sequence, "a-prompt-from-a-newer-version") == sequence[0]
    with pytest.raises(ValueError, match="no prompts"):
        next_prompt((), None)


def test_the_order_is_the_same_all_day_and_moves_the_next_day() -> None:
    assert prompts_for(CARD, TODAY) == prompts_for(CARD, TODAY)
    tomorrow = prompts_for(CARD, TODAY + timedelta(days=1))
    assert tomorrow[1] != prompts_for(CARD, TODAY)[1]
    second_places = {prompts_for(CARD, TODAY + timedelta(days=n))[1].id for n in range(40)}
    assert len(second_places) == len(prompt_pool())  # over time, each gets a turn first


def test_a_pool_question_the_same_as_the_cards_is_not_offered_twice() -> None:
    twin = Prompt("twin", CARD.ask.upper(), CARD.section)
    other = Prompt("other", "What else?", CARD.section)
    assert [p.id for p in prompts_for(CARD, TODAY, [twin, other])] == [
        card_prompt(CARD).id,
        "other",
    ]
    assert prompts_for(CARD, TODAY, [twin]) == (card_prompt(CARD),)


def test_every_card_question_is_distinct_from_the_pool() -> None:
    pool = {prompt.text.lower() for prompt in prompt_pool()}
    assert not [card.id for card in deck().cards if card.ask.lower() in pool]


GOOD = '[[prompt]]\nid = "one"\ntext = "What now?"\nsection = "healing"\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[prompt]\n", "unreadable TOML"),
        ("", "no [[prompt]] entries"),
        (GOOD.replace("What now?", "Tell me."), "a prompt must be a question"),
        (GOOD.replace('"one"', '"card-one"'), "belong to the cards"),
        (GOOD.replace("healing", "luck"), "'section' must be one of"),
        (GOOD.replace("What now?", "W" * 160 + "?"), "at most 160"),
        (GOOD + GOOD, "the id 'one' is used twice"),
        (GOOD + GOOD.replace('"one"', '"two"'), "the same question twice"),
        (GOOD.replace("text =", "txt ="), "unknown field 'txt'"),
    ],
)
def test_a_broken_prompts_file_says_which_prompt_and_why(text: str, message: str) -> None:
    with pytest.raises(CatalogueError, match=re.escape(message)) as raised:
        parse_prompts(text)
    assert PROMPTS_FILE in str(raised.value)
