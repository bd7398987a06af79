"""Trigger tags: one letter each, none that means something else nearby."""

from __future__ import annotations

import pytest

from nctui.domain.errors import AnswerError
from nctui.domain.triggers import (
    RESERVED_LETTERS,
    TRIGGERS,
    check_triggers,
    toggle,
    trigger_for_letter,
    trigger_label,
    triggers_text,
)


def test_the_vocabulary_covers_the_common_triggers() -> None:
    keys = {trigger.key for trigger in TRIGGERS}
    assert {
        "lonely",
        "bored",
        "late_night",
        "drink",
        "saw_post",
        "date",
        "place_song",
        "other",
    } <= keys


def test_each_tag_has_its_own_single_letter_and_key() -> None:
    letters = [trigger.letter for trigger in TRIGGERS]
    assert all(len(letter) == 1 and letter.isalpha() and letter.islower() for letter in letters)
    assert len(set(letters)) == len(letters)
    assert len({trigger.key for trigger in TRIGGERS}) == len(TRIGGERS)
    assert len({trigger.label for trigger in TRIGGERS}) == len(TRIGGERS)


def test_no_tag_letter_is_a_ledger_screen_or_yes_no_key() -> None:
    assert set("ustoev") <= RESERVED_LETTERS
    assert not {trigger.letter for trigger in TRIGGERS} & RESERVED_LETTERS


def test_a_letter_chooses_its_tag_in_either_case() -> None:
    assert trigger_for_letter("l") == TRIGGERS[0]
    assert trigger_for_letter("L") == TRIGGERS[0]
    assert trigger_for_letter("u") is None


def test_pressing_a_tag_twice_takes_it_off_and_order_follows_the_list() -> None:
    chosen = toggle((), "other")
    chosen = toggle(chosen, "lonely")
    assert chosen == ("lonely", "other")
    assert toggle(chosen, "lonely") == ("other",)


def test_unknown_tags_are_refused_and_duplicates_kept_once() -> None:
    assert check_triggers(["bored", "bored"]) == ("bored",)
    with pytest.raises(AnswerError, match="bad_mood"):
        check_triggers(["bad_mood"])


def test_labels_for_the_history_read_well_even_for_a_newer_tag() -> None:
    assert triggers_text(["lonely", "late_night"]) == "Lonely · Late at night"
    assert triggers_text([]) == ""
    assert trigger_label("rainy_day") == "Rainy day"
