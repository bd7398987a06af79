"""`nctui passphrase`, `encrypt`, `decrypt`, the start-up prompt, and the data commands
on an encrypted file: what a person types and sees, bad input included.

Passphrases are "typed" by replacing getpass; keys are cheap (conftest's `_cheap_keys`).
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from nctui.cli import main, open_app
from nctui.coach.coach import Coach
from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind
from nctui.startup import resume_collection
from nctui.storage.crypto import header as header_module
from nctui.storage.crypto.header import is_sealed
from nctui.storage.location import DATA_FILE_NAME
from nctui.unlocking import LOCKED_PROMPT, Stopped
from tests.seeds import seed_plan

PASSPHRASE = "blue kettle on the hill"
OTHER = "seven quiet lanterns"
Typed = Callable[..., list[str]]


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Typed:
    """Answer getpass's prompts in order; an exception class is raised as if pressed.
    Returns the prompts shown, to check."""
    prompts: list[str] = []

    def answers(*lines: str | type[BaseException]) -> list[str]:
        queue = list(lines)

        def fake(prompt: str = "") -> str:
            prompts.append(prompt)
            assert queue, f"nctui asked more than expected: {prompt!r}"
            answer = queue.pop(0)
            if isinstance(answer, type):
                raise answer
            return answer

        monkeypatch.setattr(getpass, "getpass", fake)
        return prompts

    return answers


@pytest.fixture
def planned(data_dir: Path, clock: ManualClock) -> Path:
    seed_plan(data_dir, clock, days_ago=5, events=((Kind.URGE, 1, None, "Breathed slowly."),))
    return data_dir


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _data(data_dir: Path) -> bytes:
    return (data_dir / DATA_FILE_NAME).read_bytes()


def _encrypted(data_dir: Path, clock: ManualClock) -> None:
    coach = Coach.open(data_dir, clock)
    coach.privacy.set_passphrase(PASSPHRASE)
    coach.privacy.encrypt(PASSPHRASE)
    coach.file.close()


def _opens_with(data_dir: Path, clock: ManualClock, passphrase: str) -> bool:
    coach = Coach.open(data_dir, clock, passphrase) if is_sealed(_data(data_dir)) else None
    if coach is None:
        coach = Coach.open(data_dir, clock)
        try:
            return coach.privacy.verify(passphrase)
        finally:
            coach.file.close()
    coach.file.close()
    return True


# -- nctui passphrase ------------------------------------------------------------------------


def test_setting_a_passphrase_says_it_cannot_be_recovered(
    planned: Path, clock: ManualClock, typed: Typed, capsys: pytest.CaptureFixture[str]
) -> None:
    prompts = typed(PASSPHRASE, PASSPHRASE)
    code, out, err = run(capsys, "passphrase")
    assert code == 0
    assert prompts == ["New passphrase: ", "Type it once more: "]
    assert "cannot be recovered" in err and "nctui export" in err
    assert "passphrase is set" in out
    assert PASSPHRASE not in out + err
    assert _opens_with(planned, clock, PASSPHRASE)
    assert PASSPHRASE.encode() not in _data(planned)


@pytest.mark.parametrize(
    ("first", "said"),
    [
        ("", "Choose a passphrase first."),
        ("short", "at least 8 characters"),
        ("x" * 200_001, "longer than nctui can use"),
    ],
)
def test_an_unusable_passphrase_is_asked_again_calmly(
    planned: Path,
    clock: ManualClock,
    typed: Typed,
    capsys: pytest.CaptureFixture[str],
    first: str,
    said: str,
) -> None:
    typed(first, PASSPHRASE, PASSPHRASE)
    code, _, err = run(capsys, "passphrase")
    assert code == 0
    assert said in err
    assert "Traceback" not in err


def test_two_entries_that_differ_are_asked_again_and_three_misses_change_nothing(
    planned: Path, clock: ManualClock, typed: Typed, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _data(planned)
    typed(PASSPHRASE, OTHER, PASSPHRASE, OTHER, PASSPHRASE, "")
    code, _, err = run(capsys, "passphrase")
    assert code == 2
    assert err.count("not the same") == 2
    assert "No passphrase was set. Nothing was changed." in err
    assert _data(planned) == before


@pytest.mark.parametrize(
    "chosen",
    [
        "word " * 2_000,  # 10,000 characters
        "🌊 tide comes in 🌙",
        "pasted with a newline",
    ],
)
def test_long_emoji_and_pasted_passphrases_work(
    planned: Path,
    clock: ManualClock,
    typed: Typed,
    capsys: pytest.CaptureFixture[str],
    chosen: str,
) -> None:
    typed(chosen + "\n", chosen)
    assert run(capsys, "passphrase")[0] == 0
    assert _opens_with(planned, clock, chosen)
    assert _opens_with(planned, clock, chosen + "\r\n")


@pytest.mark.parametrize("pressed", [KeyboardInterrupt, EOFError])
def test_ctrl_c_or_ctrl_d_at_a_prompt_stops_calmly(
    planned: Path, typed: Typed, capsys: pytest.CaptureFixture[str], pressed: type
) -> None:
    before = _data(planned)
    typed(pressed)
    code, _, err = run(capsys, "passphrase")
    assert code == 2
    assert "Stopped. Nothing was changed." in err
    assert "Traceback" not in err
    assert _data(planned) == before


def test_changing_needs_the_current_passphrase(
    planned: Path, clock: ManualClock, typed: Typed, capsys: pytest.CaptureFixture[str]
) -> None:
    typed(PASSPHRASE, PASSPHRASE)
    run(capsys, "passphrase")
    before = _data(planned)
    typed("not the one", OTHER, OTHER)
    code, _, err = run(capsys, "passphrase")
    assert code == 2
    assert "does not open" in err and "Nothing was changed." in err
    assert _data(planned) == before
    typed(PASSPHRASE, OTHER, OTHER)
    code, out, _ = run(capsys, "passphrase")
    assert code == 0 and "changed" in out
    assert _opens_with(planned, clock, OTHER)


# -- nctui encrypt / decrypt ---------------------------------------------------------------


def test_encrypt_without_a_lock_chooses_one_then_status_says_locked(
    planned: Path, clock: ManualClock, typed: Typed, capsys: pytest.CaptureFixture[str]
) -> None:
    typed(PASSPHRASE, PASSPHRASE)
    code, out, err = run(capsys, "encrypt")
    assert code == 0, err
    assert "cannot be recovered" in err
    assert "encrypted" in out
    assert is_sealed(_data(planned))
    assert b"Breathed slowly" not in _data(planned)
    assert run(capsys, "status")[1].strip() == "locked"
    assert json.loads(run(capsys, "status", "--json")[1])["state"] == "locked"


def test_decrypt_asks_once_and_writes_plain_again(
    planned: Path, clock: ManualClock, typed: Typed, capsys: pytest.CaptureFixture[str]
) -> None:
    _encrypted(planned, clock)
    prompts = typed(PASSPHRASE)
    code, out, _ = run(capsys, "decrypt")
    assert code == 0
    assert prompts == [LOCKED_PROMPT]
    assert "plain text again" in out
    assert not is_sealed(_data(planned))
    assert b"Breathed slowly" in _data(planned)
    assert run(capsys, "status")[1].startswith("Day 6")


def test_a_wrong_passphrase_three_times_leaves_the_file_as_it_was(
    planned: Path, clock: ManualClock, typed: Typed, capsys: pytest.CaptureFixture[str]
) -> None:
    _encrypted(planned, clock)
    before = _data(planned)
    typed(OTHER, "", "still wrong\n")
    code, _, err = run(capsys, "decrypt")
    assert code == 2
    assert err.count("does not open your data") == 1  # after the third: a calm goodbye
    assert "Type your passphrase first." in err
    assert "Still locked" in err
    assert _data(planned) == before


def test_removing_the_passphrase_of_an_encrypted_file(
    planned: Path, clock: ManualClock, typed: Typed, capsys: pytest.CaptureFixture[str]
) -> None:
    _encrypted(planned, clock)
    typed(PASSPHRASE)
    code, out, _ = run(capsys, "passphrase", "--remove")
    assert code == 0 and "plain text again" in out
    coach = Coach.open(planned, clock)
    try:
        assert not coach.privacy.state().lock_set
    finally:
        coach.file.close()


def test_encrypt_can_keep_the_status_numbers(
    planned: Path, clock: ManualClock, typed: Typed, capsys: pytest.CaptureFixture[str]
) -> None:
    typed(PASSPHRASE, PASSPHRASE)
    assert run(capsys, "encrypt", "--keep-status")[0] == 0
    assert run(capsys, "status")[1].startswith("Day 6")
    typed(PASSPHRASE)
    code, out, _ = run(capsys, "encrypt", "--no-keep-status")
    assert code == 0 and "already encrypted" in out
    assert run(capsys, "status")[1].strip() == "locked"


@pytest.mark.parametrize(
    ("offset", "value", "said"),
    [
        (11, 7, "encryption method this nctui does not know"),
        (12, 9, "key is made in a way this nctui does not know"),
        (13, 2**31, "key settings cannot be used"),
    ],
)
def test_a_hand_edited_header_gets_a_clear_message_and_no_change(
    planned: Path,
    clock: ManualClock,
    typed: Typed,
    capsys: pytest.CaptureFixture[str],
    offset: int,
    value: int,
    said: str,
) -> None:
    _encrypted(planned, clock)
    path = planned / DATA_FILE_NAME
    blob = bytearray(path.read_bytes())
    size = 4 if offset == 13 else 1
    blob[offset : offset + size] = value.to_bytes(size, "big")
    size_of_header = int.from_bytes(blob[9:11], "big")
    blob[size_of_header - 8 : size_of_header] = header_module.checksum(
        bytes(blob[: size_of_header - 8])
    )
    path.write_bytes(bytes(blob))
    typed(PASSPHRASE)
    code, _, err = run(capsys, "decrypt")
    assert code == 2
    assert said in err and "left as it is" in err
    assert path.read_bytes() == bytes(blob)


# -- start-up --------------------------------------------------------------------------------


def _answers(*lines: str | None) -> Callable[[str], str | None]:
    queue = list(lines)
    return lambda _prompt: queue.pop(0)


def test_the_app_opens_an_encrypted_file_after_a_wrong_try(
    planned: Path, clock: ManualClock
) -> None:
    _encrypted(planned, clock)
    app = open_app(planned, clock, ask=_answers(OTHER, PASSPHRASE))
    try:
        assert app.coach.privacy.state().encrypted
        assert app.coach.privacy.verify(PASSPHRASE)  # the idle lock's check works
        assert not app.coach.privacy.verify(OTHER)
    finally:
        resume_collection()
        app.coach.file.close()


def test_a_lock_on_a_plain_file_is_asked_for_at_start(planned: Path, clock: ManualClock) -> None:
    coach = Coach.open(planned, clock)
    coach.privacy.set_passphrase(PASSPHRASE)
    coach.file.close()
    with pytest.raises(Stopped, match="Still locked"):
        open_app(planned, clock, ask=_answers(OTHER, OTHER, OTHER))
    resume_collection()
    app = open_app(planned, clock, ask=_answers(PASSPHRASE))
    resume_collection()
    app.coach.file.close()


def test_ctrl_d_at_the_start_prompt_exits_calmly(
    planned: Path,
    clock: ManualClock,
    typed: Typed,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _encrypted(planned, clock)
    prompts = typed(EOFError)
    code, _, err = run(capsys)
    resume_collection()
    assert code == 2
    assert prompts == [LOCKED_PROMPT]
    assert "Traceback" not in err and "Nothing was changed" in err


# -- the data commands on an encrypted file ------------------------------------------------------


def test_export_of_encrypted_data_warns_and_asks_at_a_terminal(
    planned: Path,
    clock: ManualClock,
    typed: Typed,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _encrypted(planned, clock)
    target = tmp_path / "copy.json"
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda _prompt: "n")
    typed(PASSPHRASE)
    code, _, err = run(capsys, "export", "-o", str(target))
    assert code == 2
    assert "plain text" in err and "nothing was exported" in err
    assert not target.exists()
    typed(PASSPHRASE)
    code, _, err = run(capsys, "export", "-o", str(target), "--yes")
    assert code == 0
    assert "Breathed slowly" in target.read_text()


def test_import_backups_and_calendar_work_on_an_encrypted_file(
    planned: Path,
    clock: ManualClock,
    typed: Typed,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A second folder, encrypted with another passphrase, to import from.
    other = tmp_path / "other"
    seed_plan(other, clock, days_ago=40, events=((Kind.SLIP, 30, None, "From the other."),))
    coach = Coach.open(other, clock)
    coach.privacy.set_passphrase(OTHER)
    coach.privacy.encrypt(OTHER)
    coach.file.close()
    _encrypted(planned, clock)

    prompts = typed(PASSPHRASE, OTHER)
    code, out, err = run(capsys, "import", str(other / DATA_FILE_NAME))
    assert code == 0, err
    assert prompts[1].endswith("is encrypted. Its passphrase: ")
    assert "Added" in out
    assert is_sealed(_data(planned))

    typed(PASSPHRASE)
    code, out, _ = run(capsys, "backups")
    assert code == 0
    assert "before-import" in out and "cannot be read" not in out

    typed(PASSPHRASE)
    code, out, _ = run(capsys, "calendar", "-o", "-")
    assert code == 0 and "BEGIN:VCALENDAR" in out


def test_a_wrong_passphrase_for_the_imported_file_changes_nothing(
    planned: Path,
    clock: ManualClock,
    typed: Typed,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    other = tmp_path / "other"
    _encrypted(other, clock)
    before = _data(planned)
    typed("not it at all")
    code, _, err = run(capsys, "import", str(other / DATA_FILE_NAME))
    assert code == 2
    assert "does not open" in err and "Nothing was changed." in err
    assert _data(planned) == before


def test_the_wait_between_tries_follows_the_domain_rule(
    planned: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nctui import unlocking

    _encrypted(planned, clock)
    monkeypatch.setattr(unlocking, "TRIES", 5)
    waited: list[float] = []
    with pytest.raises(Stopped):
        unlocking.open_coach(planned, clock, ask=_answers(*[OTHER] * 5), sleep=waited.append)
    assert waited == [0.0, 0.0, 2.0, 4.0]  # nothing waits in this test: the sleep is recorded


def test_a_half_written_file_is_kept_aside_and_the_command_goes_no_further(
    planned: Path, clock: ManualClock, typed: Typed, capsys: pytest.CaptureFixture[str]
) -> None:
    _encrypted(planned, clock)
    path = planned / DATA_FILE_NAME
    blob = path.read_bytes()
    path.write_bytes(blob[: len(blob) // 2])
    typed(PASSPHRASE)
    code, _, err = run(capsys, "decrypt")
    assert code == 2
    assert "could not be read (its sealed contents were damaged or cut short)" in err
    (aside,) = planned.glob(f"{DATA_FILE_NAME}.corrupt-*")
    assert aside.read_bytes() == blob[: len(blob) // 2]
    assert is_sealed(path.read_bytes())  # the fresh file stays encrypted: nothing decrypted


def test_ctrl_c_during_the_slow_check_or_the_wait_stops_calmly(
    planned: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nctui import unlocking

    _encrypted(planned, clock)
    before = _data(planned)

    def interrupted(*_args: object, **_kwargs: object) -> Coach:
        raise KeyboardInterrupt

    monkeypatch.setattr(Coach, "open", interrupted)
    with pytest.raises(Stopped, match="Nothing was changed"):
        unlocking.open_coach(planned, clock, ask=_answers(OTHER))
    monkeypatch.undo()

    def pressed(_seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(unlocking, "TRIES", 5)
    with pytest.raises(Stopped, match="Nothing was changed"):
        unlocking.open_coach(planned, clock, ask=_answers(*[OTHER] * 5), sleep=pressed)
    assert _data(planned) == before
