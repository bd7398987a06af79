"""The daily check-in: three ratings and an optional journal entry, one per day.

A check-in belongs to a *check-in day*, which starts at an hour the person chooses
(04:00 unless they change it), so that writing at 2 a.m. still counts for the evening
before. Days are read from the local wall clock, so a daylight-saving change never
moves a check-in to the wrong day.

Nothing is overwritten: saving a day that already has a check-in adds a new version,
and every earlier version stays readable.

For other screens (the readiness quiz): `checked_in(entries, day)` and
`checkin_day(now, day_start_hour)` say whether today's check-in is done;
`nctui.domain.mood_trend` turns the entries into weekly averages and a trend.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from nctui.domain.errors import AnswerError
from nctui.domain.frozen import frozen
from nctui.domain.text import LONG_TEXT_MAX_CHARS, clean_text

DEFAULT_DAY_START_HOUR = 4
LATEST_DAY_START_HOUR = 12
JOURNAL_MAX_CHARS = LONG_TEXT_MAX_CHARS
"""About ten pages. Every save rewrites the whole data file and every edit keeps the
earlier text, so one very large entry would slow every later save for good."""


class Rating(StrEnum):
    """The three things a check-in rates."""

    MOOD = "mood"
    MISS = "miss"
    URGE = "urge"


@frozen
class Scale:
    """How one rating is asked and what its numbers mean."""

    label: str
    low: int
    high: int
    low_words: str
    high_words: str


SCALES: dict[Rating, Scale] = {
    Rating.MOOD: Scale("Mood", 1, 10, "very low", "very good"),
    Rating.MISS: Scale("Missing them", 0, 10, "not at all", "always"),
    Rating.URGE: Scale("Urge to reach out", 0, 10, "none", "very strong"),
}


class CheckInError(AnswerError):
    """A check-in that cannot be saved yet, naming the part to fix."""

    def __init__(self, message: str, field: Rating | None) -> None:
        super().__init__(message)
        self.field = field
        """The rating to fix, or None for the journal text."""


@dataclass(frozen=True)
class CheckInValues:
    """What the person entered, checked and cleaned, ready to save."""

    mood: int
    miss: int
    urge: int
    text: str = ""
    prompt: str = ""
    """The question the words answer ("" when written freely)."""
    prompt_id: str = ""
    """That question's id (`nctui.domain.prompts`), so it can be told apart later."""

    def rating(self, which: Rating) -> int:
        """One of the three ratings."""
        return {Rating.MOOD: self.mood, Rating.MISS: self.miss, Rating.URGE: self.urge}[which]


@dataclass(frozen=True)
class CheckIn:
    """One saved version of one day's check-in."""

    id: str
    day: date
    mood: int
    miss: int
    urge: int
    text: str
    at: datetime
    """When this version was saved."""
    prompt: str = ""
    """The question the words answer ("" when written freely)."""
    prompt_id: str = ""

    @property
    def values(self) -> CheckInValues:
        """The ratings, text and question alone, to compare two versions."""
        return CheckInValues(
            self.mood, self.miss, self.urge, self.text, self.prompt, self.prompt_id
        )

    def rating(self, which: Rating) -> int:
        """One of the three ratings."""
        return self.values.rating(which)


@dataclass(frozen=True)
class DayEntry:
    """One day's check-in with every version saved for it, oldest first."""

    day: date
    versions: tuple[CheckIn, ...]

    @property
    def current(self) -> CheckIn:
        """The version in force: the one saved last."""
        return self.versions[-1]

    @property
    def edited(self) -> bool:
        """Whether the day has earlier versions."""
        return len(self.versions) > 1


# -- the check-in day ------------------------------------------------------------------


def checkin_day(moment: datetime, day_start_hour: int = DEFAULT_DAY_START_HOUR) -> date:
    """The check-in day `moment` belongs to, read from its own wall clock.

    Pass a local time (the clock's `now`, or a stored time converted to the local zone).
    Before `day_start_hour` it is still the day before: 02:00 on Friday is Thursday.
    """
    if moment.tzinfo is None:
        raise ValueError("check-in times must be time-zone aware")
    day = moment.date()
    return day - timedelta(days=1) if moment.hour < day_start_hour else day


def parse_day_start(text: str) -> int:
    """The hour a day starts at, from "4", "04", "4:00" or "04:00"; else AnswerError."""
    cleaned = text.strip()
    match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?", cleaned)
    if match is None:
        raise AnswerError("Type an hour like 04:00 (or just 4).")
    hour, minutes = int(match[1]), int(match[2] or 0)
    if minutes:
        raise AnswerError("Whole hours only, like 04:00 or 05:00.")
    if hour > LATEST_DAY_START_HOUR:
        raise AnswerError(
            f"Choose a time from 00:00 to {LATEST_DAY_START_HOUR}:00, "
            "at night or in the morning, when you are usually asleep."
        )
    return hour


# -- checking what was typed -----------------------------------------------------------


