"""Snapshots of the dashboard in each state, and of the SOS moment."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind
from tests.helpers import SIZES, AppFactory, SnapCompare
from tests.seeds import seed_plan
from tests.test_controls_in_view import log_dialog, log_slip_without_words, running

EVENTS = (
    (Kind.URGE, 0.2, None, "Walked round the block instead"),
    (Kind.SLIP, 1.5, "social_media", ""),
    (Kind.URGE, 2.1, None, ""),
    (Kind.SIGN, 3.4, "texted_first", "Asked how I was. Did not reply."),
    (Kind.ALLOWED, 6.0, "property", "Picked up my books"),
)


@pytest.mark.parametrize("size", SIZES)
def test_mid_period(
    snap_compare: SnapCompare,
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    size: tuple[int, int],
) -> None:
    seed_plan(data_dir, clock, days_ago=11.1, events=EVENTS)
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_last_day(
    snap_compare: SnapCompare,
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    size: tuple[int, int],
) -> None:
    seed_plan(data_dir, clock, days_ago=44.8, events=EVENTS)
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_complete(
    snap_compare: SnapCompare,
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    size: tuple[int, int],
) -> None:
    seed_plan(data_dir, clock, days_ago=47, events=EVENTS, complete=True)
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_no_plan(snap_compare: SnapCompare, make_app: AppFactory, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), press=["c"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_sos(
    snap_compare: SnapCompare,
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    size: tuple[int, int],
) -> None:
    seed_plan(data_dir, clock, days_ago=11.1, events=EVENTS)
    assert snap_compare(make_app(), press=["exclamation_mark"], terminal_size=size)


def test_log_a_slip(
    snap_compare: SnapCompare, make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=11.1, events=EVENTS)
    assert snap_compare(make_app(), press=["s"], terminal_size=(80, 24))


def test_slip_that_needs_words(
    snap_compare: SnapCompare, make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    # The note box and its message in view together, under the dialog's title.
    running(data_dir, clock)
    assert snap_compare(make_app(), run_before=log_slip_without_words, terminal_size=(80, 24))


def test_allowed_contact_with_a_message(
    snap_compare: SnapCompare, make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    running(data_dir, clock)

    async def refused_time(pilot: Pilot[None]) -> None:
        await log_dialog(pilot, key="o", when="2027-01-01 10:00")

    assert snap_compare(make_app(), run_before=refused_time, terminal_size=(80, 24))
