"""One table's records, parsed once and then kept up to date one document at a time."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from nctui.storage.lookup import document, matching

if TYPE_CHECKING:
    from nctui.storage.repository import Repository

R = TypeVar("R")
Parse = Callable[[Mapping[str, Any]], R]

_UNPARSABLE = (KeyError, TypeError, ValueError, AttributeError)


class Records(Generic[R]):
    """A table's records by id, in stored order, parsed on first use.

    Follows this window's changes document by document (`touched`); `drop` forgets
    everything, to be parsed again from the repository on the next read.
    """

    def __init__(self, repository: Repository, table: str, parse: Parse[R]) -> None:
        self.table = table
        self._repository = repository
        self._parse = parse
        self._by_id: dict[str, R] | None = None
        self.version = 0
        """Goes up at every change, so views built from the records know they are old."""

    @property
    def by_id(self) -> dict[str, R]:
        """Every record that parses, by id, in the order stored. Read only."""
        if self._by_id is None:
            self._by_id = {}
            for doc in self._repository.documents(self.table):
                record = self.parsed(doc)
                if record is not None:
                    self._by_id[str(doc["id"])] = record
        return self._by_id

    def documents(self) -> list[Mapping[str, Any]]:
        """The table's documents as stored, unparsed (to look at a few without parsing
        them all). Read only."""
        return self._repository.documents(self.table)

    def where(self, field: str, value: object) -> list[R]:
        """The records whose stored `field` is `value`, parsing only the documents a
        TinyDB query finds: for one question before the whole table is needed."""
        found = (self.parsed(doc) for doc in matching(self._repository, self.table, field, value))
        return [record for record in found if record is not None]

    @property
    def built(self) -> bool:
        """Whether the records have been parsed since they were last dropped."""
        return self._by_id is not None

    def parsed(self, doc: Mapping[str, Any]) -> R | None:
        """One document as a record; None if it does not parse."""
        try:
            return self._parse(doc)
        except _UNPARSABLE:  # checked on reading, so only a gap in a reader: skip it
            return None

    def touched(self, doc_id: str, added: Mapping[str, Any] | None) -> tuple[R | None, R | None]:
        """The document with this id changed (`added` when it was just inserted):
        parse it again. Returns the record before and after; both None when the
        records are not built yet (they are parsed in full on the next read)."""
        self.version += 1
        if self._by_id is None:
            return None, None
        doc = added if added is not None else document(self._repository, self.table, doc_id)
        old = self._by_id.get(doc_id)
        new = None if doc is None else self.parsed(doc)
        if new is None:
            self._by_id.pop(doc_id, None)
        else:
            # Assigning to an id already there keeps its place, as the table does.
            self._by_id[doc_id] = new
        return old, new

    def drop(self) -> None:
        """Forget every record: the repository's copy was replaced."""
        self.version += 1
        self._by_id = None
