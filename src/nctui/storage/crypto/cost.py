"""How costly it is to make a key from a passphrase: the defaults and the limits.

Pure data and arithmetic (no cryptography import), so a header can be checked, and
refused, before any slow work starts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

KDF_SCRYPT = 1
KDF_ARGON2ID = 2

MIB = 1024 * 1024


@dataclass(frozen=True)
class ScryptCost:
    """scrypt's three settings (RFC 7914): memory and time grow with n·r, time with p."""

    n: int
    r: int
    p: int

    kdf_id: ClassVar[int] = KDF_SCRYPT

    @property
    def memory_bytes(self) -> int:
        """The memory one derivation needs."""
        return 128 * self.n * self.r

    def describe(self) -> str:
        """The settings, for a message or a benchmark line."""
        return f"scrypt n=2^{self.n.bit_length() - 1} r={self.r} p={self.p}"


@dataclass(frozen=True)
class Argon2idCost:
    """Argon2id's three settings (RFC 9106): memory in KiB, passes over it, lanes."""

    memory_kib: int
    iterations: int
    lanes: int

    kdf_id: ClassVar[int] = KDF_ARGON2ID

    @property
    def memory_bytes(self) -> int:
        """The memory one derivation needs."""
        return self.memory_kib * 1024

    def describe(self) -> str:
        """The settings, for a message or a benchmark line."""
        return (
            f"Argon2id {self.memory_kib // 1024} MiB × {self.iterations} passes, "
            f"{self.lanes} lane{'s' if self.lanes != 1 else ''}"
        )


KdfCost = ScryptCost | Argon2idCost

# Why scrypt by default: the cryptography package has it on every OpenSSL since 1.1, and
# Python's own hashlib.scrypt computes it too, so a sealed file stays readable anywhere
# nctui runs, and by a short script if nctui is ever gone. Argon2id is as good a choice
# but needs OpenSSL 3.2 or later, which system builds on long-term Linux releases still
# lack (Ubuntu 24.04 has 3.0); the header names the function, so a later nctui can move.
#
# Why this cost: one derivation happens when nctui opens (and when a passphrase is set),
# never on a save, so it may be slow; every guess at a stolen file's passphrase pays the
# same price, and the memory (128 MiB per guess) is what makes guessing on graphics
# cards and custom chips expensive. Measured on the development machine (2 cores, shared,
# cryptography 50 with OpenSSL 4.0), median of 5 runs of one derivation:
#   n=2^16 (64 MiB) 123 ms · n=2^17 (128 MiB) 254 ms · n=2^18 (256 MiB) 512 ms
# 2^17 is the one inside the 0.25-0.5 s aim with room for a slower laptop: about half a
# second there is tolerable once at start, while 2^18 would pass a second. r=8 and p=1
# are RFC 7914's recommendation. benchmarks/sealed.py prints the figure on any machine.
DEFAULT_COST: KdfCost = ScryptCost(n=2**17, r=8, p=1)

# For a later move to Argon2id: 128 MiB, 3 passes and one lane took about 0.3 s on the
# same machine (2 passes: 0.2 s).
ARGON2ID_COST = Argon2idCost(memory_kib=128 * 1024, iterations=3, lanes=1)

# The limits on what a header may ask for. A header is read before the passphrase is
# known to be right, so a damaged or hostile one must not make nctui hang or swap: it is
# refused instead. The limits leave a later nctui room to raise the cost 8-16 times
# (about 4 s here at most), and refuse anything that would take minutes or gigabytes.
MAX_MEMORY_BYTES = 1024 * MIB
MAX_SCRYPT_WORK = 16 * 2**17 * 8  # n·r·p: sixteen times the default
MAX_ARGON2ID_WORK = 16 * 128 * 1024 * 3  # KiB × passes: sixteen times ARGON2ID_COST
MAX_ARGON2ID_LANES = 16


def cost_problem(cost: KdfCost) -> str | None:
    """Why these settings cannot be used, in words for a person, or None when they can."""
    if isinstance(cost, ScryptCost):
        return _scrypt_problem(cost)
    return _argon2id_problem(cost)


def _scrypt_problem(cost: ScryptCost) -> str | None:
    if cost.n < 2 or cost.n & (cost.n - 1):
        return f"scrypt's n must be a power of two, and it is {cost.n}"
    if cost.r < 1 or cost.p < 1:
        return "scrypt's r and p must be at least 1"
    return _size_problem(cost.memory_bytes) or _work_problem(
        cost.n * cost.r * cost.p, MAX_SCRYPT_WORK
    )


def _argon2id_problem(cost: Argon2idCost) -> str | None:
    if not 1 <= cost.lanes <= MAX_ARGON2ID_LANES:
        return f"Argon2id needs 1 to {MAX_ARGON2ID_LANES} lanes, and it asks for {cost.lanes}"
    if cost.iterations < 1:
        return "Argon2id needs at least one pass"
    if cost.memory_kib < 8 * cost.lanes:
        return "Argon2id needs at least 8 KiB of memory for each lane"
    return _size_problem(cost.memory_bytes) or _work_problem(
        cost.memory_kib * cost.iterations, MAX_ARGON2ID_WORK
    )


def _size_problem(memory: int) -> str | None:
    if memory > MAX_MEMORY_BYTES:
        return (
            f"it asks for {memory / MIB:,.0f} MiB of memory, "
            f"more than the {MAX_MEMORY_BYTES // MIB:,} MiB nctui allows"
        )
    return None


def _work_problem(work: int, limit: int) -> str | None:
    if work > limit:
        return f"it asks for more work than nctui allows ({work / limit:,.1f} times the limit)"
    return None


@dataclass(frozen=True)
class KeyParams:
    """What a key is made from besides the passphrase: the key function's cost and a salt."""

    cost: KdfCost
    salt: bytes
