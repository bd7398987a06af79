"""Productive activities: what they are, what the person planned and did, and what it adds up to.

The guide's advice for the weeks of no contact is to spend them on your own life: new
hobbies, a trip, old friends, treating yourself, your own city, mind and body. This module
holds that as data and rules. The catalogue itself is shipped as a data file and read by
`nctui.domain.activity_catalogue`; typed answers are checked in `nctui.domain.activity_input`.

Two functions here are meant for other screens too, the countdown dashboard among them:
`time_reclaimed` (hours of done activities, by category) and `next_planned`.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from enum import StrEnum

from nctui.domain.frozen import frozen


class Category(StrEnum):
    """The guide's six ways to spend the time, in its order."""

    HOBBIES = "hobbies"
    TRIP = "trip"
    FRIENDS = "friends"
    PAMPER = "pamper"
    CITY = "city"
    MIND_BODY = "mind_body"


CATEGORY_LABELS: dict[Category, str] = {
    Category.HOBBIES: "New hobbies",
    Category.TRIP: "A trip",
    Category.FRIENDS: "Reconnecting with friends",
    Category.PAMPER: "Pampering yourself",
    Category.CITY: "Exploring your own city",
    Category.MIND_BODY: "Mind and body",
}
CATEGORY_SHORT: dict[Category, str] = {
    Category.HOBBIES: "Hobbies",
    Category.TRIP: "Trips",
    Category.FRIENDS: "Friends",
    Category.PAMPER: "Pampering",
    Category.CITY: "City",
    Category.MIND_BODY: "Mind & body",
}


class Cost(StrEnum):
    """Roughly what it costs."""

    FREE = "free"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Span(StrEnum):
    """Roughly how long it takes, from a short session to a week away."""

    SHORT = "short"
    HOUR = "hour"
    HOURS = "hours"
    DAY = "day"
    WEEKEND = "weekend"
    WEEK = "week"


class Effort(StrEnum):
    """How much it asks of you."""

    EASY = "easy"
    SOME = "some"
    STRETCH = "stretch"


class Company(StrEnum):
    """On your own, with other people, or either."""

    SOLO = "solo"
    SOCIAL = "social"
    EITHER = "either"


class Setting(StrEnum):
    """Indoors, outdoors, or either."""

    INDOORS = "indoors"
    OUTDOORS = "outdoors"
    EITHER = "either"


COST_LABELS: dict[Cost, str] = {
    Cost.FREE: "free",
    Cost.LOW: "cheap",
    Cost.MEDIUM: "mid-price",
    Cost.HIGH: "a splurge",
}
SPAN_LABELS: dict[Span, str] = {
    Span.SHORT: "under an hour",
    Span.HOUR: "an hour or two",
    Span.HOURS: "a few hours",
    Span.DAY: "a day",
    Span.WEEKEND: "a weekend",
    Span.WEEK: "a week",
}
SPAN_MINUTES: dict[Span, int] = {
    # A typical length, offered as the starting answer to "how long did it take?".
    Span.SHORT: 45,
    Span.HOUR: 90,
    Span.HOURS: 180,
    Span.DAY: 8 * 60,
    Span.WEEKEND: 2 * 24 * 60,
    Span.WEEK: 7 * 24 * 60,
}
EFFORT_LABELS: dict[Effort, str] = {
    Effort.EASY: "easy",
    Effort.SOME: "some effort",
    Effort.STRETCH: "a stretch",
}
COMPANY_LABELS: dict[Company, str] = {
    Company.SOLO: "on your own",
    Company.SOCIAL: "with others",
    Company.EITHER: "alone or with others",
}
SETTING_LABELS: dict[Setting, str] = {
    Setting.INDOORS: "indoors",
    Setting.OUTDOORS: "outdoors",
    Setting.EITHER: "in or out",
}
# Extra words a search should find each tag by: "either" matches both sides.
_COMPANY_WORDS: dict[Company, str] = {
    Company.SOLO: "solo alone",
    Company.SOCIAL: "social together",
    Company.EITHER: "solo alone social together",
}
_SETTING_WORDS: dict[Setting, str] = {
    Setting.INDOORS: "indoors inside",
    Setting.OUTDOORS: "outdoors outside",
    Setting.EITHER: "indoors inside outdoors outside",
}

OWN_KEY_PREFIX = "own-"
"""Keys of the person's own activities start with this; catalogue keys never do."""

