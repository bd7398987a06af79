"""The repository: one data folder, one data file, opened once per run.

Reads come from an in-memory copy, so no screen ever waits on the disk. Changes are
applied to that copy at once and written to the file on a single background thread,
in order, in batches. Every write takes the file lock and re-reads the file first, so
two copies of nctui on one folder add to each other's data instead of replacing it.
"""

from __future__ import annotations

import json
import shutil
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tinydb import TinyDB
from tinydb.table import Table

from nctui.domain.clock import Clock
from nctui.storage.atomic_file import RawData, atomic_write_bytes, encode, read_file
from nctui.storage.errors import CorruptDataError, NewerSchemaError, StorageBusyError
from nctui.storage.file_lock import DataLock
from nctui.storage.location import DATA_FILE_NAME, prepare_data_dir
from nctui.storage.migrations import CURRENT_SCHEMA_VERSION, migrate, new_data, schema_version
from nctui.storage.ops import Op
from nctui.storage.tinydb_storage import memory_db, transaction_db

LOCK_TIMEOUT_SECONDS = 10.0
Fingerprint = tuple[int, int, int] | None
WriteErrorHandler = Callable[[Exception, Sequence[Op]], None]


@dataclass(frozen=True)
class OpenReport:
    """What happened while opening the data file, for the app to tell the person."""

    path: Path
    created: bool = False
    moved_aside: Path | None = None
    migrated_from: int | None = None
    backup: Path | None = None


def _stamp(moment: datetime) -> str:
    # No colons: the name must be valid on every file system.
    return moment.strftime("%Y-%m-%dT%H-%M-%S")


def _unused(path: Path) -> Path:
    candidate, counter = path, 1
    while candidate.exists():
        counter += 1
        candidate = path.with_name(f"{path.name}-{counter}")
    return candidate


def _fingerprint(path: Path) -> Fingerprint:
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def read_snapshot(data_dir: Path) -> TinyDB:
    """Read the data without locking, moving or writing anything (for `nctui status`).

    Safe while the app runs elsewhere: writes replace the file in one step, so a read
    sees either the old file or the new one. Raises CorruptDataError or
    NewerSchemaError when the file cannot be used.
    """
    path = data_dir / DATA_FILE_NAME
    data = read_file(path)
    if data is None:
        return memory_db({})
    found = schema_version(data)
    if found > CURRENT_SCHEMA_VERSION:
        raise NewerSchemaError(path, found, CURRENT_SCHEMA_VERSION)
    return memory_db(data)


