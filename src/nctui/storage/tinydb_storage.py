"""TinyDB over data held in memory: the copy the screens read, and the file's data while
a write applies its changes to it.

TinyDB's own tables copy a whole table twice on every change (to turn its text keys
into numbers and back): with ten years of history each keypress would wait for that.
These tables change the stored dict in place, so a change costs what it changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Table

from nctui.storage.migrations import RawData


class _Numbered(MutableMapping[int, Any]):
    """A table's documents by number, as TinyDB's changes expect, kept under the text
    keys the file uses (every key is a whole number's text: `decode` sees to that)."""

    __slots__ = ("_docs",)

    def __init__(self, docs: dict[str, Any]) -> None:
        self._docs = docs

    def __getitem__(self, key: int) -> Any:
        return self._docs[str(key)]

    def __setitem__(self, key: int, doc: Any) -> None:
        self._docs[str(key)] = doc

    def __delitem__(self, key: int) -> None:
        del self._docs[str(key)]

    def __iter__(self) -> Iterator[int]:
        return map(int, self._docs)

    def __len__(self) -> int:
        return len(self._docs)


class _InPlaceTable(Table):
    """A TinyDB table whose changes edit the data in memory where it is."""

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        tables = self._storage.read()
        assert tables is not None  # memory_db always holds data
        updater(_Numbered(tables.setdefault(self.name, {})))  # type: ignore[arg-type]
        self.clear_cache()


class _MemoryDB(TinyDB):
    table_class = _InPlaceTable


def memory_db(data: RawData) -> TinyDB:
    """A TinyDB over `data` itself (not a copy): its changes are made to `data`."""
    db = _MemoryDB(storage=MemoryStorage)
    db.storage.write(data)
    return db
