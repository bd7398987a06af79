"""The lock that lets two copies of nctui share one data folder.

`filelock` is imported on first use, not at start-up: opening an intact data file needs
no lock (writes replace the file in one step), and the import costs more than the rest
of nctui's storage code together (measured in benchmarks/).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from nctui.storage.errors import StorageBusyError

if TYPE_CHECKING:
    from filelock import FileLock


class DataLock:
    """An inter-process lock on one data folder, held in a `with` block; re-entrant
    within a thread. Raises StorageBusyError when another copy of nctui holds it for
    longer than `timeout` seconds."""

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self._lock: FileLock | None = None

    def __enter__(self) -> DataLock:
        from filelock import FileLock, Timeout  # noqa: PLC0415 - see module docstring

        if self._lock is None:
            self._lock = FileLock(self.path, timeout=self.timeout, mode=0o600)
        try:
            self._lock.acquire()
        except Timeout as exc:
            raise StorageBusyError(
                f"Another copy of nctui has been holding the data file for over "
                f"{self.timeout:.0f} s. If it is stuck, close it and try again."
            ) from exc
        return self

    def __exit__(self, *_: Any) -> None:
        assert self._lock is not None
        self._lock.release()
