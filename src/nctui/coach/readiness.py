"""The readiness check: the facts from the person's own data, each check kept, and
the extension a "not yet" suggests."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from nctui.coach.core import Core
from nctui.coach.journal import Journal
from nctui.domain.checklist import checklist_for, open_loose_ends
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.domain.period import (
    State,
    add_calendar_days,
    days_to_add,
    end_of,
    extension_note,
    period_status,
    zone_of,
)
from nctui.domain.readiness import CheckRecord, Facts, assess
from nctui.storage.ops import new_id
from nctui.storage.readiness_store import check_op, extension_ops

LAST_WEEK = timedelta(days=7)


class Extension(StrEnum):
    """Where a "not yet" check's suggested extension stands."""

    OFFERED = "offered"
    """It can be added: the checked period is the current one, complete, not yet extended."""
    DONE = "done"
    """Added after this check."""
    NONE = "none"
    """Nothing to add: none suggested, or the period has moved on (a new plan, say)."""


@dataclass(frozen=True)
class Standing:
    """A check's extension as it stands, and when the period ends."""

    extension: Extension
    end: datetime | None
    """When the period ends: with the days added, while they are offered; None with no
    plan at all."""
    days: int = 0
    """Days the check suggested."""
    added: int = 0
    """Days that adding them adds: more, counted from today, once the end is a while ago."""


class Readiness:
    """Readiness checks, oldest first; every one is kept."""

    def __init__(self, core: Core, journal: Journal) -> None:
        self._core = core
        self._journal = journal

    def checks(self) -> list[CheckRecord]:
        """Every check taken, oldest first. Read only."""
        return self._core.model.checks()

    def latest(self) -> CheckRecord | None:
        """The check taken last, if any."""
        checks = self.checks()
        return checks[-1] if checks else None

    def facts(self, now: datetime | None = None) -> Facts:
        """What the person's own data says now, beside their answers."""
        now = now or self._core.clock()
        model = self._core.model
        status = period_status(model.attempts(), now)
        week = [e for e in model.ledger.since(now - LAST_WEEK) if e.at <= now]
        since = status.start if status.start is not None else now
        intakes = model.intakes()
        intake = intakes[-1] if intakes else None
        # Belongings returned or accounts closed, logged as allowed contact since the
        # intake that listed them, are sorted out.
        settled = (
            []
            if intake is None
            else [e.detail for e in model.ledger.since(intake.taken_at) if e.kind is Kind.ALLOWED]
        )
        todos = open_loose_ends(
            checklist_for(intake.answers if intake else None), model.ticks(), settled
        )
        trend = self._journal.period_trend(now)
        return Facts(
            period_complete=status.state is State.COMPLETE,
            days_left=status.days_left if status.state is State.ACTIVE else 0,
            ends_today=status.ends_today,
            slips_last_week=sum(event.kind is Kind.SLIP for event in week),
            contacts_last_week=sum(event.kind is Kind.CONTACT for event in week),
            mood_change=trend.change,
            mood_sentence=trend.sentence,
            signs=sum(event.kind is Kind.SIGN for event in model.ledger.since(since)),
            open_todos=todos,
            has_plan=status.state is not State.NO_PLAN,
        )

    def take(self, answers: Mapping[str, int]) -> CheckRecord:
        """Record a check of these answers, weighed with the facts as they are now."""
        now = self._core.clock()
        record = CheckRecord(new_id(), now, dict(answers), assess(answers, self.facts(now)))
        self._core.apply(check_op(record))
        return record

    def standing(self, record: CheckRecord, now: datetime | None = None) -> Standing:
        """Where this check's suggested extension stands, and when the period ends."""
        now = now or self._core.clock()
        zone = zone_of(now)
        status = period_status(self._core.model.attempts(), now)
        if status.attempt is None:
            return Standing(Extension.NONE, None)
        end = end_of(status.attempt, zone)
        if self._core.model.ledger.extended_after(record.id):
            return Standing(Extension.DONE, end)
        days = record.result.extension_days
        # Only the period the check judged, once complete: not a plan begun since.
        if days and status.state is State.COMPLETE and status.attempt.start <= record.taken_at:
            added = days_to_add(status.attempt, days, now)
            return Standing(Extension.OFFERED, add_calendar_days(end, added, zone), days, added)
        return Standing(Extension.NONE, end)

    def extend(self, record: CheckRecord) -> Standing | None:
        """Add the days this check suggested to the period, reopening it; the ledger
        notes it. None, changing nothing, when they are no longer on offer (added
        meanwhile in another window, say). Returns the standing as it was offered."""
        now = self._core.clock()
        offer = self.standing(record, now)
        attempt = period_status(self._core.model.attempts(), now).attempt
        if offer.extension is not Extension.OFFERED or attempt is None:
            return None
        new_length = attempt.length_days + offer.added
        # The check's id is kept as the detail, so each check extends the period once.
        event = LedgerEvent(
            new_id(),
            Kind.EXTENSION,
            now,
            now,
            detail=record.id,
            note=extension_note(attempt, new_length),
            attempt_id=attempt.id,
        )
        self._core.apply(extension_ops(event, attempt, new_length))
        return offer
