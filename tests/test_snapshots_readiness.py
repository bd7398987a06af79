"""Snapshots of the readiness check: the quiz, each verdict, and the message check."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from nctui.domain.clock import ManualClock
from tests.helpers import SIZES, AppFactory, SnapCompare
from tests.seeds import seed_plan
from tests.test_readiness_flow import rate_all


def _complete(data_dir: Path, clock: ManualClock) -> None:
    seed_plan(data_dir, clock, days_ago=50, length=45, complete=True)


@pytest.mark.parametrize("size", SIZES)
def test_quiz(
    snap_compare: SnapCompare,
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    size: tuple[int, int],
) -> None:
    _complete(data_dir, clock)
    assert snap_compare(make_app(), press=["r", "down", "down"], terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
def test_quiz_while_the_period_runs(
    snap_compare: SnapCompare,
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    size: tuple[int, int],
) -> None:
    # The longest introduction, yet the statement and its answers are in view.
    seed_plan(data_dir, clock, days_ago=11.1, length=30)
    assert snap_compare(make_app(), press=["r", "down"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    ("rating", "want"), [(4, 4), (2, 4), (4, 0)], ids=["ready", "not_yet", "move_on"]
)
def test_verdict(
    snap_compare: SnapCompare,
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    size: tuple[int, int],
    rating: int,
    want: int,
) -> None:
    _complete(data_dir, clock)

    async def answer(pilot: Pilot[None]) -> None:
        await rate_all(pilot, rating, want_them=want)

    assert snap_compare(make_app(), run_before=answer, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_message_check(
    snap_compare: SnapCompare,
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    size: tuple[int, int],
) -> None:
    _complete(data_dir, clock)

    async def draft(pilot: Pilot[None]) -> None:
        await rate_all(pilot, 4)
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*"Hey! I miss you and I love you. Can we try again? Please reply!!")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=draft, terminal_size=size)
