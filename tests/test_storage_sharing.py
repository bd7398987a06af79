"""Two copies of nctui on one data folder keep each other's writes."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from filelock import FileLock

from nctui.domain.clock import ManualClock
from nctui.storage.errors import StorageBusyError
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.ops import Insert, Put, new_id
from nctui.storage.repository import Repository


def _notes_on_disk(data_dir: Path) -> list[str]:
    data = json.loads((data_dir / DATA_FILE_NAME).read_text())
    return sorted(doc["note"] for doc in data.get("notes", {}).values())


def _add(repository: Repository, note: str) -> None:
    repository.apply(Insert("notes", {"id": new_id(), "note": note}))


def test_interleaved_writes_from_two_copies_are_all_kept(
    data_dir: Path, clock: ManualClock
) -> None:
    first = Repository.open(data_dir, clock)
    second = Repository.open(data_dir, clock)
    for index in range(5):
        _add(first, f"first {index}")
        first.flush()
        _add(second, f"second {index}")
        second.flush()
    first.close()
    second.close()
    assert _notes_on_disk(data_dir) == sorted(
        [f"first {i}" for i in range(5)] + [f"second {i}" for i in range(5)]
    )


def test_a_copy_sees_the_other_copys_writes_after_reload(
    data_dir: Path, clock: ManualClock
) -> None:
    first = Repository.open(data_dir, clock)
    second = Repository.open(data_dir, clock)
    assert not first.changed_elsewhere()

    _add(second, "written elsewhere")
    second.flush()

    assert first.changed_elsewhere()
    _reload(first)
    assert [doc["note"] for doc in first.table("notes").all()] == ["written elsewhere"]
    assert not first.changed_elsewhere()
    first.close()
    second.close()


def _reload(repository: Repository) -> None:
    snapshot = repository.read_for_reload()
    assert snapshot is not None
    assert repository.swap_in(snapshot)


def test_after_both_copies_write_each_sees_the_other(data_dir: Path, clock: ManualClock) -> None:
    first = Repository.open(data_dir, clock)
    second = Repository.open(data_dir, clock)
    _add(second, "from the second")
    second.flush()
    _add(first, "from the first")  # this write merges the second's note on disk
    first.flush()

    assert first.changed_elsewhere()  # it must still go and read the second's note
    _reload(first)
    assert sorted(doc["note"] for doc in first.table("notes").all()) == [
        "from the first",
        "from the second",
    ]
    assert second.changed_elsewhere()
    _reload(second)
    assert len(second.table("notes")) == 2
    first.close()
    second.close()


def test_a_reload_read_before_a_new_change_is_not_used(data_dir: Path, clock: ManualClock) -> None:
    first = Repository.open(data_dir, clock)
    second = Repository.open(data_dir, clock)
    _add(second, "elsewhere")
    second.flush()
    snapshot = first.read_for_reload()
    assert snapshot is not None
    _add(first, "typed meanwhile")  # must not vanish when the older read arrives
    assert not first.swap_in(snapshot)
    assert [doc["note"] for doc in first.table("notes").all()] == ["typed meanwhile"]
    first.close()
    second.close()


def test_own_writes_do_not_look_like_someone_elses(data_dir: Path, clock: ManualClock) -> None:
    repository = Repository.open(data_dir, clock)
    _add(repository, "mine")
    repository.flush()
    assert not repository.changed_elsewhere()
    repository.close()


def test_updates_from_two_copies_merge_by_document(data_dir: Path, clock: ManualClock) -> None:
    first = Repository.open(data_dir, clock)
    second = Repository.open(data_dir, clock)
    first.apply(Put("settings", {"id": "theme", "value": "nord"}))
    first.flush()
    second.apply(Put("settings", {"id": "day_start", "value": 4}))
    second.flush()
    first.close()
    second.close()
    data = json.loads((data_dir / DATA_FILE_NAME).read_text())
    assert {doc["id"]: doc["value"] for doc in data["settings"].values()} == {
        "theme": "nord",
        "day_start": 4,
    }


WRITER = """
import sys
from datetime import datetime, timezone
from pathlib import Path
from nctui.storage.ops import Insert, new_id
from nctui.storage.repository import Repository

clock = lambda: datetime(2026, 11, 26, tzinfo=timezone.utc)
repository = Repository.open(Path(sys.argv[1]), clock)
for index in range(40):
    repository.apply(Insert("notes", {"id": new_id(), "note": f"{sys.argv[2]} {index}"}))
    if index % 3 == 0:
        repository.flush()
assert repository.close() is None
"""


def test_two_processes_writing_at_once_lose_nothing(data_dir: Path, clock: ManualClock) -> None:
    Repository.open(data_dir, clock).close()
    script = textwrap.dedent(WRITER)
    workers = [
        subprocess.Popen([sys.executable, "-c", script, str(data_dir), name])
        for name in ("left", "right")
    ]
    assert [worker.wait(timeout=120) for worker in workers] == [0, 0]
    notes = _notes_on_disk(data_dir)
    assert len(notes) == 80
    assert notes == sorted([f"left {i}" for i in range(40)] + [f"right {i}" for i in range(40)])


def test_a_lock_held_too_long_gives_a_clear_message(data_dir: Path, clock: ManualClock) -> None:
    data_dir.mkdir(parents=True)
    with FileLock(data_dir / f"{DATA_FILE_NAME}.lock"), pytest.raises(StorageBusyError) as caught:
        Repository.open(data_dir, clock, lock_timeout=0.1)
    assert "Another copy of nctui" in str(caught.value)
