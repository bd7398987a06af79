"""The ledger as stored: reading one period's events without parsing years of history."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.storage.ledger_store import event_op, events_between
from nctui.storage.ops import Insert
from nctui.storage.repository import Repository

TOKYO = ZoneInfo("Asia/Tokyo")


def test_only_the_events_in_range_are_read(data_dir: Path, clock: ManualClock) -> None:
    repository = Repository.open(data_dir, clock)
    start = datetime(2026, 11, 1, 12, 0, tzinfo=TOKYO)
    for offset in (-40, -2, 0, 5, 9, 12):
        at = start + timedelta(days=offset)
        repository.apply(event_op(LedgerEvent(f"e{offset}", Kind.URGE, at, at)))
    repository.apply(Insert("events", {"id": "odd", "at": 7}))  # a hand edit: passed over
    repository.close()
    repository = Repository.open(data_dir, clock)
    found = events_between(repository, date(2026, 11, 1), date(2026, 11, 10))
    repository.close()
    assert [event.id for event in found] == ["e0", "e5", "e9"]
