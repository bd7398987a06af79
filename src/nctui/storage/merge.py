"""Adding one copy of the data to another by record id, so neither loses anything.

nctui only ever adds entries and fields, so the union of two copies is always safe:
an entry missing from one is taken from the other, and a field one copy lacks is taken
from the other; where both have a field, the first copy's value stays.
"""

from __future__ import annotations

from nctui.storage.atomic_file import RawData


def union(base: RawData, extra: RawData) -> tuple[RawData, int]:
    """`base` with everything `extra` holds that it lacks, and how many entries that added
    to or changed. Neither argument is changed; entries are shared, not copied.

    Entries are matched by their own id. Those without one (the version mark) are
    `base`'s own, unless `base` lacks the whole table.
    """
    merged = dict(base)
    gained = 0
    for table, docs in extra.items():
        if table not in base:
            merged[table] = dict(docs)
            gained += len(docs)
            continue
        grown = merged[table] = dict(base[table])
        # The file's own entries may not fit their shapes (hand edits): those are passed over.
        index = {
            doc["id"]: key
            for key, doc in grown.items()
            if type(doc) is dict and type(doc.get("id")) is str
        }
        last = max(map(int, grown), default=0)
        for doc in docs.values():
            ident = doc.get("id")
            if type(ident) is not str:
                continue
            key = index.get(ident)
            if key is None:
                last += 1
                grown[str(last)] = doc
            elif lacking := doc.keys() - grown[key].keys():
                grown[key] = {**grown[key], **{name: doc[name] for name in lacking}}
            else:
                continue
            gained += 1
    return merged, gained
