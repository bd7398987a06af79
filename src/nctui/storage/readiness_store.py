"""Readiness checks as stored, and the changes that extend the period after one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from nctui.domain.ledger import LedgerEvent
from nctui.domain.period import Attempt
from nctui.domain.readiness import CheckRecord, Result, Verdict
from nctui.storage.attempt_store import ATTEMPTS
from nctui.storage.ledger_store import event_op
from nctui.storage.ops import Batch, Insert, Put
from nctui.storage.records import moment, parse_all, stamp

if TYPE_CHECKING:
    from nctui.storage.repository import Repository

CHECKS = "readiness"


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


def extension_ops(event: LedgerEvent, attempt: Attempt, new_length: int) -> Batch:
    """The changes that extend a period to `new_length` days, reopening it if it had
    completed, with `event` (an extension) noting it in the ledger.

    The attempt keeps its start; only its length grows, and it is the new length itself,
    not an amount to add: written twice, it is still one extension.
    """
    grow = Put(
        ATTEMPTS,
        {"id": attempt.id, "length_days": new_length, "ended_at": None, "end_reason": None},
    )
    return Batch((event_op(event), grow))
