"""Opening the data file: a quick look, and under the lock, what can be repaired.

The quick look needs no lock (a write replaces the file in one step) and is all an
intact, current file with nothing left over costs. Anything else (no file yet, a damaged
file, entries that do not fit, an older version, changes an earlier run could not save)
is looked at again under the lock and put right in one write. Every copy is kept before
anything is replaced, so a crash or a full disk at any point leaves the file where it was.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from nctui.domain.frozen import frozen, replace
from nctui.storage.aside import keep_aside, keep_copy, remove_all
from nctui.storage.atomic_file import RawData, atomic_write_bytes, dump, make_private, read_file
from nctui.storage.errors import CorruptDataError, DataFileError, describe_write_error
from nctui.storage.leftovers import add_back, leftover_files
from nctui.storage.migrations import CURRENT_SCHEMA_VERSION, migrate, new_data, schema_version
from nctui.storage.shapes import Inspection, inspect

TYPE_CHECKING = False
if TYPE_CHECKING:
    from nctui.storage.crypto.sealed_file import SealKey


@frozen
class OpenReport:
    """What happened while opening the data file, for the app to tell the person."""

    path: Path
    created: bool = False
    moved_aside: Path | None = None
    """Where the file as it was is kept, when it was replaced."""
    damage: str | None = None
    """Why the file, or some of its entries, could not be read."""
    migrated_from: int | None = None
    backup: Path | None = None
    salvaged: bool = False
    """Only some entries were unreadable: the rest is in use."""
    added_back: int = 0
    """Changes an earlier run could not save, found in a leftover file and saved now."""
    unreadable_leftovers: tuple[Path, ...] = ()
    """Leftover files of unsaved changes that could not be read, left where they are."""
    set_aside: tuple[Path, ...] = ()
    """Damaged copies kept beside the file, from this start or earlier ones (filled in
    by `Repository.open`)."""


def quick_look(path: Path, key: SealKey | None = None, *, set_aside: bool = True) -> RawData | None:
    """The data to show, when the file is whole, current and nothing is left over to add;
    else None (then `repair` under the lock). Raises StorageError like `read_file`,
    except for a damaged file, which `repair` keeps aside; without `set_aside`, a
    damaged file raises CorruptDataError here, before the lock is ever taken."""
    try:
        data = read_file(path, key)
    except CorruptDataError:
        if not set_aside:
            raise
        return None
    if data is None or schema_version(data) != CURRENT_SCHEMA_VERSION:
        return None
    inspection = inspect(data)
    if not (inspection.whole or set_aside):
        raise _damaged_entries(inspection)
    if not inspection.whole or leftover_files(path.parent):
        return None
    make_private(path)
    return inspection.shown


def _damaged_entries(inspection: Inspection) -> CorruptDataError:
    return CorruptDataError(f"{inspection.describe()} could not be read")


def _cannot(path: Path, what: str, error: OSError) -> DataFileError:
    return DataFileError(
        f"nctui could not {what}. {describe_write_error(error, path.parent)} Nothing was "
        "changed; start nctui again once that is fixed."
    )


def backup_then_migrate(path: Path, data: RawData, now: datetime) -> tuple[Path, RawData]:
    """Keep the older file at `path` as `<name>.backup-v<N>`, then bring its data forward
    (written by the caller). Raises DataFileError if the copy cannot be kept."""
    try:
        backup = keep_copy(path, f"{path.name}.backup-v{schema_version(data)}")
    except OSError as error:
        raise _cannot(
            path, f"keep a copy of its data file {path} before updating it", error
        ) from error
    return backup, migrate(data, now)


def keys_for(data: RawData, key: SealKey | None) -> list[SealKey]:
    """The keys that may open what lies beside sealed `data`: `key`, then the keys of
    earlier passphrases that `data` keeps (none for a plain file)."""
    if key is None:
        return []
    from nctui.storage.sealing import earlier_keys  # noqa: PLC0415 - sealed data only
    from nctui.storage.settings import EARLIER_KEYS, setting_in  # noqa: PLC0415

    return [key, *earlier_keys(setting_in(data, EARLIER_KEYS))]


def repair(
    path: Path, now: datetime, key: SealKey | None = None, *, set_aside: bool = True
) -> tuple[RawData, OpenReport]:
    """The data to show, and what was done, for the file at `path` (lock held), read and
    written sealed with `key` when there is one.

    Raises DataFileError, with a message for a person, when the file must be written
    and cannot be: then nothing has changed. Without `set_aside`, a damaged file (or
    one with entries that do not fit) raises CorruptDataError instead of being kept
    aside and replaced, and nothing has changed either.
    """
    try:
        data, damage = read_file(path, key), None
    except CorruptDataError as problem:
        data, damage = None, str(problem)
    report = OpenReport(path=path, damage=damage, created=data is None and damage is None)
    if data is None:
        data = new_data(now)
    elif (version := schema_version(data)) < CURRENT_SCHEMA_VERSION:
        backup, data = backup_then_migrate(path, data, now)
        report = replace(report, migrated_from=version, backup=backup)
    found = add_back(data, leftover_files(path.parent), keys_for(data, key))
    inspection = inspect(found.data)
    report = replace(report, added_back=found.added, unreadable_leftovers=found.unreadable)
    damaged = damage is not None or not inspection.whole
    must_write = damaged or report.created or report.backup is not None
    if not (must_write or found.added):
        make_private(path)
        remove_all(found.used)  # their changes were all in the file already
        return inspection.shown, report
    made = [] if report.backup is None else [report.backup]
    if damaged and not set_aside:
        remove_all(made)
        raise CorruptDataError(damage) if damage else _damaged_entries(inspection)
    if damaged:  # the file as it was goes aside first; only then is it replaced
        try:
            aside, new = keep_aside(path, now)
        except OSError as error:
            remove_all(made)
            what = f"read its data file {path}, nor keep a copy of it aside"
            raise _cannot(path, what, error) from error
        made += [aside] if new else []
        report = replace(report, moved_aside=aside)
        if damage is None:
            report = replace(report, damage=inspection.describe(), salvaged=True)
    try:
        atomic_write_bytes(path, dump(inspection.kept(), key))
    except OSError as error:
        remove_all(made)  # what only this start kept aside: the file stays as it was
        if must_write:
            raise _cannot(path, f"write its data file {path}", error) from error
        # Only the leftovers wanted saving: their files stay for the next start.
        make_private(path)
        return inspect(data).shown, replace(report, added_back=0)
    remove_all(found.used)
    return inspection.shown, report
