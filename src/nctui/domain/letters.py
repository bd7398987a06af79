"""Letters to them that are never sent, sealed until a period is complete.

Writing what you would like to say, without sending it, is a known way through the
urge. A letter starts as a draft, which can be written over several sittings (each
earlier draft is kept). Once sealed, it stays closed until a no-contact period has
been completed after the moment it was sealed; the readiness quiz then opens it with
the person. They may also open it early, after a gentle "are you sure".

For the readiness quiz: `letters_ready(letters, attempts, now)` lists the sealed
letters now due, and the coach (`nctui.coach.letters`) opens them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from nctui.domain.errors import AnswerError
from nctui.domain.period import Attempt, EndReason, State, end_of, period_status, zone_of
from nctui.domain.text import LONG_TEXT_MAX_CHARS, clean_text

LETTER_MAX_CHARS = LONG_TEXT_MAX_CHARS


class LetterState(StrEnum):
    """Where a letter is in its life."""

    DRAFT = "draft"
    SEALED = "sealed"
    READY = "ready"
    """Sealed, and a period has been completed since: ready to open."""
    OPENED = "opened"


@dataclass(frozen=True)
class Letter:
    """One letter. Its text is kept whatever state it is in."""

    id: str
    written_at: datetime
    text: str
    sealed_at: datetime | None = None
    opened_at: datetime | None = None
    opened_early: bool = False
    """Opened by choice before its period was complete."""
    earlier: tuple[str, ...] = ()
    """Earlier drafts, oldest first."""


def check_letter(text: str) -> str:
    """The cleaned text of a letter; else AnswerError (empty, or too long)."""
    cleaned = clean_text(text)
    if not cleaned:
        raise AnswerError("The letter is empty. Write as much or as little as you like.")
    if len(cleaned) > LETTER_MAX_CHARS:
        raise AnswerError(
            f"That is {len(cleaned):,} characters; a letter holds up to "
            f"{LETTER_MAX_CHARS:,}. Your text is still in the box: it could become two letters."
        )
    return cleaned


def _completed_ends(attempts: Iterable[Attempt], now: datetime) -> list[datetime]:
    zone = zone_of(now)
    ends = []
    for attempt in attempts:
        end = end_of(attempt, zone)
        done = attempt.end_reason is EndReason.COMPLETE or (attempt.is_open and now >= end)
        if done:
            ends.append(end)
    return ends


def letter_state(letter: Letter, attempts: Sequence[Attempt], now: datetime) -> LetterState:
    """The letter's state as of `now`.

    A sealed letter is ready once any period has been completed after it was sealed,
    so a restart after contact keeps it closed until the new period's end.
    """
    if letter.opened_at is not None:
        return LetterState.OPENED
    if letter.sealed_at is None:
        return LetterState.DRAFT
    sealed_at = letter.sealed_at
    if any(end >= sealed_at for end in _completed_ends(attempts, now)):
        return LetterState.READY
    return LetterState.SEALED


def sealed_until(attempts: Sequence[Attempt], now: datetime) -> datetime | None:
    """When a letter sealed now would be ready: the end of the running period.

    None when no period is running; the letter then waits for the end of the next one.
    """
    status = period_status(list(attempts), now)
    return status.end if status.state is State.ACTIVE else None


def letters_ready(
    letters: Iterable[Letter], attempts: Sequence[Attempt], now: datetime
) -> list[Letter]:
    """Sealed letters whose period has been completed, oldest first."""
    ready = [
        letter for letter in letters if letter_state(letter, attempts, now) is LetterState.READY
    ]
    return sorted(ready, key=lambda letter: letter.written_at)


def letters_to_read(
    letters: Iterable[Letter], attempts: Sequence[Attempt], now: datetime
) -> list[Letter]:
    """The sealed letters to read with fresh eyes once a period is done: ready to open,
    or opened when they were due. One opened early has been read already."""
    return [
        letter
        for letter in letters
        if letter_state(letter, attempts, now) is LetterState.READY
        or (letter_state(letter, attempts, now) is LetterState.OPENED and not letter.opened_early)
    ]


def redraft(letter: Letter, text: str) -> Letter:
    """The draft with new text; the text it had goes into `earlier`."""
    if letter.sealed_at is not None:
        raise ValueError("a sealed letter cannot be changed")
    if text == letter.text:
        return letter
    return replace(letter, text=text, earlier=(*letter.earlier, letter.text))


def opened(letter: Letter, now: datetime, *, early: bool) -> Letter:
    """The letter, opened at `now`."""
    if letter.sealed_at is None:
        raise ValueError("only a sealed letter can be opened")
    return replace(letter, opened_at=now, opened_early=early)
