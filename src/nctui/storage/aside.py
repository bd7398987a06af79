"""Copies of the data file kept beside it: damaged files set aside, backups before a
migration, and looking at the damaged ones again later.

A file is copied aside *before* its replacement is written, and stays where it was
until then: a crash or a full disk in between leaves the person's file in place, never
no file at all. Copies kept aside are checked on every start; one that holds entries the
current file lacks is named to the person until they move it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from nctui.storage.atomic_file import atomic_write_bytes, make_private, read_file
from nctui.storage.errors import StorageError
from nctui.storage.shapes import inspect

TYPE_CHECKING = False
if TYPE_CHECKING:
    from nctui.storage.crypto.sealed_file import SealKey

CORRUPT_MARK = ".corrupt-"


def file_stamp(moment: datetime) -> str:
    """A moment as part of a file name (no colons: valid on every file system)."""
    return moment.strftime("%Y-%m-%dT%H-%M-%S")


def unused(path: Path) -> Path:
    """`path`, or `path-2`, `path-3`... whichever does not exist yet."""
    candidate, counter = path, 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.name}-{counter}")
    return candidate


def copies_aside(path: Path) -> list[Path]:
    """The damaged copies of `path` kept beside it, oldest first."""
    return sorted(path.parent.glob(f"{path.name}{CORRUPT_MARK}*"))


def keep_copy(path: Path, name: str) -> Path:
    """Keep the file at `path` as `name` (or `name-2`...) beside it, private.

    A hard link costs no space; a file system without them gets a flushed copy.
    Raises OSError if neither can be made.
    """
    source = path.resolve() if path.is_symlink() else path
    target = unused(path.with_name(name))
    try:
        os.link(source, target)
    except OSError:
        atomic_write_bytes(target, source.read_bytes())
    make_private(target)
    return target


def keep_aside(path: Path, now: datetime) -> tuple[Path, bool]:
    """Keep the file at `path` as `<name>.corrupt-<time>` beside it; `path` stays as it is.

    Returns the copy and whether it is new: content already kept aside (by a start that
    stopped before replacing the file) is not kept twice. Raises OSError on failure.
    """
    content = path.read_bytes()
    for earlier in copies_aside(path):
        with contextlib.suppress(OSError):
            if earlier.stat().st_size == len(content) and earlier.read_bytes() == content:
                return earlier, False
    return keep_copy(path, f"{path.name}{CORRUPT_MARK}{file_stamp(now)}"), True


def _ids(path: Path, key: SealKey | None) -> set[tuple[str, object]]:
    data = inspect(read_file(path, key) or {}).shown
    return {(table, doc.get("id")) for table, docs in data.items() for doc in docs.values()}


def copies_with_more(path: Path, key: SealKey | None = None) -> list[Path]:
    """The copies kept aside that hold entries the file at `path` lacks, newest first.

    A copy counts its entries that fit their shape. One that cannot be read at all (cut
    short, or sealed and damaged) is not named: put back, it would only be set aside
    again, and the open report already pointed to the backups.
    """
    copies = copies_aside(path)
    if not copies:
        return []  # the usual case: nothing to read
    try:
        held = _ids(path, key)
    except (StorageError, OSError):
        return []  # the file itself is the trouble; that is said elsewhere
    found = []
    for copy in reversed(copies):
        more = False
        with contextlib.suppress(OSError, StorageError):  # gone or unreadable: not named
            more = not _ids(copy, key) <= held
        if more:
            found.append(copy)
    return found


def remove_all(paths: Iterable[Path]) -> None:
    """Remove files that are no longer needed, ignoring any already gone."""
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def modified_time(path: Path) -> float:
    """When `path` last changed, for sorting copies newest first (0 when it is gone)."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
