"""Changes an earlier run could not save, left beside the data file, and adding them back.

When nctui cannot write at quit (a full disk, a lost lock), it keeps the waiting changes
in `nctui.json.unsaved-<time>`. The next start adds them to the file, under the lock, in
the same write as anything else it repairs, and only then removes the leftover file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from tinydb import TinyDB, where

from nctui.storage.atomic_file import RawData, encode
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.ops import Batch, Insert, Op, op_from_json
from nctui.storage.tinydb_storage import memory_db

UNSAVED_PREFIX = f"{DATA_FILE_NAME}.unsaved-"


def leftover_files(data_dir: Path) -> list[Path]:
    """The files of unsaved changes beside the data file, oldest first."""
    return sorted(data_dir.glob(f"{UNSAVED_PREFIX}*"))


def read_leftover(path: Path) -> list[Op] | None:
    """The changes kept in `path`; None when it cannot be read as nctui's changes."""
    try:
        items = json.loads(path.read_text("utf-8"))
        return [op_from_json(item) for item in items]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def add_back(data: RawData, files: Sequence[Path]) -> tuple[RawData, int, list[Path]]:
    """`data` with the files' changes made (a copy), how many were made, and the files
    now fully accounted for.

    A change already there (a document with the same id) is not made twice; one that no
    longer fits (a field edited by hand since) is passed over rather than stopping the
    start. A file that cannot be read is left alone, and not counted as accounted for.
    """
    db = memory_db(json.loads(encode(data)))  # a copy: `data` stays as it was
    added = 0
    used = []
    for path in files:
        ops = read_leftover(path)
        if ops is None:
            continue
        for op in ops:
            if _already_in(db, op):
                continue
            try:
                op.apply(db)
            except (KeyError, TypeError, ValueError, AttributeError):
                continue
            added += 1
        used.append(path)
    return db.storage.read() or {}, added, used


def _already_in(db: TinyDB, op: Op) -> bool:
    parts = op.ops if isinstance(op, Batch) else (op,)
    return any(
        isinstance(part, Insert) and db.table(part.table).contains(where("id") == part.doc["id"])
        for part in parts
    )
