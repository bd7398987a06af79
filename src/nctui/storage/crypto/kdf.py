"""From a passphrase to the two keys of a sealed file: slow on purpose, once per open.

The passphrase is stretched by scrypt or Argon2id into one 32-byte secret, which
HKDF-SHA256 splits into two unrelated values: the payload key, and the key check that
the header stores so a wrong passphrase is told apart from a damaged file. Knowing the
key check tells nothing about the payload key (they are separate HKDF outputs); it
only lets a guess be tested, which the payload's own tag allows anyway, and each guess
still pays for the slow stretch.
"""

from __future__ import annotations

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDFExpand
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from nctui.storage.crypto.cost import MIB, KdfCost, ScryptCost, cost_problem
from nctui.storage.crypto.errors import UnreadableHeader

KEY_SIZE = 32

# HKDF labels. They name the format version and, for the payload key, the cipher id,
# so a key is never used with two ciphers or across two versions of the format.
_PAYLOAD_LABEL = b"sealed data file v1: payload key, cipher "
_CHECK_LABEL = b"sealed data file v1: key check"


def stretch(secret: bytes, salt: bytes, cost: KdfCost) -> bytes:
    """The slow step: 32 bytes made from the passphrase's bytes, the salt and the cost.

    Raises UnreadableHeader when the cost is beyond nctui's limits (checked first, so
    nothing slow starts), when this system cannot compute Argon2id, or when there is
    not enough memory.
    """
    problem = cost_problem(cost)
    if problem is not None:
        raise UnreadableHeader(f"These key settings cannot be used: {problem}.")
    try:
        if isinstance(cost, ScryptCost):
            return Scrypt(salt=salt, length=KEY_SIZE, n=cost.n, r=cost.r, p=cost.p).derive(secret)
        return Argon2id(
            salt=salt,
            length=KEY_SIZE,
            iterations=cost.iterations,
            lanes=cost.lanes,
            memory_cost=cost.memory_kib,
        ).derive(secret)
    except UnsupportedAlgorithm as exc:
        raise UnreadableHeader(
            "This file's key is made with Argon2id, which the cryptography library on "
            "this system cannot compute. It has been left as it is. Installing nctui "
            "with its own copy of cryptography (pip or uv) will open it."
        ) from exc
    except MemoryError as exc:
        raise UnreadableHeader(
            f"There was not enough free memory to open this file "
            f"({cost.memory_bytes / MIB:,.0f} MiB are needed). It has been left as it is. "
            "Closing other programs may help."
        ) from exc


def payload_key(master: bytes, cipher: int) -> bytes:
    """The key the payload is sealed with, for the cipher the header names."""
    return _expand(master, _PAYLOAD_LABEL + str(cipher).encode("ascii"))


def key_check(master: bytes) -> bytes:
    """The value stored in the header that tells whether a passphrase is the right one."""
    return _expand(master, _CHECK_LABEL)


def _expand(master: bytes, label: bytes) -> bytes:
    return HKDFExpand(algorithm=hashes.SHA256(), length=KEY_SIZE, info=label).derive(master)