def parse_rating(which: Rating, text: str) -> int:
    """A rating typed as a whole number within its scale; else CheckInError for it."""
    scale = SCALES[which]
    span = f"from {scale.low} to {scale.high}"
    cleaned = text.strip()
    if not cleaned:
        raise CheckInError(f"{scale.label}: choose a number {span}.", which)
    if re.fullmatch(r"[+-]?\d+[.,]\d*", cleaned):
        raise CheckInError(f"{scale.label}: whole numbers only, {span}.", which)
    if not re.fullmatch(r"[+-]?\d{1,6}", cleaned):
        raise CheckInError(f"{scale.label} takes a number {span}, like {scale.high // 2}.", which)
    value = int(cleaned)
    if not scale.low <= value <= scale.high:
        raise CheckInError(f"{scale.label} goes {span}; {value} is outside that.", which)
    return value


def check_journal_text(text: str, limit: int = JOURNAL_MAX_CHARS) -> str:
    """The cleaned text, if it fits; else AnswerError saying how much is too much."""
    cleaned = clean_text(text)
    if len(cleaned) > limit:
        raise AnswerError(
            f"That is {len(cleaned):,} characters; one entry holds up to {limit:,} "
            "(about ten pages). Your text is still in the box: shorten it, or keep "
            "part of it for tomorrow."
        )
    return cleaned


def check_checkin(mood: str, miss: str, urge: str, text: str) -> CheckInValues:
    """Everything typed into a check-in, checked; else CheckInError naming what to fix.

    All three ratings are needed; the journal entry is optional.
    """
    typed = {Rating.MOOD: mood, Rating.MISS: miss, Rating.URGE: urge}
    if not any(value.strip() for value in typed.values()) and not clean_text(text):
        raise CheckInError(
            "Nothing to save yet. Three numbers are enough: mood, missing them, and the urge.",
            Rating.MOOD,
        )
    ratings = {which: parse_rating(which, value) for which, value in typed.items()}
    try:
        cleaned = check_journal_text(text)
    except AnswerError as error:
        raise CheckInError(str(error), None) from None
    return CheckInValues(ratings[Rating.MOOD], ratings[Rating.MISS], ratings[Rating.URGE], cleaned)


# -- reading the saved check-ins -------------------------------------------------------


def day_entries(checkins: Iterable[CheckIn]) -> list[DayEntry]:
    """Versions gathered by day, oldest day first; within a day, in the order saved.

    The order saved, not the `at` times, decides which version is current, so an edit
    made while the computer's clock was wrong still counts as the latest.
    """
    by_day: dict[date, list[CheckIn]] = {}
    for checkin in checkins:
        by_day.setdefault(checkin.day, []).append(checkin)
    return [DayEntry(day, tuple(by_day[day])) for day in sorted(by_day)]


def entry_for(entries: Iterable[DayEntry], day: date) -> DayEntry | None:
    """The entry for `day`, if there is one."""
    return next((entry for entry in entries if entry.day == day), None)


def checked_in(entries: Iterable[DayEntry], day: date) -> bool:
    """Whether `day` has a check-in. For today: `checked_in(entries, checkin_day(now, h))`."""
    return entry_for(entries, day) is not None


def is_change(entry: DayEntry | None, values: CheckInValues) -> bool:
    """Whether saving `values` would change the day (an unchanged save adds nothing)."""
    return entry is None or entry.current.values != values


def rating_fields(values: CheckInValues | None) -> dict[str, str]:
    """A check-in's numbers as a form shows them, by rating ("mood": "6"); empty for None."""
    if values is None:
        return {}
    return {rating.value: str(values.rating(rating)) for rating in Rating}


PROMPT_ID_FIELD, PROMPT_FIELD = "prompt_id", "prompt"
"""A check-in draft's fields for the question its words answer ("" for none)."""


def question_fields(question: tuple[str, str] | None) -> dict[str, str]:
    """The question words answer, (id, question), as a draft keeps it; None (written
    freely) is kept as empty, so it comes back as no question rather than today's."""
    prompt_id, prompt = question or ("", "")
    return {PROMPT_ID_FIELD: prompt_id, PROMPT_FIELD: prompt}


def question_in(fields: Mapping[str, str]) -> tuple[str, str] | None:
    """The question a draft's words answer, as (id, question); None when written
    freely. Ask only when `fields` hold one (`PROMPT_FIELD in fields`)."""
    prompt = fields.get(PROMPT_FIELD, "").strip()
    return (fields.get(PROMPT_ID_FIELD, "").strip(), prompt) if prompt else None


def checkin_fields(values: CheckInValues | None) -> dict[str, str]:
    """A saved check-in as its draft would hold the form beside the words: the numbers,
    and with words, the question they answer. Empty for None."""
    fields = rating_fields(values)
    if values is not None and values.text:
        saved = (values.prompt_id, values.prompt) if values.prompt else None
        fields |= question_fields(saved)
    return fields


def ratings_line(fields: Mapping[str, str]) -> str:
    """The numbers typed into a check-in, in a line: "Mood 6 · Missing them 3"."""
    return " · ".join(
        f"{SCALES[rating].label} {fields[rating.value].strip()}"
        for rating in Rating
        if fields.get(rating.value, "").strip()
    )
