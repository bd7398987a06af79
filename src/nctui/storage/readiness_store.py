"""Readiness checks as stored, the facts gathered for one, and extending the period."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from nctui.domain.checklist import checklist_for, open_loose_ends
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.domain.period import Attempt, EndReason, State, period_status
from nctui.domain.readiness import CheckRecord, Facts, Result, Verdict
from nctui.storage.attempt_store import ATTEMPTS, load_attempts
from nctui.storage.intake_store import latest_intake, load_ticks
from nctui.storage.ledger_store import EVENTS, event_op, load_events
from nctui.storage.ops import Batch, Insert, Put, new_id
from nctui.storage.records import moment, parse_all, stamp

if TYPE_CHECKING:
    from nctui.storage.repository import Repository

CHECKS = "readiness"
LAST_WEEK = timedelta(days=7)


def check_from_doc(doc: Mapping[str, Any]) -> CheckRecord:
    """A readiness check from its stored document (of the shape `shapes` declares)."""
    return CheckRecord(
        id=doc["id"],
        taken_at=moment(doc["at"]),
        answers=dict(doc["answers"]),
        result=Result(
            score=doc["score"],
            verdict=Verdict(doc["verdict"]),
            reasons=tuple(doc["reasons"]),
            extension_days=doc.get("extension_days") or 0,
        ),
    )


def check_op(record: CheckRecord) -> Insert:
    """The change that adds a check to the history (every check is kept)."""
    return Insert(
        CHECKS,
        {
            "id": record.id,
            "at": stamp(record.taken_at),
            "answers": dict(record.answers),
            "score": record.result.score,
            "verdict": record.result.verdict.value,
            "reasons": list(record.result.reasons),
            "extension_days": record.result.extension_days,
        },
    )


def load_checks(repository: Repository) -> list[CheckRecord]:
    """Every readiness check, oldest first."""
    checks = parse_all(repository.documents(CHECKS), check_from_doc)
    return sorted(checks, key=lambda record: record.taken_at)


def gather_facts(repository: Repository, now: datetime, mood: tuple[float | None, str]) -> Facts:
    """What the person's own data says today, for the check.

    `mood` is the mood trend from the check-ins: the change in points and its sentence.
    """
    attempts = load_attempts(repository)
    status = period_status(attempts, now)
    events = load_events(repository)
    recent = [event for event in events if now - LAST_WEEK <= event.at <= now]
    since = status.start if status.start is not None else now
    intake = latest_intake(repository)
    # Belongings returned or accounts closed, logged as allowed contact since the intake
    # that listed them, are sorted out.
    settled = (
        event.detail
        for event in events
        if event.kind is Kind.ALLOWED and intake is not None and event.at >= intake.taken_at
    )
    todos = open_loose_ends(
        checklist_for(intake.answers if intake else None), load_ticks(repository), settled
    )
    return Facts(
        period_complete=status.state is State.COMPLETE,
        days_left=status.days_left if status.state is State.ACTIVE else 0,
        ends_today=status.ends_today,
        slips_last_week=sum(event.kind is Kind.SLIP for event in recent),
        contacts_last_week=sum(event.kind is Kind.CONTACT for event in recent),
        mood_change=mood[0],
        mood_sentence=mood[1],
        signs=sum(event.kind is Kind.SIGN and event.at >= since for event in events),
        open_todos=todos,
        has_plan=status.state is not State.NO_PLAN,
    )


def extended_by(repository: Repository, check_id: str) -> bool:
    """Whether the period was already extended after the check with this id."""
    return any(
        doc.get("kind") == Kind.EXTENSION and doc.get("detail") == check_id
        for doc in repository.documents(EVENTS)
    )


def extension_ops(attempt: Attempt, days: int, now: datetime, check_id: str) -> Batch:
    """Add `days` to the period, reopening it if it had completed; the ledger keeps a note.

    The attempt keeps its start; only its length grows. The ledger entry records the old
    and the new length, so the history shows the period was extended, and when, and that
    the first length was completed if it was.
    """
    new_length = attempt.length_days + days
    note = f"{attempt.length_days} → {new_length} days"
    if attempt.end_reason is EndReason.COMPLETE:
        note = f"{attempt.length_days} days completed, then extended: {note}"
    # The check's id is kept as the detail, so each check extends the period at most once.
    event = LedgerEvent(
        new_id(), Kind.EXTENSION, now, now, detail=check_id, note=note, attempt_id=attempt.id
    )
    # The new length itself, not an amount to add: written twice, it is still one extension.
    grow = Put(
        ATTEMPTS,
        {"id": attempt.id, "length_days": new_length, "ended_at": None, "end_reason": None},
    )
    return Batch((event_op(event), grow))
