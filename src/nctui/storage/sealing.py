"""The passphrase's keys as the data folder uses them: new keys, the lock's verifier,
and the files beside the data following the encryption setting.

The sealed format itself is in `nctui.storage.crypto`; this module decides which files
are sealed with which key. A plain file with a lock keeps a verifier in its settings
(the key settings, the salt and the key check: never the passphrase); a sealed file's
header is its verifier.
"""

from __future__ import annotations

import contextlib
import hmac
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from nctui.storage.aside import modified_time
from nctui.storage.atomic_file import atomic_write_bytes, open_any, seal_bytes
from nctui.storage.backups import beside_the_data
from nctui.storage.crypto.cost import DEFAULT_COST, KdfCost, KeyParams
from nctui.storage.crypto.errors import (
    DamagedFile,
    PassphraseNeeded,
    SealError,
    UnreadableHeader,
    WrongPassphrase,
)
from nctui.storage.crypto.header import is_sealed, read_header
from nctui.storage.crypto.sealed_file import SealKey, derive, key_for, new_key
from nctui.storage.settings import without_keys
from nctui.storage.status_summary import summary_path
from nctui.storage.verifier import read_verifier, verifier_of

NEW_KEY_COST: KdfCost = DEFAULT_COST
"""The cost of every key nctui makes from now on. Tests swap in a cheap one; the
default (nctui.storage.crypto.cost) is never lowered for them."""


def make_key(passphrase: str) -> SealKey:
    """A new key (a fresh salt) for `passphrase`: slow on purpose. Raises PassphraseError."""
    return new_key(passphrase, NEW_KEY_COST)


# -- the lock's verifier, for a plain file (read and written in nctui.storage.verifier) -----


def matches(passphrase: str, params: KeyParams, key_check: bytes) -> SealKey | None:
    """The key for `passphrase` when it is the one `key_check` was made from, else None.

    Slow (the key function). Raises PassphraseError for an empty or unusable entry.
    """
    key = derive(passphrase, params)
    return key if hmac.compare_digest(key.key_check, key_check) else None


# -- keys of earlier passphrases -----------------------------------------------------------

MAX_EARLIER_KEYS = 8
"""Enough for years of changes; the oldest are dropped first."""


def earlier_keys(value: object) -> list[SealKey]:
    """The keys a stored list of earlier keys holds; entries that cannot be used (edited
    by hand) are passed over."""
    if not isinstance(value, list):
        return []
    keys = []
    for entry in value:
        found = read_verifier(entry)
        secret = entry.get("key") if isinstance(entry, Mapping) else None
        if found is None or not isinstance(secret, str):
            continue
        try:
            payload_key = bytes.fromhex(secret)
        except ValueError:
            continue
        if len(payload_key) == 32:
            keys.append(SealKey(found[0], found[1], payload_key))
    return keys


def with_earlier(value: object, old: SealKey) -> list[dict[str, Any]]:
    """The stored list of earlier keys once `old` is one: newest first, each once."""
    entry = {**verifier_of(old), "key": old._payload_key.hex()}
    kept = [
        dict(item)
        for item in (value if isinstance(value, list) else [])
        if isinstance(item, Mapping) and item.get("salt") != entry["salt"]
    ]
    return [entry, *kept][:MAX_EARLIER_KEYS]


# -- opening a sealed file -----------------------------------------------------------------


ENCRYPTED_BEFORE = (
    "Your data file is missing or damaged, and your latest backup is encrypted. Type "
    "your passphrase: nctui checks it against the backup and starts a fresh encrypted "
    "file (a damaged one is kept aside). To start afresh without it instead, stop here "
    "(Ctrl+C) and move the backups folder out of the data folder first."
)


def key_to_open(path: Path, passphrase: str | None) -> SealKey | None:
    """The key that opens the sealed file at `path`; with its header damaged (or the
    file gone or unreadable while sealed copies lie beside it), the key of a sealed
    copy that the passphrase opens: then a damaged file is kept aside, and the fresh
    one sealed with that key. Raises PassphraseNeeded without a passphrase,
    WrongPassphrase, and UnreadableHeader when nothing can check it."""
    try:
        blob: bytes | None = path.read_bytes()
    except FileNotFoundError:
        blob = None
    except OSError:
        return None
    sealed = blob is not None and is_sealed(blob)
    if passphrase is None:
        raise PassphraseNeeded() if sealed else PassphraseNeeded(ENCRYPTED_BEFORE)
    if blob is not None and sealed:
        with contextlib.suppress(DamagedFile):
            return key_for(blob, passphrase)
    # The header cannot check the passphrase: a sealed backup can. Without one that
    # opens, nothing is moved, so a typo never becomes the passphrase of a new file.
    copies = _sealed_copies(path)
    wrong = False
    for copy in copies:
        try:
            return key_for(copy, passphrase)
        except WrongPassphrase:
            wrong = True
        except SealError:
            continue
    if wrong:
        raise WrongPassphrase()
    raise UnreadableHeader(
        "The start of your data file is damaged, so nctui cannot check your passphrase "
        "against it, and no encrypted backup beside it could either. The file has been "
        f"left as it is. To start afresh, move {path} somewhere else first."
    )


def _sealed_copies(path: Path) -> list[bytes]:
    # Backups, copies before a migration, damaged copies, unsaved changes: newest first.

    # One copy for each salt: copies sealed with one key would each pay the slow step.
    found: dict[bytes, bytes] = {}
    with contextlib.suppress(OSError):
        for copy in sorted(beside_the_data(path), key=modified_time, reverse=True):
            with contextlib.suppress(OSError, SealError):
                blob = copy.read_bytes()
                if is_sealed(blob):
                    found.setdefault(read_header(blob).salt, blob)
    return list(found.values())


# -- files beside the data ---------------------------------------------------------------


def follow_key(paths: Iterable[Path], old: Sequence[SealKey], new: SealKey | None) -> list[Path]:
    """Rewrite each file sealed with `new` (or plain, when `new` is None); return the
    files left as they were because none of the `old` keys (the current one, then those
    of earlier passphrases) opens them: they stay sealed.

    A file's payload is kept byte for byte, so a damaged copy stays exactly as found
    inside its seal; written plain, the keys of earlier passphrases are taken out first,
    and a copy they cannot be taken out of stays sealed. A hard-linked copy gets a file
    of its own (the write replaces it).
    """
    left: list[Path] = []
    for path in paths:
        try:
            blob = path.read_bytes()
        except OSError:
            continue
        if new is None and not is_sealed(blob):
            continue
        try:
            opened = open_any(blob, old)
        except SealError:
            left.append(path)
            continue
        payload = without_keys(opened) if new is None else opened
        if payload is None:
            left.append(path)
            continue
        with contextlib.suppress(OSError):
            atomic_write_bytes(path, seal_bytes(payload, new))
    return left


def seal_plain_copies(data_path: Path, key: SealKey) -> None:
    """Seal any copy beside the sealed data file that is still plain: left by a run
    stopped between sealing the data file and its copies. Only each file's first bytes
    are read for the usual case, where every copy is sealed already."""
    plain = []
    for path in beside_the_data(data_path):
        with contextlib.suppress(OSError), path.open("rb") as handle:
            if not is_sealed(handle.read(16)):
                plain.append(path)
    if plain:
        follow_key(plain, [], key)


def remove_summary(data_path: Path) -> None:
    """Remove the status summary of the data file at `data_path`, if there is one."""
    with contextlib.suppress(OSError):
        Path(summary_path(data_path)).unlink()
