"""The installed package holds what nctui reads at run time, and no development tools."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from nctui.domain.clock import ManualClock
from tests.conftest import FROZEN_NOW
from tests.seeds import seed_plan

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_ships_data_and_styles_but_no_sample_history(tmp_path: Path) -> None:
    uv = os.environ.get("UV") or shutil.which("uv")  # `uv run` names itself in UV
    if uv is None:
        pytest.skip("the wheel is built with uv, which CI always has")
    subprocess.run(
        [uv, "build", "--wheel", "--out-dir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("nctui-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())

    assert "nctui/cli.py" in names
    assert not [name for name in names if "sample" in name or name.startswith("devtools/")]
    data = {f"nctui/data/{name}.toml" for name in ("activities", "cards", "prompts")}
    data.add("nctui/data/figlet.json")  # the lettering of the first screens, drawn ahead
    assert data <= names
    styles = {path.relative_to(ROOT / "src").as_posix() for path in ROOT.glob("src/**/*.tcss")}
    assert styles
    assert styles <= names


def _install(uv: str, wheel: Path, venv: Path) -> Path:
    """A fresh virtual environment with the wheel installed; its `nctui` command.

    Dependencies come from the usual index through uv's cache; without a network they
    are borrowed from the environment running the tests (never nctui itself, which
    comes from the wheel either way)."""
    subprocess.run([uv, "venv", "-q", str(venv)], check=True, capture_output=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    install = [uv, "pip", "install", "-q", "--python", str(python)]
    if subprocess.run([*install, str(wheel)], capture_output=True, check=False).returncode:
        subprocess.run([*install, "--no-deps", str(wheel)], check=True, capture_output=True)
        import site

        site_dir = subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        (Path(site_dir) / "zz-borrowed-deps.pth").write_text(site.getsitepackages()[0] + "\n")
    return venv / ("Scripts/nctui.exe" if os.name == "nt" else "bin/nctui")


def test_the_installed_wheel_runs_and_exports(tmp_path: Path) -> None:
    uv = os.environ.get("UV") or shutil.which("uv")
    if uv is None:
        pytest.skip("the wheel is built with uv, which CI always has")
    subprocess.run(
        [uv, "build", "--wheel", "--out-dir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("nctui-*.whl")
    nctui = _install(uv, wheel, tmp_path / "venv")
    env = {**os.environ, "NCTUI_DATA_DIR": str(tmp_path / "data")}
    env.pop("PYTHONPATH", None)

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(argv, capture_output=True, text=True, env=env, check=False)

    seed_plan(tmp_path / "data", ManualClock(FROZEN_NOW), days_ago=3)  # something to export
    version = run(str(nctui), "--version")
    exported = run(str(nctui), "export", "--format", "json")
    where = subprocess.run(
        [str(nctui.parent / "python"), "-c", "import nctui; print(nctui.__file__)"],
        check=False,
        capture_output=True,
        text=True,
        env=env,
    )

    assert version.stdout.startswith("nctui ")
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)["nctui_export"] == 1
    assert Path(where.stdout.strip()).is_relative_to(tmp_path / "venv")  # the wheel's copy
