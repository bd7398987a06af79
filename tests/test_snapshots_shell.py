"""Snapshots of the shell's screens, with a frozen clock and a fresh data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import SIZES, AppFactory, SnapCompare


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: SnapCompare, make_app: AppFactory, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: SnapCompare, make_app: AppFactory, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=size)


def test_damaged_file_notice(
    snap_compare: SnapCompare, make_app: AppFactory, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "nctui.json").write_text("{not json")
    assert snap_compare(make_app(), terminal_size=(80, 24))
