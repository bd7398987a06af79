"""What changed: the notice the coach gives after every change, for screens to follow.

A screen shows some kinds of record (the countdown: the period, the ledger, check-ins,
activities). On a notice it redraws only the parts that show a kind named in it, and a
screen not on show remembers the notice until the person comes back to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from nctui.domain.frozen import frozen


class Topic(StrEnum):
    """A kind of record, as screens show them."""

    PERIOD = "period"
    """The attempts: the period, its start, length and end."""
    LEDGER = "ledger"
    """The events logged: urges, slips, contact, signs, extensions."""
    CHECKINS = "checkins"
    """Daily check-ins and their journal words."""
    DAY_START = "day_start"
    """The hour the person's day starts at."""
    LETTERS = "letters"
    """Unsent letters: drafts, sealed, opened."""
    ACTIVITIES = "activities"
    """The person's own ideas, plans, and what they did."""
    INTAKE = "intake"
    """Completed intakes (the answers behind the plan)."""
    CHECKLIST = "checklist"
    """The start checklist's ticks."""
    READINESS = "readiness"
    """Readiness checks taken."""
    SETTINGS = "settings"
    """Preferences (theme, SOS) and what has been celebrated."""
    DRAFTS = "drafts"
    """Words kept while not saved yet."""


@frozen
class Changes:
    """Which kinds of record changed, and where it helps, which days and attempts."""

    topics: frozenset[Topic] = frozenset()
    days: frozenset[date] = frozenset()
    """Check-in days that gained a version."""
    attempts: frozenset[str] = frozenset()
    """Attempts changed, or that an event was logged against."""
    everything: bool = False
    """Another window's changes were taken in: anything may differ."""

    @classmethod
    def of(cls, *topics: Topic) -> Changes:
        """A notice naming these kinds of record."""
        return cls(frozenset(topics))

    @classmethod
    def all(cls) -> Changes:
        """A notice that anything may have changed."""
        return cls(frozenset(Topic), everything=True)

    def touches(self, *topics: Topic) -> bool:
        """Whether any of these kinds of record changed."""
        return self.everything or not self.topics.isdisjoint(topics)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.topics | other.topics,
            self.days | other.days,
            self.attempts | other.attempts,
            self.everything or other.everything,
        )

    def __bool__(self) -> bool:
        return self.everything or bool(self.topics)


def merged(notices: Iterable[Changes]) -> Changes:
    """One notice for several."""
    result = Changes()
    for notice in notices:
        result = result | notice
    return result
