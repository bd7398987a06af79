"""Dates, times and counts written the way people read them, in any locale's terminal."""

from __future__ import annotations

from datetime import date, datetime


def day_text(day: date) -> str:
    """ "Thu 26 Nov 2026"."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def moment_text(moment: datetime) -> str:
    """ "Thu 26 Nov 2026, 20:15"."""
    return f"{day_text(moment.date())}, {moment:%H:%M}"


def plural(count: int, word: str, many: str | None = None) -> str:
    """ "1 day", "3 days"."""
    return f"{count} {word if count == 1 else (many or word + 's')}"
