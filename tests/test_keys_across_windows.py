"""Two windows on one data folder while the encryption changes under one of them: a
passphrase changed, encryption turned on or off, a stray copy put back by a sync tool.
Nothing is ever written plain beside encrypted data, and nothing saved is lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from nctui.coach.coach import Coach
from nctui.coach.errors import StorageError
from nctui.coach.exchange.export import export_json
from nctui.coach.privacy import (
    PassphraseError,
    PassphraseNeeded,
    UnreadableHeader,
    WrongPassphrase,
)
from nctui.domain.clock import ManualClock
from nctui.storage.atomic_file import seal_bytes
from nctui.storage.backups import backup_folder
from nctui.storage.crypto.header import Header, is_sealed, read_header
from nctui.storage.leftovers import keep_unsaved, leftover_files
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.ops import Insert, new_id
from nctui.storage.repository import FOLLOWED_PLAIN, FOLLOWED_SEALED, STRAY_OLDER, STRAY_PLAIN
from tests.sealed_notes import OTHER, PASSPHRASE, SENTENCE
from tests.sealed_notes import note as _note
from tests.sealed_notes import notes as _notes


def _plain_anywhere(data_dir: Path, text: str) -> list[Path]:
    """Every file in the data folder or the temporary folder's leftovers holding `text`."""
    places = [path for path in data_dir.rglob("*") if path.is_file()]
    places += leftover_files(data_dir)
    return [path for path in places if text.encode() in path.read_bytes()]


@pytest.fixture
def windows(data_dir: Path, clock: ManualClock) -> Iterator[list[Coach]]:
    """Coaches opened in a test, closed at its end whatever happened."""
    opened: list[Coach] = []
    yield opened
    for coach in opened:
        coach.file.close(timeout=5)


def _open(
    windows: list[Coach], data_dir: Path, clock: ManualClock, passphrase: str | None = None
) -> Coach:
    coach = Coach.open(data_dir, clock, passphrase)
    windows.append(coach)
    return coach


def _sealed_folder(data_dir: Path, clock: ManualClock) -> None:
    coach = Coach.open(data_dir, clock)
    coach.privacy.set_passphrase(PASSPHRASE)
    coach.privacy.encrypt(PASSPHRASE)
    _note(coach, "before")
    coach.file.close()


def _waiting(coach: Coach) -> bool:
    """Whether saving waits for a key (a call: the type checker keeps no answer)."""
    return coach.privacy.waiting_for_key


def _watch(coach: Coach) -> tuple[list[bool], list[str]]:
    wanted: list[bool] = []
    notices: list[str] = []
    coach.file.watch(lambda _failure: None, notices.append, wanted.append)
    return wanted, notices


# -- a passphrase changed in another window ---------------------------------------------


