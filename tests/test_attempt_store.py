"""Attempts as stored: one running attempt, however two windows restart it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.domain.period import EndReason, State, period_status
from nctui.domain.runs import record
from nctui.status import status_report
from nctui.storage.attempt_store import load_attempts, new_attempt_op
from nctui.storage.ledger_store import load_events, log_event_ops
from nctui.storage.repository import Repository


def _restart_from(repository: Repository, clock: ManualClock, hours_ago: float) -> None:
    now = clock()
    at = now - timedelta(hours=hours_ago)
    status = period_status(load_attempts(repository), now)
    assert status.state is State.ACTIVE and status.attempt is not None
    event = LedgerEvent(
        f"contact-{hours_ago}", Kind.CONTACT, at, now, attempt_id=status.attempt.id, restarted=True
    )
    repository.apply(log_event_ops(event, status.attempt, restart=True))


def _reload(repository: Repository) -> None:
    snapshot = repository.read_for_reload()
    assert snapshot is not None
    assert repository.swap_in(snapshot)


@pytest.mark.parametrize(("first_ago", "second_ago"), [(5, 2), (2, 5)])
def test_two_windows_restarting_at_once_leave_one_attempt_running(
    data_dir: Path, clock: ManualClock, first_ago: int, second_ago: int
) -> None:
    first = Repository.open(data_dir, clock)
    first.apply(new_attempt_op(clock() - timedelta(days=20), 45, "intake"))
    first.flush()
    second = Repository.open(data_dir, clock)
    # Both windows log a contact that restarts the period before either sees the other.
    _restart_from(first, clock, hours_ago=first_ago)
    _restart_from(second, clock, hours_ago=second_ago)
    first.flush()
    second.flush()
    _reload(first)
    _reload(second)

    for window in (first, second, Repository.open(data_dir, clock)):
        attempts = load_attempts(window)
        assert len(attempts) == 3  # the first, and one for each restart: history kept
        running = [attempt for attempt in attempts if attempt.ended_at is None]
        assert len(running) == 1
        assert running[0].start == clock() - timedelta(hours=2)  # the later contact wins
        earlier = attempts[1]
        assert earlier.start == clock() - timedelta(hours=5)
        assert earlier.ended_at == clock() - timedelta(hours=2)
        assert earlier.end_reason is EndReason.CONTACT
        assert attempts[0].ended_at == clock() - timedelta(hours=5)
        now = clock()
        status = period_status(attempts, now)
        assert status.attempt == running[0]
        contacts = [event.at for event in load_events(window) if event.kind is Kind.CONTACT]
        done = record(attempts, contacts, now)
        assert (done.attempts, done.contacts, done.current_run_days) == (3, 2, 0)
        window.close()
    report = status_report(data_dir, clock())
    assert (report["state"], report["day"], report["current_run_days"]) == ("active", 1, 0)
