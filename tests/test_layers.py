"""The layers stay apart: the domain knows no UI or database, the CLI's quick paths no UI."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest


def _modules_after(code: str) -> set[str]:
    probe = textwrap.dedent(code) + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def _roots(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


IMPORT_ALL = """
import importlib, pkgutil
import {package} as root
for info in pkgutil.walk_packages(root.__path__, root.__name__ + "."):
    importlib.import_module(info.name)
"""


def test_domain_imports_neither_textual_nor_tinydb() -> None:
    roots = _roots(_modules_after(IMPORT_ALL.format(package="nctui.domain")))
    assert "textual" not in roots
    assert "tinydb" not in roots
    assert "rich" not in roots


def test_storage_does_not_import_textual() -> None:
    roots = _roots(_modules_after(IMPORT_ALL.format(package="nctui.storage")))
    assert "textual" not in roots
    assert "tinydb" in roots  # the probe really loaded the storage modules


@pytest.mark.parametrize("argument", ["--version", "--help"])
def test_version_and_help_never_import_textual(argument: str) -> None:
    code = f"""
from nctui.cli import main
try:
    main([{argument!r}])
except SystemExit:
    pass
"""
    roots = _roots(_modules_after(code))
    assert "textual" not in roots
    assert "nctui" in roots


def test_the_chart_library_is_left_out_of_start_up() -> None:
    # textual-plotext takes about 0.1 s to import: only the journal screen may load it.
    start_up = "import nctui.ui.app, nctui.ui.screens.countdown, nctui.ui.screens.home"
    roots = _roots(_modules_after(start_up))
    assert "textual" in roots
    assert not roots & {"plotext", "textual_plotext"}
    roots = _roots(_modules_after("import nctui.ui.screens.journal"))
    assert "nctui" in roots
    assert not roots & {"plotext", "textual_plotext"}  # until a chart is drawn


def test_the_first_screen_loads_no_text_area_or_trend_code() -> None:
    # Each is a few milliseconds of start-up that the dashboard and home screen never use.
    start_up = "import nctui.ui.app, nctui.ui.screens.countdown, nctui.ui.screens.home"
    modules = _modules_after(start_up)
    assert "nctui.ui.screens.countdown" in modules
    assert not [name for name in modules if "text_area" in name]
    assert not modules & {"nctui.domain.mood_trend", "nctui.domain.chart_data", "statistics"}
