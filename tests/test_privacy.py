"""The coach's privacy part: the lock's passphrase, its settings, encryption on and off.

Keys are cheap in tests (conftest's `_cheap_keys`); the default cost is never lowered.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nctui.coach.changes import Changes, Topic
from nctui.coach.coach import Coach
from nctui.coach.privacy import PassphraseError, PrivacyState, WrongPassphrase
from nctui.domain.clock import ManualClock
from nctui.storage.crypto.header import is_sealed
from nctui.storage.location import DATA_FILE_NAME

PASSPHRASE = "blue kettle on the hill"
OTHER = "seven quiet lanterns"


@pytest.fixture
def coach(data_dir: Path, clock: ManualClock) -> Iterator[Coach]:
    opened = Coach.open(data_dir, clock)
    yield opened
    opened.file.close()


def _data_bytes(data_dir: Path) -> bytes:
    return (data_dir / DATA_FILE_NAME).read_bytes()


def test_nothing_is_set_at_first(coach: Coach) -> None:
    assert coach.privacy.state() == PrivacyState(
        lock_set=False, encrypted=False, idle_minutes=10, ask_on_return=True
    )
    assert coach.privacy.verify(PASSPHRASE) is False


def test_a_passphrase_set_is_verified_and_never_stored(coach: Coach, data_dir: Path) -> None:
    coach.privacy.set_passphrase(PASSPHRASE)
    assert coach.privacy.state().lock_set
    assert not coach.privacy.state().encrypted
    assert coach.privacy.verify(PASSPHRASE)
    assert coach.privacy.verify(f"  {PASSPHRASE}\n")  # a pasted newline is the same
    assert not coach.privacy.verify(OTHER)
    on_disk = _data_bytes(data_dir)
    assert PASSPHRASE.encode() not in on_disk
    assert b"lock_verifier" in on_disk


def test_the_lock_is_kept_for_the_next_start(
    coach: Coach, data_dir: Path, clock: ManualClock
) -> None:
    coach.privacy.set_passphrase(PASSPHRASE)
    coach.file.close()
    again = Coach.open(data_dir, clock)
    try:
        assert again.privacy.state().lock_set
        assert again.privacy.verify(PASSPHRASE)
    finally:
        again.file.close()


def test_an_empty_entry_is_refused_before_anything_slow(coach: Coach) -> None:
    coach.privacy.set_passphrase(PASSPHRASE)
    with pytest.raises(PassphraseError):
        coach.privacy.verify("   \n")


def test_changing_needs_the_current_passphrase(coach: Coach) -> None:
    coach.privacy.set_passphrase(PASSPHRASE)
    with pytest.raises(PassphraseError):
        coach.privacy.set_passphrase(OTHER)
    with pytest.raises(WrongPassphrase):
        coach.privacy.set_passphrase(OTHER, current="not the one at all")
    coach.privacy.set_passphrase(OTHER, current=PASSPHRASE)
    assert coach.privacy.verify(OTHER)
    assert not coach.privacy.verify(PASSPHRASE)


@pytest.mark.parametrize("new", ["", "short", "x" * 100_001, "\ud800abcdefgh"])
def test_an_unusable_new_passphrase_is_refused(coach: Coach, new: str) -> None:
    with pytest.raises(PassphraseError):
        coach.privacy.set_passphrase(new)
    assert not coach.privacy.state().lock_set


def test_emoji_and_long_passphrases_work(coach: Coach) -> None:
    long = "word " * 2_000
    coach.privacy.set_passphrase("🌊 tide comes in 🌙")
    assert coach.privacy.verify("🌊 tide comes in 🌙")
    coach.privacy.set_passphrase(long, current="🌊 tide comes in 🌙")
    assert coach.privacy.verify(long)


def test_removing_the_passphrase_turns_the_lock_off(coach: Coach) -> None:
    coach.privacy.set_passphrase(PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        coach.privacy.remove_passphrase(OTHER)
    coach.privacy.remove_passphrase(PASSPHRASE)
    assert not coach.privacy.state().lock_set


def test_idle_minutes_and_ask_on_return_are_settings(coach: Coach) -> None:
    heard: list[Changes] = []
    coach.listen(heard.append)
    coach.privacy.set_idle_minutes(0)
    coach.privacy.set_ask_on_return(False)
    state = coach.privacy.state()
    assert (state.idle_minutes, state.ask_on_return) == (0, False)
    assert all(notice.touches(Topic.SETTINGS) for notice in heard) and len(heard) == 2


@pytest.mark.parametrize("minutes", [-1, 1441, True])
def test_idle_minutes_outside_a_day_are_refused(coach: Coach, minutes: int) -> None:
    with pytest.raises(ValueError, match="minutes"):
        coach.privacy.set_idle_minutes(minutes)


def test_encrypting_needs_the_lock_and_its_passphrase(coach: Coach, data_dir: Path) -> None:
    with pytest.raises(WrongPassphrase):
        coach.privacy.encrypt(PASSPHRASE)
    coach.privacy.set_passphrase(PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        coach.privacy.encrypt(OTHER)
    assert not is_sealed(_data_bytes(data_dir))


def test_encrypt_then_decrypt_keeps_the_lock(coach: Coach, data_dir: Path) -> None:
    coach.privacy.set_passphrase(PASSPHRASE)
    coach.privacy.encrypt(PASSPHRASE)
    assert coach.privacy.state().encrypted
    assert is_sealed(_data_bytes(data_dir))
    assert coach.privacy.verify(PASSPHRASE)
    coach.privacy.decrypt(PASSPHRASE)
    state = coach.privacy.state()
    assert state.lock_set and not state.encrypted
    assert not is_sealed(_data_bytes(data_dir))
    assert coach.privacy.verify(PASSPHRASE)


def test_removing_the_passphrase_of_a_sealed_file_writes_it_plain(
    coach: Coach, data_dir: Path
) -> None:
    coach.privacy.set_passphrase(PASSPHRASE)
    coach.privacy.encrypt(PASSPHRASE)
    coach.privacy.remove_passphrase(PASSPHRASE)
    assert not is_sealed(_data_bytes(data_dir))
    assert not coach.privacy.state().lock_set
