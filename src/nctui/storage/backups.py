"""Backups kept in the data folder's `backups/`, without asking.

A backup is the data file's bytes as they are, so it is sealed when the data is.
On the first save of each day, the file as it was before that save is copied to
`backups/nctui-<day>.json`; the last 7 days are kept, then the last of each week for
the 8 weeks before; older ones are removed. An import keeps a copy first, as
`nctui-<time>-before-import.json`, for as long as a weekly one would be kept.
Every copy is written by `write_backup`, the one place a backup is written.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import Path

from nctui.domain.frozen import frozen
from nctui.storage.aside import copies_aside, file_stamp, unused
from nctui.storage.atomic_file import atomic_write_bytes, read_file
from nctui.storage.errors import StorageError
from nctui.storage.leftovers import leftover_files
from nctui.storage.location import ensure_data_dir

TYPE_CHECKING = False
if TYPE_CHECKING:
    from nctui.storage.crypto.sealed_file import SealKey

BACKUP_FOLDER = "backups"
DAILY_DAYS = 7
WEEKLY_WEEKS = 8
_NAME = re.compile(r"nctui-(\d{4}-\d{2}-\d{2})(T[0-9-]{8}-before-import)?(-\d+)?\.json")


def backup_folder(data_file: Path) -> Path:
    """The folder backups of `data_file` are kept in."""
    return data_file.parent / BACKUP_FOLDER


def write_backup(folder: Path, name: str, payload: bytes) -> Path:
    """Write one backup: the folder private (0700), the file private (0600), atomic.

    Raises OSError when it cannot be written.
    """
    ensure_data_dir(folder)
    if not folder.is_dir():
        folder.mkdir(mode=0o700)  # raises the reason ensure_data_dir swallowed
    target = folder / name
    atomic_write_bytes(target, payload)
    return target


def daily_name(day: date) -> str:
    """The name of `day`'s backup."""
    return f"nctui-{day.isoformat()}.json"


def daily_backup(data_file: Path, today: date) -> Path | None:
    """Keep the data file as it is now as today's backup, unless today has one; then
    remove backups past their time. None when nothing was written. Raises OSError."""
    folder = backup_folder(data_file)
    if (folder / daily_name(today)).exists():
        return None
    try:
        payload = data_file.read_bytes()
    except FileNotFoundError:
        return None
    written = write_backup(folder, daily_name(today), payload)
    prune(folder, today)
    return written


def keep_before_import(data_file: Path, now: datetime) -> Path | None:
    """Keep the data file as it is now before an import merges into it. Raises OSError."""
    try:
        payload = data_file.read_bytes()
    except FileNotFoundError:
        return None
    folder = backup_folder(data_file)
    name = unused(folder / f"nctui-{file_stamp(now)}-before-import.json").name
    return write_backup(folder, name, payload)


def day_of(path: Path) -> date | None:
    """The day a backup was made, from its name; None for a file that is not a backup."""
    found = _NAME.fullmatch(path.name)
    if found is None:
        return None
    with contextlib.suppress(ValueError):
        return date.fromisoformat(found.group(1))
    return None


def kept_days(days: Iterable[date], today: date) -> set[date]:
    """Which of these backup days to keep on `today`: the last 7 days, the last of each
    of the 8 calendar weeks (Monday to Sunday) before this week, and any day after
    today (a clock set back: nothing is removed that cannot be placed)."""
    monday = today - timedelta(days=today.weekday())
    keep: set[date] = set()
    newest_of_week: dict[int, date] = {}
    for day in days:
        if day > today or (today - day).days < DAILY_DAYS:
            keep.add(day)
        weeks_back = (monday - (day - timedelta(days=day.weekday()))).days // 7
        if 1 <= weeks_back <= WEEKLY_WEEKS and day > newest_of_week.get(weeks_back, date.min):
            newest_of_week[weeks_back] = day
    return keep | set(newest_of_week.values())


def prune(folder: Path, today: date) -> None:
    """Remove the backups `kept_days` does not keep. A copy made before an import stays
    as long as a weekly backup of its day could."""
    daily: dict[date, Path] = {}
    for path in folder.glob("nctui-*.json"):
        day = day_of(path)
        if day is None:
            continue
        if "-before-import" in path.name:
            if (today - day).days > DAILY_DAYS + 7 * WEEKLY_WEEKS:
                with contextlib.suppress(OSError):
                    path.unlink()
        else:
            daily[day] = path
    keep = kept_days(daily, today)
    for day, path in daily.items():
        if day not in keep:
            with contextlib.suppress(OSError):
                path.unlink()


@frozen
class BackupInfo:
    """One backup, as `nctui backups` lists it."""

    path: Path
    day: date
    size: int
    checkins: int | None
    """How many check-in versions it holds; None when it cannot be read."""
    events: int | None
    problem: str | None = None


def list_backups(data_file: Path, key: SealKey | None = None) -> list[BackupInfo]:
    """Every backup of `data_file`, oldest first, each read to count what it holds
    (a sealed one with `key`)."""
    found: list[BackupInfo] = []
    folder = backup_folder(data_file)
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("nctui-*.json")):
        day = day_of(path)
        if day is None:
            continue
        try:
            size = path.stat().st_size
            data = read_file(path, key) or {}
        except StorageError as error:
            found.append(BackupInfo(path, day, _size(path), None, None, str(error)))
            continue
        except OSError as error:
            found.append(BackupInfo(path, day, 0, None, None, error.strerror))
            continue
        found.append(
            BackupInfo(path, day, size, len(data.get("checkins", {})), len(data.get("events", {})))
        )
    return found


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def beside_the_data(data_path: Path) -> list[Path]:
    """Every file nctui keeps beside the data that may hold a person's words: backups,
    copies before a migration, damaged copies set aside, unsaved changes."""
    folder = backup_folder(data_path)
    found = sorted(folder.glob("nctui-*.json")) if folder.is_dir() else []
    found += sorted(data_path.parent.glob(f"{data_path.name}.backup-v*"))
    found += copies_aside(data_path)
    found += leftover_files(data_path.parent)
    return found
