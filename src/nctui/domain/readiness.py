"""The readiness check: statements the person rates, facts from their own data, a verdict.

Everything that moves the verdict is in the tables below, so it can be read and argued
with in one place:

- Each statement is rated from 0 ("not at all") to 4 ("completely") and carries a
  weight. The score is the weighted share of the most a person could answer, 0 to 100.
  Healing and being all right without a reply weigh most: the guide's strongest point is
  that the person's own state is the real gauge, and that there are no guarantees.
- Facts from the person's data add or remove points: recent slips and contacts pull the
  score down (the pull is still strong), a falling mood pulls it down, signs from them
  add a little (no contact seems to be working), never enough to outweigh the rest.
- The verdict then follows simple rules, in this order:
  1. Barely wanting them back at all → consider moving on (a good outcome too).
  2. The period not finished, contact or slips in the last week, a falling mood, or a
     score under the bar → not yet, with a suggested extension.
  3. Otherwise → ready, with advice for the first contact.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from nctui.domain.period import left_in_words

SCALE: tuple[str, ...] = ("Not at all", "A little", "Somewhat", "Mostly", "Completely")
"""How each statement can be rated, 0 to 4."""

READY_BAR = 70
"""The score at or above which, all facts allowing, the verdict is "ready"."""


@dataclass(frozen=True)
class Statement:
    """One statement to rate."""

    key: str
    text: str
    weight: int
    """How much it counts towards the score (0: asked, but decides something else)."""


STATEMENTS: tuple[Statement, ...] = (
    Statement("healed", "I feel I have largely healed, and my days no longer turn around them.", 3),
    Statement("clear_view", "I can see what went wrong between us, not only the good times.", 2),
    Statement(
        "own_reasons", "I would not be reaching out from loneliness, guilt or a sense of duty.", 2
    ),
    Statement("no_reply_ok", "I will be all right if they do not answer, or answer coldly.", 3),
    Statement("no_rush", "I will not ask to get back together straight away.", 1),
    Statement(
        "low_key", "I would suggest something low-key in person, like a coffee, not long texts.", 1
    ),
    Statement("listen_first", "I want to listen to them first, before saying much myself.", 1),
    Statement("full_life", "My own life feels full, so this is a choice, not a need.", 2),
    Statement("want_them", "I truly want them back in my life, in some form.", 0),
)

WANT_KEY = "want_them"
MOVE_ON_AT_MOST = 1
"""Rating "want them back" this low or lower suggests moving on."""

POINTS_PER_RECENT_SLIP = 6
POINTS_PER_RECENT_CONTACT = 10
POINTS_FOR_FALLING_MOOD = 8
POINTS_PER_SIGN = 3
MOST_POINTS_FROM_SIGNS = 9


class Verdict(StrEnum):
    """What the check suggests."""

    READY = "ready"
    NOT_YET = "not_yet"
    MOVE_ON = "move_on"


VERDICT_TITLES: dict[Verdict, str] = {
    Verdict.READY: "You seem ready to reach out",
    Verdict.NOT_YET: "Not yet: give it a little more time",
    Verdict.MOVE_ON: "It may be time to let this go",
}


@dataclass(frozen=True)
class Facts:
    """What the person's own data says, gathered beside their answers."""

    period_complete: bool
    days_left: int
    """As the dashboard counts them: day + days_left is the length."""
    slips_last_week: int
    contacts_last_week: int
    mood_change: float | None
    """Average mood now against the first week, in points; None with too few check-ins."""
    mood_sentence: str
    signs: int
    open_todos: tuple[str, ...]
    ends_today: bool = False
    """With no days left: whether the end is today (else tomorrow, for a period begun
    mid-day)."""
    has_plan: bool = True
    """False before any period was planned: then there is nothing to finish yet."""


@dataclass(frozen=True)
class Result:
    """The outcome of one check: score, verdict, every reason, and the suggested wait."""

    score: int
    verdict: Verdict
    reasons: tuple[str, ...]
    extension_days: int


def answer_score(answers: Mapping[str, int]) -> int:
    """The answers alone, as a share of the most they could give, 0 to 100."""
    most = sum(statement.weight * (len(SCALE) - 1) for statement in STATEMENTS)
    given = sum(statement.weight * _rating(answers, statement.key) for statement in STATEMENTS)
    return round(100 * given / most)


def _rating(answers: Mapping[str, int], key: str) -> int:
    return max(0, min(len(SCALE) - 1, int(answers.get(key, 0))))