class Repository:
    """The person's data: an in-memory copy for reading and an ordered background writer."""

    def __init__(
        self, data_dir: Path, clock: Clock, data: RawData, report: OpenReport, lock: DataLock
    ) -> None:
        # Absolute, so a later change of working directory cannot redirect a write.
        self.data_dir = data_dir.absolute()
        self.path = self.data_dir / DATA_FILE_NAME
        self.report = report
        self.on_write_error: WriteErrorHandler | None = None
        self._clock = clock
        self._lock = lock
        self._memory = memory_db(data)
        self._fingerprint = _fingerprint(self.path)
        self._pending: deque[Op] = deque()
        self._pending_lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nctui-writer")
        self._last_drain: Future[None] | None = None
        self._closed = False
        self._recovery: Path | None = None

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def open(
        cls, data_dir: Path, clock: Clock, *, lock_timeout: float = LOCK_TIMEOUT_SECONDS
    ) -> Repository:
        """Open (or create) the data file in `data_dir`, repairing what can be repaired.

        A damaged file is moved aside and a fresh one started; an older file is backed
        up and migrated; a file from a newer nctui raises NewerSchemaError untouched.
        """
        prepare_data_dir(data_dir)
        path = data_dir / DATA_FILE_NAME
        lock = DataLock(data_dir / f"{DATA_FILE_NAME}.lock", timeout=lock_timeout)
        try:
            data = read_file(path)
            found = None if data is None else schema_version(data)
        except CorruptDataError:
            data, found = None, None
        if data is not None and found == CURRENT_SCHEMA_VERSION:
            # The usual case needs no lock: a write replaces the file in one step.
            return cls(data_dir, clock, data, OpenReport(path=path), lock)
        if found is not None and found > CURRENT_SCHEMA_VERSION:
            raise NewerSchemaError(path, found, CURRENT_SCHEMA_VERSION)
        with lock:
            # Look again under the lock: another copy may have repaired it meanwhile.
            data, report = cls._open_locked(path, clock())
        return cls(data_dir, clock, data, report, lock)

    @staticmethod
    def _open_locked(path: Path, now: datetime) -> tuple[RawData, OpenReport]:
        moved_aside: Path | None = None
        try:
            data = read_file(path)
            found = None if data is None else schema_version(data)
        except CorruptDataError:
            moved_aside = _unused(path.with_name(f"{path.name}.corrupt-{_stamp(now)}"))
            path.rename(moved_aside)
            data, found = None, None
        if data is None or found is None:
            data = new_data(now)
            atomic_write_bytes(path, encode(data))
            return data, OpenReport(path=path, created=moved_aside is None, moved_aside=moved_aside)
        if found > CURRENT_SCHEMA_VERSION:
            raise NewerSchemaError(path, found, CURRENT_SCHEMA_VERSION)
        if found == CURRENT_SCHEMA_VERSION:
            return data, OpenReport(path=path)
        backup = _unused(path.with_name(f"{path.name}.backup-v{found}"))
        shutil.copy2(path, backup)
        data = migrate(data, now)
        atomic_write_bytes(path, encode(data))
        return data, OpenReport(path=path, migrated_from=found, backup=backup)

    # -- reading ---------------------------------------------------------------------

    def table(self, name: str) -> Table:
        """A table of the in-memory copy. Read from it freely; change it only via `apply`."""
        return self._memory.table(name)

    # -- writing ---------------------------------------------------------------------

    def apply(self, op: Op) -> None:
        """Make a change now in memory and queue it for the file. Never blocks on disk."""
        op.apply(self._memory)
        with self._pending_lock:
            if self._closed:
                raise RuntimeError("the repository is closed")
            self._pending.append(op)
            self._last_drain = self._executor.submit(self._drain)

    def flush(self, timeout: float | None = None) -> list[Op]:
        """Wait until every queued change is on disk; return the ones that could not be."""
        with self._pending_lock:
            if self._closed:
                return list(self._pending)
            drain = self._executor.submit(self._drain) if self._pending else self._last_drain
        if drain is not None:
            drain.result(timeout=timeout)
        with self._pending_lock:
            return list(self._pending)

    @property
    def unsaved(self) -> int:
        """How many changes are not on disk yet."""
        with self._pending_lock:
            return len(self._pending)

    def _drain(self) -> None:
        with self._pending_lock:
            batch = list(self._pending)
        if not batch:
            return
        try:
            self._write(batch)
        except Exception as exc:  # reported, and the batch stays queued for a retry
            if self.on_write_error is not None:
                self.on_write_error(exc, batch)
            return
        with self._pending_lock:
            for _ in batch:
                self._pending.popleft()

    def _write(self, batch: Sequence[Op]) -> None:
        self._lock.acquire()
        try:
            db, storage = transaction_db(self.path)
            current = storage.read()
            if current is None:
                storage.write(new_data(self._clock()))
            else:
                found = schema_version(current)
                if found > CURRENT_SCHEMA_VERSION:
                    raise NewerSchemaError(self.path, found, CURRENT_SCHEMA_VERSION)
                if found < CURRENT_SCHEMA_VERSION:
                    storage.write(migrate(current, self._clock()))
            for op in batch:
                op.apply(db)
            storage.commit()
            self._fingerprint = _fingerprint(self.path)
        finally:
            self._lock.release()

    # -- other copies of nctui -----------------------------------------------------------

    def changed_elsewhere(self) -> bool:
        """True when another process has written the file since this one last did."""
        if self.unsaved:
            return False
        return _fingerprint(self.path) != self._fingerprint

    def mark_seen(self) -> None:
        """Accept the file as it is now, so `changed_elsewhere` stays quiet until it changes."""
        self._fingerprint = _fingerprint(self.path)

    def retry(self) -> None:
        """Try again to write changes an earlier write could not."""
        with self._pending_lock:
            if self._pending and not self._closed:
                self._last_drain = self._executor.submit(self._drain)

    def reload(self) -> bool:
        """Re-read the file after another copy wrote to it.

        Runs on the thread that calls `apply`, so no change can slip in meanwhile. Returns
        False, changing nothing, while changes of ours are still queued or the file is
        busy; the caller simply tries again later.
        """
        try:
            self._lock.acquire(timeout=0.5)
        except StorageBusyError:
            return False
        try:
            if self.unsaved:
                return False
            fingerprint = _fingerprint(self.path)
            data = read_file(self.path) or new_data(self._clock())
            found = schema_version(data)
            if found > CURRENT_SCHEMA_VERSION:
                raise NewerSchemaError(self.path, found, CURRENT_SCHEMA_VERSION)
            self._memory = memory_db(migrate(data, self._clock()))
            self._fingerprint = fingerprint
            return True
        finally:
            self._lock.release()

    # -- closing ---------------------------------------------------------------------

    def close(self, timeout: float | None = 30.0) -> Path | None:
        """Write everything still queued and stop the writer.

        If some changes still cannot be written, they are saved beside the data file (or
        in the system's temporary folder) and that path is returned, so nothing is lost.
        """
        if self._closed:
            return self._recovery
        left = self.flush(timeout=timeout)
        with self._pending_lock:
            self._closed = True
        self._executor.shutdown(wait=True)
        if left:
            self._recovery = self._save_recovery(left)
        return self._recovery

    def _save_recovery(self, ops: Sequence[Op]) -> Path | None:
        import tempfile  # noqa: PLC0415 - only on this rare path

        payload = json.dumps([op.as_json() for op in ops], ensure_ascii=False, indent=1)
        name = f"{DATA_FILE_NAME}.unsaved-{_stamp(self._clock())}"
        for folder in (self.data_dir, Path(tempfile.gettempdir())):
            target = _unused(folder / name)
            try:
                atomic_write_bytes(target, payload.encode("utf-8"))
            except OSError:
                continue
            return target
        return None
