"""The kinds of field a stored entry is made of, each with the check a value must pass.

A check returns the value as the screens should see it (text made safe to show) or
raises WrongEntry. `shapes` declares every table with these; nothing else checks types.
Values that need no change come back as themselves, so checking years of history
copies nothing. Plain classes, not dataclasses: `nctui status` loads this module, and
building dataclasses costs more start-up time than the checks themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from nctui.domain.text import printable

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

# type(x) is ..., not isinstance(): a JSON true is not a number of days.


class Text:
    """Any text; control characters come back as visible symbols (␛), never obeyed."""

    __slots__ = ("blank",)

    def __init__(self, *, blank: bool = True) -> None:
        self.blank = blank
        """False: there must be something besides white space."""

    def __call__(self, value: Any) -> str:
        if type(value) is not str or not (self.blank or value.strip()):
            raise WrongEntry("expected text")
        return printable(value)


class Id:
    """A name nctui itself gave: non-empty, and never shown, so never changed."""

    __slots__ = ()

    def __call__(self, value: Any) -> str:
        if type(value) is not str or not value or printable(value) is not value:
            raise WrongEntry("expected an id")
        return value


class Int:
    """A whole number from `low` to `high`."""

    __slots__ = ("high", "low")

    def __init__(self, low: int = -(2**53), high: int = 2**53) -> None:
        self.low = low
        self.high = high

    def __call__(self, value: Any) -> int:
        if type(value) is not int or not self.low <= value <= self.high:
            raise WrongEntry(f"expected a whole number from {self.low} to {self.high}")
        return value


class Flag:
    """true or false."""

    __slots__ = ()

    def __call__(self, value: Any) -> bool:
        if type(value) is not bool:
            raise WrongEntry("expected true or false")
        return value


class Moment:
    """A moment in ISO 8601 with its UTC offset."""

    __slots__ = ()

    def __call__(self, value: Any) -> str:
        if type(value) is not str:
            raise WrongEntry("expected a time")
        try:
            moment = datetime.fromisoformat(value)
        except ValueError as error:
            raise WrongEntry("expected a time") from error
        if moment.tzinfo is None or not FIRST_YEAR <= moment.year <= LAST_YEAR:
            raise WrongEntry("expected a time with its UTC offset")
        return value


class Day:
    """A calendar day in ISO 8601 (2026-11-26)."""

    __slots__ = ()

    def __call__(self, value: Any) -> str:
        if type(value) is not str:
            raise WrongEntry("expected a day")
        try:
            day = date.fromisoformat(value)
        except ValueError as error:
            raise WrongEntry("expected a day") from error
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise WrongEntry("expected a day")
        return value


class Choice:
    """One of the values of a StrEnum."""

    __slots__ = ("values",)

    def __init__(self, of: type[StrEnum]) -> None:
        self.values = frozenset(member.value for member in of)

    def __call__(self, value: Any) -> str:
        if type(value) is not str or value not in self.values:
            raise WrongEntry(f"expected one of {sorted(self.values)}")
        return value


class ListOf:
    """A list whose every item passes `item`."""

    __slots__ = ("item",)

    def __init__(self, item: Check) -> None:
        self.item = item

    def __call__(self, value: Any) -> list[Any]:
        if type(value) is not list:
            raise WrongEntry("expected a list")
        return _same_or_new(value, [self.item(part) for part in value])


class Row:
    """A list of a fixed length, each place with its own check."""

    __slots__ = ("places",)

    def __init__(self, *places: Check) -> None:
        self.places = places

    def __call__(self, value: Any) -> list[Any]:
        if type(value) is not list or len(value) != len(self.places):
            raise WrongEntry(f"expected a list of {len(self.places)}")
        checked = [check(part) for check, part in zip(self.places, value, strict=True)]
        return _same_or_new(value, checked)


class MapOf:
    """An object whose every value passes `value` (its keys are any text)."""

    __slots__ = ("value",)

    def __init__(self, value: Check) -> None:
        self.value = value

    def __call__(self, value: Any) -> dict[str, Any]:
        if type(value) is not dict:
            raise WrongEntry("expected an object")
        checked = {key: self.value(part) for key, part in value.items()}
        return _same_dict_or_new(value, checked)


class Json:
    """Any JSON value not nested too deeply; text inside it is made safe to show."""

    __slots__ = ()

    def __call__(self, value: Any) -> Any:
        return _shallow(value, DEEPEST)


class Maybe:
    """A field that may be missing or null; when there, it passes `check`."""

    __slots__ = ("check",)

    def __init__(self, check: Check) -> None:
        self.check = check

    def __call__(self, value: Any) -> Any:
        return self.check(value)


_UNKNOWN = Json()
"""The check of a field no declaration names."""


class Fields:
    """An object with named fields. Other fields are kept (a newer nctui may add some),
    checked as `Json`.

    A field wrapped in `Maybe` may be missing or null; every other one must be there.
    """

    __slots__ = ("_checks", "named", "required")

    def __init__(self, **named: Check) -> None:
        self.named = named
        self.required = frozenset(
            name for name, check in named.items() if not isinstance(check, Maybe)
        )
        # Maybe only marks a field optional: checking goes straight to what it wraps.
        self._checks = {
            name: check.check if isinstance(check, Maybe) else check
            for name, check in named.items()
        }

    def __call__(self, value: Any) -> dict[str, Any]:
        if type(value) is not dict:
            raise WrongEntry("expected an object")
        if not self.required <= value.keys():
            raise WrongEntry(f"missing {sorted(self.required - value.keys())}")
        changed: dict[str, Any] | None = None
        checks = self._checks
        for name, part in value.items():
            if part is None:
                if name in self.required:
                    raise WrongEntry(f"{name} is missing")
                continue
            seen = checks.get(name, _UNKNOWN)(part)
            if seen is not part:
                changed = changed or {}
                changed[name] = seen
        return {**value, **changed} if changed else value


def _same_or_new(old: list[Any], new: list[Any]) -> list[Any]:
    return old if all(a is b for a, b in zip(old, new, strict=True)) else new


def _same_dict_or_new(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    return old if all(new[key] is part for key, part in old.items()) else new


def _shallow(value: Any, depth: int) -> Any:
    if type(value) is str:
        return printable(value)
    if type(value) is list:
        if depth == 0:
            raise WrongEntry("nested too deeply")
        return _same_or_new(value, [_shallow(part, depth - 1) for part in value])
    if type(value) is dict:
        if depth == 0:
            raise WrongEntry("nested too deeply")
        checked = {key: _shallow(part, depth - 1) for key, part in value.items()}
        return _same_dict_or_new(value, checked)
    return value
