"""Nothing saved is ever lost: deleted files, two windows, crashes, full disks, leftovers."""

from __future__ import annotations

import json
import os
import shutil
import stat
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.storage import atomic_file
from nctui.storage.errors import StorageError
from nctui.storage.ledger_store import event_op, load_events
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.ops import Insert
from nctui.storage.repository import Repository

META = {"1": {"schema_version": 1, "created_at": "2026-11-01T09:00:00+00:00"}}


def _urge(repository: Repository, clock: ManualClock, event_id: str) -> None:
    now = clock()
    repository.apply(event_op(LedgerEvent(event_id, Kind.URGE, now, now)))


def _ids_on_disk(data_dir: Path) -> list[str]:
    data = json.loads((data_dir / DATA_FILE_NAME).read_text())
    return sorted(doc["id"] for doc in data.get("events", {}).values())


def _ids(repository: Repository) -> list[str]:
    return sorted(event.id for event in load_events(repository))


def _poll(repository: Repository) -> None:
    """What a window does every couple of seconds: pick up another window's changes."""
    if repository.changed_elsewhere():
        snapshot = repository.read_for_reload()
        if snapshot is not None:
            repository.swap_in(snapshot)
    repository.flush()


@pytest.mark.parametrize("damage", ["delete", "garbage"])
def test_a_window_restoring_a_lost_file_never_drops_the_other_windows_change(
    data_dir: Path, clock: ManualClock, damage: str
) -> None:
    window_a = Repository.open(data_dir, clock)
    window_b = Repository.open(data_dir, clock)
    _urge(window_a, clock, "from A")
    window_a.flush()
    _poll(window_b)
    _urge(window_b, clock, "from B")
    window_b.flush()
    path = data_dir / DATA_FILE_NAME
    if damage == "delete":
        path.unlink()
    else:
        path.write_bytes(b"\x00garbage")
    # A notices first and writes back its own copy, which lacks B's change.
    _poll(window_a)
    assert _ids_on_disk(data_dir) == ["from A"]
    # B must not take that copy as it is: its own change goes back into the file.
    for _ in range(3):
        _poll(window_b)
        _poll(window_a)
    assert _ids_on_disk(data_dir) == ["from A", "from B"]
    assert _ids(window_a) == _ids(window_b) == ["from A", "from B"]
    window_a.close()
    window_b.close()


def test_the_window_that_writes_back_is_told_and_says_so(
    data_dir: Path, clock: ManualClock
) -> None:
    window_a = Repository.open(data_dir, clock)
    window_b = Repository.open(data_dir, clock)
    notices: list[str] = []
    window_b.on_notice = notices.append
    _urge(window_b, clock, "from B")
    window_b.flush()
    (data_dir / DATA_FILE_NAME).unlink()
    _poll(window_a)
    _poll(window_b)
    assert notices and "nothing is lost" in notices[0]
    window_a.close()
    window_b.close()


