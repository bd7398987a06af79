"""Crash-safe reading and writing of the data file.

A write never touches the existing file: the new content goes to a temporary file in
the same folder, is flushed to disk, then renamed over the old one in one step. A
crash or a full disk leaves either the old file or the new one, never half of each.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from nctui.storage.errors import CorruptDataError

RawData = dict[str, dict[str, dict[str, Any]]]
"""The data file's shape, as TinyDB stores it: table -> document id -> document."""


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` atomically; the result is readable by its owner only."""
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        temp.chmod(0o600)
        temp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable. Windows cannot open a folder for this.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def encode(data: RawData) -> bytes:
    """Serialise the data compactly; the file stays valid, readable JSON."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode(payload: bytes, path: Path) -> RawData:
    """Parse and shape-check the data file's bytes.

    An empty file is treated as damaged, not as new: a crash cannot produce one, so it
    means something went wrong and the person should be told.
    """
    if not payload.strip():
        raise CorruptDataError(f"{path} is empty.")
    try:
        data = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise CorruptDataError(f"{path} is not valid JSON ({exc}).") from exc
    if not isinstance(data, dict):
        raise CorruptDataError(f"{path} does not hold nctui data.")
    for table, documents in data.items():
        if not isinstance(documents, dict) or not all(
            isinstance(doc, dict) for doc in documents.values()
        ):
            raise CorruptDataError(f"{path} has a damaged table {table!r}.")
    return data


def read_file(path: Path) -> RawData | None:
    """The file's data, or None when there is no file yet."""
    try:
        payload = path.read_bytes()
    except FileNotFoundError:
        return None
    return decode(payload, path)
