"""Errors the storage layer raises, each carrying a message fit to show a person."""

from __future__ import annotations

import errno

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


class StorageError(Exception):
    """Base class: something is wrong with the data folder or file."""


class DataDirError(StorageError):
    """The data folder cannot be used (it is a file, or it cannot be written)."""


class DataFileError(StorageError):
    """The data file exists but cannot be opened (a folder, a pipe, no permission)."""


class CorruptDataError(StorageError):
    """The data file exists but cannot be read as nctui data."""


class NewerSchemaError(StorageError):
    """The data file was written by a newer nctui than this one."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path = path
        self.found = found
        self.supported = supported
        super().__init__(
            f"{path} was written by a newer version of nctui (data version {found}; "
            f"this one understands up to {supported}). It has been left untouched. "
            "Please update nctui to open it."
        )


class StorageBusyError(StorageError):
    """Another copy of nctui held the data file for too long."""


def describe_write_error(error: BaseException, folder: Path) -> str:
    """Why a save failed, in plain words, without temporary file names."""
    if isinstance(error, StorageError):
        return str(error)
    if isinstance(error, OSError):
        if error.errno == errno.ENOSPC:
            return "The disk is full."
        if error.errno in {errno.EACCES, errno.EPERM}:
            return f"nctui is not allowed to write in {folder}."
        if error.errno == errno.EROFS:
            return f"{folder} is on a read-only disk."
        return f"The disk refused the write ({error.strerror or 'unknown reason'})."
    return f"Something unexpected went wrong ({type(error).__name__})."
