"""The intake questionnaire: its answers, and turning what a person typed into them.

Parsing functions raise `AnswerError` with a message written for the person, so the
screen can show it beside the field without rewording it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from nctui.domain.errors import AnswerError
from nctui.domain.text import strip_controls

MAX_YEARS_TOGETHER = 70
MAX_DAYS_BACK = 365


class Ending(StrEnum):
    """How the relationship ended."""

    AMICABLE = "amicable"
    BAD = "bad"
    EMOTIONAL = "emotional"
    UNEXPECTED = "unexpected"
    """They ended it, without warning."""


class EndedBy(StrEnum):
    """Who ended it."""

    ME = "me"
    THEM = "them"
    MUTUAL = "mutual"


class YesNo(StrEnum):
    """An answer to a yes-or-no question, allowing for not knowing."""

    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


class Goal(StrEnum):
    """What the person wants from no contact."""

    GET_BACK = "get_back"
    HEAL = "heal"
    UNSURE = "unsure"


class LooseEnd(StrEnum):
    """Something that still has to be sorted out with the ex."""

    BELONGINGS = "belongings"
    FINANCES = "finances"
    LEASE = "lease"
    PETS = "pets"
    OTHER = "other"


ENDING_LABELS: dict[Ending, str] = {
    Ending.AMICABLE: "On good terms",
    Ending.BAD: "Badly",
    Ending.EMOTIONAL: "In a storm of feelings",
    Ending.UNEXPECTED: "Out of the blue: they ended it without warning",
}
ENDED_BY_LABELS: dict[EndedBy, str] = {
    EndedBy.ME: "I did",
    EndedBy.THEM: "They did",
    EndedBy.MUTUAL: "We both did",
}
YES_NO_LABELS: dict[YesNo, str] = {YesNo.YES: "Yes", YesNo.NO: "No", YesNo.UNSURE: "Not sure"}
GOAL_LABELS: dict[Goal, str] = {
    Goal.GET_BACK: "To get them back",
    Goal.HEAL: "To heal and move on",
    Goal.UNSURE: "I am not sure yet",
}
LOOSE_END_LABELS: dict[LooseEnd, str] = {
    LooseEnd.BELONGINGS: "Belongings to return or collect",
    LooseEnd.FINANCES: "Joint accounts, bills or subscriptions",
    LooseEnd.LEASE: "A lease or a home we share",
    LooseEnd.PETS: "Pets",
    LooseEnd.OTHER: "Something else",
}


@dataclass(frozen=True)
class IntakeAnswers:
    """Everything the questionnaire asks."""

    contact_stopped: date
    together_months: int
    ending: Ending
    ended_by: EndedBy
    stay_friends: YesNo
    seeing_someone: YesNo
    single_issue: YesNo
    loose_ends: tuple[LooseEnd, ...]
    other_loose_end: str
    goal: Goal


_DAYS_AGO = re.compile(r"^(\d{1,4})\s+days?\s+ago$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


_DAYS_AHEAD = re.compile(r"^in \d+ (day|days|week|weeks)$")
_NOT_YET = "That day has not come yet. Contact can only have stopped by today."


def parse_contact_day(text: str, today: date) -> date:
    """The day contact stopped, from "today", "yesterday", "N days ago" or YYYY-MM-DD.

    Future days, days that do not exist, and days over a year back are refused.
    """
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        raise AnswerError("When did contact stop? Type a date, or just “today”.")
    if cleaned == "today":
        return today
    if cleaned == "yesterday":
        return today - timedelta(days=1)
    if cleaned == "tomorrow" or _DAYS_AHEAD.match(cleaned):
        raise AnswerError(_NOT_YET)
    if match := _DAYS_AGO.match(cleaned):
        day = today - timedelta(days=int(match.group(1)))
    elif match := _ISO_DAY.match(cleaned):
        year, month, day_of_month = (int(part) for part in match.groups())
        try:
            day = date(year, month, day_of_month)
        except ValueError:
            raise AnswerError(
                f"{text.strip()} is not a real date. Check the day and the month."
            ) from None
    else:
        raise AnswerError("Try a date like 2026-11-20, or “today”, “yesterday” or “3 days ago”.")
    if day > today:
        raise AnswerError(_NOT_YET)
    if (today - day).days > MAX_DAYS_BACK:
        raise AnswerError(
            "That is more than a year ago. If it has been that long, start from today."
        )
    return day


def _whole_number(text: str, what: str) -> int:
    cleaned = text.strip()
    if not cleaned:
        return 0
    if cleaned.startswith("-") and cleaned[1:].isdigit():
        raise AnswerError(f"{what} cannot be below zero.")
    if not cleaned.isdigit():
        raise AnswerError(f"{what} should be a whole number, like 2.")
    return int(cleaned)


def parse_together(years_text: str, months_text: str) -> int:
    """Months together, from a years box and a months box; either may be empty."""
    if not years_text.strip() and not months_text.strip():
        raise AnswerError("How long were you together? Fill in years, months, or both.")
    years = _whole_number(years_text, "Years")
    months = _whole_number(months_text, "Months")
    total = years * 12 + months
    if total == 0:
        raise AnswerError("Together for at least a month, please: it cannot be zero.")
    if total > MAX_YEARS_TOGETHER * 12:
        raise AnswerError(
            f"That is over {MAX_YEARS_TOGETHER} years. Check the numbers: years, then months."
        )
    return total


def clean_other_loose_end(text: str, chosen: tuple[LooseEnd, ...]) -> str:
    """The description of "something else", required only when it was ticked."""
    cleaned = " ".join(strip_controls(text).split())
    if LooseEnd.OTHER in chosen and not cleaned:
        raise AnswerError("You ticked “something else”: say in a few words what it is.")
    if len(cleaned) > 120:
        raise AnswerError("Keep it short, please: 120 characters at most.")
    return cleaned if LooseEnd.OTHER in chosen else ""


def check_ended_by(ending: Ending, ended_by: EndedBy) -> EndedBy:
    """Who ended it, consistent with how: "out of the blue" means they ended it."""
    if ending is Ending.UNEXPECTED and ended_by is not EndedBy.THEM:
        raise AnswerError(
            "You said it came out of the blue, which means they ended it. Choose "
            "“They did”, or go back and change how it ended."
        )
    return ended_by


def describe_together(months: int) -> str:
    """Months together, as people say it: "3 years", "1 year 4 months", "7 months"."""
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if rest:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " ".join(parts)