def fact_points(facts: Facts) -> tuple[int, list[str]]:
    """Points the facts add or remove, and a line for each one that counted."""
    points = 0
    lines = []
    if facts.slips_last_week:
        points -= POINTS_PER_RECENT_SLIP * facts.slips_last_week
        lines.append(
            f"{_count(facts.slips_last_week, 'slip')} in the last week: the pull is still strong."
        )
    if facts.contacts_last_week:
        points -= POINTS_PER_RECENT_CONTACT * facts.contacts_last_week
        lines.append(f"{_count(facts.contacts_last_week, 'contact')} you started in the last week.")
    if facts.mood_change is not None and facts.mood_change < 0:
        points -= POINTS_FOR_FALLING_MOOD
        lines.append(f"Your check-ins: {facts.mood_sentence}")
    elif facts.mood_change is not None:
        lines.append(f"Your check-ins: {facts.mood_sentence}")
    if facts.signs:
        points += min(MOST_POINTS_FROM_SIGNS, POINTS_PER_SIGN * facts.signs)
        lines.append(
            f"{_count(facts.signs, 'sign')} from them logged: a small plus. Signs say more "
            "about them than about whether you are ready."
        )
    return points, lines


def assess(answers: Mapping[str, int], facts: Facts) -> Result:
    """Score the answers with the facts and give a verdict, with every reason for it."""
    base = answer_score(answers)
    points, fact_lines = fact_points(facts)
    score = max(0, min(100, base + points))
    reasons = [*_answer_lines(answers), *fact_lines]
    if facts.open_todos:
        reasons.append(
            "Still to sort out: " + ", ".join(facts.open_todos) + ". Those are allowed "
            "contact, whatever you decide."
        )
    if _rating(answers, WANT_KEY) <= MOVE_ON_AT_MOST:
        reasons.insert(0, "You said you do not really want them back in your life.")
        return Result(score, Verdict.MOVE_ON, tuple(reasons), 0)
    # Recent contact, slips and a falling mood each already have a line among the facts.
    waits = []
    if not facts.has_plan:
        waits.append(
            "There is no period running yet. Time apart comes first: the intake (i) sets one up."
        )
    elif not facts.period_complete:
        waits.append(f"Your period {left_in_words(facts.days_left, facts.ends_today)}.")
    if score < READY_BAR:
        waits.append(
            f"Your answers and your data come to {score} of 100; {READY_BAR} or more "
            "usually means ready."
        )
    held_back = (
        bool(waits)
        or bool(facts.contacts_last_week or facts.slips_last_week)
        or (facts.mood_change is not None and facts.mood_change < 0)
    )
    if held_back:
        extension = suggested_extension(score, facts)
        return Result(score, Verdict.NOT_YET, tuple(waits + reasons), extension)
    return Result(score, Verdict.READY, tuple(reasons), 0)


def suggested_extension(score: int, facts: Facts) -> int:
    """Days to add to the period before checking again.

    More the further the score is below the bar; at least two weeks after recent contact
    or slips, one after a falling mood. A period still running that only needs finishing
    gets none: its own end is the next time to check.
    """
    if not facts.period_complete:
        return 0
    shortfall = max(0, READY_BAR - score)
    days = 0 if shortfall == 0 else 7 if shortfall <= 10 else 14 if shortfall <= 25 else 30
    if facts.contacts_last_week or facts.slips_last_week:
        days = max(days, 14)
    if facts.mood_change is not None and facts.mood_change < 0:
        days = max(days, 7)
    return days


def _answer_lines(answers: Mapping[str, int]) -> list[str]:
    lines = []
    for statement in STATEMENTS:
        if statement.weight and _rating(answers, statement.key) <= 2:
            lines.append(
                f"“{statement.text}” You said: {SCALE[_rating(answers, statement.key)].lower()}."
            )
    strong = [s for s in STATEMENTS if s.weight and _rating(answers, s.key) >= 3]
    if strong:
        rated = sum(1 for s in STATEMENTS if s.weight)
        lines.append(
            f"You rated {len(strong)} of the {rated} statements about readiness mostly or "
            "completely true."
        )
    return lines


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


DOS_AND_DONTS: tuple[tuple[str, str], ...] = (
    (
        "Don't ask to get back together straight away",
        "A first hello carries enough. Find out how things feel between you before anything more.",
    ),
    (
        "Suggest meeting in person",
        "Tone and kindness come across better across a table than in a thread of messages.",
    ),
    ("Keep it low-key", "A coffee or a short walk: easy to say yes to, easy to leave."),
    (
        "Be ready for no reply",
        "Silence, or a cool answer, is something they decide. It does not measure you.",
    ),
    ("Listen first", "Ask about their life and let them answer before you share much of yours."),
)
"""The first-contact card shown with a "ready" verdict."""


@dataclass(frozen=True)
class CheckRecord:
    """One readiness check as kept in the history: what was answered, and what it said."""

    id: str
    taken_at: datetime
    answers: Mapping[str, int]
    result: Result
