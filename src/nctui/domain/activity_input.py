"""Checking what a person types on the Activities screen: names, durations, days, notes.

Each function returns a clean value or raises `ActivityError` with a message written for
the person, so the screen can show it beside the box without rewording it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date, timedelta

from nctui.domain.activities import CATEGORY_LABELS, Activity
from nctui.domain.activities import MAX_MINUTES as MAX_MINUTES  # noqa: PLC0414 - read here too
from nctui.domain.errors import AnswerError
from nctui.domain.frozen import frozen
from nctui.domain.text import NOTE_MAX_CHARS, strip_controls, too_long

MAX_NAME_LENGTH = 60
"""Long enough for "Take a beginners' course in Portuguese cooking", short enough to scan
in a list at 80 columns."""
MAX_NOTE_LENGTH = NOTE_MAX_CHARS
"""The one limit for short notes; longer thoughts belong in the journal."""

MAX_DAYS_AHEAD = 365
MAX_DAYS_BACK = 365
"""Plans reach a year either way: further out is a wish rather than a plan, and further
back is a date typed wrong."""


class ActivityError(AnswerError):
    """Something typed on the Activities screen that cannot be used, with a message."""


# -- names --------------------------------------------------------------------------


def name_key(name: str) -> str:
    """A name reduced for comparison: case, width and spacing do not matter."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(folded.split())


def check_activity_name(text: str, existing: Iterable[Activity]) -> str:
    """The name of a new activity of the person's own, tidied; or why it cannot be used.

    Refused: an empty name, one over `MAX_NAME_LENGTH` characters, one with no letter
    or digit, and one already in `existing` (ignoring case and spaces).
    """
    cleaned = " ".join(strip_controls(text).split())
    if not cleaned:
        raise ActivityError("Give it a name: a few words are plenty.")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise ActivityError(
            f"Keep the name to {MAX_NAME_LENGTH} characters or fewer; this one has "
            f"{len(cleaned)}. A short name is easier to find again."
        )
    if not any(character.isalnum() for character in cleaned):
        raise ActivityError("Use at least one letter or number in the name.")
    wanted = name_key(cleaned)
    for activity in existing:
        if name_key(activity.name) == wanted:
            raise ActivityError(
                f"“{activity.name}” is already in the list, under "
                f"{CATEGORY_LABELS[activity.category]}."
            )
    return cleaned


def clean_note(text: str) -> str:
    """An optional note about how it went, tidied onto one line."""
    cleaned = " ".join(strip_controls(text).split())
    if len(cleaned) > MAX_NOTE_LENGTH:
        raise ActivityError(
            f"{too_long('note', len(cleaned), MAX_NOTE_LENGTH)} "
            "The journal has room for longer thoughts."
        )
    return cleaned


# -- durations --------------------------------------------------------------------------

_UNIT_MINUTES = {
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), 1),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), 60),
    **dict.fromkeys(("d", "day", "days"), 24 * 60),
}
_WORDS = (
    (re.compile(r"\bhalf an hour\b"), "30m"),
    (re.compile(r"\ban? hour\b"), "1h"),
    (re.compile(r"\ba day\b"), "1d"),
    (re.compile(r"\band\b"), " "),
)
_PIECES = re.compile(r"^(?:\s*\d+(?:\.\d+)?\s*[a-z]*)+\s*$")
_PIECE = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z]*)")
_CLOCK = re.compile(r"^(\d{1,3}):([0-5]\d)$")
DURATION_EXAMPLES = "45m, 2h, 1h 30m or 2 days"


def _normalise_number_text(cleaned: str) -> str:
    # "10,000 hours" has a thousands separator; "1,5 h" has a decimal comma.
    without_thousands = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", cleaned)
    return re.sub(r"(?<=\d),(?=\d)", ".", without_thousands)


def _minutes_from_pieces(cleaned: str) -> float:
    if not _PIECES.match(cleaned):
        raise ActivityError(f"Try a time like {DURATION_EXAMPLES}.")
    pieces = _PIECE.findall(cleaned)
    total = 0.0
    previous_unit = 0
    for number, unit in pieces:
        if not unit:
            if len(pieces) == 1:
                unit_minutes = 60  # a bare number means hours: "2" is two hours
            elif previous_unit == 60:
                unit_minutes = 1  # "1h30" is an hour and a half
            else:
                raise ActivityError(f"Try a time like {DURATION_EXAMPLES}.")
        elif unit in _UNIT_MINUTES:
            unit_minutes = _UNIT_MINUTES[unit]
        else:
            raise ActivityError(f"Try a time like {DURATION_EXAMPLES}.")
        total += float(number) * unit_minutes
        previous_unit = unit_minutes
    return total


