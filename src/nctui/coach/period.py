"""The period: where it stands, its attempts and record, and what the passing of time
asks to be noted (a period reaching its end, a milestone)."""

from __future__ import annotations

from datetime import datetime

from nctui.coach.core import Core
from nctui.domain.milestones import COMPLETE_WORDS, greeting, newest_reached
from nctui.domain.period import (
    Attempt,
    EndReason,
    PeriodStatus,
    State,
    completion_due,
    end_of,
    open_attempt,
    period_status,
    zone_of,
)
from nctui.domain.runs import Record, record
from nctui.storage.attempt_store import close_attempt_op
from nctui.storage.settings import setting_op


class Period:
    """The no-contact period and its history of attempts."""

    def __init__(self, core: Core) -> None:
        self._core = core

    def attempts(self) -> list[Attempt]:
        """Every attempt, oldest first, at most one running. Read only."""
        return self._core.model.attempts()

    def status(self, now: datetime | None = None) -> PeriodStatus:
        """Where the period stands now (or at `now`)."""
        return period_status(self.attempts(), now or self._core.clock())

    def running(self) -> Attempt | None:
        """The attempt still open, if any (it may have reached its end unrecorded)."""
        return open_attempt(self.attempts())

    def has_plan(self) -> bool:
        """Whether a period was ever planned."""
        return bool(self.attempts())

    def record(self, now: datetime | None = None) -> Record:
        """Runs without contact so far: current, longest, in all, attempts."""
        contacts = self._core.model.ledger.contact_times()
        return record(self.attempts(), contacts, now or self._core.clock())

    def catch_up(self, now: datetime | None = None) -> list[str]:
        """Note what the time now asks for; return the words to say about it.

        A period that reached its end is closed as complete, so it stays complete even
        if the clock is later set back. A milestone is celebrated once per attempt.
        """
        now = now or self._core.clock()
        attempts = self.attempts()
        due = completion_due(attempts, now)
        if due is not None:
            self._core.apply(close_attempt_op(due, end_of(due, zone_of(now)), EndReason.COMPLETE))
            return [COMPLETE_WORDS]
        status = period_status(attempts, now)
        if status.state is not State.ACTIVE or status.attempt is None:
            return []
        key = f"milestone:{status.attempt.id}"
        reached = newest_reached(status.elapsed_days, self._core.model.setting(key, 0))
        if reached is None:
            return []
        self._core.apply(setting_op(key, reached))
        words = greeting(reached, status.elapsed_days)
        return [words] if words else []
