"""Data put in place before a test starts, written the way the app writes it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.domain.milestones import newest_reached
from nctui.domain.period import Attempt, EndReason, add_calendar_days
from nctui.storage.attempt_store import close_attempt_op, new_attempt_op
from nctui.storage.ledger_store import event_op
from nctui.storage.ops import Insert
from nctui.storage.repository import Repository
from nctui.storage.settings import setting_op


def seed_plan(
    data_dir: Path,
    clock: ManualClock,
    *,
    days_ago: float,
    length: int = 45,
    events: tuple[tuple[Kind, float, str | None, str], ...] = (),
    complete: bool = False,
    celebrated: bool = True,
) -> Attempt:
    """A plan that started `days_ago` days before the clock's now, with some events.

    Each event is (kind, days ago, detail, note). Milestones already reached count as
    celebrated unless `celebrated` is False, so no greeting covers the screen.
    """
    now = clock()
    start = now - timedelta(days=days_ago)
    repository = Repository.open(data_dir, clock)
    op = new_attempt_op(start, length, None)
    repository.apply(op)
    attempt = Attempt(str(op.doc["id"]), start, length)
    for kind, ago, detail, note in events:
        at = now - timedelta(days=ago)
        repository.apply(event_op(LedgerEvent(f"e{ago}", kind, at, at, detail, note, attempt.id)))
    if celebrated:
        reached = newest_reached(int(days_ago), 0)
        if reached:
            repository.apply(setting_op(f"milestone:{attempt.id}", reached))
    if complete:
        end = add_calendar_days(start, length, now.tzinfo)  # type: ignore[arg-type]
        repository.apply(close_attempt_op(attempt, end, EndReason.COMPLETE))
    assert repository.close() is None
    return attempt


def seed_restarted(data_dir: Path, clock: ManualClock) -> None:
    """An attempt that ended with contact 5 days ago, and the one that replaced it."""
    now = clock()
    first_start = now - timedelta(days=20)
    contact = now - timedelta(days=5)
    repository = Repository.open(data_dir, clock)
    first = new_attempt_op(first_start, 30, None)
    repository.apply(first)
    attempt = Attempt(str(first.doc["id"]), first_start, 30)
    repository.apply(
        event_op(
            LedgerEvent("c1", Kind.CONTACT, contact, contact, attempt_id=attempt.id, restarted=True)
        )
    )
    repository.apply(close_attempt_op(attempt, contact, EndReason.CONTACT))
    repository.apply(new_attempt_op(contact, 30, None))
    repository.apply(Insert("settings", {"id": "milestone:seeded", "value": 0}))
    assert repository.close() is None