MAX_MINUTES = 7 * 24 * 60
"""One done entry holds at most a week: the longest thing in the catalogue is a week
away, and anything beyond is almost always a slip of the keyboard (10,000 hours is over
a year). A longer trip can be logged a week at a time."""


@frozen
class Activity:
    """Something to do. Catalogue activities carry every tag; the person's own carry none."""

    key: str
    name: str
    category: Category
    cost: Cost | None = None
    span: Span | None = None
    effort: Effort | None = None
    company: Company | None = None
    setting: Setting | None = None

    @property
    def is_own(self) -> bool:
        """Added by the person rather than shipped with nctui."""
        return self.key.startswith(OWN_KEY_PREFIX)

    @property
    def tags(self) -> tuple[str, ...]:
        """The tags in words, for showing: "free", "an hour or two", "easy", ..."""
        labels: list[str] = []
        if self.cost is not None:
            labels.append(COST_LABELS[self.cost])
        if self.span is not None:
            labels.append(SPAN_LABELS[self.span])
        if self.effort is not None:
            labels.append(EFFORT_LABELS[self.effort])
        if self.company is not None:
            labels.append(COMPANY_LABELS[self.company])
        if self.setting is not None:
            labels.append(SETTING_LABELS[self.setting])
        return tuple(labels)

    @property
    def typical_minutes(self) -> int | None:
        """How long it usually takes, when known."""
        return None if self.span is None else SPAN_MINUTES[self.span]

    def search_text(self) -> str:
        """Everything a search may match: the name, its category and its tags."""
        words = [self.name, CATEGORY_LABELS[self.category], CATEGORY_SHORT[self.category]]
        words.extend(self.tags)
        if self.cost is not None:
            words.append(self.cost.value)
        if self.company is not None:
            words.append(_COMPANY_WORDS[self.company])
        if self.setting is not None:
            words.append(_SETTING_WORDS[self.setting])
        if self.is_own:
            words.append("your own mine")
        return " ".join(words).casefold()


@frozen
class Plan:
    """An activity the person means to do on a given day.

    The activity's name and category are kept with the plan, so the plan still reads
    right if the catalogue changes in a later version of nctui.
    """

    id: str
    activity_key: str
    name: str
    category: Category
    day: date
    made_at: datetime
    dropped_at: datetime | None = None
    """Set when the person decided not to do it after all; the plan itself is kept."""


@frozen
class DoneEntry:
    """An activity the person did, how long it took, and what they noted."""

    id: str
    activity_key: str
    name: str
    category: Category
    at: datetime
    minutes: int
    note: str = ""
    plan_id: str | None = None
    """The plan this completed, if it was planned."""


@frozen
class ActivityLog:
    """Everything the person added: their own activities, their plans, what they did."""

    own: tuple[Activity, ...] = ()
    plans: tuple[Plan, ...] = ()
    done: tuple[DoneEntry, ...] = ()


def open_plans(plans: Iterable[Plan], done: Iterable[DoneEntry]) -> list[Plan]:
    """Plans neither dropped nor completed yet, earliest day first."""
    completed = {entry.plan_id for entry in done if entry.plan_id is not None}
    still_open = [p for p in plans if p.dropped_at is None and p.id not in completed]
    return sorted(still_open, key=lambda plan: (plan.day, plan.made_at))


def upcoming_plans(plans: Iterable[Plan], done: Iterable[DoneEntry], now: datetime) -> list[Plan]:
    """Open plans for today or later, soonest first."""
    today = now.date()
    return [plan for plan in open_plans(plans, done) if plan.day >= today]


def next_planned(plans: Iterable[Plan], done: Iterable[DoneEntry], now: datetime) -> Plan | None:
    """The next thing the person planned, from today on, or None if nothing is planned.

    `now` is the clock's reading (time-zone aware, local); its calendar date is "today",
    so a plan for today counts until it is done or dropped. Plans whose day has passed
    are not "next": see `open_plans` for those. Use it with a loaded `ActivityLog`:
    `next_planned(log.plans, log.done, clock())`.
    """
    upcoming = upcoming_plans(plans, done, now)
    return upcoming[0] if upcoming else None


@frozen
class TimeReclaimed:
    """Time spent on your own life, in minutes, in all and by category."""

    total_minutes: int
    by_category: tuple[tuple[Category, int], ...]
    """Categories with any time, in the guide's order."""

    @property
    def hours(self) -> float:
        """The total in hours."""
        return self.total_minutes / 60


