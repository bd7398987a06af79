"""Opening the data file under the lock, repairing what can be repaired.

Runs only when the quick look in `Repository.open` found something to do: no file yet,
a damaged file, entries that do not fit, an older version, or leftover changes. Every
replacement is written before anything is removed, so a crash or a full disk at any
point leaves the person's file where it was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from nctui.storage.aside import keep_aside, remove_all, take_back, unused
from nctui.storage.atomic_file import RawData, atomic_write_bytes, encode, make_private, read_file
from nctui.storage.errors import CorruptDataError, DataFileError, describe_write_error
from nctui.storage.leftovers import add_back, leftover_files
from nctui.storage.migrations import CURRENT_SCHEMA_VERSION, check_data, migrate, new_data
from nctui.storage.shapes import inspect


@dataclass(frozen=True)
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


def _write(path: Path, payload: bytes, undo: tuple[Path, bool] | None = None) -> None:
    """Write `payload` to `path`, or explain in plain words why it could not be done."""
    try:
        atomic_write_bytes(path, payload)
    except OSError as error:
        if undo is not None:
            take_back(*undo)
        raise DataFileError(
            f"nctui could not write its data file {path}. "
            f"{describe_write_error(error, path.parent)} Nothing was changed; start nctui "
            "again once that is fixed."
        ) from error


def backup_then_migrate(
    path: Path, data: RawData, version: int, now: datetime
) -> tuple[Path, RawData]:
    """Keep a private, flushed copy of the older file, then write the migrated one.

    Returns the copy and the migrated data; raises DataFileError if either write fails.
    """
    backup = unused(path.with_name(f"{path.name}.backup-v{version}"))
    _write(backup, path.read_bytes())
    migrated = migrate(data, now)
    _write(path, encode(migrated))
    return backup, migrated


def _keep_aside(path: Path, now: datetime) -> tuple[Path, bool]:
    try:
        return keep_aside(path, now)
    except OSError as error:
        raise DataFileError(
            f"nctui could not read its data file {path}, and could not keep a copy of it "
            f"aside before starting a new one. {describe_write_error(error, path.parent)} "
            "Nothing was changed; start nctui again once that is fixed."
        ) from error


def open_locked(path: Path, now: datetime) -> tuple[RawData, OpenReport]:
    """The data to show, and what was done, for the file at `path` (lock held).

    Raises DataFileError, with a message for a person, when the file must be written
    and cannot be: then nothing has changed.
    """
    try:
        data = read_file(path)
        version = None if data is None else check_data(data, path)
        damage = None
    except CorruptDataError as problem:
        data, version, damage = None, None, str(problem)
    report = OpenReport(path=path, damage=damage)
    if data is None or version is None:
        data, report = new_data(now), replace(report, created=damage is None)
    elif version < CURRENT_SCHEMA_VERSION:
        backup, data = backup_then_migrate(path, data, version, now)
        report = replace(report, migrated_from=version, backup=backup)
    found = add_back(data, leftover_files(path.parent))
    inspection = inspect(found.data)
    report = replace(report, added_back=found.added, unreadable_leftovers=found.unreadable)
    if damage is not None or not (inspection.whole or report.created):
        # The file as it was goes aside first; only then is it replaced.
        aside = _keep_aside(path, now)
        _write(path, encode(inspection.kept()), undo=aside)
        report = replace(report, moved_aside=aside[0])
        if damage is None:
            report = replace(report, damage=inspection.describe(), salvaged=True)
    elif report.created or found.added or not inspection.whole:
        try:
            _write(path, encode(inspection.kept()))
        except DataFileError:
            if report.created:
                raise
            # The leftovers still cannot be saved: their files stay for next time.
            make_private(path)
            return inspect(data).shown, replace(report, added_back=0)
    else:
        make_private(path)
    remove_all(found.used)
    return inspection.shown, report
