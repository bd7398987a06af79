"""`nctui status`: one line, or JSON, in each state; read-only; no Textual."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from filelock import FileLock

from nctui.cli import main
from nctui.coach import Coach
from nctui.domain.cards import Occasion, deck
from nctui.domain.checkin import CheckInValues
from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind
from nctui.status import status_line, status_report
from tests.seeds import seed_plan, seed_restarted

KEYS = {
    "state",
    "day",
    "length_days",
    "days_left",
    "ends_today",
    "start",
    "end",
    "current_run_days",
    "longest_run_days",
    "checked_in_today",
    "card",
}


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert main(["--data-dir", str(data_dir), "status", *extra]) == 0
    return capsys.readouterr().out.strip()


def test_no_plan(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(data_dir, capsys) == "No plan yet · run nctui to make one"
    report = json.loads(_run(data_dir, capsys, "--json"))
    assert set(report) == KEYS
    assert report["state"] == "no-plan"
    # With no plan, every number is null: there is nothing to count yet.
    assert [key for key, value in report.items() if value is not None] == ["state"]
    assert not (data_dir / "nctui.json").exists()  # nothing was written


def test_active(data_dir: Path, clock: ManualClock, capsys: pytest.CaptureFixture[str]) -> None:
    seed_plan(data_dir, clock, days_ago=11.1)
    assert _run(data_dir, capsys) == "Day 12 of 45 · 33 days left"
    report = json.loads(_run(data_dir, capsys, "--json"))
    assert report == {
        "state": "active",
        "day": 12,
        "length_days": 45,
        "days_left": 33,
        "ends_today": False,
        "start": "2026-11-15T07:06:00+00:00",
        "end": "2026-12-30T07:06:00+00:00",
        "current_run_days": 11,
        "longest_run_days": 11,
        "checked_in_today": False,
        "card": deck().by_day[(Occasion.DAY, 12)].title,
    }


def test_the_card_and_todays_check_in_follow_the_app(
    data_dir: Path, clock: ManualClock, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_plan(data_dir, clock, days_ago=4.1, length=30)
    app_coach = Coach.open(data_dir, clock)
    try:
        assert status_report(data_dir, clock())["card"] == app_coach.companion.card().title
        app_coach.journal.check_in(app_coach.journal.today(), CheckInValues(6, 4, 3))
        app_coach.ledger.log(Kind.SLIP, detail="social_media")
        app_coach.file.flush()
        report = status_report(data_dir, clock())
        assert report["checked_in_today"] is True
        assert report["card"] == app_coach.companion.card().title
        assert report["card"] in {card.title for card in deck().turns[Occasion.SLIP]}
    finally:
        app_coach.file.close()
    # The plain line stays as it was.
    assert _run(data_dir, capsys) == "Day 5 of 30 · 25 days left"


def test_a_check_in_before_the_day_start_hour_counts_for_the_evening_before(
    data_dir: Path, clock: ManualClock, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_plan(data_dir, clock, days_ago=4.1, length=30)
    coach = Coach.open(data_dir, clock)
    try:
        coach.journal.set_day_start(11)  # 09:30 is still yesterday
        coach.journal.check_in(coach.journal.today(), CheckInValues(6, 4, 3))
        coach.file.flush()
    finally:
        coach.file.close()
    assert status_report(data_dir, clock())["checked_in_today"] is True
    clock.moment += timedelta(hours=2)  # 11:30: a new check-in day
    assert status_report(data_dir, clock())["checked_in_today"] is False


def test_status_reads_the_tables_storage_writes() -> None:
    from nctui.storage import period_inputs
    from nctui.storage.checkin_store import CHECKINS, DAY_START
    from nctui.storage.settings import SETTINGS_TABLE

    assert (period_inputs.SETTINGS_TABLE, period_inputs.CHECKINS, period_inputs.DAY_START) == (
        SETTINGS_TABLE,
        CHECKINS,
        DAY_START,
    )


def test_the_final_day_says_when_it_ends(data_dir: Path, clock: ManualClock) -> None:
    # Begun at 21:30: the 45th day runs to 21:30 on the calendar day after it.
    seed_plan(data_dir, clock, days_ago=44.5)
    line = status_line(status_report(data_dir, clock()))
    assert line == "Day 45 of 45 · last day · ends at 21:30"


def test_the_day_before_a_mid_day_end(data_dir: Path, clock: ManualClock) -> None:
    seed_plan(data_dir, clock, days_ago=44.1)
    line = status_line(status_report(data_dir, clock()))
    assert line == "Day 45 of 45 · ends tomorrow at 07:06"


def test_complete(data_dir: Path, clock: ManualClock, capsys: pytest.CaptureFixture[str]) -> None:
    seed_plan(data_dir, clock, days_ago=50, length=45)
    assert _run(data_dir, capsys).startswith("Period complete · 45 days")
    assert json.loads(_run(data_dir, capsys, "--json"))["state"] == "complete"


def test_after_a_restart_runs_are_counted(data_dir: Path, clock: ManualClock) -> None:
    seed_restarted(data_dir, clock)
    report = status_report(data_dir, clock())
    assert (report["day"], report["current_run_days"], report["longest_run_days"]) == (6, 5, 15)


def test_works_while_the_app_holds_the_lock_and_changes_nothing(
    data_dir: Path, clock: ManualClock, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    before = (data_dir / "nctui.json").read_bytes()
    with FileLock(data_dir / "nctui.json.lock"):
        assert _run(data_dir, capsys).startswith("Day 4 of 45")
    assert (data_dir / "nctui.json").read_bytes() == before


def test_a_damaged_file_is_reported_not_repaired(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "nctui.json").write_text("{half")
    assert main(["--data-dir", str(data_dir), "status"]) == 2
    assert "could not be read" in capsys.readouterr().err
    assert (data_dir / "nctui.json").read_text() == "{half"


def test_the_clock_going_back_never_shows_a_negative_count(
    data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=2)
    clock.advance(timedelta(days=-30))
    report = status_report(data_dir, clock())
    assert report["day"] == 1
    assert report["days_left"] == 44


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", "{dir}", "status"],
        ["--data-dir={dir}", "status"],
        ["status", "--data-dir", "{dir}"],  # options after the command work too
        ["status", "--data-dir={dir}"],
        ["status"],  # the folder from NCTUI_DATA_DIR
    ],
)
def test_every_way_of_asking_gives_the_same_line(
    argv: list[str],
    data_dir: Path,
    clock: ManualClock,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seed_plan(data_dir, clock, days_ago=11.1)
    monkeypatch.setenv("NCTUI_DATA_DIR", str(data_dir if argv == ["status"] else "elsewhere"))
    words = [word.format(dir=data_dir) for word in argv]
    assert main(words) == 0
    assert capsys.readouterr().out.strip() == "Day 12 of 45 · 33 days left"
    assert main([*words, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["day"] == 12


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        (["status", "--data-dir"], "expected one argument"),
        (["status", "--jsn"], "unrecognized arguments: --jsn"),
        (["status", "now"], "unrecognized arguments: now"),
    ],
)
def test_a_mistyped_status_still_gets_a_clear_message(
    argv: list[str], complaint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as leaving:
        main(argv)
    assert leaving.value.code == 2
    assert complaint in capsys.readouterr().err


def test_status_never_imports_textual_or_tinydb(data_dir: Path, clock: ManualClock) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    code = (
        "import sys\nfrom nctui.cli import main\n"
        f"main(['--data-dir', {str(data_dir)!r}, 'status'])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = result.stdout.strip().splitlines()[-1]
    assert "'textual'" not in loaded
    assert "'tinydb'" not in loaded
    assert "'cryptography'" not in loaded  # only an encrypted file's reader needs it
    assert "'argparse'" not in loaded  # the usual forms skip it: prompts run this often