def parse_duration(text: str) -> int:
    """How long something took, in whole minutes, from "45m", "2h", "1h 30m", "1:30",
    "1.5", "2 days" or "an hour". A bare number means hours.

    Refused: nothing typed, below zero, no time at all, over a week (`MAX_MINUTES`).
    """
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        raise ActivityError(f"How long did it take? Roughly is fine: {DURATION_EXAMPLES}.")
    if cleaned[0] in "-−":
        raise ActivityError("A time cannot be below zero. Roughly how long did it take?")
    cleaned = _normalise_number_text(cleaned)
    for pattern, replacement in _WORDS:
        cleaned = pattern.sub(replacement, cleaned)
    total: float
    if clock := _CLOCK.match(cleaned.strip()):
        total = int(clock.group(1)) * 60 + int(clock.group(2))
    else:
        total = _minutes_from_pieces(cleaned)
    minutes = round(total)
    if minutes < 1:
        raise ActivityError("That comes to no time at all. Roughly how long did it take?")
    if minutes > MAX_MINUTES:
        raise ActivityError(
            "That is more than a week. One entry holds up to 7 days, so for a longer "
            "trip add one entry per week."
        )
    return minutes


def duration_input_text(minutes: int) -> str:
    """Minutes as a starting answer the person can edit: "45m", "1h 30m", "2 days"."""
    days, rest = divmod(minutes, 24 * 60)
    if days and not rest:
        return f"{days} day" if days == 1 else f"{days} days"
    hours, mins = divmod(minutes, 60)
    if not hours:
        return f"{mins}m"
    return f"{hours}h {mins}m" if mins else f"{hours}h"


# -- days -----------------------------------------------------------------------------


@frozen
class PlanDay:
    """The day typed for a plan, and whether it has already passed."""

    day: date
    is_past: bool


_IN_DAYS = re.compile(r"^in (\d{1,4}|a|one) (day|days|week|weeks)$")
_DAYS_AGO = re.compile(r"^(\d{1,4}) days? ago$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_EXAMPLES = "today, tomorrow, in 3 days, saturday, or a date like 2026-12-05"


def _weekday(cleaned: str, today: date) -> date | None:
    for index, name in enumerate(_WEEKDAYS):
        if cleaned in {name, name[:3]}:
            # The coming one, today included: "saturday" on a Saturday is today.
            return today + timedelta(days=(index - today.weekday()) % 7)
    return None


def _typed_day(cleaned: str, original: str, today: date) -> date:
    fixed = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1}
    if cleaned in fixed:
        return today + timedelta(days=fixed[cleaned])
    if (weekday := _weekday(cleaned, today)) is not None:
        return weekday
    if match := _IN_DAYS.match(cleaned):
        count = 1 if match.group(1) in {"a", "one"} else int(match.group(1))
        unit = 7 if match.group(2).startswith("week") else 1
        return today + timedelta(days=count * unit)
    if match := _DAYS_AGO.match(cleaned):
        return today - timedelta(days=int(match.group(1)))
    if match := _ISO_DAY.match(cleaned):
        year, month, day_of_month = (int(part) for part in match.groups())
        try:
            return date(year, month, day_of_month)
        except ValueError:
            raise ActivityError(
                f"{original} is not a real date. Check the day and the month."
            ) from None
    raise ActivityError(f"Try {DAY_EXAMPLES}.")


def parse_plan_day(text: str, today: date) -> PlanDay:
    """The day to plan for, from "today", "tomorrow", "in 3 days", "in 2 weeks", a
    weekday name ("saturday", "sat"), "yesterday", "N days ago" or YYYY-MM-DD.

    A day already past is allowed and returned with `is_past` set, so the screen can
    ask before saving it. Refused: nothing typed, text that is not a day, a date that
    does not exist, and a day more than a year away either way.
    """
    original = " ".join(text.split())
    cleaned = original.lower()
    if not cleaned:
        raise ActivityError("Which day? Type one, or just “today”.")
    day = _typed_day(cleaned, original, today)
    if (day - today).days > MAX_DAYS_AHEAD:
        raise ActivityError("That is more than a year away. Choose a day within the next year.")
    if (today - day).days > MAX_DAYS_BACK:
        raise ActivityError("That is more than a year ago. Check the year you typed.")
    return PlanDay(day, day < today)
