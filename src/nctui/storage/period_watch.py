"""What the passing of time asks to be recorded: a period reaching its end, a milestone."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from nctui.domain.milestones import newest_reached, words_for
from nctui.domain.period import EndReason, State, completion_due, end_of, period_status, zone_of
from nctui.storage.attempt_store import close_attempt_op, load_attempts
from nctui.storage.ops import Op
from nctui.storage.settings import read_setting, setting_op

if TYPE_CHECKING:
    from nctui.storage.repository import Repository

GREET_WITHIN_DAYS = 2
"""A milestone passed longer ago than this is recorded without a word: cheering day 1 on
day 10 would ring false."""

COMPLETE_WORDS = (
    "Your no-contact period is complete. Take a moment with that: you did it. "
    "When you feel ready, the readiness check (r) will help you decide what comes next."
)


def due_updates(repository: Repository, now: datetime) -> tuple[list[Op], list[str]]:
    """Changes to save and words to say, given the time now.

    A period that reached its end is closed as complete, so it stays complete even if
    the clock is later set back. A milestone is celebrated once per attempt.
    """
    attempts = load_attempts(repository)
    ops: list[Op] = []
    words: list[str] = []
    due = completion_due(attempts, now)
    if due is not None:
        ops.append(close_attempt_op(due, end_of(due, zone_of(now)), EndReason.COMPLETE))
        words.append(COMPLETE_WORDS)
        return ops, words
    status = period_status(attempts, now)
    if status.state is State.ACTIVE and status.attempt is not None:
        key = f"milestone:{status.attempt.id}"
        celebrated = read_setting(repository, key, 0)
        reached = newest_reached(status.elapsed_days, celebrated)
        if reached is not None:
            ops.append(setting_op(key, reached))
            if status.elapsed_days - reached <= GREET_WITHIN_DAYS:
                words.append(words_for(reached))
    return ops, words
