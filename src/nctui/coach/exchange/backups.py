"""The backups nctui keeps by itself, as `nctui backups` lists them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from nctui.storage.backups import BackupInfo, backup_folder, list_backups
from nctui.storage.location import DATA_FILE_NAME

if TYPE_CHECKING:
    from nctui.coach.coach import Coach

__all__ = ["BackupInfo", "backups", "folder"]


def folder(data_dir: Path) -> Path:
    """Where the backups of the data in `data_dir` are kept."""
    return backup_folder(data_dir / DATA_FILE_NAME)


def backups(data_dir: Path, coach: Coach | None = None) -> list[BackupInfo]:
    """Every backup, oldest first, read to count what each holds (changes nothing).
    Encrypted ones are read with the key of `coach`, opened on the same data."""
    key = None if coach is None else coach.repository.key
    return list_backups(data_dir / DATA_FILE_NAME, key)
