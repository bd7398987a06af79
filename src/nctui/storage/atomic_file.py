"""The data file on disk: read and checked in one place, written atomically.

A write never touches the existing file: the new content goes to a temporary file in
the same folder, is flushed to disk, then renamed over the old one in one step. A
crash or a full disk leaves either the old file or the new one, never half of each.
Every read (opening, a write, a reload, `nctui status`, a copy set aside) goes through
`read_file`, so a file is judged the same way everywhere.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import time
from pathlib import Path
from typing import Any

from nctui.storage.errors import CorruptDataError, DataFileError
from nctui.storage.migrations import RawData, check_data

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from nctui.storage.crypto.sealed_file import SealKey

__all__ = ["RawData", "atomic_write_bytes", "decode", "dump", "encode", "read_file"]

_WINDOWS_REPLACE_TRIES = 5
STALE_SECONDS = 600
"""A temporary file untouched this long is left from a write that was interrupted."""
# `.<name>.<mkstemp's eight characters>.tmp`, as atomic_write_bytes names them.
_TEMPORARY = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")
_NUMBER = re.compile(r"0|[1-9][0-9]*").fullmatch
"""A document number as TinyDB writes it (and reads back as the same text)."""


def atomic_write_bytes(path: Path, payload: bytes, *, durable: bool = True) -> os.stat_result:
    """Replace `path` with `payload` atomically; the result is readable by its owner only.

    A symbolic link is followed, so a data file linked into a synced folder keeps
    being the file that is written. Returns the identity of the file written (taken
    before it took the old one's place, so no later change can be mistaken for it).
    `durable=False` skips waiting for the disk, for a file that can be made again.
    """
    import tempfile  # noqa: PLC0415 - only writers need it, and `nctui status` never writes

    target = path.resolve() if path.is_symlink() else path
    fd, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
            written = os.fstat(handle.fileno())
        _replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    if durable:
        _fsync_folder(target.parent)
    return written


def remove_stale_temporaries(path: Path) -> None:
    """Remove what interrupted writes of `path` (and of files named after it) left behind.

    Only nctui's own naming, and only files untouched for STALE_SECONDS: a younger one
    may be another window's write in progress.
    """
    target = path.resolve() if path.is_symlink() else path
    prefix = f".{target.name}."
    # The system's clock, not the app's: file times are stamped by the system.
    oldest = time.time() - STALE_SECONDS
    with contextlib.suppress(OSError), os.scandir(target.parent) as found:
        for entry in found:
            if not (_TEMPORARY.fullmatch(entry.name) and entry.name.startswith(prefix)):
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < oldest:
                    Path(entry.path).unlink()


def _replace(temp: Path, target: Path) -> None:
    # Windows refuses to replace a file another process has open (a reader, a virus
    # scanner) for a moment; elsewhere the rename simply works.
    for attempt in range(_WINDOWS_REPLACE_TRIES):
        try:
            temp.replace(target)
            return
        except PermissionError:
            if os.name != "nt" or attempt == _WINDOWS_REPLACE_TRIES - 1:
                raise
            time.sleep(0.05)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable. Windows cannot open a folder for this, and some
    # file systems refuse; the new file is in place by now either way, so a refusal must
    # not read as a failed write (which would be tried again, adding a change twice).
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def make_private(path: Path) -> None:
    """Make a file readable by its owner only, where the system allows it."""
    with contextlib.suppress(OSError):
        path.chmod(0o600)


def encode(data: Any, *, indent: int | None = None) -> bytes:
    """Serialise the data as UTF-8 JSON (compact unless `indent` is given).

    Text holding half a UTF-16 pair (from a hand edit, say) cannot be written as UTF-8;
    then every character outside ASCII is written as a JSON escape instead, which reads
    back exactly, so one odd character never stops everything else from being saved.
    """
    separators = None if indent is not None else (",", ":")
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(data, indent=indent, separators=separators).encode("ascii")


def dump(data: Any, key: SealKey | None) -> bytes:
    """The data file's bytes for `data`: JSON, sealed with `key` when there is one.

    The one codec of the data file's writes; `read_file` is the one of its reads.
    """
    return seal_bytes(encode(data), key)


def seal_bytes(payload: bytes, key: SealKey | None) -> bytes:
    """`payload` sealed with `key` (a fresh nonce), or as it is when there is no key."""
    if key is None:
        return payload
    # Loaded only for a sealed file: `nctui status` and plain files never need it.
    from nctui.storage.crypto.sealed_file import seal  # noqa: PLC0415

    return seal(payload, key)


def open_bytes(blob: bytes, key: SealKey | None) -> bytes:
    """The payload of a file's bytes: unsealed with `key` when sealed, else as they are.

    Raises PassphraseNeeded for a sealed file without a key, KeyChanged when the file is
    sealed under another key, DamagedFile when its sealed contents fail authentication,
    and UnreadableHeader for a header this nctui cannot use.
    """
    from nctui.storage.crypto.header import is_sealed  # noqa: PLC0415 - standard library only

    if not is_sealed(blob):
        return blob
    if key is None:
        from nctui.storage.crypto.errors import PassphraseNeeded  # noqa: PLC0415

        raise PassphraseNeeded()
    from nctui.storage.crypto.sealed_file import unseal  # noqa: PLC0415

    return unseal(blob, key)


def open_any(blob: bytes, keys: Sequence[SealKey]) -> bytes:
    """Like `open_bytes`, with the first of `keys` that the file was sealed with: the
    current key, then keys of earlier passphrases. Raises KeyChanged when none fits."""
    from nctui.storage.crypto.header import is_sealed  # noqa: PLC0415 - standard library only

    if not is_sealed(blob) or not keys:
        return open_bytes(blob, keys[0] if keys else None)
    from nctui.storage.crypto.errors import KeyChanged  # noqa: PLC0415
    from nctui.storage.crypto.header import read_header  # noqa: PLC0415

    header = read_header(blob)
    for key in keys:
        if key.fits(header):
            return open_bytes(blob, key)
    raise KeyChanged()


def decode(payload: bytes, path: Path) -> RawData:
    """The data file's bytes as tables, checked as a whole (`check_data`); the entries'
    shapes are checked later, one by one (`shapes`).

    An empty file is treated as damaged, not as new: a crash cannot produce one, so it
    means something went wrong and the person should be told. A byte-order mark (some
    editors add one) is skipped. Document numbers that are not whole numbers (a hand
    edit) are numbered afresh: TinyDB needs them, and the entries keep their own ids.
    """
    if not payload.strip():
        raise CorruptDataError("it was empty")
    try:
        data = json.loads(payload.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        # RecursionError: brackets nested too deeply to read (thousands of "[").
        raise CorruptDataError("it was not valid JSON, perhaps cut short") from exc
    if not isinstance(data, dict):
        raise CorruptDataError("it did not hold nctui data")
    check_data(data, path)
    for table, documents in data.items():
        if not all(map(_NUMBER, documents)):
            data[table] = _renumbered(documents)
    return data


def _renumbered(documents: dict[str, Any]) -> dict[str, Any]:
    # Numbers already right stay; the others follow the highest, in their stored order.
    last = max((int(key) for key in documents if _NUMBER(key)), default=0)
    result = {}
    for key, doc in documents.items():
        if not _NUMBER(key):
            last += 1
            key = str(last)  # noqa: PLW2901 - the new number replaces the old one
        result[key] = doc
    return result


def read_file(path: Path, key: SealKey | None = None) -> RawData | None:
    """The file's data, checked as a whole (`decode`), or None when there is no file yet.

    A sealed file is unsealed with `key` first (`open_bytes`, which names what it
    raises). Raises DataFileError when the path is not a readable regular file,
    NewerSchemaError when a newer nctui wrote it, and CorruptDataError when its content
    is not nctui data.
    """
    blob = read_blob(path)
    return None if blob is None else decode(open_bytes(blob, key), path)


def read_blob(path: Path) -> bytes | None:
    """The data file's bytes as they are, or None when there is no file yet. Raises
    DataFileError, saying why, when the path is not a readable regular file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise DataFileError(
                f"{path} is a link to {path.readlink()}, which does not exist. Is a disk "
                "or synced folder not connected? Connect it, or choose another folder "
                "with --data-dir."
            ) from None
        return None
    except OSError as exc:
        raise DataFileError(f"nctui cannot open {path} ({exc.strerror}).") from exc
    if not stat.S_ISREG(info.st_mode):
        raise DataFileError(
            f"{path} is not a regular file. Move it out of the way, or choose another "
            "folder with --data-dir."
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DataFileError(f"nctui cannot read {path} ({exc.strerror}).") from exc
