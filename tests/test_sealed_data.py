"""Encryption at rest, end to end: the sealed data file behind the repository, the files
beside it, two windows, a kill mid-change, and what `nctui status` says.

Keys are cheap in tests (conftest's `_cheap_keys`); the default cost is never lowered.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from nctui.cli import main
from nctui.coach.coach import Coach
from nctui.coach.privacy import PassphraseNeeded, UnreadableHeader, WrongPassphrase
from nctui.domain.clock import ManualClock
from nctui.status import SEALED_MAGIC
from nctui.storage.atomic_file import read_file
from nctui.storage.crypto import header as header_module
from nctui.storage.crypto.cost import ScryptCost
from nctui.storage.crypto.header import build_header, is_sealed
from nctui.storage.crypto.sealed_file import key_for
from nctui.storage.leftovers import keep_unsaved, leftover_files
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.ops import Insert, new_id
from nctui.storage.sealing import make_key
from nctui.storage.status_summary import summary_path
from tests.sealed_notes import OTHER, PASSPHRASE, SENTENCE
from tests.sealed_notes import note as _note
from tests.sealed_notes import notes as _notes


def _sealed(data_dir: Path, clock: ManualClock) -> Coach:
    coach = Coach.open(data_dir, clock)
    coach.privacy.set_passphrase(PASSPHRASE)
    coach.privacy.encrypt(PASSPHRASE)
    return coach


def _folder(data_dir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(data_dir)): path.read_bytes()
        for path in sorted(data_dir.rglob("*"))
        if path.is_file() and not path.name.endswith(".lock")
    }


@pytest.fixture
def sealed_dir(data_dir: Path, clock: ManualClock) -> Iterator[Path]:
    """A data folder whose file is sealed with PASSPHRASE and holds SENTENCE."""
    coach = _sealed(data_dir, clock)
    _note(coach, SENTENCE)
    coach.file.close()
    yield data_dir


def test_a_sealed_file_opens_with_its_passphrase_only(sealed_dir: Path, clock: ManualClock) -> None:
    path = sealed_dir / DATA_FILE_NAME
    assert is_sealed(path.read_bytes())
    assert SENTENCE.encode() not in path.read_bytes()
    coach = Coach.open(sealed_dir, clock, PASSPHRASE)
    try:
        assert _notes(coach) == [SENTENCE]
        assert coach.privacy.state().encrypted
        assert coach.privacy.verify(PASSPHRASE)
    finally:
        coach.file.close()


def test_without_a_passphrase_nothing_is_touched(sealed_dir: Path, clock: ManualClock) -> None:
    before = _folder(sealed_dir)
    with pytest.raises(PassphraseNeeded, match="passphrase"):
        Coach.open(sealed_dir, clock)
    assert _folder(sealed_dir) == before


def test_a_wrong_passphrase_leaves_the_folder_byte_identical(
    sealed_dir: Path, clock: ManualClock
) -> None:
    before = _folder(sealed_dir)
    for wrong in (OTHER, PASSPHRASE.upper(), "🙂" * 10, "x" * 10_000):
        with pytest.raises(WrongPassphrase):
            Coach.open(sealed_dir, clock, wrong)
    assert _folder(sealed_dir) == before


def test_every_save_is_sealed_afresh(sealed_dir: Path, clock: ManualClock) -> None:
    coach = Coach.open(sealed_dir, clock, PASSPHRASE)
    path = sealed_dir / DATA_FILE_NAME
    blobs = []
    for index in range(3):
        _note(coach, f"entry {index}")
        coach.file.flush()
        blobs.append(path.read_bytes())
    coach.file.close()
    nonces = {header_module.read_header(blob).nonce for blob in blobs}
    assert len(nonces) == 3
    assert all(is_sealed(blob) and b"entry" not in blob for blob in blobs)


def test_a_flipped_byte_in_the_ciphertext_is_damage_kept_aside(
    sealed_dir: Path, clock: ManualClock
) -> None:
    path = sealed_dir / DATA_FILE_NAME
    blob = bytearray(path.read_bytes())
    blob[-20] ^= 0x01
    path.write_bytes(bytes(blob))
    coach = Coach.open(sealed_dir, clock, PASSPHRASE)
    try:
        report = coach.file.report
        assert report.moved_aside is not None
        assert report.moved_aside.read_bytes() == bytes(blob)  # bytes as found
        assert "sealed contents were damaged" in (report.damage or "")
        assert is_sealed(path.read_bytes())  # the fresh file is sealed too
    finally:
        coach.file.close()


def test_a_file_cut_in_half_is_damage_not_a_wrong_passphrase(
    sealed_dir: Path, clock: ManualClock
) -> None:
    path = sealed_dir / DATA_FILE_NAME
    blob = path.read_bytes()
    path.write_bytes(blob[: len(blob) // 2 + 50])
    with pytest.raises(WrongPassphrase):
        Coach.open(sealed_dir, clock, OTHER)
    coach = Coach.open(sealed_dir, clock, PASSPHRASE)
    try:
        assert coach.file.report.moved_aside is not None
    finally:
        coach.file.close()


def _edited_header(blob: bytes, **changes: int) -> bytes:
    # A hand edit that keeps the checksum right: only then does a header's content count.
    header = header_module.read_header(blob)
    cost = changes.pop("cost", None)
    raw = bytearray(header.raw)
    if "cipher" in changes:
        raw[11] = changes["cipher"]
    if cost is not None:
        raw[13:17] = cost.to_bytes(4, "big")
    raw[-8:] = header_module.checksum(bytes(raw[:-8]))
    return bytes(raw) + blob[header.size :]


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        ({"cipher": 9}, "encryption method"),
        ({"cost": 2**30}, "key settings cannot be used"),
    ],
)
def test_a_header_edited_by_hand_is_refused_and_left_as_it_is(
    sealed_dir: Path, clock: ManualClock, edit: dict[str, int], said: str
) -> None:
    path = sealed_dir / DATA_FILE_NAME
    path.write_bytes(_edited_header(path.read_bytes(), **edit))
    before = _folder(sealed_dir)
    with pytest.raises(UnreadableHeader, match=said):
        Coach.open(sealed_dir, clock, PASSPHRASE)
    assert _folder(sealed_dir) == before


def test_a_header_without_its_salt_is_refused(sealed_dir: Path, clock: ManualClock) -> None:
    path = sealed_dir / DATA_FILE_NAME
    blob = path.read_bytes()
    cost = ScryptCost(n=16, r=1, p=1)
    saltless = build_header(cost, b"", b"\0" * 32, b"\0" * 12)
    path.write_bytes(saltless + blob[94:])
    before = _folder(sealed_dir)
    with pytest.raises(UnreadableHeader, match="salt"):
        Coach.open(sealed_dir, clock, PASSPHRASE)
    assert _folder(sealed_dir) == before


def test_two_windows_on_one_sealed_file_keep_each_others_writes(
    sealed_dir: Path, clock: ManualClock
) -> None:
    first = Coach.open(sealed_dir, clock, PASSPHRASE)
    second = Coach.open(sealed_dir, clock, PASSPHRASE)
    for index in range(3):
        _note(first, f"first {index}")
        first.file.flush()
        _note(second, f"second {index}")
        second.file.flush()
    assert first.file.changed_elsewhere()
    snapshot = first.file.read_elsewhere()
    assert snapshot is not None and first.file.take_in(snapshot)
    assert len(_notes(first)) == 7
    first.file.close()
    second.file.close()
    again = Coach.open(sealed_dir, clock, PASSPHRASE)
    try:
        assert len(_notes(again)) == 7
    finally:
        again.file.close()


def test_a_passphrase_changed_in_another_window_waits_and_is_added_back(
    sealed_dir: Path, clock: ManualClock
) -> None:
    first = Coach.open(sealed_dir, clock, PASSPHRASE)
    second = Coach.open(sealed_dir, clock, PASSPHRASE)
    second.privacy.set_passphrase(OTHER, current=PASSPHRASE)
    failures: list[str] = []
    wanted: list[bool] = []
    first.file.watch(failures.append, lambda _notice: None, wanted.append)
    _note(first, "written after the change")
    assert first.file.flush()  # not written: this window's key is the old one
    assert set(wanted) == {False} and not failures
    assert first.privacy.waiting_for_key
    assert not list(sealed_dir.glob(f"{DATA_FILE_NAME}.corrupt-*"))
    recovery = first.file.close(timeout=5)
    second.file.close()
    assert recovery is not None and SENTENCE.encode() not in recovery.read_bytes()
    assert is_sealed(recovery.read_bytes())
    reopened = Coach.open(sealed_dir, clock, OTHER)
    try:
        # The new passphrase's data keeps the old key, sealed: the leftover opens with it.
        assert "written after the change" in _notes(reopened)
        assert reopened.file.report.added_back == 1
        assert not leftover_files(sealed_dir)
    finally:
        reopened.file.close()


def test_unsaved_changes_are_kept_sealed_and_added_back(
    sealed_dir: Path, clock: ManualClock
) -> None:
    coach = Coach.open(sealed_dir, clock, PASSPHRASE)
    key = coach.repository.key
    coach.file.close()
    op = Insert("notes", {"id": new_id(), "note": "kept while the disk was full"})
    kept = keep_unsaved([op], sealed_dir, clock(), key)
    assert kept is not None and is_sealed(kept.read_bytes())
    again = Coach.open(sealed_dir, clock, PASSPHRASE)
    try:
        assert "kept while the disk was full" in _notes(again)
        assert again.file.report.added_back == 1
        assert not leftover_files(sealed_dir)
    finally:
        again.file.close()


def test_no_plaintext_of_a_sentence_remains_in_the_data_folder(
    data_dir: Path, clock: ManualClock
) -> None:
    coach = Coach.open(data_dir, clock)
    _note(coach, SENTENCE)
    coach.file.flush()
    clock.advance(timedelta(days=1))  # the next day's first save keeps a backup with it
    _note(coach, "another day")
    coach.file.flush()
    path = data_dir / DATA_FILE_NAME
    # What earlier runs left beside the data: a copy before a migration, a damaged copy,
    # unsaved changes.
    (data_dir / f"{DATA_FILE_NAME}.backup-v1").write_bytes(path.read_bytes())
    (data_dir / f"{DATA_FILE_NAME}.corrupt-2026-11-01T10-00-00").write_bytes(
        path.read_bytes()[:-30]
    )
    keep_unsaved([Insert("notes", {"id": new_id(), "note": SENTENCE})], data_dir, clock())
    assert Path(summary_path(path)).exists()
    assert any(SENTENCE.encode() in blob for blob in _folder(data_dir).values())

    coach.privacy.set_passphrase(PASSPHRASE)
    coach.privacy.encrypt(PASSPHRASE)
    _note(coach, "after encryption")
    coach.file.close()

    found = _folder(data_dir)
    assert len(found) >= 5
    assert (Path("backups") / f"nctui-{clock().date().isoformat()}.json").as_posix() in found
    for name, blob in found.items():
        assert SENTENCE.encode() not in blob, name
        assert b"after encryption" not in blob, name
    for name in found:  # the leftover in the system's temporary folder follows too
        assert not name.endswith(".status")
    for leftover in leftover_files(data_dir):
        assert is_sealed(leftover.read_bytes())


def test_turning_encryption_off_writes_the_copies_plain_again(
    sealed_dir: Path, clock: ManualClock
) -> None:
    coach = Coach.open(sealed_dir, clock, PASSPHRASE)
    clock.advance(timedelta(days=1))
    _note(coach, "a new day")
    coach.file.flush()
    coach.privacy.decrypt(PASSPHRASE)
    coach.file.close()
    found = _folder(sealed_dir)
    assert not any(is_sealed(blob) for blob in found.values())
    assert SENTENCE.encode() in found[DATA_FILE_NAME]
    assert Path(summary_path(sealed_dir / DATA_FILE_NAME)).exists()


def test_changing_the_passphrase_reseals_the_backups(sealed_dir: Path, clock: ManualClock) -> None:
    coach = Coach.open(sealed_dir, clock, PASSPHRASE)
    clock.advance(timedelta(days=1))
    _note(coach, "a new day")
    coach.file.flush()
    coach.privacy.set_passphrase(OTHER, current=PASSPHRASE)
    coach.file.close()
    backups = sorted((sealed_dir / "backups").glob("*.json"))
    assert backups
    for backup in backups:
        blob = backup.read_bytes()
        assert read_file(backup, key_for(blob, OTHER)) is not None
        with pytest.raises(WrongPassphrase):
            key_for(blob, PASSPHRASE)


# -- nctui status -------------------------------------------------------------------------


def test_the_status_magic_is_the_sealed_files() -> None:
    assert SEALED_MAGIC == header_module.MAGIC


def test_status_of_a_sealed_file_says_locked(
    sealed_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert not Path(summary_path(sealed_dir / DATA_FILE_NAME)).exists()
    assert main(["--data-dir", str(sealed_dir), "status"]) == 0
    assert capsys.readouterr().out.strip() == "locked"
    assert main(["--data-dir", str(sealed_dir), "status", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["state"] == "locked"
    assert set(report.values()) == {"locked", None}


def test_status_keeps_day_numbers_when_asked(
    data_dir: Path, clock: ManualClock, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.seeds import seed_plan

    seed_plan(data_dir, clock, days_ago=3)
    coach = Coach.open(data_dir, clock)
    coach.privacy.set_passphrase(PASSPHRASE)
    coach.privacy.encrypt(PASSPHRASE, keep_status=True)
    coach.file.close()
    summary = Path(summary_path(data_dir / DATA_FILE_NAME))
    assert summary.exists()
    assert main(["--data-dir", str(data_dir), "status"]) == 0
    assert capsys.readouterr().out.startswith("Day 4 of 45")


def test_status_of_a_sealed_file_imports_no_cryptography(sealed_dir: Path) -> None:
    code = (
        "import sys\nfrom nctui.cli import main\n"
        f"main(['--data-dir', {str(sealed_dir)!r}, 'status'])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "locked"
    assert "'cryptography'" not in lines[-1]
    assert "'textual'" not in lines[-1]


# -- a kill mid-change ---------------------------------------------------------------------

CHANGER = """
import sys
from datetime import datetime, timezone
from pathlib import Path
from nctui.storage import sealing
from nctui.storage.crypto.cost import ScryptCost
from nctui.storage.repository import Repository

