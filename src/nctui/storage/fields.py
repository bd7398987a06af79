"""The kinds of field a stored entry is made of, each with the check a value must pass.

A check takes a stored value and returns it as the screens should see it (text made
safe to show), or raises WrongEntry. `shapes` declares every table with these; nothing
else checks types. Values that need no change come back as themselves, so checking
years of history copies nothing; a few come back as an equal text already held (an
event's kind, the attempt it belongs to, a `logged` time the same as its `at`), which
takes the stored one's place, so ten years of entries keep one copy of each instead of
thousands (about 1 MB less).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from operator import is_
from typing import Any, TypeVar

from nctui.domain.text import needs_care, printable

FIRST_YEAR = 1900
LAST_YEAR = 2999
"""Stored dates outside these years are hand edits: a period counted from year 9999
would run past the calendar's end."""
DEEPEST = 16
"""How deeply an unchecked value may nest: deeper than any nctui writes, and shallow
enough to be written back from any thread without running out of stack."""


class WrongEntry(ValueError):
    """A stored entry that does not have the shape its table declares."""


Check = Callable[[Any], Any]
"""Takes a stored value; returns it as the screens see it, or raises WrongEntry."""

Found = TypeVar("Found", bound=date)

# type(x) is ..., not isinstance(): a JSON true is not a number of days.


def text(*, blank: bool = True) -> Check:
    """Any text (with `blank=False`, something besides white space); control characters
    come back as visible symbols (␛), never obeyed."""

    def check(value: Any) -> str:
        if type(value) is not str or not (blank or value.strip()):
            raise WrongEntry("expected text")
        return value if needs_care(value) is None else printable(value)

    return check


def ident(value: Any) -> str:
    """A name nctui itself gave: non-empty, and never shown, so never changed."""
    if type(value) is not str or not value or needs_care(value) is not None:
        raise WrongEntry("expected an id")
    return value


def ref(value: Any) -> str:
    """An `ident` naming another entry (the attempt an event belongs to): the same text
    in many entries, so one copy of it is kept for all of them."""
    return sys.intern(ident(value))


def number(low: int = -(2**53), high: int = 2**53) -> Check:
    """A whole number from `low` to `high`."""

    def check(value: Any) -> int:
        if type(value) is not int or not low <= value <= high:
            raise WrongEntry(f"expected a whole number from {low} to {high}")
        return value

    return check


def flag(value: Any) -> bool:
    """true or false."""
    if type(value) is not bool:
        raise WrongEntry("expected true or false")
    return value


_last_moment = [""]
"""The moment checked last: an event's `logged` is mostly its `at` again."""


def moment(value: Any) -> str:
    """A moment in ISO 8601 with its UTC offset."""
    # The usual case first, in one step: ten years of history hold tens of thousands.
    if type(value) is str:
        last = _last_moment[0]
        if value == last:
            return last  # already checked: that copy serves both
        try:
            found = datetime.fromisoformat(value)
        except ValueError:
            found = None
        if found is not None and found.tzinfo is not None and FIRST_YEAR <= found.year <= LAST_YEAR:
            _last_moment[0] = value
            return value
    if type(value) is not str or _iso(datetime.fromisoformat, value, "a time").tzinfo is None:
        raise WrongEntry("expected a time with its UTC offset")
    return value


def day(value: Any) -> str:
    """A calendar day in ISO 8601 (2026-11-26)."""
    if type(value) is not str:
        raise WrongEntry("expected a day")
    _iso(date.fromisoformat, value, "a day")
    return value


def _iso(parse: Callable[[str], Found], value: str, what: str) -> Found:
    try:
        found = parse(value)
    except ValueError as error:
        raise WrongEntry(f"expected {what}") from error
    if not FIRST_YEAR <= found.year <= LAST_YEAR:
        raise WrongEntry(f"expected {what} between {FIRST_YEAR} and {LAST_YEAR}")
    return found


