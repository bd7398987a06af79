"""Attempts at the no-contact period, as stored."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from nctui.domain.period import Attempt, EndReason, settled
from nctui.storage.ops import Insert, Put, new_id
from nctui.storage.records import moment, optional_moment, parse_all, stamp

if TYPE_CHECKING:
    from nctui.storage.repository import Repository

ATTEMPTS = "attempts"


def attempt_from_doc(doc: Mapping[str, Any]) -> Attempt:
    """An attempt from its stored document (of the shape `shapes` declares)."""
    reason = doc.get("end_reason")
    return Attempt(
        id=doc["id"],
        start=moment(doc["start"]),
        length_days=doc["length_days"],
        intake_id=doc.get("intake_id"),
        ended_at=optional_moment(doc.get("ended_at")),
        end_reason=None if reason is None else EndReason(reason),
    )


def attempts_from(docs: Iterable[Mapping[str, Any]]) -> list[Attempt]:
    """The attempts these documents hold, oldest first, at most one running (`settled`)."""
    return settled(parse_all(docs, attempt_from_doc))


def load_attempts(repository: Repository) -> list[Attempt]:
    """Every attempt, oldest first, at most one running."""
    return attempts_from(repository.documents(ATTEMPTS))


def new_attempt_op(start: datetime, length_days: int, intake_id: str | None) -> Insert:
    """The change that starts a new attempt."""
    doc = {"id": new_id(), "start": stamp(start), "length_days": length_days}
    if intake_id is not None:
        doc["intake_id"] = intake_id
    return Insert(ATTEMPTS, doc)


def close_attempt_op(attempt: Attempt, at: datetime, reason: EndReason) -> Put:
    """The change that closes an attempt; its start and length stay as they were."""
    return Put(ATTEMPTS, {"id": attempt.id, "ended_at": stamp(at), "end_reason": reason.value})