sealing.NEW_KEY_COST = ScryptCost(n=16, r=1, p=1)
now = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
words = sys.argv[2:4]
repository = Repository.open(Path(sys.argv[1]), lambda: now, passphrase=words[0])
index = 0
while True:
    index += 1
    repository.reseal(sealing.make_key(words[index % 2]))
    print(index, flush=True)
"""


@pytest.mark.faults
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")
def test_kill_9_during_a_passphrase_change_leaves_the_old_or_the_new(
    sealed_dir: Path, clock: ManualClock
) -> None:
    rng = random.Random(20261127)
    order = [PASSPHRASE, OTHER]
    for run in range(12):
        changer = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(CHANGER), str(sealed_dir), *order],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert changer.stdout is not None
        done = 0
        for _ in range(rng.randint(1, 8)):
            line = changer.stdout.readline()
            assert line, "the changer stopped on its own"
            done = int(line)
        changer.send_signal(signal.SIGKILL)
        changer.wait(timeout=60)
        # The last change acknowledged (`done`), or the one after it, in mid-write.
        assert done
        opened = None
        for candidate in list(order):
            try:
                opened = Coach.open(sealed_dir, clock, candidate)
            except WrongPassphrase:
                continue
            order = [candidate, *(word for word in order if word != candidate)]
            break
        assert opened is not None, run
        try:
            assert opened.file.report.moved_aside is None, run
            assert _notes(opened) == [SENTENCE], run
        finally:
            opened.file.close()
    assert not list(sealed_dir.glob(f"{DATA_FILE_NAME}.corrupt-*"))


def test_a_key_made_in_tests_is_cheap() -> None:
    key = make_key(PASSPHRASE)
    assert key.params.cost == ScryptCost(n=16, r=1, p=1)


def test_a_damaged_header_is_damage_and_the_fresh_file_stays_sealed(
    sealed_dir: Path, clock: ManualClock
) -> None:
    path = sealed_dir / DATA_FILE_NAME
    blob = bytearray(path.read_bytes())
    blob[30] ^= 0xFF  # inside the salt: the header's checksum no longer matches
    path.write_bytes(bytes(blob))
    coach = Coach.open(sealed_dir, clock, PASSPHRASE)
    try:
        assert coach.file.report.moved_aside is not None
        assert "header was damaged" in (coach.file.report.damage or "")
        assert coach.privacy.state().encrypted
    finally:
        coach.file.close()
    Coach.open(sealed_dir, clock, PASSPHRASE).file.close()


def test_passphrase_needed_speaks_to_a_person() -> None:
    from nctui.coach.errors import StorageError

    assert isinstance(PassphraseNeeded(), StorageError)
    assert str(PassphraseNeeded()) == (
        "Your data is encrypted: nctui needs your passphrase to open it."
    )


def test_a_window_follows_another_that_turned_encryption_off(
    sealed_dir: Path, clock: ManualClock
) -> None:
    first = Coach.open(sealed_dir, clock, PASSPHRASE)
    second = Coach.open(sealed_dir, clock, PASSPHRASE)
    second.privacy.decrypt(PASSPHRASE)
    _note(first, "written after decrypting elsewhere")
    assert first.file.flush() == []
    assert not first.privacy.state().encrypted
    blob = (sealed_dir / DATA_FILE_NAME).read_bytes()
    assert not is_sealed(blob)
    assert b"written after decrypting elsewhere" in blob and SENTENCE.encode() in blob
    first.file.close()
    second.file.close()


def test_encrypting_keeps_another_windows_entries_and_takes_them_in(
    data_dir: Path, clock: ManualClock
) -> None:
    first = Coach.open(data_dir, clock)
    first.privacy.set_passphrase(PASSPHRASE)
    second = Coach.open(data_dir, clock)
    _note(second, "from the other window")
    second.file.flush()
    first.privacy.encrypt(PASSPHRASE)
    assert first.file.changed_elsewhere()
    snapshot = first.file.read_elsewhere()
    assert snapshot is not None and first.file.take_in(snapshot)
    assert _notes(first) == ["from the other window"]
    second.file.close()
    first.file.close()


def test_a_plain_copy_left_by_a_stopped_encryption_is_sealed_at_the_next_start(
    sealed_dir: Path, clock: ManualClock
) -> None:
    # As if nctui stopped after sealing the data file, before sealing the backups.
    backup = sealed_dir / "backups" / "nctui-2026-11-20.json"
    backup.parent.mkdir(exist_ok=True)
    backup.write_text(json.dumps({"notes": {"1": {"id": "n", "note": SENTENCE}}}))
    Coach.open(sealed_dir, clock, PASSPHRASE).file.close()
    assert is_sealed(backup.read_bytes())
    assert SENTENCE.encode() not in backup.read_bytes()


def test_with_a_damaged_header_a_typo_never_becomes_the_passphrase(
    sealed_dir: Path, clock: ManualClock
) -> None:
    assert list((sealed_dir / "backups").glob("*.json"))  # the day's sealed backup
    path = sealed_dir / DATA_FILE_NAME
    blob = bytearray(path.read_bytes())
    blob[30] ^= 0xFF
    path.write_bytes(bytes(blob))
    before = sorted(p.name for p in sealed_dir.iterdir())

    with pytest.raises(WrongPassphrase):
        Coach.open(sealed_dir, clock, "a typo of it")

    assert path.read_bytes() == bytes(blob)
    assert sorted(p.name for p in sealed_dir.iterdir()) == before
    coach = Coach.open(sealed_dir, clock, PASSPHRASE)
    try:
        assert coach.file.report.moved_aside is not None
    finally:
        coach.file.close()
    Coach.open(sealed_dir, clock, PASSPHRASE).file.close()
