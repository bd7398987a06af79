"""Adding one copy of the data to another by record id, so neither loses anything.

nctui only ever adds entries and fields, so the union of two copies is always safe:
an entry missing from one is taken from the other, and a field one copy lacks is taken
from the other; where both have a field, the first copy's value stays.
"""

from __future__ import annotations

from typing import Any

from nctui.storage.atomic_file import RawData


def _by_id(docs: dict[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    # The file's own entries may not fit their shapes (hand edits): those are passed over.
    return {
        doc["id"]: (key, doc)
        for key, doc in docs.items()
        if type(doc) is dict and type(doc.get("id")) is str
    }


def union(base: RawData, extra: RawData) -> tuple[RawData, int]:
    """`base` with everything `extra` holds that it lacks, and how many entries that added
    to or changed. Neither argument is changed; entries are shared, not copied.

    Entries without an id (the version mark) are `base`'s own, unless `base` lacks the
    whole table.
    """
    merged = dict(base)
    gained = 0
    for table, docs in extra.items():
        mine = base.get(table)
        if mine is None:
            merged[table] = dict(docs)
            gained += len(docs)
            continue
        index = _by_id(mine)
        grown: dict[str, Any] | None = None
        last = max((int(key) for key in mine), default=0)
        for doc in docs.values():
            ident = doc.get("id")
            if type(ident) is not str:
                continue
            found = index.get(ident)
            if found is None:
                grown = grown if grown is not None else dict(mine)
                last += 1
                grown[str(last)] = doc
            else:
                key, there = found
                lacking = doc.keys() - there.keys()
                if not lacking:
                    continue
                grown = grown if grown is not None else dict(mine)
                grown[key] = {**there, **{name: doc[name] for name in lacking}}
            gained += 1
        if grown is not None:
            merged[table] = grown
    return merged, gained
