"""Merging another copy of the data into this one, entry by entry, by record id.

Nothing is duplicated and nothing here is dropped. An entry this copy lacks is added; a
field it lacks is added (an attempt closed, a letter sealed or opened on the other
computer). A letter rewritten on both sides keeps every text: the one saved last is
current and the others join its earlier drafts, the same way whichever copy is merged
into which. Two different entries that share an id (a hand edit) are both kept: the
incoming one gets an id made from its content, so importing the file again adds nothing.
Where a setting or a tick differs, this copy's value stays.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from nctui.storage.ops import Batch, Insert, Put
from nctui.storage.settings import OWN_SETTINGS, SETTINGS_TABLE

Docs = Mapping[str, Sequence[Mapping[str, Any]]]
"""Tables by name, each a list of entries in stored order."""

LETTERS = "letters"
CHANGEABLE: Mapping[str, frozenset[str]] = {
    LETTERS: frozenset({"text", "earlier", "updated", "sealed", "opened", "early"}),
    "attempts": frozenset({"ended_at", "end_reason"}),
    "activity_plans": frozenset({"dropped_at"}),
    "checklist": frozenset({"done", "at"}),
    "settings": frozenset({"value"}),
}
"""Fields nctui changes after an entry is made; any other difference means two entries."""
NOT_MERGED = frozenset({"meta", "drafts"})


@dataclass
class MergePlan:
    """What merging would do: the changes, and counts by table for a person."""

    ops: list[Insert | Put] = field(default_factory=list)
    added: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    kept_both: Counter[str] = field(default_factory=Counter)
    kept_ours: Counter[str] = field(default_factory=Counter)

    @property
    def empty(self) -> bool:
        """Nothing to add or change."""
        return not self.ops

    def batch(self) -> Batch:
        """Every change, to reach the file together or not at all."""
        return Batch(tuple(self.ops))


def _moment(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _sort_key(letter: Mapping[str, Any]) -> tuple[float, str]:
    stamp = _moment(letter.get("updated")) or _moment(letter.get("written"))
    return (stamp.timestamp() if stamp else 0.0, str(letter.get("text", "")))


def merged_letter(mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> dict[str, Any]:
    """Text, earlier drafts and update time of one letter rewritten in two copies: the
    text saved last is current, every other one an earlier draft. Symmetric."""
    older, newer = sorted((mine, theirs), key=_sort_key)
    seen: list[str] = []
    for letter in (older, newer):
        for text in [*(letter.get("earlier") or []), letter.get("text", "")]:
            if text not in seen:
                seen.append(text)
    current = newer.get("text", "")
    fields: dict[str, Any] = {"text": current, "earlier": [t for t in seen if t != current]}
    if "updated" in newer:
        fields["updated"] = newer["updated"]
    return fields


def content_id(ident: str, doc: Mapping[str, Any]) -> str:
    """A new id for an entry whose id is taken by another entry: made from its content,
    so the same entry gets the same id every time."""
    body = json.dumps(doc, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return hashlib.sha256(ident.encode() + b"\0" + body).hexdigest()[:12]


def plan_merge(here: Docs, incoming: Docs) -> MergePlan:
    """What adding `incoming` to `here` takes (see the module's note)."""
    plan = MergePlan()
    for table, docs in incoming.items():
        if table in NOT_MERGED:
            continue
        index = {doc["id"]: doc for doc in here.get(table, ()) if isinstance(doc.get("id"), str)}
        changeable = CHANGEABLE.get(table, frozenset())
        for doc in docs:
            ident = doc.get("id")
            if not isinstance(ident, str) or (table == SETTINGS_TABLE and ident in OWN_SETTINGS):
                continue
            mine = index.get(ident)
            if mine is None:
                plan.ops.append(Insert(table, doc))
                plan.added[table] += 1
                index[ident] = doc
                continue
            if any(
                name in mine and mine[name] != value
                for name, value in doc.items()
                if name not in changeable
            ):
                other = content_id(ident, doc)
                if other not in index:
                    moved = {**doc, "id": other}
                    plan.ops.append(Insert(table, moved))
                    plan.kept_both[table] += 1
                    index[other] = moved
                continue
            fields = {name: value for name, value in doc.items() if name not in mine}
            if table == LETTERS and doc.get("text") != mine.get("text"):
                fields |= merged_letter(mine, doc)
            elif any(mine[name] != doc[name] for name in doc.keys() & mine.keys()):
                plan.kept_ours[table] += 1
            if fields:
                plan.ops.append(Put(table, {"id": ident, **fields}))
                plan.updated[table] += 1
                index[ident] = {**mine, **fields}
    return plan
