"""Which stored documents a change touched, and documents found by a field.

For the coach's read model, which parses each document once and then follows the
changes made in this window document by document instead of reading whole tables again,
and which answers a question about one day or one kind before it has read a whole table.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from tinydb import where

from nctui.domain.frozen import frozen
from nctui.storage.ops import Batch, Insert, Op, Put, Remove, Revise

if TYPE_CHECKING:
    from nctui.storage.repository import Repository


@frozen
class Touched:
    """One document a change touched: its table, its id, and, for an insert, the
    document as added (an insert needs no lookup)."""

    table: str
    id: str
    added: Mapping[str, Any] | None = None


def touched(op: Op) -> Iterator[Touched]:
    """Every document `op` touches, in the order it touches them."""
    if isinstance(op, Batch):
        for part in op.ops:
            yield from touched(part)
    elif isinstance(op, Insert):
        yield Touched(op.table, str(op.doc["id"]), op.doc)
    elif isinstance(op, Put):
        yield Touched(op.table, str(op.doc["id"]))
    elif isinstance(op, Revise | Remove):
        yield Touched(op.table, op.id)


def document(repository: Repository, table: str, doc_id: str) -> Mapping[str, Any] | None:
    """The document with this id in the in-memory copy, or None when there is none."""
    found = repository.table(table).get(where("id") == doc_id)
    return found if isinstance(found, Mapping) else None


_MISSING = object()
"""Stands for a field a document lacks: equal to no value, as in a TinyDB query."""


def matching(
    repository: Repository, table: str, field: str, value: object
) -> list[Mapping[str, Any]]:
    """The documents whose `field` is `value`, in stored order, as stored (not copied).

    A plain look through the in-memory documents, as `where(field) == value` finds them:
    a TinyDB query over years of history costs several times more, and copies each
    document it finds, while the first screen waits for the answer.
    """
    return [doc for doc in repository.documents(table) if doc.get(field, _MISSING) == value]
