"""The sealed file: what encryption at rest promises, byte by byte.

Every test but one uses a cheap key cost passed explicitly (scrypt n=16), so the suite
stays fast; the default cost is never lowered. One test derives with the default.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import struct
import subprocess
import sys
import unicodedata
from collections.abc import Callable

import pytest
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from hypothesis import given, settings
from hypothesis import strategies as st

from nctui.domain.passphrase import PassphraseError
from nctui.storage.crypto import kdf
from nctui.storage.crypto.cost import (
    ARGON2ID_COST,
    DEFAULT_COST,
    Argon2idCost,
    KdfCost,
    ScryptCost,
    cost_problem,
)
from nctui.storage.crypto.errors import (
    DamagedFile,
    KeyChanged,
    UnreadableHeader,
    WrongPassphrase,
)
from nctui.storage.crypto.header import (
    MAGIC,
    TAG_SIZE,
    build_header,
    checksum,
    is_sealed,
    read_header,
)
from nctui.storage.crypto.sealed_file import (
    KeyParams,
    SealKey,
    derive,
    key_for,
    new_key,
    new_params,
    seal,
    unseal,
)
from nctui.storage.errors import CorruptDataError

CHEAP = ScryptCost(n=16, r=8, p=1)
CHEAP_ARGON2ID = Argon2idCost(memory_kib=64, iterations=1, lanes=1)
PASSPHRASE = "paper boats at dawn"
PLANTED = "I still reread her last message every night before I sleep."
PAYLOAD = json.dumps(
    {"journal": {"1": {"text": PLANTED, "mood": 3}}, "meta": {"1": {"schema": 4}}},
    ensure_ascii=False,
).encode("utf-8")


@pytest.fixture
def key() -> SealKey:
    return new_key(PASSPHRASE, CHEAP)


@pytest.fixture
def blob(key: SealKey) -> bytes:
    return seal(PAYLOAD, key)


@pytest.fixture
def no_derivation(monkeypatch: pytest.MonkeyPatch) -> list[KdfCost]:
    """Any key derivation from here on fails the test; returns the costs it was asked for."""
    asked: list[KdfCost] = []

    def refuse(secret: bytes, salt: bytes, cost: KdfCost) -> bytes:
        asked.append(cost)
        raise AssertionError("a key was derived")

    monkeypatch.setattr(kdf, "stretch", refuse)
    return asked


def _flip(blob: bytes, index: int, bits: int = 0x01) -> bytes:
    changed = bytearray(blob)
    changed[index] ^= bits
    return bytes(changed)


def _with_header(blob: bytes, header: bytes) -> bytes:
    """The payload of `blob` behind another header (a newer nctui's, or a hand edit)."""
    return header + blob[read_header(blob).size :]


def _edited(blob: bytes, offset: int, fmt: str, value: int) -> bytes:
    """`blob` with one header field changed and the checksum written anew, as a careful
    hand edit (or a later nctui) would leave it."""
    size = read_header(blob).size
    header = bytearray(blob[:size])
    struct.pack_into(fmt, header, offset, value)
    body = bytes(header[:-8])
    return body + checksum(body) + blob[size:]


# Round trips


def test_a_sealed_file_opens_with_its_passphrase(blob: bytes) -> None:
    assert is_sealed(blob)
    assert unseal(blob, key_for(blob, PASSPHRASE)) == PAYLOAD


def test_one_key_seals_every_save_without_deriving_again(
    key: SealKey, no_derivation: list[KdfCost]
) -> None:
    saves = [seal(PAYLOAD + str(n).encode(), key) for n in range(200)]
    assert [unseal(save, key) for save in saves[-3:]] == [
        PAYLOAD + b"%d" % n for n in (197, 198, 199)
    ]
    assert no_derivation == []


def test_every_save_has_a_fresh_nonce(key: SealKey) -> None:
    nonces = {read_header(seal(PAYLOAD, key)).nonce for _ in range(50)}
    assert len(nonces) == 50


def test_a_new_key_has_a_new_salt_and_still_takes_the_same_passphrase(blob: bytes) -> None:
    again = new_key(PASSPHRASE, CHEAP)
    resealed = seal(PAYLOAD, again)
    assert read_header(resealed).salt != read_header(blob).salt
    assert unseal(resealed, key_for(resealed, PASSPHRASE)) == PAYLOAD


def test_an_empty_payload_round_trips(key: SealKey) -> None:
    assert unseal(seal(b"", key), key) == b""


def test_argon2id_files_round_trip() -> None:
    argon_key = new_key(PASSPHRASE, CHEAP_ARGON2ID)
    blob = seal(PAYLOAD, argon_key)
    assert read_header(blob).cost == CHEAP_ARGON2ID
    assert unseal(blob, key_for(blob, PASSPHRASE)) == PAYLOAD
    with pytest.raises(WrongPassphrase):
        key_for(blob, "paper boats at dusk")


def test_the_default_cost_is_the_calibrated_one_and_opens() -> None:
    # The one test that pays for a real derivation (about a quarter second here).
    key = new_key(PASSPHRASE)
    blob = seal(PAYLOAD, key)
    header = read_header(blob)
    assert header.cost == DEFAULT_COST == ScryptCost(n=2**17, r=8, p=1)
    assert len(header.salt) == 16
    assert unseal(blob, key_for(blob, PASSPHRASE)) == PAYLOAD


@settings(max_examples=60)
@given(payload=st.binary(max_size=4096), passphrase=st.text(min_size=1, max_size=40))
def test_any_payload_and_passphrase_round_trip(payload: bytes, passphrase: str) -> None:
    if not passphrase.strip():
        with pytest.raises(PassphraseError):
            new_key(passphrase, CHEAP)
        return
    blob = seal(payload, new_key(passphrase, CHEAP))
    assert unseal(blob, key_for(blob, passphrase)) == payload
    assert unseal(blob, key_for(blob, f" {passphrase}\n")) == payload


# Nothing readable


def test_no_plaintext_appears_in_the_sealed_bytes(blob: bytes) -> None:
    assert PLANTED.encode() not in blob
    # Nor any piece of it long enough to mean something, in UTF-8 or UTF-16.
    words = PLANTED.encode()
    assert not any(words[i : i + 6] in blob for i in range(len(words) - 6))
    assert PLANTED.encode("utf-16-le")[:12] not in blob
    assert b"journal" not in blob
    assert PASSPHRASE.encode() not in blob
    assert b"nctui" not in blob.lower()


def test_a_key_never_shows_its_secret(key: SealKey) -> None:
    shown = repr(key)
    assert shown == "SealKey(scrypt n=2^4 r=8 p=1)"
    assert PASSPHRASE not in shown
    assert key.key_check.hex() not in shown


# Wrong passphrase, told apart from damage


@pytest.mark.parametrize(
    "typed", ["paper boats at dusk", "Paper boats at dawn", "paper  boats at dawn", "🔒"]
)
def test_a_wrong_passphrase_is_refused(blob: bytes, typed: str) -> None:
    with pytest.raises(WrongPassphrase, match="does not open this file"):
        key_for(blob, typed)


def test_a_wrong_passphrase_is_not_damage_so_the_file_is_never_moved_aside() -> None:
    # The storage layer moves aside every CorruptDataError, and only those.
    assert not issubclass(WrongPassphrase, CorruptDataError)
    assert not issubclass(UnreadableHeader, CorruptDataError)
    assert issubclass(DamagedFile, CorruptDataError)


@pytest.mark.parametrize("typed", ["", "   ", "\n"])
def test_an_empty_passphrase_is_refused_before_any_work(
    blob: bytes, typed: str, no_derivation: list[KdfCost]
) -> None:
    with pytest.raises(PassphraseError, match="Type your passphrase first"):
        key_for(blob, typed)
    with pytest.raises(PassphraseError):
        new_key(typed, CHEAP)
    assert no_derivation == []


def test_a_file_sealed_with_another_key_since_asks_for_the_passphrase_again(
    key: SealKey,
) -> None:
    # Another window changed the passphrase: this window's key no longer fits.
    changed = seal(PAYLOAD, new_key("a brand new passphrase", CHEAP))
    with pytest.raises(KeyChanged, match="Type the new one"):
        unseal(changed, key)
    assert isinstance(KeyChanged(), WrongPassphrase)
    assert unseal(changed, key_for(changed, "a brand new passphrase")) == PAYLOAD


# Passphrases as people type them


@pytest.mark.parametrize(
    ("chosen", "typed_later"),
    [
        ("paper boats at dawn\n", "paper boats at dawn"),
        ("paper boats at dawn", "paper boats at dawn\r\n"),
        ("  paper boats at dawn", "paper boats at dawn  "),
        (
            unicodedata.normalize("NFD", "crème brûlée"),
            unicodedata.normalize("NFC", "crème brûlée"),
        ),
        ("🌊 mi corazón 💔 ❤️‍🩹", "🌊 mi corazón 💔 ❤️‍🩹"),
        ("tide " * 2000, "tide " * 2000),  # 10,000 characters
    ],
)
def test_the_same_passphrase_typed_again_opens_the_file(chosen: str, typed_later: str) -> None:
    blob = seal(PAYLOAD, new_key(chosen, CHEAP))
    assert unseal(blob, key_for(blob, typed_later)) == PAYLOAD


# Damage


def test_a_flipped_byte_anywhere_in_the_ciphertext_is_damage(blob: bytes) -> None:
    key = key_for(blob, PASSPHRASE)
    start = read_header(blob).size
    for index in range(start, len(blob)):
        for bits in (0x01, 0x80):
            damaged = _flip(blob, index, bits)
            # The header is intact, so the passphrase is still recognised as right...
            assert key_for(damaged, PASSPHRASE).key_check == key.key_check
            # ...and the failure is called damage, never a wrong passphrase.
            with pytest.raises(DamagedFile, match="damaged or cut short"):
                unseal(damaged, key)


def test_a_flipped_byte_in_the_header_is_never_taken_for_a_wrong_passphrase(
    blob: bytes, no_derivation: list[KdfCost]
) -> None:
    size = read_header(blob).size
    for index in range(size):
        damaged = _flip(blob, index)
        expected = UnreadableHeader if index < len(MAGIC) else DamagedFile
        with pytest.raises(expected):
            key_for(damaged, PASSPHRASE)
    # The checksum catches it before any key is derived.
    assert no_derivation == []


def test_a_flipped_header_byte_is_damage_for_the_key_in_hand_too(blob: bytes) -> None:
    key = key_for(blob, PASSPHRASE)
    for index in range(len(MAGIC), read_header(blob).size):
        with pytest.raises(DamagedFile):
            unseal(_flip(blob, index), key)


@given(index=st.integers(min_value=0), bits=st.integers(min_value=1, max_value=255))
def test_no_single_byte_change_opens_or_reads_as_a_wrong_passphrase(index: int, bits: int) -> None:
    key = _shared_key()
    blob = seal(PAYLOAD, key)
    damaged = _flip(blob, index % len(blob), bits)
    with pytest.raises((DamagedFile, UnreadableHeader)):
        unseal(damaged, key_for(damaged, PASSPHRASE))


@functools.cache
def _shared_key() -> SealKey:
    return new_key(PASSPHRASE, CHEAP)


def test_two_saves_cannot_be_pieced_together(key: SealKey) -> None:
    first, second = seal(b'{"day": 1}', key), seal(b'{"day": 2}', key)
    size = read_header(first).size
    with pytest.raises(DamagedFile):
        unseal(first[:size] + second[size:], key)


@pytest.mark.parametrize(
    "keep",
    [
        lambda blob, size: len(blob) // 2,  # half the file
        lambda blob, size: size + (len(blob) - size) // 2,  # half the ciphertext
        lambda blob, size: len(blob) - 1,
        lambda blob, size: size + TAG_SIZE - 1,
        lambda blob, size: size,  # the header alone
        lambda blob, size: size - 1,
        lambda blob, size: 20,
        lambda blob, size: 9,
    ],
)
def test_a_file_cut_short_is_damage(blob: bytes, keep: Callable[[bytes, int], int]) -> None:
    key = key_for(blob, PASSPHRASE)
    cut = blob[: keep(blob, read_header(blob).size)]
    with pytest.raises(DamagedFile):
        unseal(cut, key_for(cut, PASSPHRASE))
    with pytest.raises(DamagedFile):
        unseal(cut, key)


def test_damage_reads_as_a_reason_in_the_usual_sentence(blob: bytes) -> None:
    with pytest.raises(DamagedFile) as caught:
        unseal(blob[:-5], key_for(blob, PASSPHRASE))
    assert f"could not be read ({caught.value})" == (
        "could not be read (its sealed contents were damaged or cut short)"
    )


# Headers edited by hand (checksum recomputed) or from a later nctui: refused at once


@pytest.mark.parametrize(
    ("offset", "fmt", "value", "message"),
    [
        (8, ">B", 2, "newer version of nctui"),
        (8, ">B", 0, "a format nctui does not know"),
        (11, ">B", 2, "encryption method this nctui does not know"),
        (11, ">B", 0, "encryption method this nctui does not know"),
        (12, ">B", 9, "made in a way this nctui does not know"),
        (13, ">I", 2**30, "1,024 MiB nctui allows"),  # scrypt n: 128 GiB
        (13, ">I", 2**21, "1,024 MiB nctui allows"),  # 2 GiB
        (13, ">I", 3, "power of two"),
        (13, ">I", 0, "power of two"),
        (17, ">I", 0, "at least 1"),
        (17, ">I", 2**31, "MiB of memory"),  # scrypt r
        (21, ">I", 2**22, "more work than nctui allows"),  # scrypt p: minutes of work
        (21, ">I", 0, "at least 1"),
    ],
)
def test_an_unusable_header_is_refused_before_any_key_is_derived(
    blob: bytes, offset: int, fmt: str, value: int, message: str, no_derivation: list[KdfCost]
) -> None:
    edited = _edited(blob, offset, fmt, value)
    with pytest.raises(UnreadableHeader, match=message) as caught:
        key_for(edited, PASSPHRASE)
    assert no_derivation == []
    text = str(caught.value)
    assert text.endswith(".")
    assert "left as it is" in text


def test_a_header_whose_length_does_not_match_its_fields_is_refused(
    blob: bytes, no_derivation: list[KdfCost]
) -> None:
    size = read_header(blob).size
    body = bytearray(blob[: size - 9])  # one nonce byte short
    struct.pack_into(">H", body, 9, size - 1)
    edited = bytes(body) + checksum(bytes(body)) + blob[size:]
    with pytest.raises(UnreadableHeader, match="length does not match"):
        key_for(edited, PASSPHRASE)
    assert no_derivation == []


def test_a_header_with_only_its_frame_is_refused(no_derivation: list[KdfCost]) -> None:
    body = MAGIC + bytes([1]) + (11 + 8).to_bytes(2, "big")
    with pytest.raises(UnreadableHeader, match="missing some of its fields"):
        key_for(body + checksum(body), PASSPHRASE)
    assert no_derivation == []


@pytest.mark.parametrize("salt", [b"", b"short salt"])
def test_a_missing_or_short_salt_is_refused(
    blob: bytes, salt: bytes, no_derivation: list[KdfCost]
) -> None:
    header = read_header(blob)
    edited = _with_header(blob, build_header(header.cost, salt, header.key_check, header.nonce))
    with pytest.raises(UnreadableHeader, match="no usable salt"):
        key_for(edited, PASSPHRASE)
    assert no_derivation == []


@pytest.mark.parametrize(
    ("cost", "message"),
    [
        (Argon2idCost(memory_kib=4 * 1024 * 1024, iterations=1, lanes=1), "4,096 MiB"),
        (Argon2idCost(memory_kib=128 * 1024, iterations=1_000_000, lanes=1), "more work"),
        (Argon2idCost(memory_kib=64, iterations=0, lanes=1), "at least one pass"),
        (Argon2idCost(memory_kib=64, iterations=1, lanes=0), "lanes"),
        (Argon2idCost(memory_kib=64, iterations=1, lanes=2**24), "lanes"),
        (Argon2idCost(memory_kib=4, iterations=1, lanes=1), "8 KiB"),
    ],
)
def test_absurd_argon2id_settings_are_refused(
    blob: bytes, cost: Argon2idCost, message: str, no_derivation: list[KdfCost]
) -> None:
    header = read_header(blob)
    edited = _with_header(blob, build_header(cost, header.salt, header.key_check, header.nonce))
    with pytest.raises(UnreadableHeader, match=message):
        key_for(edited, PASSPHRASE)
    assert no_derivation == []


def test_a_header_from_a_later_format_is_read_as_newer_not_damaged(
    blob: bytes, no_derivation: list[KdfCost]
) -> None:
    header = read_header(blob)
    later = build_header(header.cost, header.salt, header.key_check, header.nonce, version=2)
    with pytest.raises(UnreadableHeader, match="Please update nctui"):
        key_for(_with_header(blob, later), PASSPHRASE)
    assert no_derivation == []


def test_the_limits_leave_room_above_the_default_and_stop_before_minutes() -> None:
    assert cost_problem(DEFAULT_COST) is None
    assert cost_problem(ARGON2ID_COST) is None
    assert cost_problem(ScryptCost(n=2**20, r=8, p=1)) is None  # 8 times the default
    assert cost_problem(ScryptCost(n=2**17, r=8, p=16)) is None  # 16 times
    assert cost_problem(ScryptCost(n=2**17, r=8, p=17)) is not None
    assert cost_problem(ScryptCost(n=2**21, r=8, p=1)) is not None  # 2 GiB
    assert cost_problem(Argon2idCost(memory_kib=1024 * 1024, iterations=6, lanes=4)) is None
    assert cost_problem(Argon2idCost(memory_kib=1024 * 1024, iterations=7, lanes=4)) is not None


def test_absurd_settings_never_reach_the_key_function(monkeypatch: pytest.MonkeyPatch) -> None:
    # The guard sits in the key function's own entry, so no caller can skip it.
    def refuse(**_: object) -> object:
        raise AssertionError("scrypt was started")

    monkeypatch.setattr(kdf, "Scrypt", refuse)
    with pytest.raises(UnreadableHeader, match="MiB of memory"):
        derive(PASSPHRASE, KeyParams(ScryptCost(n=2**24, r=8, p=1), b"s" * 16))
    with pytest.raises(ValueError, match="cannot be used"):
        new_params(ScryptCost(n=2**24, r=8, p=1))


def test_a_system_without_argon2id_is_told_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    blob = seal(PAYLOAD, new_key(PASSPHRASE, CHEAP_ARGON2ID))

    def unsupported(**_: object) -> object:
        raise UnsupportedAlgorithm("no Argon2id in this OpenSSL")

    monkeypatch.setattr(kdf, "Argon2id", unsupported)
    with pytest.raises(UnreadableHeader, match="cannot compute"):
        key_for(blob, PASSPHRASE)


def test_too_little_memory_is_told_plainly(blob: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_memory(**_: object) -> object:
        raise MemoryError

    monkeypatch.setattr(kdf, "Scrypt", no_memory)
    with pytest.raises(UnreadableHeader, match="not enough free memory"):
        key_for(blob, PASSPHRASE)


def test_plain_data_is_not_taken_for_a_sealed_file() -> None:
    assert not is_sealed(b'{"meta": {}}')
    assert not is_sealed(b"")
    assert not is_sealed(MAGIC[:-1])
    with pytest.raises(UnreadableHeader, match="not a sealed data file"):
        read_header(b'{"meta": {}}')


# The format document is complete


def test_the_layout_is_as_documented(key: SealKey, blob: bytes) -> None:
    assert blob[:8] == bytes.fromhex("89 53 45 41 4C 45 44 0A") == MAGIC
    assert blob[8] == 1
    assert int.from_bytes(blob[9:11], "big") == 94
    assert (blob[11], blob[12]) == (1, 1)
    assert struct.unpack(">III", blob[13:25]) == (16, 8, 1)
    assert blob[25] == 16
    assert blob[26:42] == key.params.salt
    assert blob[42:74] == key.key_check
    assert blob[86:94] == hashlib.sha256(blob[:86]).digest()[:8]
    assert len(blob) == 94 + len(PAYLOAD) + 16


def test_the_documented_format_opens_with_the_standard_library_and_any_chacha20_poly1305(
    blob: bytes,
) -> None:
    # As a person with the format description and no nctui would do it.
    n, r, p = struct.unpack(">III", blob[13:25])
    salt, check, nonce = blob[26:42], blob[42:74], blob[74:86]
    master = hashlib.scrypt(PASSPHRASE.encode(), salt=salt, n=n, r=r, p=p, dklen=32)

    def expand(label: bytes) -> bytes:  # HKDF-Expand, one block
        return hmac.new(master, label + b"\x01", hashlib.sha256).digest()

    assert expand(b"sealed data file v1: key check") == check
    payload_key = expand(b"sealed data file v1: payload key, cipher 1")
    assert ChaCha20Poly1305(payload_key).decrypt(nonce, blob[94:], blob[:94]) == PAYLOAD


def test_telling_a_sealed_file_needs_no_cryptography_import() -> None:
    # `nctui status` checks the magic on every run; loading cryptography costs ~20 ms.
    probe = (
        "import sys\n"
        "from nctui.storage.crypto.header import is_sealed, read_header\n"
        "print(sorted(name for name in sys.modules if name.startswith('cryptography')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
