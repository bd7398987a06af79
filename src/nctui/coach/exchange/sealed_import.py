"""Opening an encrypted file to import: with this data's key when it fits, else with
the passphrase the person gives for that file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from nctui.coach.exchange.importing import CannotImport
from nctui.domain.passphrase import PassphraseError
from nctui.storage.crypto.errors import DamagedFile, KeyChanged, SealError, WrongPassphrase
from nctui.storage.crypto.sealed_file import SealKey, key_for, unseal


def opened(
    path: Path,
    payload: bytes,
    key: SealKey | None,
    ask_passphrase: Callable[[], str | None] | None,
) -> bytes:
    """The plain payload of the encrypted file at `path`. Raises CannotImport, saying why
    in a person's words, when it cannot be opened."""
    try:
        if key is not None:
            try:
                return unseal(payload, key)
            except KeyChanged:
                pass  # sealed with another passphrase: ask for that one
        passphrase = None if ask_passphrase is None else ask_passphrase()
        if passphrase is None:
            raise CannotImport(f"{path} is encrypted, and no passphrase was given for it.")
        return unseal(payload, key_for(payload, passphrase))
    except WrongPassphrase:
        raise CannotImport(f"That passphrase does not open {path}.") from None
    except PassphraseError as problem:
        raise CannotImport(str(problem)) from None
    except DamagedFile as damage:
        raise CannotImport(f"{path} is encrypted but damaged: {damage}.") from None
    except SealError as error:
        raise CannotImport(f"{path}: {error}") from None
