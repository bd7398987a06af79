"""The intake: the answers behind a plan, choosing the plan, and the start checklist."""

from __future__ import annotations

from datetime import datetime

from nctui.coach.core import Core
from nctui.domain.intake import IntakeAnswers
from nctui.domain.period import (
    Attempt,
    close_for_new_plan,
    end_of,
    open_attempt,
    plan_start,
    zone_of,
)
from nctui.domain.recommendation import IntakeRecord, Recommendation
from nctui.storage.attempt_store import attempt_from_doc, close_attempt_op, new_attempt_op
from nctui.storage.intake_store import intake_op, tick_op
from nctui.storage.ops import Batch, Insert, Put, new_id


class Intake:
    """Completed intakes (every one kept) and the checklist's ticks."""

    def __init__(self, core: Core) -> None:
        self._core = core

    def latest(self) -> IntakeRecord | None:
        """The most recent completed intake, if any."""
        intakes = self._core.model.intakes()
        return intakes[-1] if intakes else None

    def ticks(self) -> dict[str, bool]:
        """Which checklist items are ticked, by item key."""
        return self._core.model.ticks()

    def tick(self, key: str, done: bool) -> None:
        """Tick (or untick) one checklist item."""
        self._core.apply(tick_op(key, done, self._core.clock()))

    def plan_start(self, answers: IntakeAnswers, *, from_today: bool = False) -> datetime:
        """When a plan from these answers starts: when contact stopped, or now when
        counting from today. The same day as the running period keeps its exact start."""
        now = self._core.clock()
        if from_today:
            return now
        return plan_start(answers.contact_stopped, now, open_attempt(self._core.model.attempts()))

    def would_replace(self) -> Attempt | None:
        """The running period a new plan would replace (None if none is still going)."""
        now = self._core.clock()
        running = open_attempt(self._core.model.attempts())
        if running is not None and end_of(running, zone_of(now)) > now:
            return running
        return None

    def choose_plan(
        self,
        answers: IntakeAnswers,
        recommendation: Recommendation,
        days: int,
        start: datetime,
    ) -> Attempt:
        """Keep the intake and start a `days`-day period at `start`; a period still open
        is closed, and stays in the history with everything logged in it."""
        now = self._core.clock()
        record = IntakeRecord(new_id(), now, answers, recommendation, days)
        ops: list[Insert | Put] = [intake_op(record)]
        running = open_attempt(self._core.model.attempts())
        if running is not None:
            ended_at, reason = close_for_new_plan(running, now)
            ops.append(close_attempt_op(running, ended_at, reason))
        started = new_attempt_op(start, days, record.id)
        ops.append(started)
        self._core.apply(Batch(tuple(ops)))
        return attempt_from_doc(started.doc)
