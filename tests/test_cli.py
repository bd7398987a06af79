"""The command line: version, help, where the data is, and refusing bad input clearly."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from nctui import __version__
from nctui.cli import main, open_app
from nctui.domain.clock import ManualClock
from nctui.startup import end_session, resume_collection
from nctui.storage.ops import Insert
from nctui.ui.app import NctuiApp as NctuiAppType
from tests.helpers import AppFactory


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as leaving:
        main(["--version"])
    assert leaving.value.code == 0
    assert capsys.readouterr().out.strip() == f"nctui {__version__}"


def test_help_explains_the_data_folder(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "--data-dir" in out
    assert "NCTUI_DATA_DIR" in out


@pytest.mark.parametrize(
    ("argv", "complaint"),
    [
        (["--colour"], "unrecognized arguments: --colour"),
        (["--data-dir"], "expected one argument"),
        (["sing"], "invalid choice: 'sing'"),
    ],
)
def test_bad_arguments_are_named_with_exit_code_2(
    argv: list[str], complaint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as leaving:
        main(argv)
    assert leaving.value.code == 2
    err = capsys.readouterr().err
    assert complaint in err
    assert "nctui --help" in err


def test_where_follows_flag_then_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["where"]) == 0
    assert capsys.readouterr().out.strip().endswith("home/data/nctui.json")
    assert main(["--data-dir", str(tmp_path / "elsewhere"), "where"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "elsewhere" / "nctui.json")
    # The option may come after the command as well.
    assert main(["where", "--data-dir", str(tmp_path / "there")]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "there" / "nctui.json")


def test_a_file_as_data_folder_exits_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("mine")
    assert main(["--data-dir", str(target)]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    assert target.read_text() == "mine"
    assert gc.isenabled()  # the start-up pause (nctui.startup) ends when opening fails


def test_data_from_a_newer_nctui_exits_2_untouched(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir(parents=True)
    content = json.dumps({"meta": {"1": {"schema_version": 99}}})
    (data_dir / "nctui.json").write_text(content)
    assert main(["--data-dir", str(data_dir)]) == 2
    assert "newer version of nctui" in capsys.readouterr().err
    assert (data_dir / "nctui.json").read_text() == content


def test_a_folder_where_the_data_file_should_be_exits_2(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_dir / "nctui.json").mkdir(parents=True)
    assert main(["--data-dir", str(data_dir)]) == 2
    assert "is not a regular file" in capsys.readouterr().err


def test_python_dash_m_runs_the_same_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "nctui", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"nctui {__version__}"


async def test_the_collector_runs_again_once_the_first_screen_is_drawn(
    data_dir: Path, clock: ManualClock
) -> None:
    app = open_app(data_dir, clock)
    try:
        assert not gc.isenabled()  # paused through start-up (nctui.startup)
        async with app.run_test() as pilot:
            await pilot.pause()
            assert gc.isenabled()
            set_aside_at_start = gc.get_freeze_count()
            # A screen opened later lasts the session too: set aside once drawn.
            await pilot.press("j")
            await pilot.pause()
            assert gc.get_freeze_count() > set_aside_at_start
    finally:
        resume_collection()
        end_session()  # give this test process its collector back as it was


async def test_apps_built_another_way_set_nothing_aside(make_app: AppFactory) -> None:
    # A test run builds app after app: freezing them would keep every one alive.
    before = gc.get_freeze_count()
    async with make_app().run_test() as pilot:
        await pilot.press("j")
        await pilot.pause()
    assert gc.get_freeze_count() == before


def test_a_data_file_linked_into_a_missing_folder_exits_2_with_a_message(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir(parents=True)
    unmounted = tmp_path / "sync-drive" / "nctui.json"
    (data_dir / "nctui.json").symlink_to(unmounted)
    assert main(["--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "link to" in err and "does not exist" in err
    assert "Traceback" not in err
    assert (data_dir / "nctui.json").is_symlink()


def test_a_first_start_on_a_full_disk_exits_2_with_a_message(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", disk_full)
    assert main(["--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "The disk is full" in err
    assert "Traceback" not in err
    assert not (data_dir / "nctui.json").exists()


Script = Callable[[Pilot[object]], Coroutine[Any, Any, None]]


def _run_headless(monkeypatch: pytest.MonkeyPatch, script: Script) -> None:
    """Let `main` run the app as a person would, without a terminal, driven by `script`."""
    from nctui.ui.app import NctuiApp

    real_run = NctuiApp.run

    def run(self: NctuiApp, **_: object) -> None:
        self.animation_level = "none"
        real_run(self, headless=True, auto_pilot=script)

    monkeypatch.setattr(NctuiApp, "run", run)


def test_the_exit_code_is_not_0_after_a_crash(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> None:
        raise RuntimeError("something broke")

    async def crash(pilot: Pilot[object]) -> None:
        await pilot.pause()
        pilot.app.call_later(broken)
        await pilot.pause()

    _run_headless(monkeypatch, crash)
    assert main(["--data-dir", str(data_dir)]) != 0


def test_a_clean_quit_exits_0(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async def quit_(pilot: Pilot[object]) -> None:
        await pilot.pause()
        await pilot.press("q")

    _run_headless(monkeypatch, quit_)
    assert main(["--data-dir", str(data_dir)]) == 0


def test_changes_kept_in_the_temp_folder_are_named_with_where_to_move_them(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from nctui.storage import atomic_file

    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    real_write = atomic_file.atomic_write_bytes

    def full_folder(path: Path, payload: bytes) -> None:
        if path.parent == data_dir:
            raise OSError(28, "No space left on device")
        real_write(path, payload)

    async def log_then_quit(pilot: Pilot[object]) -> None:
        await pilot.pause()
        app = pilot.app
        assert isinstance(app, NctuiAppType)
        for module in ("repository", "leftovers"):
            monkeypatch.setattr(f"nctui.storage.{module}.atomic_write_bytes", full_folder)
        app.coach.apply(Insert("notes", {"id": "n1", "note": "written on a full disk"}))
        await pilot.press("q")

    _run_headless(monkeypatch, log_then_quit)
    assert main(["--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    (kept,) = temp.iterdir()
    assert str(kept) in err
    assert f"move it into {data_dir}" in err
