"""The command line: version, help, where the data is, and refusing bad input clearly."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from nctui import __version__
from nctui.cli import main, open_app
from nctui.domain.clock import ManualClock
from nctui.startup import resume_collection


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
    finally:
        resume_collection()
        gc.unfreeze()  # give this test process its collector back as it was
