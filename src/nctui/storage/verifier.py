"""The lock's verifier, as a plain data file keeps it: the key settings, the salt and the
key check, never the passphrase. Reading it needs no cryptography, so asking whether a
lock is set stays cheap."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from nctui.storage.crypto.cost import (
    KDF_ARGON2ID,
    KDF_SCRYPT,
    Argon2idCost,
    KdfCost,
    KeyParams,
    ScryptCost,
    cost_problem,
)
from nctui.storage.crypto.header import MAX_SALT_SIZE, MIN_SALT_SIZE

if TYPE_CHECKING:
    from nctui.storage.crypto.sealed_file import SealKey


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