def test_typing_the_new_passphrase_saves_what_waited(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    _sealed_folder(data_dir, clock)
    first = _open(windows, data_dir, clock, PASSPHRASE)
    second = _open(windows, data_dir, clock, PASSPHRASE)
    second.privacy.set_passphrase(OTHER, current=PASSPHRASE)
    wanted, _ = _watch(first)
    _note(first, "written while the key was old")
    assert first.file.flush() and set(wanted) == {False}
    with pytest.raises(PassphraseError, match="from before the change"):
        first.privacy.take_new_key(PASSPHRASE)  # the old one no longer opens it: said so
    assert not first.privacy.take_new_key("neither of the two")
    assert first.privacy.take_new_key(OTHER)
    assert first.file.flush(timeout=5) == []
    assert not first.privacy.waiting_for_key
    first.file.close()
    second.file.close()
    again = _open(windows, data_dir, clock, OTHER)
    assert _notes(again) == ["before", "written while the key was old"]
    assert not leftover_files(data_dir)


def test_older_backups_follow_a_second_change_of_passphrase(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    _sealed_folder(data_dir, clock)
    folder = backup_folder(data_dir / DATA_FILE_NAME)
    folder.mkdir(parents=True, exist_ok=True)
    old_copy = folder / "nctui-2026-11-01.json"
    old_copy.write_bytes((data_dir / DATA_FILE_NAME).read_bytes())  # sealed with PASSPHRASE
    coach = _open(windows, data_dir, clock, PASSPHRASE)
    coach.privacy.set_passphrase(OTHER, current=PASSPHRASE)
    # A third passphrase: the copy was two passphrases back, and still follows.
    coach.privacy.set_passphrase("a third one, long enough", current=OTHER)
    coach.file.close()
    reopened = _open(windows, data_dir, clock, "a third one, long enough")
    assert reopened.repository.key is not None
    assert reopened.repository.key.fits(_header(old_copy))


def _header(path: Path) -> Header:
    return read_header(path.read_bytes())


# -- encryption turned on in another window -----------------------------------------------


def test_a_window_given_the_lock_follows_encryption_turned_on_elsewhere(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    setup = Coach.open(data_dir, clock)
    setup.privacy.set_passphrase(PASSPHRASE)
    setup.file.close()
    plain = _open(windows, data_dir, clock)
    assert plain.privacy.verify(PASSPHRASE)  # as the lock asks at start
    other = _open(windows, data_dir, clock)
    other.privacy.encrypt(PASSPHRASE)
    wanted, notices = _watch(plain)
    _note(plain, SENTENCE)
    assert plain.file.flush(timeout=5) == []
    assert wanted == [] and plain.privacy.state().encrypted
    assert notices == [FOLLOWED_SEALED]
    assert is_sealed((data_dir / DATA_FILE_NAME).read_bytes())
    plain.file.close()
    other.file.close()
    assert _plain_anywhere(data_dir, SENTENCE) == []


def test_a_window_never_given_the_passphrase_asks_and_writes_nothing_plain(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    plain = _open(windows, data_dir, clock)  # opened before any lock was set
    other = _open(windows, data_dir, clock)
    other.privacy.set_passphrase(PASSPHRASE)
    other.privacy.encrypt(PASSPHRASE)
    wanted, _ = _watch(plain)
    _note(plain, SENTENCE)
    assert plain.file.flush() and set(wanted) == {True}
    assert plain.file.close(timeout=5) is None
    assert plain.file.dropped == 1
    other.file.close()
    assert _plain_anywhere(data_dir, SENTENCE) == []


def test_the_passphrase_given_late_saves_the_waiting_words_sealed(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    plain = _open(windows, data_dir, clock)
    other = _open(windows, data_dir, clock)
    other.privacy.set_passphrase(PASSPHRASE)
    other.privacy.encrypt(PASSPHRASE)
    _watch(plain)
    _note(plain, SENTENCE)
    assert plain.file.flush()
    assert plain.privacy.take_new_key(PASSPHRASE)
    assert plain.file.flush(timeout=5) == []
    plain.file.close()
    other.file.close()
    assert _plain_anywhere(data_dir, SENTENCE) == []
    assert SENTENCE in _notes(_open(windows, data_dir, clock, PASSPHRASE))


# -- encryption turned off, or a plain copy put back -------------------------------------


def test_a_window_follows_a_deliberate_decrypt(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    _sealed_folder(data_dir, clock)
    first = _open(windows, data_dir, clock, PASSPHRASE)
    second = _open(windows, data_dir, clock, PASSPHRASE)
    second.privacy.decrypt(PASSPHRASE)
    _, notices = _watch(first)
    _note(first, "after the decrypt")
    assert first.file.flush(timeout=5) == []
    assert not is_sealed((data_dir / DATA_FILE_NAME).read_bytes())
    assert not first.privacy.state().encrypted and notices == [FOLLOWED_PLAIN]


def test_a_plain_copy_put_back_by_a_sync_tool_is_sealed_again(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    path = data_dir / DATA_FILE_NAME
    setup = Coach.open(data_dir, clock)
    setup.privacy.set_passphrase(PASSPHRASE)
    _note(setup, "in the old plain copy")
    setup.file.close()
    plain_copy = path.read_bytes()
    setup = Coach.open(data_dir, clock)
    setup.privacy.encrypt(PASSPHRASE)
    setup.file.close()
    window = _open(windows, data_dir, clock, PASSPHRASE)
    _, notices = _watch(window)
    path.write_bytes(plain_copy)  # a sync tool puts the file from before back
    _note(window, SENTENCE)
    assert window.file.flush(timeout=5) == []
    assert notices == [STRAY_PLAIN]
    assert is_sealed(path.read_bytes()) and window.privacy.state().encrypted
    window.file.close()
    again = _open(windows, data_dir, clock, PASSPHRASE)
    assert _notes(again) == sorted(["in the old plain copy", SENTENCE])


def test_a_copy_from_an_earlier_decrypt_is_not_taken_for_a_new_one(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    path = data_dir / DATA_FILE_NAME
    _sealed_folder(data_dir, clock)
    coach = Coach.open(data_dir, clock, PASSPHRASE)
    coach.privacy.decrypt(PASSPHRASE)
    coach.file.close()
    decrypted_copy = path.read_bytes()  # carries the mark of the first decrypt
    coach = Coach.open(data_dir, clock)
    coach.privacy.encrypt(PASSPHRASE)  # a new turn of encryption
    coach.file.close()
    window = _open(windows, data_dir, clock, PASSPHRASE)
    _, notices = _watch(window)
    path.write_bytes(decrypted_copy)
    _note(window, SENTENCE)
    assert window.file.flush(timeout=5) == []
    assert notices == [STRAY_PLAIN] and is_sealed(path.read_bytes())


def test_an_older_sealed_copy_put_back_is_sealed_with_the_current_passphrase(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    path = data_dir / DATA_FILE_NAME
    _sealed_folder(data_dir, clock)
    older = path.read_bytes()
    window = _open(windows, data_dir, clock, PASSPHRASE)
    window.privacy.set_passphrase(OTHER, current=PASSPHRASE)
    _, notices = _watch(window)
    path.write_bytes(older)
    _note(window, SENTENCE)
    assert window.file.flush(timeout=5) == []
    assert notices == [STRAY_OLDER]
    window.file.close()
    again = _open(windows, data_dir, clock, OTHER)
    assert SENTENCE in _notes(again)


# -- interrupted runs and damaged headers ---------------------------------------------------


def test_copies_a_stopped_decrypt_left_sealed_turn_plain_once_the_lock_is_opened(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    _sealed_folder(data_dir, clock)
    coach = Coach.open(data_dir, clock, PASSPHRASE)
    key = coach.repository.key
    coach.privacy.decrypt(PASSPHRASE)
    coach.file.close()
    # As a decrypt stopped after the data file was written plain, before this copy.
    note = Insert("notes", {"id": new_id(), "note": SENTENCE})
    leftover = keep_unsaved([note], data_dir, clock(), key)
    assert leftover is not None and is_sealed(leftover.read_bytes())
    plain = _open(windows, data_dir, clock)
    assert leftover in plain.file.report.unreadable_leftovers
    assert plain.privacy.verify(PASSPHRASE)  # as the lock asks at start
    assert not is_sealed(leftover.read_bytes())
    plain.file.close()
    assert SENTENCE in _notes(_open(windows, data_dir, clock))


def test_a_damaged_header_with_nothing_to_check_against_is_left_alone(
    data_dir: Path, clock: ManualClock
) -> None:
    _sealed_folder(data_dir, clock)
    for copy in backup_folder(data_dir / DATA_FILE_NAME).glob("*"):
        copy.unlink()
    path = data_dir / DATA_FILE_NAME
    blob = bytearray(path.read_bytes())
    blob[30] ^= 0xFF  # inside the salt: the header's checksum no longer matches
    path.write_bytes(bytes(blob))
    before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    with pytest.raises(UnreadableHeader, match="left as it is"):
        Coach.open(data_dir, clock, "a typo of the passphrase")
    after = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    after.pop(f"{DATA_FILE_NAME}.lock", None)
    before.pop(f"{DATA_FILE_NAME}.lock", None)
    assert after == before


# -- keys stay with the data folder ----------------------------------------------------------


def test_an_export_holds_no_key_and_no_lock(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    _sealed_folder(data_dir, clock)
    coach = _open(windows, data_dir, clock, PASSPHRASE)
    coach.privacy.set_passphrase(OTHER, current=PASSPHRASE)
    settings = json.loads(export_json(coach))["tables"].get("settings", [])
    names = {doc["id"] for doc in settings}
    assert not names & {"earlier_keys", "lock_verifier", "sealed_as", "unsealed_from"}
    assert coach.repository.earlier_keys()  # kept inside the sealed data itself


def test_asking_whether_a_lock_is_set_loads_no_cryptography(
    data_dir: Path, clock: ManualClock
) -> None:
    coach = Coach.open(data_dir, clock)
    coach.privacy.set_passphrase(PASSPHRASE)
    coach.file.close()
    code = (
        "import sys\nfrom pathlib import Path\nfrom nctui.coach.coach import Coach\n"
        "from nctui.domain.clock import system_clock\n"
        f"coach = Coach.open(Path({str(data_dir)!r}), system_clock)\n"
        "print(coach.privacy.state().lock_set)\n"
        "coach.file.close()\n"
        "print('cryptography' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["True", "False"]


# -- keys never reach a plain file ------------------------------------------------------------


def _key_hex(coach: Coach) -> str:
    """The hex of the key of the passphrase before the current one, as kept inside."""
    earlier = coach.repository.earlier_keys()
    assert earlier
    return earlier[0]._payload_key.hex()


def _folder_holds(data_dir: Path, text: str) -> list[str]:
    return [
        path.name
        for path in data_dir.rglob("*")
        if path.is_file() and text.encode() in path.read_bytes()
    ]


@pytest.mark.parametrize("turn_off", ["decrypt", "remove the passphrase"])
def test_turning_encryption_off_writes_no_earlier_key_anywhere(
    data_dir: Path, clock: ManualClock, windows: list[Coach], turn_off: str
) -> None:
    _sealed_folder(data_dir, clock)
    coach = _open(windows, data_dir, clock, PASSPHRASE)
    coach.privacy.set_passphrase(OTHER, current=PASSPHRASE)
    secret = _key_hex(coach)
    clock.advance(timedelta(days=1))  # the next day's first save keeps a backup, key inside
    _note(coach, "a new day")
    assert coach.file.flush() == []
    other = _open(windows, data_dir, clock, OTHER)  # a second window, still sealed
    _, notices = _watch(other)
    if turn_off == "decrypt":
        coach.privacy.decrypt(OTHER)
    else:
        coach.privacy.remove_passphrase(OTHER)
    assert not is_sealed((data_dir / DATA_FILE_NAME).read_bytes())
    assert list(backup_folder(data_dir / DATA_FILE_NAME).glob("*.json"))
    assert _folder_holds(data_dir, secret) == []
    _note(other, "the other window goes on")
    assert other.file.flush(timeout=5) == []
    assert notices == [FOLLOWED_PLAIN] and not is_sealed((data_dir / DATA_FILE_NAME).read_bytes())
    assert _folder_holds(data_dir, secret) == []


def test_a_change_of_encryption_waits_for_changes_not_saved_yet(
    data_dir: Path, clock: ManualClock, windows: list[Coach], monkeypatch: pytest.MonkeyPatch
) -> None:
    _sealed_folder(data_dir, clock)
    coach = _open(windows, data_dir, clock, PASSPHRASE)
    waiting = [Insert("notes", {"id": new_id(), "note": "not on disk"})]
    monkeypatch.setattr(coach.repository, "flush", lambda timeout=None: waiting)
    before = (data_dir / DATA_FILE_NAME).read_bytes()
    with pytest.raises(StorageError, match="not saved yet"):
        coach.privacy.decrypt(PASSPHRASE)
    assert (data_dir / DATA_FILE_NAME).read_bytes() == before
    # Nothing changed in this window either, to be written later.
    settings = coach.repository.table("settings").all()
    assert "unsealed_from" not in {doc["id"] for doc in settings}


def test_an_old_plain_copy_put_back_while_closed_unseals_no_backup(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    path = data_dir / DATA_FILE_NAME
    setup = Coach.open(data_dir, clock)
    setup.privacy.set_passphrase(PASSPHRASE)
    setup.file.close()
    old_plain = path.read_bytes()
    coach = Coach.open(data_dir, clock)
    coach.privacy.encrypt(PASSPHRASE)
    _note(coach, SENTENCE)
    assert coach.file.flush() == []
    clock.advance(timedelta(days=1))
    _note(coach, "the next day")  # its first save keeps a sealed backup, with SENTENCE
    coach.file.close()
    assert any(is_sealed(p.read_bytes()) for p in backup_folder(path).glob("*.json"))
    path.write_bytes(old_plain)  # a sync tool, while nctui is closed
    plain = _open(windows, data_dir, clock)
    assert plain.privacy.verify(PASSPHRASE)
    assert _plain_anywhere(data_dir, SENTENCE) == []


def test_a_window_follows_decrypt_encrypt_decrypt_in_another(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    _sealed_folder(data_dir, clock)
    first = _open(windows, data_dir, clock, PASSPHRASE)
    second = _open(windows, data_dir, clock, PASSPHRASE)
    second.privacy.decrypt(PASSPHRASE)
    second.privacy.encrypt(PASSPHRASE)  # the same passphrase: a new turn, one key
    _note(first, "between the turns")
    assert first.file.flush(timeout=5) == []
    second.privacy.decrypt(PASSPHRASE)
    _, notices = _watch(first)
    _note(first, "after the second decrypt")
    assert first.file.flush(timeout=5) == []
    assert notices == [FOLLOWED_PLAIN] and not is_sealed((data_dir / DATA_FILE_NAME).read_bytes())


def test_the_wait_for_a_key_ends_when_the_other_window_turns_encryption_off(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    _sealed_folder(data_dir, clock)
    first = _open(windows, data_dir, clock, PASSPHRASE)
    second = _open(windows, data_dir, clock, PASSPHRASE)
    second.privacy.set_passphrase(OTHER, current=PASSPHRASE)
    _watch(first)
    _note(first, "waiting")
    assert first.file.flush() and _waiting(first)
    second.privacy.decrypt(OTHER)
    first.file.follow_file()
    assert not _waiting(first)
    assert first.file.flush(timeout=5) == []
    assert "waiting" in _notes(_open(windows, data_dir, clock))


def test_a_change_of_passphrase_in_a_window_behind_on_the_key_is_refused(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    plain = _open(windows, data_dir, clock)
    other = _open(windows, data_dir, clock)
    other.privacy.set_passphrase(PASSPHRASE)
    other.privacy.encrypt(PASSPHRASE)
    with pytest.raises(PassphraseNeeded, match="another window"):
        plain.privacy.set_passphrase(OTHER, current=PASSPHRASE)


# -- a file gone or damaged while encryption was on ------------------------------------------


def _sealed_with_a_backup(data_dir: Path, clock: ManualClock) -> None:
    _sealed_folder(data_dir, clock)
    coach = Coach.open(data_dir, clock, PASSPHRASE)
    clock.advance(timedelta(days=1))
    _note(coach, "kept in the backup too")  # the day's first save keeps a sealed backup
    coach.file.close()
    assert any(
        is_sealed(p.read_bytes()) for p in backup_folder(data_dir / DATA_FILE_NAME).glob("*")
    )


@pytest.mark.parametrize("damage", ["garbage", "empty", "gone"])
def test_a_file_lost_while_encrypted_asks_and_starts_afresh_encrypted(
    data_dir: Path, clock: ManualClock, windows: list[Coach], damage: str
) -> None:
    _sealed_with_a_backup(data_dir, clock)
    path = data_dir / DATA_FILE_NAME
    if damage == "gone":
        path.unlink()
    else:
        path.write_bytes(b"" if damage == "empty" else bytes(range(256)) * 20)
    before = {p.name: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    with pytest.raises(PassphraseNeeded, match="missing or damaged"):
        Coach.open(data_dir, clock)
    with pytest.raises(WrongPassphrase):
        Coach.open(data_dir, clock, "not the passphrase at all")
    after = {p.name: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    assert after == before  # nothing moved or written by either
    coach = _open(windows, data_dir, clock, PASSPHRASE)
    assert coach.privacy.state().encrypted
    _note(coach, SENTENCE)
    assert coach.file.flush() == []
    assert is_sealed(path.read_bytes())
    assert _plain_anywhere(data_dir, SENTENCE) == []


def test_the_command_line_asks_for_the_passphrase_of_a_lost_encrypted_file(
    data_dir: Path, clock: ManualClock, capsys: pytest.CaptureFixture[str]
) -> None:
    from nctui.unlocking import open_coach

    _sealed_with_a_backup(data_dir, clock)
    (data_dir / DATA_FILE_NAME).write_bytes(b"")
    asked: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return PASSPHRASE

    coach, _ = open_coach(data_dir, clock, ask=ask, sleep=lambda _seconds: None)
    try:
        assert asked and coach.privacy.state().encrypted
        assert "missing or damaged" in capsys.readouterr().err
    finally:
        coach.file.close()


def test_a_lost_file_after_encryption_was_turned_off_starts_plain(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    _sealed_with_a_backup(data_dir, clock)
    coach = Coach.open(data_dir, clock, PASSPHRASE)
    key = coach.repository.key
    coach.privacy.decrypt(PASSPHRASE)
    coach.privacy.remove_passphrase(PASSPHRASE)
    coach.file.close()
    # A copy left sealed on purpose (damaged, set aside while encrypted) stays sealed.
    assert key is not None
    (data_dir / f"{DATA_FILE_NAME}.corrupt-2026-11-01T10-00-00").write_bytes(
        seal_bytes(b"{cut", key)
    )
    (data_dir / DATA_FILE_NAME).unlink()
    plain = _open(windows, data_dir, clock)  # no passphrase asked
    assert not plain.privacy.state().lock_set


def test_a_damaged_newest_backup_defers_to_the_one_before(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    _sealed_with_a_backup(data_dir, clock)
    folder = backup_folder(data_dir / DATA_FILE_NAME)
    newest = max(folder.glob("nctui-*.json"), key=lambda p: p.stat().st_mtime)
    older = folder / "nctui-2026-11-01.json"
    older.write_bytes(newest.read_bytes())
    os.utime(older, (1, 1))
    newest.write_bytes(newest.read_bytes()[:20])  # cut inside its header
    (data_dir / DATA_FILE_NAME).unlink()
    with pytest.raises(PassphraseNeeded, match="latest backup is encrypted"):
        Coach.open(data_dir, clock)
    assert _open(windows, data_dir, clock, PASSPHRASE).privacy.state().encrypted


def test_after_a_decrypt_elsewhere_the_lock_still_wants_its_passphrase(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    _sealed_folder(data_dir, clock)
    first = _open(windows, data_dir, clock, PASSPHRASE)
    second = _open(windows, data_dir, clock, PASSPHRASE)
    second.privacy.set_passphrase(OTHER, current=PASSPHRASE)
    _watch(first)
    _note(first, "waiting")
    assert first.file.flush() and _waiting(first)
    second.privacy.decrypt(OTHER)
    assert not first.privacy.take_new_key("anything at all, really")
    assert first.privacy.take_new_key(PASSPHRASE)  # the lock's, as this window knows it


def test_an_older_sealed_copy_put_back_keeps_the_current_keys_and_lock(
    data_dir: Path, clock: ManualClock, windows: list[Coach]
) -> None:
    path = data_dir / DATA_FILE_NAME
    _sealed_folder(data_dir, clock)
    older = path.read_bytes()
    window = _open(windows, data_dir, clock, PASSPHRASE)
    window.privacy.set_passphrase(OTHER, current=PASSPHRASE)
    path.write_bytes(older)  # its settings know nothing of OTHER
    _note(window, SENTENCE)
    assert window.file.flush(timeout=5) == []
    window.file.close()
    again = _open(windows, data_dir, clock, OTHER)
    (earlier,) = again.repository.earlier_keys()
    assert earlier.fits(read_header(older))
    assert again.privacy.verify(OTHER)
