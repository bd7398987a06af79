"""What a passphrase dialog asks and does, kept apart from the dialog so the palette can
list its commands without loading text boxes (Textual's TextArea is slow to import)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

Answers = Mapping[str, str]
"""What was typed in each box, by the box's id."""


@dataclass(frozen=True)
class Box:
    """One box of the dialog."""

    id: str
    label: str
    password: bool = True
    value: str = ""


@dataclass(frozen=True)
class PassphraseTask:
    """What one dialog asks, and what it does with the answers."""

    title: str
    text: str
    boxes: tuple[Box, ...]
    button: str
    run: Callable[[Answers], str]
    """The slow step, run in a thread: the result to tell the person. Raises an error
    whose message a person can act on (a ValueError or a StorageError) to stay open."""
    check: Callable[[Answers], tuple[str, str] | None] = lambda _answers: None
    """A quick look first: (box id, what is wrong), or None to go ahead."""
    working: str = "Working on it… this takes a moment."
