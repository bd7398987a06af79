"""Trigger tags: what was going on when an urge or a slip came, chosen with one key each.

Tags are optional and a person may choose several. Each has a stable key (stored with
the event: never change or reuse one once shipped), a short label and a letter.

The letters avoid every key that means something else nearby: the ledger's `u` `s` `t`
`o` `e` `v`, the screen keys `h` `i` `c` `a` `j` `r` and `q`, yes and no (`y` `n`) and
`x` (close without logging, on the SOS card). `d` for a drink matches the SOS card's own
`d` ("I have been drinking"), which means the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable

from nctui.domain.errors import AnswerError
from nctui.domain.frozen import frozen

RESERVED_LETTERS = frozenset("ustoev" + "hicajrq" + "ynx")
"""Letters a tag must never use (see the module docstring)."""


@frozen
class Trigger:
    """One trigger tag."""

    key: str
    label: str
    letter: str


TRIGGERS: tuple[Trigger, ...] = (
    Trigger("lonely", "Lonely", "l"),
    Trigger("bored", "Bored", "b"),
    Trigger("late_night", "Late at night", "z"),
    Trigger("drink", "After a drink", "d"),
    Trigger("saw_post", "Saw their post", "p"),
    Trigger("date", "A date that matters", "m"),
    Trigger("place_song", "A place or a song", "g"),
    Trigger("low", "Feeling low or stressed", "f"),
    Trigger("other", "Something else", "w"),
)

OTHER = "other"
_BY_KEY = {trigger.key: trigger for trigger in TRIGGERS}
_BY_LETTER = {trigger.letter: trigger for trigger in TRIGGERS}


def trigger_for_letter(letter: str) -> Trigger | None:
    """The tag a key press chooses, if any (upper case counts as lower)."""
    return _BY_LETTER.get(letter.lower())


def trigger_label(key: str) -> str:
    """A tag's label; a key this version does not know (from a newer one) reads as itself."""
    trigger = _BY_KEY.get(key)
    return trigger.label if trigger else key.replace("_", " ").capitalize()


def toggle(chosen: Iterable[str], key: str) -> tuple[str, ...]:
    """The tags after pressing one tag's key: on if it was off, off if it was on."""
    current = set(chosen)
    current ^= {key}
    return check_triggers(current)


def check_triggers(keys: Iterable[str]) -> tuple[str, ...]:
    """Tags ready to store: known keys, each once, in the list's order; else AnswerError."""
    wanted = set(keys)
    unknown = wanted - _BY_KEY.keys()
    if unknown:
        raise AnswerError(f"Choose tags from the list ({', '.join(sorted(unknown))} is not one).")
    return tuple(trigger.key for trigger in TRIGGERS if trigger.key in wanted)


def triggers_text(keys: Iterable[str]) -> str:
    """Tags for the history: "Lonely · Late at night" ("" without any)."""
    return " · ".join(trigger_label(key) for key in keys)
