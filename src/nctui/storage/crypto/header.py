"""The sealed file's header: built, read and checked with the standard library alone.

Everything here runs before any key is derived, so a damaged or hand-edited header is
refused at once, and `nctui status` can tell a sealed file without loading cryptography.
The layout is described in the package docstring (nctui.storage.crypto).
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass

from nctui.storage.crypto.cost import (
    KDF_ARGON2ID,
    KDF_SCRYPT,
    Argon2idCost,
    KdfCost,
    ScryptCost,
    cost_problem,
)
from nctui.storage.crypto.errors import DamagedFile, UnreadableHeader

MAGIC = b"\x89SEALED\n"
FORMAT_VERSION = 1
CIPHER_CHACHA20_POLY1305 = 1

SALT_SIZE = 16
MIN_SALT_SIZE = 16
MAX_SALT_SIZE = 64
KEY_CHECK_SIZE = 32
NONCE_SIZE = 12
CHECKSUM_SIZE = 8
TAG_SIZE = 16

# Magic, format version, header length: the same three fields open every version.
_FRAME = struct.Struct(">8sBH")
# Version 1, after the frame: cipher id, KDF id, three KDF settings, salt length.
_FIELDS = struct.Struct(">BBIIIB")
_FIXED_SIZE = _FRAME.size + _FIELDS.size
_AFTER_SALT = KEY_CHECK_SIZE + NONCE_SIZE + CHECKSUM_SIZE
_LEFT_AS_IT_IS = "It has been left as it is."


@dataclass(frozen=True)
class Header:
    """A sealed file's header, checked: every field known and within nctui's limits."""

    cipher: int
    cost: KdfCost
    salt: bytes
    key_check: bytes
    nonce: bytes
    raw: bytes
    """The header's exact bytes, checksum included: the payload authenticates them."""

    @property
    def size(self) -> int:
        """Where the sealed payload starts."""
        return len(self.raw)


def is_sealed(blob: bytes) -> bool:
    """Whether these bytes are a sealed file (rather than plain data), by their magic."""
    return blob.startswith(MAGIC)


def build_header(
    cost: KdfCost, salt: bytes, key_check: bytes, nonce: bytes, *, version: int = FORMAT_VERSION
) -> bytes:
    """The header for one write; its last eight bytes are a checksum of the rest.

    `version` exists for tests that need a header from a later nctui.
    """
    settings = (
        (cost.n, cost.r, cost.p)
        if isinstance(cost, ScryptCost)
        else (cost.memory_kib, cost.iterations, cost.lanes)
    )
    size = _FIXED_SIZE + len(salt) + _AFTER_SALT
    body = (
        _FRAME.pack(MAGIC, version, size)
        + _FIELDS.pack(CIPHER_CHACHA20_POLY1305, cost.kdf_id, *settings, len(salt))
        + salt
        + key_check
        + nonce
    )
    return body + checksum(body)


def checksum(body: bytes) -> bytes:
    """The header checksum: the first eight bytes of SHA-256 over the header before it."""
    return hashlib.sha256(body).digest()[:CHECKSUM_SIZE]


def read_header(blob: bytes) -> Header:
    """The checked header of a sealed file, before any key is derived.

    Raises DamagedFile when the header was cut short or changed since it was written
    (its checksum does not match), and UnreadableHeader when it is intact but this
    nctui cannot use it: a newer format, an unknown cipher or key function, a salt
    missing or too short, or key settings beyond nctui's limits.
    """
    if not is_sealed(blob):
        raise UnreadableHeader(f"This is not a sealed data file. {_LEFT_AS_IT_IS}")
    if len(blob) < _FRAME.size:
        raise DamagedFile("its header was cut short")
    _, version, size = _FRAME.unpack_from(blob)
    if size < _FRAME.size + CHECKSUM_SIZE or size > len(blob):
        raise DamagedFile("its header was cut short or damaged")
    raw = blob[:size]
    if checksum(raw[:-CHECKSUM_SIZE]) != raw[-CHECKSUM_SIZE:]:
        raise DamagedFile("its header was damaged")
    if version > FORMAT_VERSION:
        raise UnreadableHeader(
            f"This file was sealed by a newer version of nctui (format {version}). "
            f"{_LEFT_AS_IT_IS} Please update nctui to open it."
        )
    if version != FORMAT_VERSION:
        raise UnreadableHeader(
            f"This file is sealed in a format nctui does not know (format {version}). "
            f"{_LEFT_AS_IT_IS}"
        )
    return _read_version_1(raw)


def _read_version_1(raw: bytes) -> Header:
    if len(raw) < _FIXED_SIZE + _AFTER_SALT:
        raise UnreadableHeader(
            f"This file's header is missing some of its fields. {_LEFT_AS_IT_IS}"
        )
    cipher, kdf, first, second, third, salt_size = _FIELDS.unpack_from(raw, _FRAME.size)
    if not MIN_SALT_SIZE <= salt_size <= MAX_SALT_SIZE:
        raise UnreadableHeader(
            f"This file's header has no usable salt ({salt_size} bytes, where "
            f"{MIN_SALT_SIZE} to {MAX_SALT_SIZE} are needed). {_LEFT_AS_IT_IS}"
        )
    if len(raw) != _FIXED_SIZE + salt_size + _AFTER_SALT:
        raise UnreadableHeader(
            f"This file's header length does not match its fields. {_LEFT_AS_IT_IS}"
        )
    if cipher != CIPHER_CHACHA20_POLY1305:
        raise UnreadableHeader(
            f"This file was sealed with an encryption method this nctui does not know "
            f"(number {cipher}). {_LEFT_AS_IT_IS} A newer nctui may open it."
        )
    cost = _cost(kdf, first, second, third)
    problem = cost_problem(cost)
    if problem is not None:
        raise UnreadableHeader(
            f"This file's key settings cannot be used: {problem}. {_LEFT_AS_IT_IS}"
        )
    salt_end = _FIXED_SIZE + salt_size
    check_end = salt_end + KEY_CHECK_SIZE
    return Header(
        cipher=cipher,
        cost=cost,
        salt=raw[_FIXED_SIZE:salt_end],
        key_check=raw[salt_end:check_end],
        nonce=raw[check_end : check_end + NONCE_SIZE],
        raw=raw,
    )


def _cost(kdf: int, first: int, second: int, third: int) -> KdfCost:
    if kdf == KDF_SCRYPT:
        return ScryptCost(n=first, r=second, p=third)
    if kdf == KDF_ARGON2ID:
        return Argon2idCost(memory_kib=first, iterations=second, lanes=third)
    raise UnreadableHeader(
        f"This file's key is made in a way this nctui does not know (number {kdf}). "
        f"{_LEFT_AS_IT_IS} A newer nctui may open it."
    )
