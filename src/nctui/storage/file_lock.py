"""The lock that lets two copies of nctui share one data folder.

`filelock` is imported on first use, not at start-up: opening an intact data file needs
no lock (writes replace the file in one step), and the import costs more than the rest
of nctui's storage code together (measured in benchmarks/).
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from nctui.storage.errors import StorageBusyError

if TYPE_CHECKING:
    from filelock import FileLock


class DataLock:
    """An inter-process lock on one data folder, re-entrant within a thread."""

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self._lock: FileLock | None = None

    def acquire(self, timeout: float | None = None) -> None:
        """Take the lock, waiting up to `timeout` seconds (default: the lock's own).

        Raises StorageBusyError when another copy of nctui holds it that long.
        """
        from filelock import FileLock, Timeout  # noqa: PLC0415 - see module docstring

        if self._lock is None:
            self._lock = FileLock(self.path, timeout=self.timeout, mode=0o600)
        wait = self.timeout if timeout is None else timeout
        try:
            self._lock.acquire(timeout=wait)
        except Timeout as exc:
            raise StorageBusyError(
                f"Another copy of nctui has been holding the data file for over {wait:.0f} s. "
                "If it is stuck, close it and try again."
            ) from exc

    def release(self) -> None:
        """Let the lock go."""
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> DataLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()
