"""Changes to the data, described as values.

The same change is applied twice: at once to the in-memory copy the screens read, and
later, on the writer thread, to the file. Describing it as data keeps both identical and
lets an unsaved change be written out for recovery.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nctui.domain.frozen import frozen

if TYPE_CHECKING:
    # Only for annotations: `nctui status` builds documents' readers from these
    # modules and must not pay for importing TinyDB.
    from tinydb import TinyDB


def new_id() -> str:
    """A short random id for a new document (48 bits: ample for one person's data)."""
    # Imported here: `nctui status` reads documents through this module and never
    # makes one, and `secrets` pulls in hashing libraries.
    import secrets  # noqa: PLC0415

    return secrets.token_hex(6)


def _plain_copy(doc: Mapping[str, Any]) -> dict[str, Any]:
    # A deep copy that also proves the document can be written as JSON, so a bad value
    # fails here, at the keypress, not later on the writer thread.
    copied: dict[str, Any] = json.loads(json.dumps(doc, ensure_ascii=False))
    return copied


@dataclass(frozen=True)
class Insert:
    """Append a new document. The ledger only ever grows this way.

    Documents are found again by their own `id`, never by TinyDB's document number:
    two copies of nctui number the same document differently.
    """

    table: str
    doc: Mapping[str, Any]

    def __post_init__(self) -> None:
        if "id" not in self.doc:
            raise ValueError("Insert needs a document with an 'id'")
        object.__setattr__(self, "doc", _plain_copy(self.doc))

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
        object.__setattr__(self, "doc", _plain_copy(self.doc))

    def apply(self, db: TinyDB) -> None:
        """Create or update the document."""
        from tinydb import where  # noqa: PLC0415 - see the import note above

        db.table(self.table).upsert(dict(self.doc), where("id") == self.doc["id"])

    def as_json(self) -> dict[str, Any]:
        """The change as plain data."""
        return {"op": "put", "table": self.table, "doc": dict(self.doc)}


@frozen
class Revise:
    """Set a field to a new value, moving the value it has *at that moment* into a list.

    Read at the moment the change is made, in memory and again in the file, so an edit
    made meanwhile in another window is kept in the list rather than written over.
    """

    table: str
    id: str
    field: str
    value: Any
    history: str
    """The list field that keeps every earlier value."""
    also: Mapping[str, Any] | None = None
    """Other fields to set at the same time."""

    def apply(self, db: TinyDB) -> None:
        """Move the current value into the history, then set the new one."""
        from tinydb import where  # noqa: PLC0415 - see the import note above

        table = db.table(self.table)
        current = table.get(where("id") == self.id)
        if not isinstance(current, dict):
            return  # gone, or never written: nothing to revise
        earlier = list(current.get(self.history, []))
        if current.get(self.field) != self.value:
            earlier.append(current.get(self.field))
        fields = {self.field: self.value, self.history: earlier, **(self.also or {})}
        table.update(fields, where("id") == self.id)

    def as_json(self) -> dict[str, Any]:
        """The change as plain data."""
        return {
            "op": "revise",
            "table": self.table,
            "id": self.id,
            "field": self.field,
            "value": self.value,
            "history": self.history,
            "also": dict(self.also or {}),
        }


@frozen
class Remove:
    """Take away the document with this `id`, if it is there.

    Only for what is meant to be short-lived, such as the draft of words not saved yet:
    the person's history is never removed.
    """

    table: str
    id: str

    def apply(self, db: TinyDB) -> None:
        """Remove the document; nothing happens if it is already gone."""
        from tinydb import where  # noqa: PLC0415 - see the import note above

        db.table(self.table).remove(where("id") == self.id)

    def as_json(self) -> dict[str, Any]:
        """The change as plain data."""
        return {"op": "remove", "table": self.table, "id": self.id}


@frozen
class Batch:
    """Several changes that reach the file together, or not at all."""

    ops: tuple[Insert | Put | Revise | Remove, ...]

    @property
    def table(self) -> str:
        """The tables changed, for messages."""
        return ", ".join(sorted({op.table for op in self.ops}))

    def apply(self, db: TinyDB) -> None:
        """Make every change, in order."""
        for op in self.ops:
            op.apply(db)

    def as_json(self) -> dict[str, Any]:
        """The changes as plain data."""
        return {"op": "batch", "ops": [op.as_json() for op in self.ops]}


Op = Insert | Put | Revise | Remove | Batch
"""One change to the database."""


def op_from_json(data: Mapping[str, Any]) -> Op:
    """A change from its plain form (`as_json`), as kept in a file of unsaved changes.

    Raises ValueError, KeyError or TypeError for anything that is not such a change.
    """
    kind = data["op"]
    if kind == "batch":
        parts: list[Insert | Put | Revise | Remove] = []
        for item in data["ops"]:
            part = op_from_json(item)
            if isinstance(part, Batch):
                raise ValueError("a batch inside a batch")
            parts.append(part)
        return Batch(tuple(parts))
    table = str(data["table"])
    also = dict(data.get("also") or {}) or None
    if kind == "insert":
        return Insert(table, dict(data["doc"]))
    if kind == "put":
        return Put(table, dict(data["doc"]))
    if kind == "remove":
        return Remove(table, str(data["id"]))
    if kind == "revise":
        return Revise(
            table, str(data["id"]), str(data["field"]), data["value"], str(data["history"]), also
        )
    raise ValueError(f"not a change nctui makes: {kind!r}")
