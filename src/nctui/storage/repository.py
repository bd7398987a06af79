"""The repository: one data folder, one data file, opened once per run.

Reads come from an in-memory copy, so no screen ever waits on the disk. Changes are
applied to that copy at once and written to the file on a single background thread,
in order, in batches. Every write takes the file lock and re-reads the file first, so
two copies of nctui on one folder add to each other's data instead of replacing it.

Everything read from the file is checked entry by entry first (`shapes`). If the file
vanishes, is damaged, or comes back lacking entries this window holds (a sync tool, a
stray command, another window that wrote back an older copy), any damaged file is kept
aside and what this window holds is added to whatever is there by record id: the
person's history is never reduced, and no window's copy replaces another's newer one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import date
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Table

from nctui.domain.clock import Clock
from nctui.domain.frozen import frozen, replace
from nctui.storage.aside import copies_aside, copies_with_more, keep_aside, modified_time
from nctui.storage.atomic_file import (
    atomic_write_bytes,
    decode,
    dump,
    encode,
    open_bytes,
    read_blob,
    read_file,
    remove_stale_temporaries,
    seal_bytes,
)
from nctui.storage.crypto.header import is_sealed
from nctui.storage.errors import (
    CorruptDataError,
    DataFileError,
    StorageBusyError,
    StorageError,
    describe_write_error,
)
from nctui.storage.file_lock import DataLock
from nctui.storage.leftovers import keep_unsaved
from nctui.storage.location import DATA_FILE_NAME, ensure_data_dir, prepare_data_dir
from nctui.storage.merge import union
from nctui.storage.migrations import CURRENT_SCHEMA_VERSION, RawData, migrate, schema_version
from nctui.storage.opening import OpenReport, backup_then_migrate, keys_for, quick_look, repair
from nctui.storage.ops import Op
from nctui.storage.period_inputs import status_inputs
from nctui.storage.settings import (
    EARLIER_KEYS,
    LOCK_VERIFIER,
    SEALED_AS,
    UNSEALED_FROM,
    setting_in,
    with_settings,
)
from nctui.storage.shapes import inspect
from nctui.storage.status_summary import summary_bytes, summary_path
from nctui.storage.tinydb_storage import memory_db

TYPE_CHECKING = False
if TYPE_CHECKING:
    from nctui.storage.crypto.header import Header
    from nctui.storage.crypto.sealed_file import SealKey

LOCK_TIMEOUT_SECONDS = 10.0
Fingerprint = tuple[int, int, int] | None
WriteErrorHandler = Callable[[Exception, Sequence[Op]], None]
NoticeHandler = Callable[[str], None]
KeyWantedHandler = Callable[[bool], None]


@frozen
class ReloadSnapshot:
    """The file as read on a worker thread, waiting to replace the in-memory copy."""

    changes_seen: int
    fingerprint: Fingerprint
    memory: TinyDB


def _fingerprint(path: Path) -> Fingerprint:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def _sealed_on_disk(path: Path) -> bool:
    # The magic alone: telling plain from sealed needs no key and no cryptography. A
    # regular file only: opening a pipe named like the data file would wait forever.
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        with path.open("rb") as handle:
            return is_sealed(handle.read(16))
    except OSError:
        return False


def read_snapshot(data_dir: Path) -> TinyDB:
    """Read the data without locking, moving or writing anything.

    Safe while the app runs elsewhere: writes replace the file in one step, so a read
    sees either the old file or the new one. Entries that do not fit their shape are
    left out. Raises DataFileError, CorruptDataError or NewerSchemaError when the file
    cannot be used.
    """
    return memory_db(inspect(read_file(data_dir / DATA_FILE_NAME) or {}).shown)


class Repository:
    """The person's data: an in-memory copy for reading and an ordered background writer."""

    def __init__(self, data_dir: Path, clock: Clock, lock_timeout: float) -> None:
        """An empty repository; `open` is how one is made."""
        # Absolute, so a later change of working directory cannot redirect a write.
        self.data_dir = data_dir.absolute()
        self.path = self.data_dir / DATA_FILE_NAME
        self.report = OpenReport(path=self.path)
        self.on_write_error: WriteErrorHandler | None = None
        self.on_notice: NoticeHandler | None = None
        self.on_key_wanted: KeyWantedHandler | None = None
        """Told (on the writer thread) when the file is sealed under a key this window
        lacks, another window having changed the passphrase or turned encryption on:
        the argument is True when this window's data was plain."""
        self._clock = clock
        self._lock = DataLock(self.data_dir / f"{DATA_FILE_NAME}.lock", lock_timeout)
        self._memory = memory_db({})
        self._fingerprint: Fingerprint = None
        # What this window last wrote, while the file is still that write: saves a re-read.
        self._written: tuple[Fingerprint, RawData] | None = None
        self._foreign_changes = False
        self._restore_needed = False
        self._changes = 0
        self._pending: deque[Op] = deque()
        self._pending_lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nctui-writer")
        self._drain_scheduled = False
        self._last_drain: Future[None] | None = None
        self._closed = False
        self._recovery: Path | None = None
        self._backed_up_on: date | None = None
        self._backup_failure_told = False
        self._key: SealKey | None = None
        self._known: list[SealKey] = []
        """Keys of passphrases given in this window (the lock's), for a file another
        window seals with one of them."""
        self._sealed_as: str | None = None
        """The mark of the turn of encryption this window's key belongs to."""
        self._key_wanted = False
        self.dropped = 0
        """Changes not kept at close: the file was sealed under a key this window never
        had, and writing them plain beside it would undo the person's choice."""

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path,
        clock: Clock,
        *,
        lock_timeout: float = LOCK_TIMEOUT_SECONDS,
        passphrase: str | None = None,
        set_aside: bool = True,
    ) -> Repository:
        """Open (or create) the data file in `data_dir`, repairing what can be repaired.

        A damaged file is kept aside and a fresh one started; entries that do not fit
        are left out, the file as it was kept aside; an older file is backed up and
        migrated; changes an earlier run could not save are added back. Raises
        NewerSchemaError for a file from a newer nctui (left untouched), and another
        StorageError, with a message for a person, when the data cannot be used.

        A sealed file needs its `passphrase` (slow: the key is made once, here). Without
        one it raises PassphraseNeeded, and WrongPassphrase for the wrong one, before
        anything is written or moved; a sealed header this nctui cannot use raises
        UnreadableHeader, the file left as it is. A sealed file damaged after it was
        written is kept aside like any damaged file, and a fresh one sealed. A
        passphrase given for a plain file is not used. Without `set_aside` (a command
        the person did not open to repair anything), a damaged file raises
        CorruptDataError instead, left as it is.
        """
        prepare_data_dir(data_dir)
        repository = cls(data_dir, clock, lock_timeout)
        path = repository.path
        if _sealed_on_disk(path):
            from nctui.storage.sealing import key_to_open  # noqa: PLC0415 - sealed only

            repository._key = key_to_open(path, passphrase)
        key = repository._key
        remove_stale_temporaries(path)
        # Taken before the read: a write in between then shows up as a change to reload,
        # never as one silently marked seen.
        fingerprint = _fingerprint(path)
        shown = quick_look(path, key, set_aside=set_aside)
        report = repository.report
        if shown is None and key is None and _encrypted_before(path):
            # Missing or damaged, with encrypted copies beside it: encryption was on, so
            # the fresh file is sealed with the passphrase they check, never plain.
            from nctui.storage.sealing import key_to_open  # noqa: PLC0415

            key = repository._key = key_to_open(path, passphrase)
        if shown is None:
            with repository._lock:
                shown, report = repair(path, clock(), key, set_aside=set_aside)
                fingerprint = _fingerprint(path)
        repository._memory = memory_db(shown)
        repository._fingerprint = fingerprint
        if key is not None:
            from nctui.storage.sealing import seal_plain_copies  # noqa: PLC0415

            repository._sealed_as = _mark(shown)
            seal_plain_copies(path, key)
        repository.report = replace(report, set_aside=tuple(copies_aside(path)))
        return repository

    # -- the key ---------------------------------------------------------------------

    @property
    def key(self) -> SealKey | None:
        """The key the data file is sealed with while open; None for a plain file."""
        return self._key

    def reseal(self, key: SealKey | None, earlier: Sequence[SealKey] = ()) -> list[Path]:
        """Rewrite the data file sealed with `key` (plain when None), in one atomic write
        under the file lock, after every queued change; then the files beside it follow.

        The file's payload is kept byte for byte, another window's entries included. A
        file sealed under another key than this window's raises KeyChanged, nothing
        written. The files beside the data open with this window's key, the keys of
        earlier passphrases the data keeps, or `earlier`; returns those none of them
        opens (they stay sealed). Written plain, the data never keeps earlier keys, and
        it carries this turn of encryption's mark as turned off on purpose.

        Raises DataFileError, nothing written, while some change cannot be saved.
        """
        if self.flush():
            raise DataFileError(
                "Some of your changes are not saved yet, so nothing was changed. Try again "
                "in a moment."
            )
        return self._executor.submit(self._reseal_now, key, earlier).result()

    def earlier_keys(self) -> list[SealKey]:
        """The keys of earlier passphrases the data keeps (sealed data only)."""
        return keys_for(self._memory.storage.read() or {}, self._key)[1:]

    def _keys(self) -> list[SealKey]:
        # Every key this window may open a copy with: its own, the lock's, earlier ones.
        found = keys_for(self._memory.storage.read() or {}, self._key)
        return [*found[:1], *self._known, *found[1:]]

    def _reseal_now(self, key: SealKey | None, earlier: Sequence[SealKey]) -> list[Path]:
        from nctui.storage.backups import beside_the_data  # noqa: PLC0415
        from nctui.storage.sealing import follow_key  # noqa: PLC0415

        ensure_data_dir(self.data_dir)
        with self._lock:
            try:
                blob: bytes | None = self.path.read_bytes()
            except FileNotFoundError:
                blob = None
            # The payload as it is, another window's entries included; only its seal changes.
            payload = (
                encode(self._memory.storage.read() or {})
                if blob is None
                else open_bytes(blob, self._key)
            )
            data = decode(payload, self.path)  # a damaged file is said, never sealed as is
            if _fingerprint(self.path) != self._fingerprint:
                self._foreign_changes = True  # the payload holds entries this window lacks
            if key is None and self._key is not None:
                data = _turned_plain(data, self._sealed_as)
                payload = encode(data)
            written = atomic_write_bytes(self.path, seal_bytes(payload, key))
            keys = [*self._keys(), *earlier]
            self._key, self._sealed_as = key, _mark(data)
            self._key_wanted = False
            self._fingerprint = _fingerprint(self.path)
            self._written = None
            left = follow_key(beside_the_data(self.path), keys, key)
            self._write_summary(data, written)  # or removes it, as the setting says
            return left

    # -- reading ---------------------------------------------------------------------

    def table(self, name: str) -> Table:
        """A table of the in-memory copy. Read from it freely; change it only via `apply`.

        Changes are made in place: to change a table while looping over it, loop over
        `.all()`.
        """
        return self._memory.table(name)

    def documents(self, name: str) -> list[Mapping[str, Any]]:
        """A table's documents in the order they were added, without copying them.

        Faster than `table(name).all()` on years of history; the documents are the
        in-memory copy itself, so they must only be read.
        """
        data = self._memory.storage.read() or {}
        return list(data.get(name, {}).values())

    def table_names(self) -> list[str]:
        """The names of the tables the in-memory copy holds, in stored order."""
        return list(self._memory.storage.read() or {})

    # -- writing ---------------------------------------------------------------------

    def apply(self, op: Op) -> None:
        """Make a change now in memory and queue it for the file. Never blocks on disk."""
        with self._pending_lock:
            if self._closed:
                raise RuntimeError("the repository is closed")
            op.apply(self._memory)
            self._pending.append(op)
            self._changes += 1
            self._schedule_drain()

    def _schedule_drain(self) -> None:
        # Called with _pending_lock held. One queued drain is enough: it takes every
        # change waiting at the time it runs.
        if not self._drain_scheduled and not self._closed:
            self._drain_scheduled = True
            self._last_drain = self._executor.submit(self._drain)

    def flush(self, timeout: float | None = None) -> list[Op]:
        """Wait until every queued change is on disk; return the ones that could not be.

        Raises concurrent.futures.TimeoutError if the writer is still busy after
        `timeout` seconds.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._pending_lock:
            if self._closed:
                return list(self._pending)
            if self._pending or self._restore_needed:
                self._schedule_drain()
            drain = self._last_drain
        while drain is not None:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            drain.result(timeout=left)
            with self._pending_lock:
                # A drain that found the file gone queues a restore: wait for that too.
                drain = self._last_drain if self._last_drain is not drain else None
        with self._pending_lock:
            return list(self._pending)

    def retry(self) -> None:
        """Try again to write changes an earlier write could not."""
        with self._pending_lock:
            if self._pending or self._restore_needed:
                self._schedule_drain()

    @property
    def unsaved(self) -> int:
        """How many changes are not on disk yet."""
        with self._pending_lock:
            return len(self._pending)

    def _drain(self) -> None:
        with self._pending_lock:
            self._drain_scheduled = False
            batch = list(self._pending)
            # Taken under the same lock as `batch`, so it holds exactly those changes.
            snapshot = encode(self._memory.storage.read()) if self._restore_needed else None
        if not batch and snapshot is None:
            return
        try:
            notice = self._write(batch, snapshot)
        except _RestoreNeeded:
            self._ask_for_restore()
            return
        except _KeyWanted as wanted:  # the batch stays queued until the key is given
            self._key_wanted = True
            _call(self.on_key_wanted, wanted.was_plain)
            return
        except Exception as error:  # reported; the batch stays queued for a retry
            _call(self.on_write_error, error, batch)
            return
        with self._pending_lock:
            for _ in batch:
                self._pending.popleft()
            if snapshot is not None:
                self._restore_needed = False
        if notice:
            _call(self.on_notice, notice)

    def _write(self, batch: Sequence[Op], snapshot: bytes | None) -> str | None:
        # A folder deleted meanwhile comes back private, before the lock (kept in it)
        # would create it with the usual permissions.
        ensure_data_dir(self.data_dir)
        with self._lock:
            on_disk = _fingerprint(self.path)
            if on_disk != self._fingerprint:
                self._foreign_changes = True
            written, self._written = self._written, None  # dropped until this write lands
            stray: str | None = None
            try:
                if written is not None and on_disk is not None and written[0] == on_disk:
                    data: RawData | None = written[1]
                else:
                    data, stray = self._read_following()
            except CorruptDataError as problem:
                if snapshot is None:
                    raise _RestoreNeeded from problem
                kept, _ = keep_aside(self.path, self._clock())
                return self._write_back(snapshot, f"was damaged ({problem}); it is kept as {kept}")
            if data is None:
                if snapshot is None:
                    raise _RestoreNeeded
                return self._write_back(snapshot, "went missing")
            return self._save(data, batch, snapshot, stray)

    def _save(
        self, data: RawData, batch: Sequence[Op], snapshot: bytes | None, stray: str | None
    ) -> str | None:
        # The file's data as read, with this window's changes: written, lock held.
        migrating = schema_version(data) < CURRENT_SCHEMA_VERSION
        if migrating:
            _, data = backup_then_migrate(self.path, data, self._clock())
        db = memory_db(data)
        for op in batch:
            op.apply(db)
        added = 0
        if snapshot is not None:
            # Asked to write back what this window holds, but a file is there (another
            # window wrote one meanwhile): add to it, never replace it.
            data, added = union(data, decode(snapshot, self.path))
            self._foreign_changes = True  # this window still lacks the other's entries
        if stray is not None:
            # Sealed again as this window's turn of encryption, with its keys and lock:
            # the copy's older marks, keys and verifier never count.
            data = self._with_own_settings(data)
        if batch or added or migrating or stray:
            self._daily_backup()
            self._write_summary(data, atomic_write_bytes(self.path, self._dump(data)))
        self._fingerprint = _fingerprint(self.path)
        self._written = (self._fingerprint, data)
        if stray is not None:
            return stray
        return _restored("came back without some of your entries") if added else None

    def _with_own_settings(self, data: RawData) -> RawData:
        with self._pending_lock:
            mine = self._memory.storage.read() or {}
            own = {name: setting_in(mine, name) for name in (EARLIER_KEYS, LOCK_VERIFIER)}
        own[SEALED_AS] = self._sealed_as
        return with_settings(
            data, {name: value for name, value in own.items() if value is not None}
        )

    def _read_following(self) -> tuple[RawData | None, str | None]:
        """The file's data, following a change of key made in another window, and what
        to tell the person when it is a stray copy (plain, or sealed under an earlier
        passphrase) that this window must seal again with its key."""
        blob = read_blob(self.path)
        if blob is None:
            return None, None
        if is_sealed(blob):
            data, stray = self._read_sealed(blob)
        else:
            data, stray = decode(blob, self.path), None
            if self._key is not None:
                if setting_in(data, UNSEALED_FROM) == (self._sealed_as or ""):
                    self._key = None  # another window turned encryption off: follow it
                    _call(self.on_notice, FOLLOWED_PLAIN)
                else:
                    stray = STRAY_PLAIN
        self._key_wanted = False
        return data, stray

    def _read_as_is(self) -> RawData | None:
        # The file's data when it is sealed (or plain) as this window's is; raises
        # _NotAsIs otherwise. Changes nothing, so any thread may call it.
        blob = read_blob(self.path)
        if blob is None:
            return None
        key = self._key
        if not is_sealed(blob):
            if key is not None:
                raise _NotAsIs
            return decode(blob, self.path)
        from nctui.storage.crypto.header import read_header  # noqa: PLC0415

        if key is None or not key.fits(read_header(blob)):
            raise _NotAsIs
        return decode(open_bytes(blob, key), self.path)

    def _read_sealed(self, blob: bytes) -> tuple[RawData, str | None]:
        from nctui.storage.crypto.header import read_header  # noqa: PLC0415

        header = read_header(blob)
        if self._key is not None and self._key.fits(header):
            data = decode(open_bytes(blob, self._key), self.path)
            self._sealed_as = _mark(data)  # another window may have begun a new turn
            return data, None
        known = self._known_for(header)
        if known is not None:  # sealed by another window with a passphrase given here
            data = decode(open_bytes(blob, known), self.path)
            if self._key is None:
                _call(self.on_notice, FOLLOWED_SEALED)
            self._key, self._sealed_as = known, _mark(data)
            return data, None
        for key in self.earlier_keys():
            if key.fits(header):  # an older copy came back: never go back to its key
                return decode(open_bytes(blob, key), self.path), STRAY_OLDER
        raise _KeyWanted(was_plain=self._key is None)

    def adopt(self, passphrase: str) -> bool:
        """Take the key that opens the file as another window sealed it, when
        `passphrase` is its passphrase; then the waiting changes are saved with it.
        Slow (the key function). True when `passphrase` opens the file as it is now;
        either way the file is looked at again (`key_wanted` says whether saving still
        waits: another window may have turned it plain meanwhile)."""
        from nctui.storage.crypto.errors import SealError  # noqa: PLC0415
        from nctui.storage.crypto.sealed_file import key_for  # noqa: PLC0415

        opened = False
        with contextlib.suppress(OSError, StorageError):
            blob = read_blob(self.path)
            if blob is not None and is_sealed(blob):
                with contextlib.suppress(SealError):
                    self.remember(key_for(blob, passphrase))
                    opened = True
        self.follow_file()
        self.retry()
        return opened

    def follow_file(self) -> None:
        """Look again at how the file is sealed now, on the writer thread (another
        window may have changed it); waits until that is done."""
        if not self._closed:
            self._executor.submit(self._follow_now).result()

    def _follow_now(self) -> None:
        # On the writer thread: follow the file's key now, if it is one this window knows.
        try:
            with self._lock:
                _, stray = self._read_following()
        except _KeyWanted as wanted:
            self._key_wanted = True
            _call(self.on_key_wanted, wanted.was_plain)
            return
        except Exception:  # a damaged or missing file is the writer's to repair
            return
        if stray is not None:
            self._ask_for_restore()  # the write seals the stray copy again

    def remember(self, key: SealKey) -> None:
        """Keep a key the person's passphrase made in this window (the lock's, checked):
        a file another window seals with it is then followed without asking again."""
        if not any(known.key_check == key.key_check for known in self._known):
            self._known.append(key)

    @property
    def key_wanted(self) -> bool:
        """The file is sealed under a key this window lacks: changes wait for it."""
        return self._key_wanted

    def unseal_copies(self, key: SealKey) -> list[Path]:
        """With the data plain after a deliberate decrypt, write plain the copies beside
        it still sealed with `key` in that same turn of encryption (left by a `decrypt`
        stopped part way). A plain file without that mark (an older copy put back while
        nctui was closed) turns nothing plain. Returns the copies left sealed."""
        from nctui.storage.backups import beside_the_data  # noqa: PLC0415
        from nctui.storage.sealing import follow_key  # noqa: PLC0415

        with self._lock:
            data = self._memory.storage.read() or {}
            ended = setting_in(data, UNSEALED_FROM)
            if self._key is not None or _sealed_on_disk(self.path) or not isinstance(ended, str):
                return []
            sealed = [path for path in beside_the_data(self.path) if _sealed_on_disk(path)]
            same_turn = [path for path in sealed if _turn_of(path, key) in (ended, None)]
            left = follow_key(same_turn, [key], None) if same_turn else []
            return [*left, *(path for path in sealed if path not in same_turn)]

    def _daily_backup(self) -> None:
        # On the writer thread, before the day's first save replaces the file: never on
        # the key path, and a failure never stops the save (it is told once).
        today = self._clock().date()
        if self._backed_up_on == today:
            return
        # Loaded by the first save, on this thread: opening the data never needs it.
        from nctui.storage.backups import backup_folder, daily_backup  # noqa: PLC0415

        self._backed_up_on = today
        try:
            daily_backup(self.path, today)
        except OSError as error:
            if not self._backup_failure_told:
                self._backup_failure_told = True
                reason = describe_write_error(error, backup_folder(self.path))
                _call(
                    self.on_notice,
                    f"nctui could not keep today's backup of your data. {reason} Your "
                    "changes are saved as usual; nctui tries the backup again tomorrow.",
                )

    def _keeps_summary(self, data: RawData) -> bool:
        # A sealed file has a status summary only when the person asked for one.
        from nctui.storage.settings import STATUS_WHEN_SEALED, setting_in  # noqa: PLC0415

        return setting_in(data, STATUS_WHEN_SEALED) is True

    def _write_summary(self, data: RawData, written: os.stat_result) -> None:
        # The one place the status summary is written (it holds dates and lengths, no
        # words). Not waited onto the disk: a lost or stale one only makes `nctui status`
        # read the whole file, as it does when the stamp is not the file's.
        if self._key is not None and not self._keeps_summary(data):
            from nctui.storage.sealing import remove_summary  # noqa: PLC0415

            remove_summary(self.path)
            return
        attempts, _, day = status_inputs(data)
        with contextlib.suppress(OSError):
            summary = Path(summary_path(self.path))
            atomic_write_bytes(summary, summary_bytes(attempts, day, written), durable=False)

    def _dump(self, data: RawData) -> bytes:
        # Plain data never keeps keys (this window may hold some from when it was sealed).
        return dump(data if self._key is not None else _without_keys(data), self._key)

    def _write_back(self, snapshot: bytes, what_happened: str) -> str:
        atomic_write_bytes(self.path, self._dump(decode(snapshot, self.path)))
        self._fingerprint = _fingerprint(self.path)
        self._foreign_changes = False
        return _restored(what_happened)

    # -- other copies of nctui -----------------------------------------------------------

    def changed_elsewhere(self) -> bool:
        """True when another process has written the file since this one last read it."""
        if self.unsaved:
            return False
        return self._foreign_changes or _fingerprint(self.path) != self._fingerprint

    def read_for_reload(self) -> ReloadSnapshot | None:
        """Read the file as another copy left it. Safe on any thread.

        Entries that do not fit their shape are left out. Returns None, and arranges
        for the data to be written back, when the file has gone missing or been
        damaged. A file that lacks entries this window holds is never taken as it is:
        the snapshot adds them, and they are written back. Raises DataFileError or
        NewerSchemaError when the file cannot be used at all.
        """
        with self._pending_lock:
            changes_seen = self._changes
        fingerprint = _fingerprint(self.path)
        try:
            data = self._read_as_is()
        except CorruptDataError:
            data = None
        except _NotAsIs:
            # Sealed otherwise than this window's data: followed on the writer thread, so
            # a change of key never races a write (or this window's own change of key).
            with contextlib.suppress(RuntimeError):  # closed meanwhile
                self._executor.submit(self._follow_now)
            return None
        if data is None:
            self._ask_for_restore()
            return None
        shown = inspect(migrate(data, self._clock())).shown
        with self._pending_lock:
            # Under the lock: the in-memory copy only changes while it is held. A change
            # made since the read starts another write anyway, and this read is not used.
            lacking = 0
            if not self._pending and self._changes == changes_seen:
                shown, lacking = union(shown, self._memory.storage.read() or {})
        if lacking:
            self._ask_for_restore()
        return ReloadSnapshot(changes_seen, fingerprint, memory_db(shown))

    def _ask_for_restore(self) -> None:
        with self._pending_lock:
            self._restore_needed = True
            self._schedule_drain()

    def swap_in(self, snapshot: ReloadSnapshot) -> bool:
        """Use a reloaded copy, unless a change was made since it was read."""
        with self._pending_lock:
            if self._pending or self._changes != snapshot.changes_seen:
                return False
            self._memory = snapshot.memory
            self._fingerprint = snapshot.fingerprint
            self._foreign_changes = False
            return True

    def mark_seen(self) -> None:
        """Accept the file as it is now, so `changed_elsewhere` stays quiet until it changes."""
        self._fingerprint = _fingerprint(self.path)
        self._foreign_changes = False

    # -- closing ---------------------------------------------------------------------

    def close(self, timeout: float | None = 10.0) -> Path | None:
        """Write everything still queued and stop the writer.

        If some changes still cannot be written in time, they are saved beside the data
        file (or in the system's temporary folder) and that path is returned, so nothing
        is lost.
        """
        if self._closed:
            return self._recovery
        with contextlib.suppress(FutureTimeout):
            self.flush(timeout=timeout)
        with self._pending_lock:
            self._closed = True
            left = list(self._pending)
        self._executor.shutdown(wait=False, cancel_futures=True)
        key = self._key if self._key is not None else self._known_key_on_disk()
        if left and key is None and _sealed_on_disk(self.path):
            # Sealed elsewhere, and no key for it was given here: never write them plain.
            self.dropped = len(left)
        elif left:
            self._recovery = keep_unsaved(left, self.data_dir, self._clock(), key)
        return self._recovery

    def _known_key_on_disk(self) -> SealKey | None:
        # A key given in this window that opens the file as it is now, if any.
        if not self._known or not _sealed_on_disk(self.path):
            return None
        from nctui.storage.crypto.header import read_header  # noqa: PLC0415

        with contextlib.suppress(OSError, StorageError):
            return self._known_for(read_header(self.path.read_bytes()))
        return None

    def _known_for(self, header: Header) -> SealKey | None:
        # The key given in this window that the file with this header was sealed with.
        return next((key for key in self._known if key.fits(header)), None)

    def copies_with_more(self) -> list[Path]:
        """Damaged copies kept beside the file that hold entries it lacks, newest first.

        Reads every such copy: call it off the keystroke path.
        """
        return copies_with_more(self.path, self._key)


class _RestoreNeeded(Exception):
    """The file is missing or damaged: write the whole in-memory copy back."""


class _NotAsIs(Exception):
    """The file is sealed otherwise than this window's data: follow it on the writer."""


class _KeyWanted(Exception):
    """The file is sealed under a key this window lacks."""

    def __init__(self, *, was_plain: bool) -> None:
        super().__init__()
        self.was_plain = was_plain


FOLLOWED_PLAIN = (
    "Your data was decrypted in another window. From now on this window saves it "
    "unencrypted too; encrypt it again from the palette whenever you like."
)
FOLLOWED_SEALED = (
    "Your data was encrypted in another window, with the passphrase you gave here. "
    "This window saves it encrypted too."
)
STRAY_PLAIN = (
    "An unencrypted copy of your data file took the place of the encrypted one while "
    "nctui was open (a sync tool or a restored backup, perhaps). nctui added what it "
    "held and encrypted it again. To turn encryption off, use Decrypt in the palette."
)
STRAY_OLDER = (
    "An older copy of your data file, encrypted with an earlier passphrase, took the "
    "place of the current one while nctui was open. nctui added what it held and "
    "encrypted it with your current passphrase."
)


def _encrypted_before(path: Path) -> bool:
    # The data file cannot be read as plain data (gone, damaged) and its newest usable
    # backup is sealed: encryption was on the last time nctui kept one. Copies left
    # sealed on purpose (under an earlier passphrase, damaged ones set aside) say
    # nothing of that. Looked at only when the file needs repair.
    from nctui.storage.backups import backup_folder  # noqa: PLC0415
    from nctui.storage.crypto.header import read_header  # noqa: PLC0415 - no cryptography

    try:
        if read_file(path) is not None:
            return False
    except CorruptDataError:
        pass
    except StorageError:
        return False
    try:
        backups = sorted(backup_folder(path).glob("nctui-*.json"), key=modified_time)
    except OSError:
        return False
    for backup in reversed(backups):  # newest first; a damaged sealed one says nothing
        try:
            blob = backup.read_bytes()
            if not is_sealed(blob):
                return False
            read_header(blob)
        except (OSError, StorageError):
            continue
        return True
    return False


def _turn_of(path: Path, key: SealKey) -> str | None:
    # The turn of encryption a sealed copy of the data belongs to ("" unmarked); None for
    # a copy that holds no data file (unsaved changes) or that this key cannot open.
    from nctui.storage.crypto.errors import SealError  # noqa: PLC0415

    try:
        payload = open_bytes(path.read_bytes(), key)
        data = decode(payload, path)
    except (OSError, SealError):
        return "?"  # not this key's: left sealed
    except StorageError:
        return None
    return _mark(data) or ""


def _turned_plain(data: RawData, mark: str | None) -> RawData:
    # The data as a deliberate decrypt writes it: no keys, and this turn marked as ended.
    return with_settings(data, {EARLIER_KEYS: None, UNSEALED_FROM: mark or ""})


def _without_keys(data: RawData) -> RawData:
    return with_settings(data, {EARLIER_KEYS: None})


def _mark(data: RawData) -> str | None:
    value = setting_in(data, SEALED_AS)
    return value if isinstance(value, str) else None


def _restored(what_happened: str) -> str:
    return (
        f"Your data file {what_happened} while nctui was open. Everything this window "
        "holds has been written back, so nothing is lost."
    )


def _call(handler: Callable[..., None] | None, *args: Any) -> None:
    # A broken handler must not stop the writer.
    with contextlib.suppress(Exception):
        if handler is not None:
            handler(*args)


__all__ = ["OpenReport", "ReloadSnapshot", "Repository", "StorageBusyError", "read_snapshot"]
