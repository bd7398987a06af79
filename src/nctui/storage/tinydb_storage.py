"""TinyDB storages: the locked, atomic file transaction and the in-memory copy."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from tinydb import TinyDB
from tinydb.storages import MemoryStorage, Storage

from nctui.storage.atomic_file import RawData, atomic_write_bytes, encode, read_file


class TransactionStorage(Storage):
    """A storage for one transaction, used only while the file lock is held.

    It reads the file at most once and writes nothing until `commit`, so a batch of
    changes costs one read and one atomic write however many documents it touches.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._data: RawData | None = None
        self._loaded = False
        self._dirty = False

    def read(self) -> RawData | None:
        """The file's data as of the start of the transaction, plus changes so far."""
        if not self._loaded:
            self._data = read_file(self._path)
            self._loaded = True
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Stage the new state; nothing reaches the disk before `commit`."""
        self._data = data
        self._loaded = True
        self._dirty = True

    def commit(self) -> None:
        """Write the staged state to the file atomically, if anything changed."""
        if self._dirty and self._data is not None:
            atomic_write_bytes(self._path, encode(self._data))
            self._dirty = False


def transaction_db(path: Path) -> tuple[TinyDB, TransactionStorage]:
    """A TinyDB over the file for one locked transaction, and its storage to commit."""
    db = TinyDB(path, storage=TransactionStorage)
    return db, cast(TransactionStorage, db.storage)


def memory_db(data: RawData) -> TinyDB:
    """A TinyDB over an in-memory copy of the data, for the screens to read."""
    db = TinyDB(storage=MemoryStorage)
    db.storage.write(data)
    return db
