"""Weekly averages of the check-ins, and one plain sentence on how they are moving.

Weeks are counted from a first day (the start of the period): week 1 is its first seven
days. A week counts for the trend once it has at least `MIN_CHECKINS_PER_WEEK`
check-ins, so one unusual day cannot stand for a whole week. The trend compares the
first such week with the latest one.

For the readiness quiz: `mood_trend(entries, first_day, today)` gives the change in
average mood (a number, or None while there is too little to compare) and its sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from nctui.domain.checkin import DayEntry, Rating

MIN_CHECKINS_PER_WEEK = 3
STEADY_BELOW = 0.5
"""A change smaller than half a point reads as "about the same"."""

SUBJECTS: dict[Rating, str] = {
    Rating.MOOD: "Mood",
    Rating.MISS: "Missing them",
    Rating.URGE: "The urge to reach out",
}


@dataclass(frozen=True)
class WeekAverage:
    """One week of check-ins, averaged."""

    number: int
    """1 for the first week."""
    first_day: date
    last_day: date
    checkins: int
    mood: float | None
    miss: float | None
    urge: float | None

    def average(self, which: Rating) -> float | None:
        """The average of one rating (None for a week without check-ins)."""
        return {Rating.MOOD: self.mood, Rating.MISS: self.miss, Rating.URGE: self.urge}[which]

    @property
    def counts(self) -> bool:
        """Whether the week has enough check-ins to stand for the week."""
        return self.checkins >= MIN_CHECKINS_PER_WEEK


@dataclass(frozen=True)
class Trend:
    """How one rating has moved between the first week and the latest one."""

    rating: Rating
    change: float | None
    """Latest week's average minus the first week's, or None with too little data."""
    first: WeekAverage | None
    latest: WeekAverage | None
    sentence: str


def weekly_averages(
    entries: Iterable[DayEntry], first_day: date, last_day: date
) -> list[WeekAverage]:
    """One average per week from `first_day` to `last_day` (both included), oldest first.

    Only each day's current version counts; days outside the range are left out.
    """
    if last_day < first_day:
        return []
    weeks = (last_day - first_day).days // 7 + 1
    buckets: list[list[DayEntry]] = [[] for _ in range(weeks)]
    for entry in entries:
        if first_day <= entry.day <= last_day:
            buckets[(entry.day - first_day).days // 7].append(entry)
    result = []
    for index, bucket in enumerate(buckets):
        start = first_day + timedelta(days=7 * index)
        result.append(
            WeekAverage(
                number=index + 1,
                first_day=start,
                last_day=min(last_day, start + timedelta(days=6)),
                checkins=len(bucket),
                mood=_mean(entry.current.mood for entry in bucket),
                miss=_mean(entry.current.miss for entry in bucket),
                urge=_mean(entry.current.urge for entry in bucket),
            )
        )
    return result


def _mean(values: Iterable[int]) -> float | None:
    numbers = list(values)
    return fmean(numbers) if numbers else None


def points(value: float) -> str:
    """ "1.8 points", "2 points", "1 point": one decimal, none when it is whole."""
    shown = f"{abs(value):.1f}".removesuffix(".0")
    return f"{shown} point" if shown == "1" else f"{shown} points"


def trend(weeks: Sequence[WeekAverage], rating: Rating = Rating.MOOD) -> Trend:
    """How `rating` moved from the first week that counts to the latest one."""
    counted = [week for week in weeks if week.counts and week.average(rating) is not None]
    subject = SUBJECTS[rating]
    if not counted:
        return Trend(
            rating,
            None,
            None,
            None,
            f"A trend shows once a week has {MIN_CHECKINS_PER_WEEK} check-ins or more.",
        )
    first, latest = counted[0], counted[-1]
    if first is latest:
        return Trend(
            rating,
            None,
            first,
            None,
            f"Week {first.number} is your first full week. "
            "Keep checking in and the next one will have something to compare with.",
        )
    first_average, latest_average = first.average(rating), latest.average(rating)
    assert first_average is not None and latest_average is not None
    change = round(latest_average - first_average, 1)
    since = "since your first week" if first.number == 1 else f"since week {first.number}"
    if abs(change) < STEADY_BELOW:
        where = "your first week" if first.number == 1 else f"week {first.number}"
        sentence = f"{subject} is about the same as in {where}."
    else:
        direction = "up" if change > 0 else "down"
        sentence = f"{subject} is {direction} {points(change)} on average {since}."
    return Trend(rating, change, first, latest, sentence)


def mood_trend(entries: Iterable[DayEntry], first_day: date, today: date) -> Trend:
    """The trend in mood from `first_day` (the period's start) to `today`.

    `change` is the latest counted week's average minus the first one's, to one decimal;
    None when fewer than two weeks have enough check-ins. `sentence` always says
    something plain, such as "Mood is up 1.8 points on average since your first week."
    """
    return trend(weekly_averages(entries, first_day, today), Rating.MOOD)
