"""Own ideas, plans and done entries survive the data file, and nothing written is lost."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from devtools.sample import sample_history
from devtools.sample_activities import sample_activity_tables
from nctui.domain.activities import Category, DoneEntry, next_planned, time_reclaimed
from nctui.domain.activity_catalogue import catalogue
from nctui.domain.clock import ManualClock
from nctui.storage.activity_store import (
    ACTIVITY_DONE,
    ACTIVITY_PLANS,
    OWN_ACTIVITIES,
    done_op,
    drop_plan_op,
    load_activity_log,
    new_own_activity,
    new_plan,
    own_activity_op,
    plan_op,
)
from nctui.storage.ops import Insert
from nctui.storage.repository import Repository
from tests.helpers import stored


def _reopen(data_dir: Path, clock: ManualClock, repository: Repository) -> Repository:
    repository.close()
    return Repository.open(data_dir, clock)


def test_everything_comes_back_exactly(data_dir: Path, clock: ManualClock) -> None:
    repository = Repository.open(data_dir, clock)
    own = new_own_activity("Learn to juggle", Category.HOBBIES)
    plan = new_plan(own, date(2026, 11, 28), clock())
    entry = DoneEntry("d1", own.key, own.name, own.category, clock(), 95, "Fun", plan.id)
    repository.apply(own_activity_op(own, clock()))
    repository.apply(plan_op(plan))
    repository.apply(done_op(entry))
    repository = _reopen(data_dir, clock, repository)
    log = load_activity_log(repository)
    assert log.own == (own,)
    assert log.plans == (plan,)
    assert log.done == (entry,)
    repository.close()


def test_marking_done_and_dropping_keep_the_plan_whole(data_dir: Path, clock: ManualClock) -> None:
    repository = Repository.open(data_dir, clock)
    pottery = next(a for a in catalogue() if a.key == "pottery-taster")
    kept = new_plan(pottery, date(2026, 11, 27), clock())
    dropped = new_plan(pottery, date(2026, 12, 4), clock())
    repository.apply(plan_op(kept))
    repository.apply(plan_op(dropped))
    clock.advance(timedelta(days=1))
    entry = DoneEntry("d1", pottery.key, pottery.name, pottery.category, clock(), 150, "", kept.id)
    repository.apply(done_op(entry))
    repository.apply(drop_plan_op(dropped, clock()))
    repository.flush()
    plans = {doc["id"]: doc for doc in stored(data_dir, ACTIVITY_PLANS)}
    assert plans[kept.id] == {
        "id": kept.id,
        "activity": "pottery-taster",
        "name": pottery.name,
        "category": "hobbies",
        "day": "2026-11-27",
        "made_at": "2026-11-26T09:30:00+00:00",
    }
    assert plans[dropped.id]["day"] == "2026-12-04"  # still there, only marked
    assert plans[dropped.id]["dropped_at"] == "2026-11-27T09:30:00+00:00"
    (done,) = stored(data_dir, ACTIVITY_DONE)
    assert done["plan"] == kept.id
    assert "note" not in done  # an empty note is simply left out
    log = load_activity_log(repository)
    assert next_planned(log.plans, log.done, clock()) is None
    assert time_reclaimed(log.done).total_minutes == 150
    repository.close()


def test_damaged_documents_are_skipped_not_fatal(data_dir: Path, clock: ManualClock) -> None:
    repository = Repository.open(data_dir, clock)
    good = {
        "id": "d",
        "activity": "swim",
        "name": "Go for a swim",
        "category": "mind_body",
        "at": "2026-11-25T18:00:00+00:00",
        "minutes": 60,
    }
    for doc in (
        {**good, "id": "no-offset", "at": "2026-11-25T18:00:00"},
        {**good, "id": "negative", "minutes": -5},
        {**good, "id": "absurd", "minutes": 600_000},
        {**good, "id": "text", "minutes": "60"},
        {**good, "id": "bool", "minutes": True},
        {**good, "id": "unknown", "category": "knitting"},
        {key: value for key, value in good.items() if key != "name"},
        good,
    ):
        repository.apply(Insert(ACTIVITY_DONE, doc))
    repository.apply(Insert(ACTIVITY_PLANS, {"id": "p", "activity": "swim", "day": "soon"}))
    repository.apply(Insert(OWN_ACTIVITIES, {"id": "o", "name": "  ", "category": "hobbies"}))
    repository.close()  # as if edited by hand: read back when nctui opens the file
    repository = Repository.open(data_dir, clock)
    log = load_activity_log(repository)
    assert [entry.id for entry in log.done] == ["d"]
    assert log.plans == ()
    assert log.own == ()
    repository.close()


def test_only_own_ideas_are_stored_as_own(clock: ManualClock) -> None:
    with pytest.raises(ValueError, match="only the person's own"):
        own_activity_op(catalogue()[0], clock())


def test_sample_data_is_valid_and_points_at_real_ideas(clock: ManualClock, tmp_path: Path) -> None:
    tables = sample_activity_tables(clock())
    keys = {activity.key for activity in catalogue()}
    for doc in tables[ACTIVITY_DONE] + tables[ACTIVITY_PLANS]:
        assert doc["activity"] in keys or doc["activity"].startswith("own-")
    data = sample_history(clock(), years=0.1)
    assert len(data[ACTIVITY_DONE]) == len(tables[ACTIVITY_DONE])
    data_dir = tmp_path / "sample"
    data_dir.mkdir()
    (data_dir / "nctui.json").write_text(json.dumps(data))
    repository = Repository.open(data_dir, clock)
    log = load_activity_log(repository)
    assert len(log.done) == len(tables[ACTIVITY_DONE])
    assert len(log.own) == 1
    upcoming = next_planned(log.plans, log.done, clock())
    assert upcoming is not None
    assert upcoming.day > clock().date()
    repository.close()
