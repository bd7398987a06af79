"""Seal and unseal the data file's bytes, with a key made once from the passphrase.

Typical use:

    key = key_for(blob, passphrase)      # slow (a quarter second or more): once per open
    data = unseal(blob, key)             # fast
    ...
    blob = seal(new_data, key)           # fast, a fresh nonce each time: every save

    key = new_key(passphrase)            # turning encryption on, or a new passphrase:
    blob = seal(data, key)               # a new salt, so a new key

Deriving a key releases the GIL: run it in a worker so the screen stays live.
"""

from __future__ import annotations

import hmac
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from nctui.domain.passphrase import passphrase_bytes
from nctui.storage.crypto import kdf
from nctui.storage.crypto.cost import DEFAULT_COST, KdfCost, KeyParams, cost_problem
from nctui.storage.crypto.errors import DamagedFile, KeyChanged, WrongPassphrase
from nctui.storage.crypto.header import (
    CIPHER_CHACHA20_POLY1305,
    MAX_SALT_SIZE,
    MIN_SALT_SIZE,
    NONCE_SIZE,
    SALT_SIZE,
    TAG_SIZE,
    Header,
    build_header,
    read_header,
)


class SealKey:
    """A key made from a passphrase and kept while the file is open.

    Sealing and unsealing with it are cheap; only making it is slow. Its repr never
    shows key material.
    """

    __slots__ = ("_cipher", "_payload_key", "key_check", "params")

    def __init__(self, params: KeyParams, key_check: bytes, payload_key: bytes) -> None:
        self.params = params
        self.key_check = key_check
        # Kept only so a later passphrase can carry this key, sealed, for older copies.
        self._payload_key = payload_key
        self._cipher = ChaCha20Poly1305(payload_key)

    def fits(self, header: Header) -> bool:
        """Whether a file with this header was sealed with this key."""
        return (
            header.cost == self.params.cost
            and header.salt == self.params.salt
            and hmac.compare_digest(header.key_check, self.key_check)
        )

    def __repr__(self) -> str:
        return f"SealKey({self.params.cost.describe()})"


def new_params(cost: KdfCost = DEFAULT_COST) -> KeyParams:
    """Settings for a new key: the given cost (the calibrated default) and a random salt.

    Tests pass a cheap cost here; the default is never lowered for them.
    """
    problem = cost_problem(cost)
    if problem is not None:
        raise ValueError(f"These key settings cannot be used: {problem}.")
    return KeyParams(cost=cost, salt=os.urandom(SALT_SIZE))


def derive(passphrase: str, params: KeyParams) -> SealKey:
    """Make the key for a passphrase and settings: the slow step, once per open.

    The passphrase is normalised first (nctui.domain.passphrase). Raises
    PassphraseError for an empty or unusable passphrase and UnreadableHeader for
    settings beyond nctui's limits, both before any slow work starts.
    """
    if not MIN_SALT_SIZE <= len(params.salt) <= MAX_SALT_SIZE:
        raise ValueError(f"A salt has {MIN_SALT_SIZE} to {MAX_SALT_SIZE} bytes.")
    secret = passphrase_bytes(passphrase)
    master = kdf.stretch(secret, params.salt, params.cost)
    return SealKey(
        params,
        key_check=kdf.key_check(master),
        payload_key=kdf.payload_key(master, CIPHER_CHACHA20_POLY1305),
    )


def new_key(passphrase: str, cost: KdfCost = DEFAULT_COST) -> SealKey:
    """A key with a fresh salt: for turning encryption on or changing the passphrase."""
    return derive(passphrase, new_params(cost))


def key_for(blob: bytes, passphrase: str) -> SealKey:
    """The key that opens this sealed file, checked against the header's key check.

    Raises, before any key is derived, DamagedFile or UnreadableHeader for a header
    that cannot be used and PassphraseError for an empty passphrase; after, raises
    WrongPassphrase when the passphrase is not this file's.
    """
    header = read_header(blob)
    key = derive(passphrase, KeyParams(cost=header.cost, salt=header.salt))
    if not hmac.compare_digest(key.key_check, header.key_check):
        raise WrongPassphrase()
    return key


def seal(payload: bytes, key: SealKey) -> bytes:
    """The sealed file for these bytes: header, then the payload encrypted and tagged.

    A fresh random nonce each time; the header (the nonce included) is authenticated
    with the payload, so a change to either is found when it is unsealed.
    """
    nonce = os.urandom(NONCE_SIZE)
    header = build_header(key.params.cost, key.params.salt, key.key_check, nonce)
    return header + key._cipher.encrypt(nonce, payload, header)


def unseal(blob: bytes, key: SealKey) -> bytes:
    """The payload of a sealed file, authenticated with its header.

    Raises KeyChanged (a WrongPassphrase) when the file is sealed with another key
    now, DamagedFile when it was changed or cut short, and UnreadableHeader when this
    nctui cannot read its header.
    """
    header = read_header(blob)
    if not key.fits(header):
        raise KeyChanged()
    sealed = memoryview(blob)[header.size :]
    if len(sealed) < TAG_SIZE:
        raise DamagedFile("it was cut short")
    try:
        return key._cipher.decrypt(header.nonce, sealed, header.raw)
    except InvalidTag:
        raise DamagedFile("its sealed contents were damaged or cut short") from None


__all__ = ["KeyParams", "SealKey", "derive", "key_for", "new_key", "new_params", "seal", "unseal"]
