"""The trusted people: checked as typed, read gently from the file."""

from __future__ import annotations

from typing import Any

import pytest

from nctui.domain.errors import AnswerError
from nctui.domain.trusted import (
    NAME_MAX_CHARS,
    REACH_MAX_CHARS,
    TrustedPerson,
    check_person,
    people_from,
    people_value,
    talk_line,
)


def test_a_person_is_cleaned_of_spaces_and_terminal_codes() -> None:
    cleaned = check_person("  Sam \x1b[31m ", " 07700  900123 ")
    assert cleaned == TrustedPerson("Sam", "07700 900123")


def test_two_empty_boxes_are_no_one() -> None:
    assert check_person("  ", "") is None


@pytest.mark.parametrize(
    ("name", "reach", "said"),
    [
        ("", "07700 900123", "A name, please"),
        ("x" * (NAME_MAX_CHARS + 1), "", f"up to {NAME_MAX_CHARS} characters"),
        ("Sam", "9" * (REACH_MAX_CHARS + 1), f"up to {REACH_MAX_CHARS} characters"),
    ],
)
def test_what_cannot_be_kept_is_said(name: str, reach: str, said: str) -> None:
    with pytest.raises(AnswerError, match=said):
        check_person(name, reach)


def test_a_name_alone_is_enough() -> None:
    person = check_person("Sam", "")
    assert person is not None
    assert talk_line(person) == "Talk to Sam instead"


@pytest.mark.parametrize(
    ("stored", "read"),
    [
        (None, ()),
        ("Sam", ()),
        ([{"name": "Sam", "reach": "1"}], (TrustedPerson("Sam", "1"),)),
        ([{"name": "Sam", "reach": 5}], (TrustedPerson("Sam", ""),)),
        ([{"reach": "1"}, "Alex", 3, {"name": " Alex "}], (TrustedPerson("Alex", ""),)),
        ([{"name": name} for name in "abc"], (TrustedPerson("a"), TrustedPerson("b"))),
    ],
)
def test_hand_edits_are_read_gently(stored: Any, read: tuple[TrustedPerson, ...]) -> None:
    assert people_from(stored) == read


def test_what_is_stored_reads_back_the_same() -> None:
    people = (TrustedPerson("Sam", "07700 900123"), TrustedPerson("Alex", "@alex"))
    assert people_from(people_value(people)) == people
