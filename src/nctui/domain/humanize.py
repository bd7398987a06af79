"""Dates, times and counts written the way people read them, in any locale's terminal."""

from __future__ import annotations

from datetime import date, datetime, timedelta


def day_text(day: date) -> str:
    """ "Thu 26 Nov 2026"."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def moment_text(moment: datetime) -> str:
    """ "Thu 26 Nov 2026, 20:15"."""
    return f"{day_text(moment.date())}, {moment:%H:%M}"


def plural(count: int, word: str, many: str | None = None) -> str:
    """ "1 day", "3 days"."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def countdown_text(remaining: timedelta) -> str:
    """ "33d 04:12:55", or "04:12:55" in the last day; never negative."""
    seconds = max(0, int(remaining.total_seconds()))
    days, seconds = divmod(seconds, 86_400)
    hours, seconds = divmod(seconds, 3_600)
    minutes, seconds = divmod(seconds, 60)
    clock = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    return f"{days}d {clock}" if days else clock


def countdown_words(remaining: timedelta) -> str:
    """The same as words: "33 days, 4 hours, 12 minutes and 55 seconds"."""
    seconds = max(0, int(remaining.total_seconds()))
    days, seconds = divmod(seconds, 86_400)
    hours, seconds = divmod(seconds, 3_600)
    minutes, seconds = divmod(seconds, 60)
    parts = [
        plural(value, unit)
        for value, unit in ((days, "day"), (hours, "hour"), (minutes, "minute"))
        if value
    ]
    parts.append(plural(seconds, "second"))
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def time_text(moment: datetime) -> str:
    """ "Thu 26 Nov, 21:30" (no year): for recent events."""
    return f"{moment:%a} {moment.day} {moment:%b}, {moment:%H:%M}"
