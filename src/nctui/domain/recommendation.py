"""How long to stay out of contact, and why: the rules as one readable table.

The figures follow the guide's duration table: about 30 days for a relationship under
two years, two to three months or longer over two years, shorter after an amicable
breakup or when you ended it, longer after a bad one or when you were dumped.

How the table turns that into one number:
- The base comes from how long you were together. Over five years we take the long
  end of "two to three months or longer", since the guide ties more history to more time.
- Each other answer that the guide says moves the length adds or removes days. "Shorter"
  is a gentle week; "longer" is two weeks for being dumped and a month for a bad breakup,
  the one the guide treats as the strongest reason to wait.
- The result stays between three weeks (healing needs some time even after the kindest
  ending) and six months (past that, nctui suggests a check-in with yourself instead).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from nctui.domain.errors import AnswerError
from nctui.domain.intake import (
    ENDED_BY_LABELS,
    ENDING_LABELS,
    EndedBy,
    Ending,
    Goal,
    IntakeAnswers,
    YesNo,
    describe_together,
)

MIN_DAYS = 21
MAX_DAYS = 180
CHOICES = (30, 60, 90)
"""The round lengths offered beside the recommendation."""
CUSTOM_MIN_DAYS = 7
CUSTOM_MAX_DAYS = 365

BASE_BY_MONTHS: tuple[tuple[int, int, str], ...] = (
    # (together at least this many months, base days, why)
    (0, 30, "under two years: about a month to start from"),
    (24, 60, "over two years: two to three months"),
    (60, 90, "five years or more: the long end, three months"),
)

ENDING_DAYS: dict[Ending, tuple[int, str]] = {
    Ending.AMICABLE: (-7, "a kind ending: a little shorter"),
    Ending.BAD: (30, "a bad ending: longer, so things can settle"),
    Ending.EMOTIONAL: (0, ""),
    Ending.UNEXPECTED: (7, "a shock: a little longer to take it in"),
}

ENDED_BY_DAYS: dict[EndedBy, tuple[int, str]] = {
    EndedBy.ME: (-7, "your decision: a little shorter"),
    EndedBy.THEM: (14, "being left: longer"),
    EndedBy.MUTUAL: (0, ""),
}


@dataclass(frozen=True)
class Reason:
    """One line of the reasoning: what was answered, and what it did to the length."""

    answer: str
    effect: str
    days: int
    """The base in days when `is_base`; otherwise the change in days."""
    is_base: bool = False

    @property
    def days_text(self) -> str:
        """ "base 60 days", "+30 days" or "−7 days"."""
        if self.is_base:
            return f"base {self.days} days"
        sign = "+" if self.days > 0 else "−"
        return f"{sign}{abs(self.days)} days"


@dataclass(frozen=True)
class Recommendation:
    """The suggested length, every reason for it, and what else the person should know."""

    days: int
    reasons: tuple[Reason, ...]
    helps: tuple[str, ...]
    """Situations from the guide in which no contact more often works."""
    warnings: tuple[str, ...]


def _base(months: int) -> tuple[int, str]:
    days, why = BASE_BY_MONTHS[0][1], BASE_BY_MONTHS[0][2]
    for at_least, tier_days, tier_why in BASE_BY_MONTHS:
        if months >= at_least:
            days, why = tier_days, tier_why
    return days, why


def recommend(answers: IntakeAnswers) -> Recommendation:
    """The recommended no-contact length for these answers, with its reasons."""
    base, why = _base(answers.together_months)
    reasons = [
        Reason(f"Together {describe_together(answers.together_months)}", why, base, is_base=True)
    ]
    days = base
    for change, effect, answer in (
        (*ENDING_DAYS[answers.ending], f"It ended: {ENDING_LABELS[answers.ending].lower()}"),
        (*ENDED_BY_DAYS[answers.ended_by], f"Who ended it: {ENDED_BY_LABELS[answers.ended_by]}"),
    ):
        if change:
            reasons.append(Reason(answer, effect, change))
            days += change
    if days < MIN_DAYS:
        reasons.append(Reason("Floor", f"kept to at least {MIN_DAYS} days", MIN_DAYS - days))
        days = MIN_DAYS
    elif days > MAX_DAYS:
        reasons.append(Reason("Ceiling", f"kept to at most {MAX_DAYS} days", MAX_DAYS - days))
        days = MAX_DAYS
    return Recommendation(days, tuple(reasons), _helps(answers), _warnings(answers))


def _helps(answers: IntakeAnswers) -> tuple[str, ...]:
    helps = []
    if answers.ending is Ending.UNEXPECTED:
        helps.append("It ended without warning: time apart lets them look again at a rushed call.")
    if answers.ending is Ending.EMOTIONAL:
        helps.append("It ended in anger or tears: feelings that hot need time to cool.")
    if answers.seeing_someone is YesNo.YES:
        helps.append("They moved on fast: stepping back keeps you from being the fallback.")
    if answers.together_months >= 24:
        helps.append("You had years together: with distance, the good memories come back.")
    if answers.single_issue is YesNo.YES:
        helps.append("You split over one issue: with space, they may weigh it differently.")
    return tuple(helps)


def _warnings(answers: IntakeAnswers) -> tuple[str, ...]:
    warnings = []
    if answers.ending is Ending.AMICABLE and answers.stay_friends is YesNo.YES:
        warnings.append(
            "You parted kindly and both want to stay friends. Going quiet without a word "
            "can look like a game and hurt that. Tell them plainly you need some space."
        )
    if answers.goal is Goal.GET_BACK:
        warnings.append(
            "No one can promise this brings them back. What it does give you, whatever "
            "they do, is room to heal, and that part is yours to keep."
        )
    if answers.seeing_someone is YesNo.YES:
        warnings.append(
            "They are already seeing someone. Stepping back means you are not waiting on "
            "the side as their backup plan while they decide."
        )
    return tuple(warnings)


def check_custom_days(text: str) -> int:
    """A custom length typed by the person: a whole number of days from 7 to 365."""
    cleaned = text.strip()
    if not cleaned:
        raise AnswerError(f"How many days? Any whole number from {CUSTOM_MIN_DAYS} to 365.")
    # A minus sign is a number below the range, told the same way as 0 or 3.
    if not cleaned.removeprefix("-").isdigit():
        raise AnswerError("Days should be a whole number, like 45.")
    days = int(cleaned)
    if not CUSTOM_MIN_DAYS <= days <= CUSTOM_MAX_DAYS:
        raise AnswerError(
            f"Choose from {CUSTOM_MIN_DAYS} to {CUSTOM_MAX_DAYS} days; you typed {days}."
        )
    return days


@dataclass(frozen=True)
class IntakeRecord:
    """One completed intake: the answers, what nctui recommended then, and the choice."""

    id: str
    taken_at: datetime
    answers: IntakeAnswers
    recommendation: Recommendation
    chosen_days: int
