"""The ledger's events, as stored. Only ever added to."""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from nctui.domain.ledger import Kind, LedgerEvent
from nctui.domain.period import Attempt, EndReason
from nctui.storage.attempt_store import close_attempt_op, new_attempt_op
from nctui.storage.ops import Batch, Insert, Put
from nctui.storage.records import moment, optional_moment, parse_all, stamp

if TYPE_CHECKING:
    from nctui.storage.repository import Repository

EVENTS = "events"


def logged_last(docs: Sequence[Mapping[str, Any]], count: int) -> list[Mapping[str, Any]]:
    """The `count` documents logged last, in stored order, parsing only their stamps.

    Stored order is not logged order once an import has added older events after newer
    ones; of two logged in the same second, the one stored later counts as later.
    """

    def logged(index: int) -> tuple[datetime, int]:
        doc = docs[index]
        return datetime.fromisoformat(doc.get("logged") or doc["at"]), index

    chosen = heapq.nlargest(count, range(len(docs)), key=logged) if count > 0 else []
    return [docs[index] for index in sorted(chosen)]


def event_from_doc(doc: Mapping[str, Any]) -> LedgerEvent:
    """An event from its stored document (of the shape `shapes` declares)."""
    at = moment(doc["at"])
    return LedgerEvent(
        id=doc["id"],
        kind=Kind(doc["kind"]),
        at=at,
        logged_at=optional_moment(doc.get("logged")) or at,
        detail=doc.get("detail"),
        note=doc.get("note") or "",
        attempt_id=doc.get("attempt"),
        restarted=bool(doc.get("restarted")),
        triggers=stored_triggers(doc.get("triggers")),
        source=doc.get("source") if isinstance(doc.get("source"), str) else None,
    )


def stored_triggers(value: Any) -> tuple[str, ...]:
    """Trigger tags as stored. A hand edit may leave odd values: one tag as plain text
    counts as a list of one, anything not text is dropped, and a tag this nctui does not
    know is kept (a newer nctui may have added it) and shown as its own words."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(
        dict.fromkeys(tag.strip() for tag in value if isinstance(tag, str) and tag.strip())
    )


def event_op(event: LedgerEvent) -> Insert:
    """The change that adds an event; empty fields are left out to keep the file lean."""
    doc: dict[str, Any] = {
        "id": event.id,
        "kind": event.kind.value,
        "at": stamp(event.at),
        "logged": stamp(event.logged_at),
    }
    if event.detail:
        doc["detail"] = event.detail
    if event.note:
        doc["note"] = event.note
    if event.attempt_id:
        doc["attempt"] = event.attempt_id
    if event.restarted:
        doc["restarted"] = True
    if event.triggers:
        doc["triggers"] = list(event.triggers)
    if event.source:
        doc["source"] = event.source
    return Insert(EVENTS, doc)


def load_events(repository: Repository) -> list[LedgerEvent]:
    """Every event, in the order they happened."""
    events = parse_all(repository.documents(EVENTS), event_from_doc)
    return sorted(events, key=lambda event: event.at)


def log_event_ops(event: LedgerEvent, attempt: Attempt | None, restart: bool) -> Batch:
    """The changes for one logged event, made together.

    Contact that restarts the period also closes the current attempt at the moment of
    contact and starts a new one there, of the same length; the old one stays in the
    history with everything logged in it.
    """
    ops: list[Insert | Put] = [event_op(event)]
    if restart and attempt is not None:
        ops.append(close_attempt_op(attempt, event.at, EndReason.CONTACT))
        ops.append(new_attempt_op(event.at, attempt.length_days, attempt.intake_id))
    return Batch(tuple(ops))
