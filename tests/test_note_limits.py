"""One limit for every short note, said the same way wherever it is refused."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nctui.domain.activity_input import clean_note
from nctui.domain.errors import AnswerError
from nctui.domain.ledger import Kind, check_event
from nctui.domain.text import NOTE_MAX_CHARS

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=ZoneInfo("Europe/London"))


def test_a_ledger_note_and_an_activity_note_hold_the_same() -> None:
    assert NOTE_MAX_CHARS == 2000
    words = "x" * NOTE_MAX_CHARS
    assert check_event(Kind.URGE, None, words, NOW, NOW, None) == words
    assert clean_note(words) == words


@pytest.mark.parametrize(
    "refuse",
    [
        pytest.param(lambda text: check_event(Kind.URGE, None, text, NOW, NOW, None), id="ledger"),
        pytest.param(clean_note, id="activity"),
    ],
)
def test_a_note_one_too_long_is_refused_with_its_count(refuse: object) -> None:
    with pytest.raises(AnswerError) as refused:
        refuse("x" * 2001)  # type: ignore[operator]
    assert "2,001 / 2,000 characters" in str(refused.value)