def time_reclaimed(done: Iterable[DoneEntry], since: datetime | None = None) -> TimeReclaimed:
    """Add up the minutes of done activities, by category.

    With `since`, only what was done at or after that moment counts: the dashboard can
    pass the start of the current period. Use it with a loaded `ActivityLog`:
    `time_reclaimed(log.done)`. Format the figures with `hours_text`.
    """
    totals = dict.fromkeys(Category, 0)
    for entry in done:
        if since is None or entry.at >= since:
            totals[entry.category] += entry.minutes
    by_category = tuple((category, minutes) for category, minutes in totals.items() if minutes)
    return TimeReclaimed(sum(totals.values()), by_category)


def hours_text(minutes: int) -> str:
    """Minutes as people read a duration: "45m", "2h", "2h 30m", "48h"."""
    hours, rest = divmod(max(0, minutes), 60)
    if not hours:
        return f"{rest}m"
    return f"{hours}h {rest}m" if rest else f"{hours}h"


@frozen
class ActivityStatus:
    """Where one activity stands: its open plans and the times it was done."""

    open_plans: tuple[Plan, ...] = ()
    """Earliest day first."""
    done: tuple[DoneEntry, ...] = ()
    """Oldest first."""

    @property
    def minutes(self) -> int:
        """Time spent on it, in all."""
        return sum(entry.minutes for entry in self.done)

    @property
    def last_note(self) -> str:
        """The most recent note written about it, if any."""
        for entry in reversed(self.done):
            if entry.note:
                return entry.note
        return ""


def statuses(log: ActivityLog) -> dict[str, ActivityStatus]:
    """Where every activity that has a plan or a done entry stands, by activity key."""
    plans: dict[str, list[Plan]] = {}
    for plan in open_plans(log.plans, log.done):
        plans.setdefault(plan.activity_key, []).append(plan)
    done: dict[str, list[DoneEntry]] = {}
    for entry in sorted(log.done, key=lambda entry: entry.at):
        done.setdefault(entry.activity_key, []).append(entry)
    return {
        key: ActivityStatus(tuple(plans.get(key, ())), tuple(done.get(key, ())))
        for key in plans.keys() | done.keys()
    }


def plan_to_complete(activity_key: str, log: ActivityLog) -> Plan | None:
    """The plan a done entry for this activity completes: its earliest open one."""
    for plan in open_plans(log.plans, log.done):
        if plan.activity_key == activity_key:
            return plan
    return None


# How "Surprise me" leans: a fresh idea is six times as likely as one already done, and
# three times as likely as one already planned. Done and planned ideas stay possible, so
# a person who has tried everything still gets a suggestion.
FRESH_WEIGHT = 6
PLANNED_WEIGHT = 2
DONE_WEIGHT = 1


def surprise_weight(status: ActivityStatus | None) -> int:
    """How strongly "Surprise me" favours an activity, given where it stands."""
    if status is None or (not status.open_plans and not status.done):
        return FRESH_WEIGHT
    if status.done:
        return DONE_WEIGHT
    return PLANNED_WEIGHT


def surprise(
    candidates: Sequence[Activity],
    known: Mapping[str, ActivityStatus],
    rng: random.Random,
    *,
    avoid: str | None = None,
) -> Activity | None:
    """A random activity from `candidates`, leaning away from what is done or planned.

    `known` is `statuses(log)`. `avoid` is the key of the previous pick, skipped when
    there is anything else, so pressing again always shows something new. `rng` is
    passed in so that tests can seed it. None only when there are no candidates.
    """
    pool = [a for a in candidates if a.key != avoid] or list(candidates)
    if not pool:
        return None
    weights = [surprise_weight(known.get(activity.key)) for activity in pool]
    return rng.choices(pool, weights=weights, k=1)[0]


def matches(activity: Activity, query: str) -> bool:
    """Whether every word of `query` appears in the activity's name, category or tags."""
    haystack = activity.search_text()
    return all(word in haystack for word in query.casefold().split())


def in_view(
    activities: Iterable[Activity], category: Category | None, query: str
) -> list[Activity]:
    """The activities in `category` (None for all) that match `query`, in category order."""
    order = {category: index for index, category in enumerate(Category)}
    chosen = [
        activity
        for activity in activities
        if (category is None or activity.category is category) and matches(activity, query)
    ]
    return sorted(chosen, key=lambda activity: order[activity.category])
