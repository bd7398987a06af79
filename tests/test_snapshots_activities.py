"""Snapshots of the Activities screen: browsing with some history, a first visit, a
surprise, and each form with its message."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual.pilot import Pilot

from devtools.sample_activities import sample_activity_tables
from nctui.domain.clock import ManualClock
from nctui.storage.ops import Insert
from nctui.storage.repository import Repository
from nctui.ui.screens.activities import ActivitiesScreen
from tests.helpers import SIZES, AppFactory, SnapCompare


@pytest.fixture
def with_history(data_dir: Path, clock: ManualClock) -> None:
    """A few things done, one idea of the person's own, and three plans ahead."""
    repository = Repository.open(data_dir, clock)
    for table, docs in sample_activity_tables(clock()).items():
        for doc in docs:
            repository.apply(Insert(table, doc))
    repository.close()


@pytest.mark.usefixtures("with_history")
@pytest.mark.parametrize("size", SIZES)
def test_browse_with_history(
    snap_compare: SnapCompare, make_app: AppFactory, size: tuple[int, int]
) -> None:
    assert snap_compare(make_app(), press=["a"], terminal_size=size)


def test_first_visit(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), press=["a"], terminal_size=(80, 24))


@pytest.mark.usefixtures("with_history")
def test_surprise_in_a_category(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    async def surprise(pilot: Pilot[None]) -> None:
        await pilot.press("a")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ActivitiesScreen)
        screen.rng = random.Random(11)
        await pilot.press("right", "right", "s")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=surprise, terminal_size=(80, 24))


@pytest.mark.usefixtures("with_history")
def test_done_form_with_a_message(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    async def bad_time(pilot: Pilot[None]) -> None:
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("down", "d")
        await pilot.pause()
        await pilot.press("ctrl+u", *"10000 hours", "enter")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=bad_time, terminal_size=(80, 24))


def test_plan_form_flags_a_past_day(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    async def past_day(pilot: Pilot[None]) -> None:
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await pilot.press(*"2026-11-20", "enter")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=past_day, terminal_size=(80, 24))


def test_add_form_refuses_a_duplicate(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    async def duplicate(pilot: Pilot[None]) -> None:
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"go for a SWIM", "enter")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=duplicate, terminal_size=(80, 24))
