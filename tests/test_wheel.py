"""The installed package holds what nctui reads at run time, and no development tools."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

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
