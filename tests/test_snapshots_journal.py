"""Snapshots of Check-in & journal on a 45-day period, day 31, with sample check-ins."""

from __future__ import annotations

from pathlib import Path

import pytest

from nctui.domain.clock import ManualClock
from tests.helpers import SIZES, AppFactory, SnapCompare
from tests.seeds import seed_journal


@pytest.mark.parametrize("size", SIZES)
def test_today_to_check_in(
    snap_compare: SnapCompare,
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    size: tuple[int, int],
) -> None:
    seed_journal(data_dir, clock, today=False)
    assert snap_compare(make_app(), press=["j"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_chart(
    snap_compare: SnapCompare,
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    size: tuple[int, int],
) -> None:
    seed_journal(data_dir, clock)
    assert snap_compare(make_app(), press=["j", "2"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_journal(
    snap_compare: SnapCompare,
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    size: tuple[int, int],
) -> None:
    seed_journal(data_dir, clock)
    # Down to the day that was edited, so its history line shows.
    keys = ["j", "3", *["down"] * 11]
    assert snap_compare(make_app(), press=keys, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_letters(
    snap_compare: SnapCompare,
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    size: tuple[int, int],
) -> None:
    seed_journal(data_dir, clock)
    assert snap_compare(make_app(), press=["j", "4", "down"], terminal_size=size)


def test_unseal_early_asks_first(
    snap_compare: SnapCompare, make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    assert snap_compare(make_app(), press=["j", "4", "down", "o"], terminal_size=(80, 24))


def test_a_bad_rating_is_named(
    snap_compare: SnapCompare, make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, today=False)
    keys = ["j", "enter", "1", "1", "enter", "3", "enter", "2", "ctrl+s"]
    assert snap_compare(make_app(), press=keys, terminal_size=(80, 24))