def _refuse_writes_of(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = atomic_file.atomic_write_bytes

    def refuse(path: Path, payload: bytes) -> None:
        if path.name == name:
            raise OSError(28, "No space left on device")
        real_write(path, payload)

    for module in ("opening", "aside", "repository", "leftovers"):
        monkeypatch.setattr(f"nctui.storage.{module}.atomic_write_bytes", refuse, raising=False)


def test_a_damaged_file_on_a_full_disk_stays_where_it_was(
    data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = {
        str(n): {"id": f"e{n}", "kind": "urge", "at": "2026-11-20T10:00:00+00:00"}
        for n in range(1, 99)
    }
    events["99"] = "a stray edit"  # type: ignore[assignment]
    data_dir.mkdir(parents=True)
    original = json.dumps({"meta": META, "events": events}).encode()
    (data_dir / DATA_FILE_NAME).write_bytes(original)

    _refuse_writes_of(DATA_FILE_NAME, monkeypatch)
    with pytest.raises(StorageError, match="disk is full"):
        Repository.open(data_dir, clock)
    assert (data_dir / DATA_FILE_NAME).read_bytes() == original
    assert list(data_dir.glob("nctui.json.corrupt-*")) == []

    monkeypatch.undo()  # space freed
    repository = Repository.open(data_dir, clock)
    assert len(load_events(repository)) == 98
    repository.close()


def test_a_start_that_stopped_after_keeping_a_copy_aside_keeps_one_copy(
    data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DATA_FILE_NAME).write_bytes(b"{cut sh")
    _refuse_writes_of(DATA_FILE_NAME, monkeypatch)
    with pytest.raises(StorageError):
        Repository.open(data_dir, clock)
    monkeypatch.undo()
    Repository.open(data_dir, clock).close()
    Repository.open(data_dir, clock).close()
    (aside,) = data_dir.glob("nctui.json.corrupt-*")
    assert aside.read_bytes() == b"{cut sh"


def _history(count: int) -> dict[str, Any]:
    events = {
        str(n): {"id": f"e{n}", "kind": "urge", "at": "2026-11-20T10:00:00+00:00"}
        for n in range(1, count + 1)
    }
    return {"meta": META, "events": events}


def test_a_copy_aside_holding_more_than_the_file_is_named_on_every_start(
    data_dir: Path, clock: ManualClock
) -> None:
    data_dir.mkdir(parents=True)
    older = data_dir / "nctui.json.corrupt-2026-11-20T10-00-00"
    older.write_text(json.dumps(_history(98)))
    (data_dir / DATA_FILE_NAME).write_text(json.dumps(_history(0)))
    for _ in range(2):
        repository = Repository.open(data_dir, clock)
        assert repository.copies_with_more() == [older]
        repository.close()
    # One that holds nothing the file lacks is not mentioned.
    (data_dir / DATA_FILE_NAME).write_text(json.dumps(_history(98)))
    repository = Repository.open(data_dir, clock)
    assert repository.copies_with_more() == []
    repository.close()


def test_an_unreadable_copy_aside_is_not_offered_to_put_back(
    data_dir: Path, clock: ManualClock
) -> None:
    # Renamed back, a copy nctui cannot read at all would only be set aside again.
    data_dir.mkdir(parents=True)
    cut = json.dumps(_history(50))[:-40]
    older = data_dir / "nctui.json.corrupt-2026-11-20T10-00-00"
    older.write_text(cut)
    (data_dir / DATA_FILE_NAME).write_text(json.dumps(_history(0)))
    repository = Repository.open(data_dir, clock)
    assert older.exists() and repository.copies_with_more() == []
    repository.close()


def test_unsaved_changes_kept_in_the_temp_folder_are_added_back_next_start(
    data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    repository = Repository.open(data_dir, clock)
    # The data folder is full: neither the file nor a leftover beside it can be written.
    real_write = atomic_file.atomic_write_bytes

    def full_folder(path: Path, payload: bytes) -> None:
        if path.parent == data_dir:
            raise OSError(28, "No space left on device")
        real_write(path, payload)

    with monkeypatch.context() as patch:
        for module in ("repository", "leftovers"):
            patch.setattr(f"nctui.storage.{module}.atomic_write_bytes", full_folder)
        _urge(repository, clock, "typed on a full disk")
        recovery = repository.close(timeout=1)
    assert recovery is not None and recovery.parent == temp
    assert stat.S_IMODE(recovery.stat().st_mode) == 0o600

    reopened = Repository.open(data_dir, clock)
    assert reopened.report.added_back == 1
    assert _ids(reopened) == ["typed on a full disk"]
    reopened.close()
    assert not recovery.exists()
    # Another data folder does not take this folder's leftovers.
    assert Repository.open(tmp_path / "other", clock).report.added_back == 0


def test_an_unreadable_leftover_is_named_on_every_start(data_dir: Path, clock: ManualClock) -> None:
    data_dir.mkdir(parents=True)
    leftover = data_dir / f"{DATA_FILE_NAME}.unsaved-2026-11-26T09-30-00"
    leftover.write_text("[{not json")
    for _ in range(2):
        repository = Repository.open(data_dir, clock)
        repository.close()
        assert repository.report.unreadable_leftovers == (leftover,)
    assert leftover.read_text() == "[{not json"


def _stale(path: Path) -> None:
    old = time.time() - 3600
    os.utime(path, (old, old))


def test_stale_temporary_files_of_interrupted_saves_are_removed_on_open(
    data_dir: Path, clock: ManualClock
) -> None:
    Repository.open(data_dir, clock).close()
    stale = data_dir / ".nctui.json.a1b2c3d4.tmp"
    stale_copy = data_dir / ".nctui.json.unsaved-2026-11-26T09-30-00.x_9y8z7w.tmp"
    fresh = data_dir / ".nctui.json.q1w2e3r4.tmp"  # perhaps another window's save right now
    others = [data_dir / ".nctui.json.notes.tmp", data_dir / "my.nctui.json.a1b2c3d4.tmp"]
    for path in (stale, stale_copy, fresh, *others):
        path.write_text("{}")
    for path in (stale, stale_copy, *others):
        _stale(path)
    Repository.open(data_dir, clock).close()
    assert not stale.exists()
    assert not stale_copy.exists()
    assert fresh.exists()
    assert all(path.exists() for path in others)


def test_a_data_folder_deleted_while_open_comes_back_private(
    data_dir: Path, clock: ManualClock
) -> None:
    repository = Repository.open(data_dir, clock)
    _urge(repository, clock, "first")
    repository.flush()
    shutil.rmtree(data_dir)
    _urge(repository, clock, "second")
    assert repository.flush() == []
    repository.close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / DATA_FILE_NAME).stat().st_mode) == 0o600
    assert _ids_on_disk(data_dir) == ["first", "second"]


def test_an_entry_that_came_back_without_a_field_gets_it_back(
    data_dir: Path, clock: ManualClock
) -> None:
    window_a = Repository.open(data_dir, clock)
    window_b = Repository.open(data_dir, clock)
    window_a.apply(Insert("letters", {"id": "l1", "written": clock().isoformat(), "text": "x"}))
    window_a.flush()
    _poll(window_b)
    before_sealing = (data_dir / DATA_FILE_NAME).read_bytes()
    sealed = (clock() + timedelta(hours=1)).isoformat()
    window_b.apply(Insert("events", {"id": "e", "kind": "urge", "at": sealed}))
    from nctui.storage.ops import Put

    window_b.apply(Put("letters", {"id": "l1", "sealed": sealed}))
    window_b.flush()
    (data_dir / DATA_FILE_NAME).write_bytes(before_sealing)  # an old copy synced back
    _poll(window_b)
    letters = json.loads((data_dir / DATA_FILE_NAME).read_text())["letters"]
    assert [doc.get("sealed") for doc in letters.values()] == [sealed]
    window_a.close()
    window_b.close()
