"""Data files for the fault tests: a full history, and the same with hand edits gone wrong."""

from __future__ import annotations

import copy
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from devtools.sample import sample_history
from nctui.storage.fields import Fields
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.shapes import shape_of

MISSING = object()
"""Stands for a field removed altogether."""

WRONG_VALUES: dict[str, Any] = {
    "text": "not what belongs here",
    "number": 7,
    "fraction": 2.5,
    "true": True,
    "list": ["a", 1],
    "object": {"a": 1},
    "null": None,
    "missing": MISSING,
}
"""A value of each JSON type a hand edit can leave, and a field deleted."""


def full_history(now: datetime) -> dict[str, Any]:
    """A few months of history with an entry in every table nctui keeps."""
    data: dict[str, Any] = sample_history(now, 0.25)
    stamp = now.isoformat(timespec="seconds")
    data["readiness"] = {
        "1": {
            "id": "check-1",
            "at": stamp,
            "answers": {"calm": 3, "future": 2},
            "score": 40,
            "verdict": "not_yet",
            "reasons": ["Your period still has days to go."],
            "extension_days": 0,
        }
    }
    data["drafts"] = {
        "1": {"id": "draft-1", "editor": "journal", "text": "half a thought", "updated_at": stamp}
    }
    data["settings"]["90"] = {"id": "sos_reasons", "value": "I chose myself."}
    data["letters"]["90"] = {
        "id": "letter-opened",
        "written": "2026-11-01T21:00:00+00:00",
        "text": "Read at last.",
        "sealed": "2026-11-01T21:00:00+00:00",
        "opened": "2026-11-20T09:00:00+00:00",
        "early": True,
        "earlier": ["A first go."],
        "updated": "2026-11-01T21:00:00+00:00",
    }
    return data


def field_paths(table: str, doc: dict[str, Any]) -> list[tuple[str, ...]]:
    """Every field of a table's entry the code reads or the entry holds, one level down
    into objects (an intake's answers)."""
    shape = shape_of(table)
    paths: list[tuple[str, ...]] = []
    for name in dict.fromkeys([*shape.named, *doc]):
        paths.append((name,))
        inner = shape.named.get(name)
        value = doc.get(name)
        if isinstance(inner, Fields) and isinstance(value, dict):
            paths.extend((name, part) for part in dict.fromkeys([*inner.named, *value]))
    return paths


def _set(doc: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    *outer, last = path
    for name in outer:
        doc = doc[name]
    if value is MISSING:
        doc.pop(last, None)
    else:
        doc[last] = copy.deepcopy(value)


def with_wrong_fields(data: dict[str, Any], kind: str) -> tuple[dict[str, Any], int]:
    """`data` with, for every table but the version mark, one copy of its newest entry per
    field, that field given the wrong value `kind`; and how many copies were added.

    The copies come last, so each is "the newest entry" a person would have edited.
    """
    wrong = copy.deepcopy(data)
    added = 0
    for table, docs in wrong.items():
        if table == "meta" or not docs:
            continue
        newest = list(docs.values())[-1]
        number = max(int(key) for key in docs)
        for path in field_paths(table, newest):
            edited = copy.deepcopy(newest)
            if path != ("id",):
                edited["id"] = f"{newest['id']}-{'.'.join(path)}-{kind}"
            _set(edited, path, WRONG_VALUES[kind])
            number += 1
            docs[str(number)] = edited
            added += 1
    return wrong, added


def write(data_dir: Path, data: dict[str, Any]) -> bytes:
    """Write `data` as the data file, the way a text editor would; its bytes."""
    data_dir.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(data, indent=2).encode()
    (data_dir / DATA_FILE_NAME).write_bytes(payload)
    return payload
