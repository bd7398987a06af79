"""Changes to the data, described as values.

The same change is applied twice: at once to the in-memory copy the screens read, and
later, on the writer thread, to the file. Describing it as data keeps both identical and
lets an unsaved change be written out for recovery.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tinydb import TinyDB, where


def new_id() -> str:
    """A short random id for a new document (48 bits: ample for one person's data)."""
    return secrets.token_hex(6)


@dataclass(frozen=True)
class Insert:
    """Append a new document. The ledger only ever grows this way."""

    table: str
    doc: Mapping[str, Any]

    def apply(self, db: TinyDB) -> None:
        """Append the document."""
        db.table(self.table).insert(dict(self.doc))

    def as_json(self) -> dict[str, Any]:
        """The change as plain data."""
        return {"op": "insert", "table": self.table, "doc": dict(self.doc)}


@dataclass(frozen=True)
class Put:
    """Create the document with this `id`, or set these fields on it."""

    table: str
    doc: Mapping[str, Any]

    def __post_init__(self) -> None:
        if "id" not in self.doc:
            raise ValueError("Put needs a document with an 'id'")

    def apply(self, db: TinyDB) -> None:
        """Create or update the document."""
        db.table(self.table).upsert(dict(self.doc), where("id") == self.doc["id"])

    def as_json(self) -> dict[str, Any]:
        """The change as plain data."""
        return {"op": "put", "table": self.table, "doc": dict(self.doc)}


Op = Insert | Put
"""One change to the database."""