def choice(of: type[StrEnum]) -> Check:
    """One of the values of a StrEnum (given back as the enum's own text, so stored
    entries keep no copies of it)."""
    values: dict[str, str] = {member.value: member.value for member in of}

    def check(value: Any) -> str:
        found = values.get(value) if type(value) is str else None
        if found is None:
            raise WrongEntry(f"expected one of {sorted(values)}")
        return found

    return check


def list_of(item: Check) -> Check:
    """A list whose every item passes `item`."""

    def check(value: Any) -> Any:
        if type(value) is not list:
            raise WrongEntry("expected a list")
        return _same_or_new(value, [item(part) for part in value])

    return check


def row(*places: Check) -> Check:
    """A list of a fixed length, each place with its own check."""

    def check(value: Any) -> Any:
        if type(value) is not list or len(value) != len(places):
            raise WrongEntry(f"expected a list of {len(places)}")
        return _same_or_new(value, [put(part) for put, part in zip(places, value, strict=True)])

    return check


def map_of(each: Check) -> Check:
    """An object whose every value passes `each` (its keys are any text)."""

    def check(value: Any) -> Any:
        if type(value) is not dict:
            raise WrongEntry("expected an object")
        return _same_or_new(value, {key: each(part) for key, part in value.items()})

    return check


def any_json(value: Any) -> Any:
    """Any JSON value not nested too deeply; text inside it is made safe to show."""
    return _shallow(value, DEEPEST)


class Maybe:
    """A field that may be missing or null; when there, it passes `check`."""

    __slots__ = ("check",)

    def __init__(self, check: Check) -> None:
        self.check = check


class Fields:
    """An object with named fields. Other fields are kept (a newer nctui may add some),
    checked as `any_json`.

    A field wrapped in `Maybe` may be missing or null; every other one must be there.
    """

    __slots__ = ("_checks", "named", "required")

    def __init__(self, **named: Check | Maybe) -> None:
        self.named = named
        self.required = frozenset(
            name for name, check in named.items() if not isinstance(check, Maybe)
        )
        self._checks: dict[str, Check] = {
            name: check.check if isinstance(check, Maybe) else check
            for name, check in named.items()
        }

    def __call__(self, value: Any) -> dict[str, Any]:
        """`value` as the screens see it; raises WrongEntry when it does not fit."""
        if type(value) is not dict:
            raise WrongEntry("expected an object")
        if not self.required <= value.keys():
            raise WrongEntry(f"missing {sorted(self.required - value.keys())}")
        changed: dict[str, Any] | None = None
        shared: list[tuple[str, str]] | None = None
        checks = self._checks
        for name, part in value.items():
            if part is None:
                if name in self.required:
                    raise WrongEntry(f"{name} is missing")
                continue
            seen = checks.get(name, any_json)(part)
            if seen is part:
                continue
            if type(seen) is str and seen == part:
                shared = shared or []
                shared.append((name, seen))
            else:
                changed = changed or {}
                changed[name] = seen
        for name, same in shared or ():
            value[name] = same  # the same text, one copy held for many entries
        return {**value, **changed} if changed else value


def _same_or_new(old: Any, new: Any) -> Any:
    # `old` itself when every part came back as itself: nothing is copied. (`new` is
    # built from `old`, part for part, so the two are the same length.)
    olds = old.values() if isinstance(old, dict) else old
    news = new.values() if isinstance(new, dict) else new
    return old if all(map(is_, olds, news)) else new


def _shallow(value: Any, depth: int) -> Any:
    kind = type(value)
    if kind is str:
        return value if needs_care(value) is None else printable(value)
    if kind is not list and kind is not dict:
        return value
    if depth == 0:
        raise WrongEntry("nested too deeply")
    if kind is list:
        return _same_or_new(value, [_shallow(part, depth - 1) for part in value])
    return _same_or_new(value, {key: _shallow(part, depth - 1) for key, part in value.items()})
