"""What happens when the data file is taken away, damaged or odd while nctui runs."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest
from filelock import FileLock

from nctui.domain.clock import ManualClock
from nctui.storage.errors import DataFileError, NewerSchemaError
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.ops import Insert, Put, new_id
from nctui.storage.repository import Repository


def _add(repository: Repository, note: str) -> None:
    repository.apply(Insert("notes", {"id": new_id(), "note": note}))


def _notes(path: Path) -> list[str]:
    return sorted(doc["note"] for doc in json.loads(path.read_text())["notes"].values())


def test_a_deleted_file_is_written_again_with_everything(
    repository: Repository, data_dir: Path
) -> None:
    notices: list[str] = []
    repository.on_notice = notices.append
    for note in ("old 1", "old 2"):
        _add(repository, note)
    repository.flush()
    (data_dir / DATA_FILE_NAME).unlink()

    _add(repository, "new")
    assert repository.flush() == []

    assert _notes(data_dir / DATA_FILE_NAME) == ["new", "old 1", "old 2"]
    assert notices and "went missing" in notices[0]


def test_a_deleted_file_noticed_by_the_poll_keeps_memory(
    repository: Repository, data_dir: Path
) -> None:
    _add(repository, "kept")
    repository.flush()
    (data_dir / DATA_FILE_NAME).unlink()

    assert repository.changed_elsewhere()
    assert repository.read_for_reload() is None  # nothing to load: it asks for a restore
    repository.flush()

    assert [doc["note"] for doc in repository.table("notes").all()] == ["kept"]
    assert _notes(data_dir / DATA_FILE_NAME) == ["kept"]


def test_a_file_damaged_while_open_is_moved_aside_and_rewritten(
    repository: Repository, data_dir: Path
) -> None:
    _add(repository, "precious")
    repository.flush()
    (data_dir / DATA_FILE_NAME).write_text("{garbage")

    _add(repository, "later")
    assert repository.flush() == []

    assert _notes(data_dir / DATA_FILE_NAME) == ["later", "precious"]
    (aside,) = data_dir.glob("nctui.json.corrupt-*")
    assert aside.read_text() == "{garbage"
    assert stat.S_IMODE(aside.stat().st_mode) == 0o600


def test_a_folder_named_like_the_data_file_is_refused(data_dir: Path, clock: ManualClock) -> None:
    (data_dir / DATA_FILE_NAME).mkdir(parents=True)
    with pytest.raises(DataFileError, match="not a regular file"):
        Repository.open(data_dir, clock)
    assert (data_dir / DATA_FILE_NAME).is_dir()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX only")
def test_a_pipe_named_like_the_data_file_is_refused_without_hanging(
    data_dir: Path, clock: ManualClock
) -> None:
    data_dir.mkdir(parents=True)
    os.mkfifo(data_dir / DATA_FILE_NAME)
    with pytest.raises(DataFileError, match="not a regular file"):
        Repository.open(data_dir, clock)


def test_a_newer_file_with_other_table_shapes_is_refused_not_moved(
    data_dir: Path, clock: ManualClock
) -> None:
    data_dir.mkdir(parents=True)
    content = json.dumps({"meta": {"1": {"schema_version": 7}}, "notes": [1, 2]})
    (data_dir / DATA_FILE_NAME).write_text(content)
    with pytest.raises(NewerSchemaError):
        Repository.open(data_dir, clock)
    assert (data_dir / DATA_FILE_NAME).read_text() == content
    assert not list(data_dir.glob("nctui.json.corrupt-*"))


def test_a_linked_data_file_stays_linked_and_gets_the_writes(
    data_dir: Path, clock: ManualClock, tmp_path: Path
) -> None:
    synced = tmp_path / "synced"
    synced.mkdir()
    Repository.open(synced, clock).close()
    data_dir.mkdir(parents=True)
    (data_dir / DATA_FILE_NAME).symlink_to(synced / DATA_FILE_NAME)

    repository = Repository.open(data_dir, clock)
    _add(repository, "through the link")
    repository.close()

    assert (data_dir / DATA_FILE_NAME).is_symlink()
    assert _notes(synced / DATA_FILE_NAME) == ["through the link"]


def test_an_open_file_is_made_private(data_dir: Path, clock: ManualClock) -> None:
    Repository.open(data_dir, clock).close()
    (data_dir / DATA_FILE_NAME).chmod(0o644)
    Repository.open(data_dir, clock).close()
    assert stat.S_IMODE((data_dir / DATA_FILE_NAME).stat().st_mode) == 0o600


def test_closing_while_the_lock_is_held_elsewhere_keeps_changes_aside(
    data_dir: Path, clock: ManualClock
) -> None:
    repository = Repository.open(data_dir, clock, lock_timeout=0.2)
    held = FileLock(data_dir / f"{DATA_FILE_NAME}.lock")
    held.acquire()
    try:
        _add(repository, "not lost")
        recovery = repository.close(timeout=0.5)
    finally:
        held.release()
    assert recovery is not None
    assert json.loads(recovery.read_text())[0]["doc"]["note"] == "not lost"
    assert repository.close() == recovery  # closing twice is harmless


def test_many_changes_queue_one_write_at_a_time(repository: Repository) -> None:
    started = threading.Event()
    release = threading.Event()
    calls: list[int] = []
    real_write = repository._write

    def slow_write(batch, snapshot):
        calls.append(len(batch))
        started.set()
        release.wait(5)
        return real_write(batch, snapshot)

    repository._write = slow_write  # type: ignore[method-assign]
    _add(repository, "first")
    started.wait(5)
    for index in range(20):
        _add(repository, f"more {index}")
    release.set()
    assert repository.flush() == []
    assert calls == [1, 20]  # the twenty changes made during the first write went together


def test_documents_must_carry_their_own_id() -> None:
    with pytest.raises(ValueError, match="'id'"):
        Insert("notes", {"note": "no id"})
    with pytest.raises(ValueError, match="'id'"):
        Put("settings", {"value": 1})


def test_a_change_keeps_its_own_copy_of_the_document() -> None:
    tags = ["x"]
    op = Insert("notes", {"id": "a", "tags": tags})
    tags.append("y")
    assert op.doc["tags"] == ["x"]
