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
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from nctui.storage.aside import copies_aside
from nctui.storage.atomic_file import atomic_write_bytes, open_bytes, seal_bytes
from nctui.storage.backups import backup_folder
from nctui.storage.crypto.cost import (
    DEFAULT_COST,
    KDF_ARGON2ID,
    KDF_SCRYPT,
    Argon2idCost,
    KdfCost,
    ScryptCost,
    cost_problem,
)
from nctui.storage.crypto.errors import SealError
from nctui.storage.crypto.header import MAX_SALT_SIZE, MIN_SALT_SIZE, is_sealed
from nctui.storage.crypto.sealed_file import (
    KeyParams,
    SealKey,
    derive,
    new_key,
)
from nctui.storage.leftovers import leftover_files
from nctui.storage.status_summary import summary_path

NEW_KEY_COST: KdfCost = DEFAULT_COST
"""The cost of every key nctui makes from now on. Tests swap in a cheap one; the
default (nctui.storage.crypto.cost) is never lowered for them."""


def make_key(passphrase: str) -> SealKey:
    """A new key (a fresh salt) for `passphrase`: slow on purpose. Raises PassphraseError."""
    return new_key(passphrase, NEW_KEY_COST)


# -- the lock's verifier, for a plain file ------------------------------------------------


def verifier_of(key: SealKey) -> dict[str, Any]:
    """What a plain file keeps to check a passphrase: key settings, salt, key check."""
    cost = key.params.cost
    settings = (
        [cost.n, cost.r, cost.p]
        if isinstance(cost, ScryptCost)
        else [cost.memory_kib, cost.iterations, cost.lanes]
    )
    return {
        "kdf": cost.kdf_id,
        "settings": settings,
        "salt": key.params.salt.hex(),
        "check": key.key_check.hex(),
    }


def read_verifier(value: object) -> tuple[KeyParams, bytes] | None:
    """The key settings and key check a stored verifier holds; None when there is none
    or it cannot be used (edited by hand): then no lock is set."""
    if not isinstance(value, Mapping):
        return None
    try:
        kdf, settings = value["kdf"], value["settings"]
        salt, check = bytes.fromhex(value["salt"]), bytes.fromhex(value["check"])
        first, second, third = (int(number) for number in settings)
    except (KeyError, TypeError, ValueError):
        return None
    cost: KdfCost
    if kdf == KDF_SCRYPT:
        cost = ScryptCost(n=first, r=second, p=third)
    elif kdf == KDF_ARGON2ID:
        cost = Argon2idCost(memory_kib=first, iterations=second, lanes=third)
    else:
        return None
    if cost_problem(cost) is not None or not MIN_SALT_SIZE <= len(salt) <= MAX_SALT_SIZE:
        return None
    return KeyParams(cost=cost, salt=salt), check


def matches(passphrase: str, params: KeyParams, key_check: bytes) -> SealKey | None:
    """The key for `passphrase` when it is the one `key_check` was made from, else None.

    Slow (the key function). Raises PassphraseError for an empty or unusable entry.
    """
    key = derive(passphrase, params)
    return key if hmac.compare_digest(key.key_check, key_check) else None


# -- files beside the data ---------------------------------------------------------------


def beside_the_data(data_path: Path) -> list[Path]:
    """Every file nctui keeps beside the data that may hold a person's words: backups,
    copies before a migration, damaged copies set aside, unsaved changes."""
    folder = backup_folder(data_path)
    found = sorted(folder.glob("nctui-*.json")) if folder.is_dir() else []
    found += sorted(data_path.parent.glob(f"{data_path.name}.backup-v*"))
    found += copies_aside(data_path)
    found += leftover_files(data_path.parent)
    return found


def follow_key(paths: Iterable[Path], old: SealKey | None, new: SealKey | None) -> list[Path]:
    """Rewrite each file sealed with `new` (or plain, when `new` is None); return the
    files left as they were because `old` cannot open them (sealed under an earlier
    passphrase: they stay sealed).

    A file's payload is kept byte for byte, so a damaged copy stays exactly as found
    inside its seal. A hard-linked copy gets a file of its own (the write replaces it).
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
            payload = open_bytes(blob, old)
        except SealError:
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
        follow_key(plain, None, key)


def remove_summary(data_path: Path) -> None:
    """Remove the status summary of the data file at `data_path`, if there is one."""
    with contextlib.suppress(OSError):
        Path(summary_path(data_path)).unlink()
