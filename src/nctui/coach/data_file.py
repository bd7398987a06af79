"""The data file behind the coach: saving in the background, another window's changes,
and what opening it found."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from nctui.coach.changes import Changes
from nctui.coach.core import Core
from nctui.storage.errors import StorageError, describe_write_error
from nctui.storage.opening import OpenReport
from nctui.storage.ops import Op
from nctui.storage.repository import ReloadSnapshot

Snapshot = ReloadSnapshot
"""Another window's changes, read and waiting to be taken in."""


class CouldNotRead(Exception):
    """Another window's changes could not be read; the message says why, for a person."""


class DataFile:
    """The one data file: written on a background thread, shared with other windows."""

    def __init__(self, core: Core) -> None:
        self._core = core
        self._repository = core.repository

    @property
    def path(self) -> Path:
        """Where the data file is."""
        return self._repository.path

    @property
    def folder(self) -> Path:
        """The data folder."""
        return self._repository.data_dir

    @property
    def report(self) -> OpenReport:
        """What opening the file found and did (repairs, migrations, changes added back)."""
        return self._repository.report

    def watch(
        self,
        on_failure: Callable[[str], None],
        on_notice: Callable[[str], None],
        on_key_wanted: Callable[[bool], None] | None = None,
    ) -> None:
        """Hear, on the writer thread, why a save failed (`on_failure`, in plain words),
        of repairs the person should know about (`on_notice`), and that saving waits for
        a passphrase another window sealed the file with (`on_key_wanted`, given True
        when this window's data was not encrypted)."""
        folder = self._repository.data_dir

        def failed(error: Exception, _batch: Sequence[Op]) -> None:
            on_failure(describe_write_error(error, folder))

        self._repository.on_write_error = failed
        self._repository.on_notice = on_notice
        self._repository.on_key_wanted = on_key_wanted

    @property
    def unsaved(self) -> int:
        """How many changes are not on disk yet."""
        return self._repository.unsaved

    def flush(self, timeout: float | None = None) -> list[Op]:
        """Wait until every change is on disk; the ones that could not be written."""
        return self._repository.flush(timeout=timeout)

    def retry(self) -> None:
        """Try again to write changes an earlier write could not."""
        self._repository.retry()

    def close(self, timeout: float | None = 10.0) -> Path | None:
        """Write everything still waiting and stop; where changes that could not be
        written were kept, if any."""
        return self._repository.close(timeout=timeout)

    def follow_file(self) -> None:
        """Look again at how the file is sealed now (another window may have changed
        its passphrase or encryption), and follow it when this window can."""
        self._repository.follow_file()

    @property
    def dropped(self) -> int:
        """Changes not kept at close: the file was encrypted in another window and no
        passphrase was given here, so they could not be kept encrypted."""
        return self._repository.dropped

    def changed_elsewhere(self) -> bool:
        """Whether another window has written the file since this one last read it."""
        return self._repository.changed_elsewhere()

    def read_elsewhere(self) -> Snapshot | None:
        """Read the file as another window left it, off the keystroke path (any thread).

        None when there is nothing to take in now. Raises CouldNotRead.
        """
        try:
            return self._repository.read_for_reload()
        except StorageError as error:
            raise CouldNotRead(str(error)) from error

    def take_in(self, snapshot: Snapshot) -> bool:
        """Use what another window wrote, unless a change was made here since it was
        read; then everything may have changed, and the notice says so."""
        if not self._repository.swap_in(snapshot):
            return False
        self._core.model.drop()
        self._core.announce(Changes.all())
        return True

    def mark_seen(self) -> None:
        """Accept the file as it is, so `changed_elsewhere` stays quiet until it changes."""
        self._repository.mark_seen()

    def copies_with_more(self) -> list[Path]:
        """Damaged copies kept aside that hold entries the file lacks. Reads each: call
        it off the keystroke path."""
        return self._repository.copies_with_more()
