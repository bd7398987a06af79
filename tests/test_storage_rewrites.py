"""Saving again after a save: the window's own last write stands in for re-reading the file,
but never when the file changed meanwhile or the last write did not land."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nctui.domain.clock import ManualClock
from nctui.storage import repository as repository_module
from nctui.storage.atomic_file import atomic_write_bytes
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.ops import Insert, new_id
from nctui.storage.repository import Repository


def _notes_on_disk(data_dir: Path) -> list[str]:
    data = json.loads((data_dir / DATA_FILE_NAME).read_text())
    return sorted(doc["note"] for doc in data.get("notes", {}).values())


def _add(repository: Repository, note: str) -> None:
    repository.apply(Insert("notes", {"id": new_id(), "note": note}))


def test_a_hand_edit_between_two_saves_is_kept(data_dir: Path, clock: ManualClock) -> None:
    repository = Repository.open(data_dir, clock)
    _add(repository, "first")
    repository.flush()
    path = data_dir / DATA_FILE_NAME
    data = json.loads(path.read_text())
    data["notes"]["99"] = {"id": "by-hand", "note": "typed in an editor"}
    path.write_text(json.dumps(data))
    _add(repository, "second")
    repository.flush()
    repository.close()
    assert _notes_on_disk(data_dir) == ["first", "second", "typed in an editor"]


def test_a_failed_save_is_written_once_when_retried(
    data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = Repository.open(data_dir, clock)
    _add(repository, "first")
    repository.flush()
    failures: list[BaseException] = []

    def disk_full(path: Path, payload: bytes, *, durable: bool = True) -> None:
        raise OSError(28, "No space left on device")

    repository.on_write_error = lambda error, batch: failures.append(error)
    monkeypatch.setattr(repository_module, "atomic_write_bytes", disk_full)
    _add(repository, "second")
    repository.flush()
    assert failures and _notes_on_disk(data_dir) == ["first"]

    monkeypatch.setattr(repository_module, "atomic_write_bytes", atomic_write_bytes)
    _add(repository, "third")
    repository.retry()
    repository.flush()
    repository.close()
    assert _notes_on_disk(data_dir) == ["first", "second", "third"]
