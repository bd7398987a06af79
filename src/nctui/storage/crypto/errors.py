"""Why a sealed file cannot be opened, each with a message fit to show a person.

The three cases call for three different actions, so they are three classes:

- WrongPassphrase: ask again; the file is left exactly as it is.
- UnreadableHeader: this nctui cannot read the file (sealed by a newer version, or its
  settings were edited); the file is left exactly as it is.
- DamagedFile: the file was changed or cut short after nctui wrote it; it is a
  CorruptDataError, so the caller moves it aside as it does any damaged data file.
"""

from __future__ import annotations

from nctui.storage.errors import CorruptDataError, StorageError


class SealError(StorageError):
    """Base class: a sealed file that cannot be opened as it is."""


class WrongPassphrase(SealError):
    """The passphrase does not open this file. Nothing was written or moved."""

    def __init__(self, message: str = "That passphrase does not open this file.") -> None:
        super().__init__(message)


class PassphraseNeeded(SealError):
    """The file is sealed and no passphrase was given. Nothing was written or moved."""

    def __init__(
        self, message: str = "Your data is encrypted: nctui needs your passphrase to open it."
    ) -> None:
        super().__init__(message)


class KeyChanged(WrongPassphrase):
    """The file is now sealed with another passphrase than the key in hand."""

    def __init__(self) -> None:
        super().__init__(
            "The passphrase of this file has changed, perhaps in another window. "
            "Type the new one to go on."
        )


class UnreadableHeader(SealError):
    """The file's header cannot be used by this nctui; the file is left untouched."""


class DamagedFile(SealError, CorruptDataError):
    """The file was changed or cut short after it was written.

    Its message completes "the data file could not be read (...)", like every
    CorruptDataError.
    """
