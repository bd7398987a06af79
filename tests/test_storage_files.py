"""The data file on disk: atomic writes, permissions, damaged files, versions."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from nctui.domain.clock import ManualClock
from nctui.storage import atomic_file
from nctui.storage.errors import CorruptDataError, NewerSchemaError
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.migrations import CURRENT_SCHEMA_VERSION, migrate, schema_version
from nctui.storage.ops import Insert, new_id
from nctui.storage.repository import Repository, read_snapshot


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _file(data_dir: Path) -> Path:
    return data_dir / DATA_FILE_NAME


def _docs(path: Path) -> list[dict[str, str]]:
    return list(json.loads(path.read_text())["notes"].values())


def _notes(path: Path) -> list[str]:
    return [doc["note"] for doc in _docs(path)]


def _refuse_data_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on the data file cannot be written (as on a read-only disk); others can."""
    real_write = atomic_file.atomic_write_bytes

    def refuse(path: Path, payload: bytes) -> None:
        if path.name == DATA_FILE_NAME:
            raise PermissionError(13, "Permission denied")
        real_write(path, payload)

    monkeypatch.setattr("nctui.storage.repository.atomic_write_bytes", refuse)


def _add_event(repository: Repository, note: str) -> None:
    repository.apply(Insert("notes", {"id": new_id(), "note": note}))


def test_new_folder_and_file_are_private(data_dir: Path, clock: ManualClock) -> None:
    repository = Repository.open(data_dir / "deeper", clock)
    repository.close()
    assert _mode(data_dir / "deeper") == 0o700
    assert _mode(_file(data_dir / "deeper")) == 0o600
    assert repository.report.created


def test_file_stays_private_after_writes(data_dir: Path, clock: ManualClock) -> None:
    repository = Repository.open(data_dir, clock)
    _add_event(repository, "first")
    repository.close()
    assert _mode(_file(data_dir)) == 0o600


def test_a_failed_write_leaves_the_old_file_whole(
    data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = Repository.open(data_dir, clock)
    _add_event(repository, "kept")
    assert repository.flush() == []
    before = _file(data_dir).read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    errors: list[Exception] = []
    repository.on_write_error = lambda error, batch: errors.append(error)
    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", disk_full)
        _add_event(repository, "lost?")
        left = repository.flush()

    assert [op.as_json()["doc"]["note"] for op in left] == ["lost?"]
    assert errors and "No space left" in str(errors[0])
    assert _file(data_dir).read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir() if p.suffix == ".tmp") == []

    repository.retry()
    assert repository.flush() == []
    notes = {doc["note"] for doc in json.loads(_file(data_dir).read_text())["notes"].values()}
    assert notes == {"kept", "lost?"}
    repository.close()


