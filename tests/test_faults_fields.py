"""Hand edits gone wrong: a field of each wrong type in the newest entry of every table.

Whatever the edit, nctui opens, leaves out only the entries that no longer make sense
(keeping the file as it was aside, once), shows every screen, and saves what is logged.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.storage.activity_store import load_activity_log
from nctui.storage.attempt_store import load_attempts
from nctui.storage.checkin_store import load_checkins
from nctui.storage.intake_store import load_intakes, load_ticks
from nctui.storage.ledger_store import event_op, load_events
from nctui.storage.letter_store import load_letters
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.readiness_store import load_checks
from nctui.storage.repository import Repository
from tests.fault_data import WRONG_VALUES, full_history, with_wrong_fields, write
from tests.helpers import AppFactory, stored

pytestmark = pytest.mark.faults


def _read_counts(repository: Repository) -> dict[str, int]:
    """How many entries of each table the screens' readers make something of."""
    log = load_activity_log(repository)
    return {
        "attempts": len(load_attempts(repository)),
        "events": len(load_events(repository)),
        "checkins": len(load_checkins(repository)),
        "intakes": len(load_intakes(repository)),
        "checklist": len(load_ticks(repository)),
        "own_activities": len(log.own),
        "activity_plans": len(log.plans),
        "activity_done": len(log.done),
        "letters": len(load_letters(repository)),
        "readiness": len(load_checks(repository)),
    }


def _aside(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob(f"{DATA_FILE_NAME}.corrupt-*"))


@pytest.mark.parametrize("kind", WRONG_VALUES)
def test_a_wrong_field_costs_only_its_entry_and_every_reader_agrees(
    data_dir: Path, clock: ManualClock, kind: str
) -> None:
    good = full_history(clock())
    data, _ = with_wrong_fields(good, kind)
    original = write(data_dir, data)

    repository = Repository.open(data_dir, clock)
    # Every entry kept is one the screens can use: the declared shapes and the readers
    # agree (a duplicate checklist tick counts once).
    ticks = {doc["id"] for doc in repository.documents("checklist")}
    kept = {table: len(repository.documents(table)) for table in _read_counts(repository)}
    assert _read_counts(repository) == {**kept, "checklist": len(ticks)}
    # Nothing that was right is lost.
    for table, docs in good.items():
        ids = {doc.get("id") for doc in repository.documents(table)}
        assert {doc.get("id") for doc in docs.values()} <= ids, table
    now = clock()
    repository.apply(event_op(LedgerEvent("after the edit", Kind.URGE, now, now)))
    assert repository.close() is None

    assert "after the edit" in [doc["id"] for doc in stored(data_dir, "events")]
    if repository.report.salvaged:
        (aside,) = _aside(data_dir)
        assert aside.read_bytes() == original
    again = Repository.open(data_dir, clock)
    again.close()
    assert again.report.moved_aside is None  # kept aside once, not on every start


async def _visit_every_screen(pilot: Any) -> None:
    for keys in (
        ("h",),
        ("i",),
        ("c",),
        ("v",),
        ("escape", "a"),
        ("down", "down"),
        ("j",),
        ("3",),
        ("4",),
        ("down",),
        ("2",),
        ("escape", "r"),
        ("exclamation_mark",),
        ("x", "question_mark"),
        ("escape", "c"),
    ):
        await pilot.press(*keys)
        await pilot.pause()


@pytest.mark.parametrize("kind", WRONG_VALUES)
async def test_after_any_wrong_field_every_screen_works_and_an_urge_is_saved(
    make_app: AppFactory, data_dir: Path, clock: ManualClock, kind: str
) -> None:
    data, _ = with_wrong_fields(full_history(clock()), kind)
    write(data_dir, data)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await _visit_every_screen(pilot)
        await pilot.press("u")  # log an urge from the dashboard
        await pilot.pause()
        await pilot.press(*"rode it out", "ctrl+s")
        await pilot.pause()
        assert app._exception is None
    app.coach.file.close()
    urges = [doc for doc in stored(data_dir, "events") if doc.get("note") == "rode it out"]
    assert [doc["kind"] for doc in urges] == ["urge"]
    json.loads((data_dir / DATA_FILE_NAME).read_text())  # the file is whole


def test_the_original_history_has_no_wrong_entries(data_dir: Path, clock: ManualClock) -> None:
    # The fault tests above start from this history: it must open as it is.
    write(data_dir, full_history(clock()))
    repository = Repository.open(data_dir, clock)
    repository.close()
    assert repository.report.moved_aside is None
    assert repository.report.damage is None
    counts: dict[str, Any] = _read_counts(Repository.open(data_dir, clock))
    assert all(counts.values())
