"""Milestones along the period, and a few warm words for each."""

from __future__ import annotations

MILESTONES: tuple[int, ...] = (1, 3, 7, 14, 21, 30, 45, 60, 90, 120, 150, 180, 270, 365)

WORDS: dict[int, str] = {
    1: "One whole day. The first one is often the hardest, and it is done.",
    3: "Three days. The pull is real, and you are still here, steady.",
    7: "A full week without contact. That took strength.",
    14: "Two weeks. Notice any moment that felt a little lighter.",
    21: "Three weeks. New habits are starting to hold.",
    30: "A month. Look back at day one: you have come a long way.",
    45: "Forty-five days. This is your life taking its own shape.",
    60: "Two months. Give yourself real credit for this.",
    90: "Three months. A whole season of choosing yourself.",
}

GREET_WITHIN_DAYS = 2
"""A milestone passed longer ago than this is recorded without a word: cheering day 1 on
day 10 would ring false."""

COMPLETE_WORDS = (
    "Your no-contact period is complete. Take a moment with that: you did it. "
    "When you feel ready, the readiness check (r) will help you decide what comes next."
)
"""What to say once, when the period reaches its end."""


def milestone_after(days: int) -> int:
    """The next milestone strictly after `days` whole days (past a year, every 100)."""
    for milestone in MILESTONES:
        if milestone > days:
            return milestone
    return (days // 100 + 1) * 100


def next_milestone(elapsed_days: int, length_days: int) -> int | None:
    """The next milestone to look forward to, or None when the period's end comes first.

    A milestone equal to the length is the end itself ("3 weeks" of a 21-day period is
    reached the moment it is complete), so the end is what comes next.
    """
    upcoming = milestone_after(elapsed_days)
    return upcoming if upcoming < length_days else None


def newest_reached(days: int, celebrated: int) -> int | None:
    """The highest milestone reached in `days` that is above `celebrated`, if any."""
    reached = [m for m in MILESTONES if celebrated < m <= days]
    if days >= 400:
        reached += [m for m in range(400, days + 1, 100) if m > celebrated]
    return max(reached, default=None)


def words_for(milestone: int) -> str:
    """What to say on reaching a milestone."""
    return WORDS.get(milestone, f"{milestone} days without contact. Quietly remarkable.")


def greeting(milestone: int, elapsed_days: int) -> str | None:
    """What to say for a milestone just noticed: its words, unless it passed a while ago."""
    return words_for(milestone) if elapsed_days - milestone <= GREET_WITHIN_DAYS else None


def describe_days(days: int) -> str:
    """A milestone as people say it: "1 week", "2 weeks", "1 month", else days."""
    named = {
        7: "1 week",
        14: "2 weeks",
        21: "3 weeks",
        30: "1 month",
        60: "2 months",
        90: "3 months",
        180: "6 months",
        365: "1 year",
    }
    return named.get(days, f"{days} day{'s' if days != 1 else ''}")
