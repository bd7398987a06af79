"""Changes an earlier run could not save, kept in a file, and adding them back.

When nctui cannot write at quit (a full disk, a lost lock), it keeps the waiting changes
in `nctui.json.unsaved-<time>` beside the data file or, if even that fails, in the
system's temporary folder, named for this data folder. The next start looks in both
places, adds the changes to the file under the lock, in the same write as anything else
it repairs, and only then removes the leftover file. One it cannot read is left alone,
and named to the person on every start.
"""

from __future__ import annotations

import binascii
import json
import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from tinydb import where

from nctui.domain.frozen import frozen
from nctui.storage.aside import file_stamp, unused
from nctui.storage.atomic_file import RawData, atomic_write_bytes, encode, open_any, seal_bytes
from nctui.storage.errors import StorageError
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.ops import Batch, Insert, Op, op_from_json
from nctui.storage.tinydb_storage import memory_db

TYPE_CHECKING = False
if TYPE_CHECKING:
    from nctui.storage.crypto.sealed_file import SealKey

UNSAVED_PREFIX = f"{DATA_FILE_NAME}.unsaved-"


def _temp_folder() -> Path:
    import tempfile  # noqa: PLC0415 - only needed when looking for leftovers

    return Path(tempfile.gettempdir())


def _folder_tag(data_dir: Path) -> str:
    # Several data folders may share one temporary folder: each leftover says whose it
    # is. A checksum, not hashlib, whose import costs every start megabytes of memory.
    return f"{binascii.crc32(os.fsencode(data_dir.absolute())):08x}"


def _places(data_dir: Path) -> list[tuple[Path, str]]:
    # Beside the data file first; then the temporary folder, saying whose they are.
    return [
        (data_dir, UNSAVED_PREFIX),
        (_temp_folder(), f"{UNSAVED_PREFIX}{_folder_tag(data_dir)}-"),
    ]


def leftover_files(data_dir: Path) -> list[Path]:
    """The files of unsaved changes for `data_dir`, in the places `keep_unsaved` uses,
    oldest first in each."""
    return [
        path for folder, prefix in _places(data_dir) for path in sorted(folder.glob(f"{prefix}*"))
    ]


def keep_unsaved(
    ops: Sequence[Op], data_dir: Path, now: datetime, key: SealKey | None = None
) -> Path | None:
    """Write `ops` to a leftover file the next start will find (sealed with `key` when
    the data is); its path, or None when not even the temporary folder would take it."""
    payload = encode([op.as_json() for op in ops], indent=1)
    if key is None:  # plain: never the keys of earlier passphrases
        from nctui.storage.settings import without_keys  # noqa: PLC0415

        payload = without_keys(payload) or encode([], indent=1)
    payload = seal_bytes(payload, key)
    for folder, prefix in _places(data_dir):
        target = unused(folder / f"{prefix}{file_stamp(now)}")
        try:
            atomic_write_bytes(target, payload)
        except OSError:
            continue
        return target
    return None


def _read_leftover(path: Path, keys: Sequence[SealKey]) -> list[Op] | None:
    try:
        payload = open_any(path.read_bytes(), keys)
        return [op_from_json(item) for item in json.loads(payload.decode("utf-8"))]
    except (OSError, StorageError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


@frozen
class AddedBack:
    """What adding leftovers to the data gave."""

    data: RawData
    added: int
    used: tuple[Path, ...]
    """Files now fully accounted for: remove them once `data` is safely written."""
    unreadable: tuple[Path, ...]


def add_back(data: RawData, files: Sequence[Path], keys: Sequence[SealKey] = ()) -> AddedBack:
    """`data` with the files' changes made (a copy; `data` stays as it was).

    A change already there (a document with the same id) is not made twice; one that no
    longer fits (a field edited by hand since) is passed over rather than stopping the
    start. A sealed file opens with the first of `keys` it was sealed with (the current
    key, then those of earlier passphrases). A file that cannot be read (or is sealed
    under none of them) is left alone, and not counted as accounted for.
    """
    if not files:
        return AddedBack(data, 0, (), ())
    db = memory_db(json.loads(encode(data)))
    added = 0
    used, unreadable = [], []
    for path in files:
        ops = _read_leftover(path, keys)
        if ops is None:
            unreadable.append(path)
            continue
        for op in ops:
            parts = op.ops if isinstance(op, Batch) else (op,)
            if any(
                isinstance(part, Insert)
                and db.table(part.table).contains(where("id") == part.doc["id"])
                for part in parts
            ):
                continue
            try:
                op.apply(db)
            except (KeyError, TypeError, ValueError, AttributeError):
                continue
            added += 1
        used.append(path)
    return AddedBack(db.storage.read() or {}, added, tuple(used), tuple(unreadable))
