"""The backups nctui keeps by itself, as `nctui backups` lists them."""

from __future__ import annotations

from pathlib import Path

from nctui.storage.backups import BackupInfo, backup_folder, list_backups
from nctui.storage.location import DATA_FILE_NAME

__all__ = ["BackupInfo", "backups", "folder"]


def folder(data_dir: Path) -> Path:
    """Where the backups of the data in `data_dir` are kept."""
    return backup_folder(data_dir / DATA_FILE_NAME)


def backups(data_dir: Path) -> list[BackupInfo]:
    """Every backup, oldest first, read to count what each holds (changes nothing)."""
    return list_backups(data_dir / DATA_FILE_NAME)
