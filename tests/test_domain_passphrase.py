"""Choosing a passphrase: the same one typed again always counts as the same."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nctui.domain.passphrase import (
    MAX_LENGTH,
    MIN_NEW_LENGTH,
    PassphraseError,
    check_new_passphrase,
    normalise_passphrase,
)

CHOSEN = "paper boats at dawn"


@pytest.mark.parametrize(
    "typed",
    [
        CHOSEN + "\n",  # pasted from a password manager
        CHOSEN + "\r\n",  # pasted on Windows
        "  " + CHOSEN + " ",
        "\t" + CHOSEN + "\u00a0",  # a no-break space from a web page
    ],
)
def test_invisible_characters_at_the_ends_are_dropped(typed: str) -> None:
    assert normalise_passphrase(typed) == CHOSEN


def test_spaces_inside_are_kept_as_typed() -> None:
    assert normalise_passphrase("paper  boats") == "paper  boats"
    assert normalise_passphrase("paper  boats") != normalise_passphrase("paper boats")


def test_accents_typed_either_way_are_the_same_passphrase() -> None:
    composed = unicodedata.normalize("NFC", "crème brûlée à côté")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert normalise_passphrase(decomposed) == normalise_passphrase(composed) == composed


def test_emoji_and_other_scripts_are_kept() -> None:
    typed = "🌊 mi corazón 💔 ❤️‍🩹 下雨天"
    assert normalise_passphrase(typed) == typed


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Type your passphrase first"),
        (" \n\t", "Type your passphrase first"),
        ("x" * (MAX_LENGTH + 1), "100,000 characters or fewer"),
        ("x" * (MAX_LENGTH * 3), "100,000 characters or fewer"),
        ("broken \ud83d paste", "did not come through whole"),
    ],
)
def test_unusable_passphrases_are_refused_with_a_reason(typed: str, message: str) -> None:
    with pytest.raises(PassphraseError, match=message):
        normalise_passphrase(typed)


def test_a_ten_thousand_character_passphrase_is_taken_whole() -> None:
    typed = ("long walks " * 1000)[:10_000]
    assert len(normalise_passphrase(typed)) == len(typed.strip())


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (CHOSEN, CHOSEN),
        (CHOSEN + "\n", CHOSEN),
        (CHOSEN, "  " + CHOSEN + "\r\n"),
        ("café au lait", unicodedata.normalize("NFD", "café au lait")),
        ("🔒🌙✨🕊️🌧️🌈🍂🌻", "🔒🌙✨🕊️🌧️🌈🍂🌻"),
        ("a" * 10_000, "a" * 10_000),
    ],
)
def test_the_same_passphrase_twice_is_accepted(first: str, second: str) -> None:
    assert check_new_passphrase(first, second) is None


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        ("", "", "Choose a passphrase first"),
        ("   \n", CHOSEN, "Choose a passphrase first"),
        ("short", "short", f"at least {MIN_NEW_LENGTH} characters"),
        (CHOSEN, "", "type it once more"),
        (CHOSEN, "paper boats at dusk", "not the same"),
        (CHOSEN, "paper  boats at dawn", "not the same"),
        (CHOSEN, "x" * (MAX_LENGTH + 1), "not the same"),
        ("x" * (MAX_LENGTH + 1), "x" * (MAX_LENGTH + 1), "100,000 characters or fewer"),
    ],
)
def test_a_problem_with_a_new_passphrase_is_said_kindly(
    first: str, second: str, message: str
) -> None:
    problem = check_new_passphrase(first, second)
    assert problem is not None
    assert message in problem
    # One or two short lines in a dialog, a full sentence, no shouting.
    assert len(problem) <= 120
    assert problem.endswith(".")
    assert "!" not in problem


def test_a_short_passphrase_is_named_before_asking_for_the_second_entry() -> None:
    assert "at least" in (check_new_passphrase("short", "") or "")


@given(st.text(min_size=1, max_size=60))
def test_normalising_twice_changes_nothing(typed: str) -> None:
    try:
        once = normalise_passphrase(typed)
    except PassphraseError:
        return
    assert normalise_passphrase(once) == once
    assert normalise_passphrase(f" {typed}\n") == once


def test_the_retry_delay_starts_after_two_tries_grows_and_stops_growing() -> None:
    from nctui.domain.passphrase import MAX_RETRY_DELAY, retry_delay

    delays = [retry_delay(failures) for failures in range(12)]
    assert delays[:3] == [0.0, 0.0, 0.0]
    assert delays[3:7] == [2.0, 4.0, 8.0, 16.0]
    assert delays == sorted(delays)
    assert max(delays) == MAX_RETRY_DELAY == delays[-1]
