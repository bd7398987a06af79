"""Snapshots of the daily companion: today's card, trigger tags, the patterns view,
and the people to talk to instead on the SOS card."""

from __future__ import annotations

from pathlib import Path

import pytest

from nctui.domain.clock import ManualClock
from nctui.storage.repository import Repository
from nctui.storage.settings import setting_op
from tests.helpers import SIZES, AppFactory, SnapCompare
from tests.seeds import seed_patterns, seed_plan


def _trusted(data_dir: Path, clock: ManualClock) -> None:
    repository = Repository.open(data_dir, clock)
    people = [{"name": "Sam", "reach": "07700 900123"}, {"name": "Alex", "reach": "@alex"}]
    repository.apply(setting_op("trusted_people", people))
    assert repository.close() is None


@pytest.mark.parametrize("size", SIZES)
def test_todays_card_folded(
    snap_compare: SnapCompare,
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    size: tuple[int, int],
) -> None:
    seed_plan(data_dir, clock, days_ago=4.1, length=30)
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_todays_card_whole(
    snap_compare: SnapCompare,
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    size: tuple[int, int],
) -> None:
    seed_plan(data_dir, clock, days_ago=4.1, length=30)
    assert snap_compare(make_app(), press=["k"], terminal_size=size)


def test_an_urge_with_tags(
    snap_compare: SnapCompare, make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=4.1, length=30)
    keys = ["u", "tab", "l", "z"]
    assert snap_compare(make_app(), press=keys, terminal_size=(80, 24))


@pytest.mark.parametrize("size", SIZES)
def test_patterns(
    snap_compare: SnapCompare,
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    size: tuple[int, int],
) -> None:
    seed_patterns(data_dir, clock)
    assert snap_compare(make_app(), press=["j", "5"], terminal_size=size)


def test_patterns_stacked_on_a_narrow_terminal(
    snap_compare: SnapCompare, make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_patterns(data_dir, clock)
    assert snap_compare(make_app(), press=["j", "5"], terminal_size=(60, 20))


def test_patterns_with_too_little_yet(
    snap_compare: SnapCompare, make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=4.1, length=30)
    assert snap_compare(make_app(), press=["j", "5"], terminal_size=(80, 24))


@pytest.mark.parametrize("size", SIZES)
def test_sos_with_people_to_talk_to(
    snap_compare: SnapCompare,
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    size: tuple[int, int],
) -> None:
    seed_plan(data_dir, clock, days_ago=4.1, length=30)
    _trusted(data_dir, clock)
    assert snap_compare(make_app(), press=["exclamation_mark", "end"], terminal_size=size)


def test_people_to_talk_to_dialog(
    snap_compare: SnapCompare, make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=4.1, length=30)
    _trusted(data_dir, clock)
    assert snap_compare(make_app(), press=["exclamation_mark", "w"], terminal_size=(80, 24))
