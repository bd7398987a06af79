"""`nctui export`, `import`, `backups` and `calendar` from the command line, and the
palette's "Export my data…": what a person sees, bad input included."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nctui.cli import main
from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind
from tests.helpers import AppFactory, screen_text, squash
from tests.seeds import seed_plan

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def planned(data_dir: Path, clock: ManualClock) -> Path:
    seed_plan(data_dir, clock, days_ago=5, events=((Kind.URGE, 1, None, "Breathed."),))
    return data_dir


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_export_writes_a_private_file_and_keeps_an_existing_one_without_force(
    planned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mine.json"

    code, _, err = run(capsys, "export", "-o", str(target))
    assert code == 0
    assert f"Exported your data (json) to {target}." in err
    assert target.stat().st_mode & 0o777 == 0o600
    assert json.loads(target.read_text())["format_version"] == 1

    target.write_text("keep me")
    code, _, err = run(capsys, "export", "--format", "csv", "-o", str(target))
    assert code == 2
    assert "already exists, and was left as it is" in err
    assert "--force" in err
    assert target.read_text() == "keep me"

    assert run(capsys, "export", "--format", "csv", "-o", str(target), "--force")[0] == 0
    assert target.read_text().startswith("record,date,time")


def test_export_to_a_folder_that_does_not_exist_says_so(
    planned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "export", "-o", str(tmp_path / "nowhere" / "x.json"))
    assert code == 2
    assert f"The folder {tmp_path / 'nowhere'} does not exist." in err
    assert "Traceback" not in err


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_export_to_a_read_only_folder_says_so(
    planned: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    code, _, err = run(capsys, "export", "-o", str(locked / "x.json"))
    assert code == 2
    assert "not allowed to write" in err
    assert "Nothing was written." in err


def test_export_to_standard_output_piped_into_head_stops_quietly(
    planned: Path, data_dir: Path
) -> None:
    command = (
        f'"{sys.executable}" -m nctui --data-dir "{data_dir}" export --format markdown | head -n 2'
    )
    done = subprocess.run(command, shell=True, capture_output=True, text=True, check=False)
    assert done.stdout.splitlines()[0] == "# My nctui history"
    assert done.stderr == ""


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        ("", "is empty: there is nothing in it to import."),
        ('{"nctui_export": 1, "format_version": 1, "tables": {"eve', "is not valid JSON"),
        ("record,date,time,kind\ncheck-in,2026-11-25,09:30,\n", "looks like a CSV file"),
        ("[1, 2, 3]", "holds a JSON list, not nctui's data"),
        ('{"meta": {"1": {"schema_version": 9}}}', "comes from a newer version of nctui"),
        ('{"nctui_export": 1, "format_version": 7, "tables": {}}', "newer version of nctui"),
        ('{"users": {"1": {"name": "x"}}}', "does not hold nctui's data"),
    ],
    ids=["empty", "truncated", "csv", "list", "newer-file", "newer-export", "foreign"],
)
def test_import_refuses_what_it_cannot_use_and_changes_nothing(
    planned: Path, tmp_path: Path, content: str, complaint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (planned / "nctui.json").read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text(content)

    code, _, err = run(capsys, "import", str(bad))

    assert code == 2
    assert complaint in err
    assert err.rstrip().endswith("Nothing was changed.")
    assert "Traceback" not in err
    assert (planned / "nctui.json").read_bytes() == before
    assert not list((planned / "backups").glob("*before-import*"))


def test_import_then_backups_lists_what_each_backup_holds(
    planned: Path, tmp_path: Path, clock: ManualClock, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    seed_plan(other, clock, days_ago=2, events=((Kind.SLIP, 1, "social_media", ""),))
    run(capsys, "--data-dir", str(other), "export", "-o", str(tmp_path / "other.json"))

    code, out, _ = run(capsys, "import", str(tmp_path / "other.json"), "--dry-run")
    assert (code, out.splitlines()[0]) == (0, "Would add: 1 period, 1 ledger event, 1 setting.")
    code, out, _ = run(capsys, "import", str(tmp_path / "other.json"))
    assert out.splitlines()[0] == "Added: 1 period, 1 ledger event, 1 setting."
    code, out, _ = run(capsys, "import", str(tmp_path / "other.json"))
    assert out.startswith("Nothing to add")

    code, out, _ = run(capsys, "backups")
    assert code == 0
    assert "0 check-ins, 1 ledger event" in out  # as it was before the import
    assert "before-import.json" in out
    assert "nctui import " in out


def test_backups_with_none_yet_says_when_they_come(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "backups")
    assert code == 0
    assert out.startswith("No backups yet.")


def test_calendar_writes_an_ics_file_and_explains_without_a_plan(
    data_dir: Path, tmp_path: Path, clock: ManualClock, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "calendar", "-o", str(tmp_path / "a.ics"))
    assert code == 2
    assert "there is nothing to put in a calendar yet" in err
    assert not (tmp_path / "a.ics").exists()

    seed_plan(data_dir, clock, days_ago=5)
    code, _, err = run(capsys, "calendar", "-o", str(tmp_path / "a.ics"), "--checkin", "21:00")
    assert code == 0
    assert (tmp_path / "a.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert "Wrote your calendar to" in err

    code, _, err = run(capsys, "calendar", "--checkin", "9pm")
    assert code == 2
    assert "give it as HH:MM" in err


async def test_the_palette_exports_and_says_where(make_app: AppFactory, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("ctrl+p", *"export my data", "enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = data_dir / "exports" / "nctui-export-2026-11-26.json"
        assert json.loads(written.read_text())["nctui_export"] == 1
        assert written.stat().st_mode & 0o777 == 0o600
        await pilot.pause()
        shown = squash(screen_text(app))
        assert "Your data is exported" in shown
        assert "It is plain text" in shown
        (notice,) = [n for n in app._notifications if n.title == "Your data is exported"]
        assert str(written) in notice.message  # the whole path, however the toast wraps it


@pytest.mark.parametrize("command", [["export"], ["export", "-o", "x.json"], ["calendar"]])
def test_export_and_calendar_with_no_data_yet_say_so_and_create_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)

    code, out, err = run(capsys, "--data-dir", str(empty), *command)

    assert code == 2
    assert out == ""
    assert "nothing to" in err
    assert "Traceback" not in err
    assert list(empty.iterdir()) == []
    assert list(here.iterdir()) == []
    code, _, _ = run(capsys, "--data-dir", str(tmp_path / "missing"), *command)
    assert code == 2
    assert not (tmp_path / "missing").exists()


def test_calendar_without_o_writes_nctui_ics_here_and_names_the_whole_path(
    planned: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)

    code, _, err = run(capsys, "calendar")

    assert code == 0
    assert (tmp_path / "nctui.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert f"Wrote your calendar to {tmp_path / 'nctui.ics'}." in err


@pytest.mark.parametrize("damage", [b"", b"garbage", b'{"_meta": {"1": {"schema_ver'])
@pytest.mark.parametrize(
    "command", [["export"], ["export", "-o", "out.md", "--format", "markdown"], ["calendar"]]
)
def test_a_command_never_repairs_a_damaged_file_behind_the_persons_back(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    damage: bytes,
    command: list[str],
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "nctui.json").write_bytes(damage)
    monkeypatch.chdir(tmp_path)

    code, out, err = run(capsys, "--data-dir", str(data_dir), *command)

    assert code == 2
    assert out == ""
    assert "could not be read" in err and "Open nctui once" in err
    assert sorted(p.name for p in data_dir.iterdir()) == ["nctui.json"]  # nothing aside
    assert (data_dir / "nctui.json").read_bytes() == damage
    assert not (tmp_path / "out.md").exists()


def test_a_dry_run_import_leaves_the_data_folder_exactly_as_it_was(
    planned: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "e.json"
    assert run(capsys, "export", "-o", str(exported))[0] == 0
    empty = tmp_path / "empty"

    code, out, _ = run(capsys, "--data-dir", str(empty), "import", str(exported), "--dry-run")

    assert code == 0
    assert out.startswith("Would add: 1 period")
    assert not empty.exists()
    before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    code, out, _ = run(capsys, "import", str(exported), "--dry-run")
    assert code == 0
    assert {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()} == before