def test_changes_that_cannot_be_written_are_kept_in_a_recovery_file(
    data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = Repository.open(data_dir, clock)
    _refuse_data_file(monkeypatch)
    _add_event(repository, "my words")
    recovery = repository.close()

    assert recovery is not None
    saved = json.loads(recovery.read_text())
    assert saved[0]["doc"]["note"] == "my words"

    # The next start, with the disk writable again, saves them and clears the file away.
    monkeypatch.undo()
    reopened = Repository.open(data_dir, clock)
    assert reopened.report.added_back == 1
    reopened.close()
    assert _notes(_file(data_dir)) == ["my words"]
    assert not recovery.exists()
    # Opening once more adds nothing twice.
    assert Repository.open(data_dir, clock).report.added_back == 0
    assert _notes(_file(data_dir)) == ["my words"]


def test_half_a_character_from_a_hand_edit_never_blocks_saving(
    data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "\udc80" is valid JSON but half of a UTF-16 pair: it cannot be written as UTF-8.
    repository = Repository.open(data_dir, clock)
    _add_event(repository, "first")
    repository.close()
    _file(data_dir).write_text(_file(data_dir).read_text().replace("first", "fi\\udc80rst"))

    repository = Repository.open(data_dir, clock)
    _add_event(repository, "second, ünïcode")
    assert repository.close() is None  # saved, not set aside
    assert _notes(_file(data_dir)) == ["fi\udc80rst", "second, ünïcode"]

    # And changes that cannot reach the data file are still kept aside whole.
    _refuse_data_file(monkeypatch)
    repository = Repository.open(data_dir, clock)
    _add_event(repository, "third \udc80")
    recovery = repository.close()
    assert recovery is not None
    assert json.loads(recovery.read_text())[0]["doc"]["note"] == "third \udc80"


def test_unsaved_changes_already_in_the_file_are_not_added_twice(
    data_dir: Path, clock: ManualClock
) -> None:
    repository = Repository.open(data_dir, clock)
    event = Insert("notes", {"id": "e1", "note": "once"})
    repository.apply(event)
    repository.close()
    leftover = data_dir / f"{DATA_FILE_NAME}.unsaved-2026-11-26T09-30-00"
    leftover.write_text(json.dumps([event.as_json(), Insert("notes", {"id": "e2"}).as_json()]))
    reopened = Repository.open(data_dir, clock)
    reopened.close()
    assert reopened.report.added_back == 1
    assert [doc["id"] for doc in _docs(_file(data_dir))] == ["e1", "e2"]


def test_a_leftover_whose_changes_are_all_saved_already_is_cleared_away(
    data_dir: Path, clock: ManualClock
) -> None:
    repository = Repository.open(data_dir, clock)
    event = Insert("notes", {"id": "e1", "note": "once"})
    repository.apply(event)
    repository.close()
    leftover = data_dir / f"{DATA_FILE_NAME}.unsaved-2026-11-26T09-30-00"
    leftover.write_text(json.dumps([event.as_json()]))
    reopened = Repository.open(data_dir, clock)
    reopened.close()
    assert reopened.report.added_back == 0
    assert not leftover.exists()
    assert [doc["id"] for doc in _docs(_file(data_dir))] == ["e1"]


def test_leftovers_that_still_cannot_be_saved_are_kept_and_not_claimed(
    data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    Repository.open(data_dir, clock).close()
    leftover = data_dir / f"{DATA_FILE_NAME}.unsaved-2026-11-26T09-30-00"
    leftover.write_text(json.dumps([Insert("notes", {"id": "e1", "note": "mine"}).as_json()]))

    def disk_full(path: Path, payload: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("nctui.storage.opening.atomic_write_bytes", disk_full)
    repository = Repository.open(data_dir, clock)
    assert repository.report.added_back == 0  # nothing is said to be saved
    assert leftover.exists()
    monkeypatch.undo()
    repository.close()
    assert Repository.open(data_dir, clock).report.added_back == 1


def test_a_leftover_that_is_not_changes_is_left_alone(data_dir: Path, clock: ManualClock) -> None:
    leftover = data_dir / f"{DATA_FILE_NAME}.unsaved-2026-11-26T09-30-00"
    data_dir.mkdir(parents=True)
    leftover.write_text("my own notes, not nctui's")
    Repository.open(data_dir, clock).close()
    assert leftover.read_text() == "my own notes, not nctui's"


@pytest.mark.parametrize(
    ("label", "content"),
    [
        ("empty", b""),
        ("blank", b"  \n"),
        ("truncated", b'{"meta": {"1": {"schema_version": 1}}, "notes": {"1": {"no'),
        ("not json", b"\x00\xff garbage"),
        ("wrong shape", b"[1, 2, 3]"),
        ("damaged table", b'{"notes": [1, 2]}'),
        ("bad version", b'{"meta": {"1": {"schema_version": "two"}}}'),
    ],
)
def test_unreadable_file_is_moved_aside_never_overwritten(
    data_dir: Path, clock: ManualClock, label: str, content: bytes
) -> None:
    data_dir.mkdir()
    _file(data_dir).write_bytes(content)

    repository = Repository.open(data_dir, clock)
    repository.close()

    moved = repository.report.moved_aside
    assert moved is not None, label
    assert moved.name == "nctui.json.corrupt-2026-11-26T09-30-00"
    assert moved.read_bytes() == content
    assert _mode(moved) == 0o600
    assert repository.report.damage
    assert schema_version(json.loads(_file(data_dir).read_text())) == CURRENT_SCHEMA_VERSION


def test_one_unreadable_entry_costs_only_that_entry(data_dir: Path, clock: ManualClock) -> None:
    data_dir.mkdir()
    content = json.dumps(
        {
            "meta": {"1": {"schema_version": CURRENT_SCHEMA_VERSION}},
            "notes": {"1": {"id": "a", "note": "kept"}, "2": "a stray edit"},
            "checkins": {
                "1": {
                    "id": "c",
                    "day": "2026-11-25",
                    "mood": 6,
                    "miss": 3,
                    "urge": 2,
                    "at": "2026-11-25T21:00:00+00:00",
                }
            },
        }
    ).encode()
    _file(data_dir).write_bytes(content)

    repository = Repository.open(data_dir, clock)
    repository.close()

    report = repository.report
    assert report.salvaged
    assert report.damage == "1 entry in 'notes'"
    assert report.moved_aside is not None
    assert report.moved_aside.read_bytes() == content  # the original, untouched
    assert _notes(_file(data_dir)) == ["kept"]
    assert len(json.loads(_file(data_dir).read_text())["checkins"]) == 1


def test_two_damaged_files_in_one_second_both_survive(data_dir: Path, clock: ManualClock) -> None:
    data_dir.mkdir()
    for content in (b"first", b"second"):
        _file(data_dir).write_bytes(content)
        Repository.open(data_dir, clock).close()
    kept = sorted(p.read_bytes() for p in data_dir.glob("nctui.json.corrupt-*"))
    assert kept == [b"first", b"second"]


def test_newer_file_is_refused_and_left_untouched(data_dir: Path, clock: ManualClock) -> None:
    data_dir.mkdir()
    content = json.dumps({"meta": {"1": {"schema_version": CURRENT_SCHEMA_VERSION + 1}}})
    _file(data_dir).write_text(content)

    with pytest.raises(NewerSchemaError) as caught:
        Repository.open(data_dir, clock)

    assert "newer version of nctui" in str(caught.value)
    assert _file(data_dir).read_text() == content
    assert sorted(p.name for p in data_dir.iterdir()) == ["nctui.json"]
    with pytest.raises(NewerSchemaError):
        read_snapshot(data_dir)


def test_unversioned_file_is_backed_up_then_migrated(data_dir: Path, clock: ManualClock) -> None:
    data_dir.mkdir()
    original = json.dumps({"notes": {"1": {"id": "a1", "note": "from before versions"}}})
    _file(data_dir).write_text(original)

    repository = Repository.open(data_dir, clock)
    repository.close()

    assert repository.report.migrated_from == 0
    assert repository.report.backup is not None
    assert repository.report.backup.read_text() == original
    data = json.loads(_file(data_dir).read_text())
    assert schema_version(data) == CURRENT_SCHEMA_VERSION
    assert data["notes"]["1"]["note"] == "from before versions"


def test_migrations_run_in_order_up_to_the_target() -> None:
    seen: list[int] = []

    def step(version: int):
        def run(data, now):
            seen.append(version)
            return {**data, "meta": {"1": {"schema_version": version + 1}}}

        return run

    start = {"meta": {"1": {"schema_version": 1}}, "notes": {}}
    result = migrate(start, None, steps={1: step(1), 2: step(2)}, target=3)  # type: ignore[arg-type]
    assert seen == [1, 2]
    assert schema_version(result) == 3
    assert "notes" in result


def test_read_snapshot_never_writes(data_dir: Path) -> None:
    data_dir.mkdir()
    _file(data_dir).write_bytes(b"{broken")
    with pytest.raises(CorruptDataError):
        read_snapshot(data_dir)
    assert _file(data_dir).read_bytes() == b"{broken"
    assert sorted(p.name for p in data_dir.iterdir()) == ["nctui.json"]


def test_missing_file_reads_as_empty_without_creating_it(tmp_path: Path) -> None:
    assert len(read_snapshot(tmp_path).tables()) == 0
    assert not (tmp_path / DATA_FILE_NAME).exists()
