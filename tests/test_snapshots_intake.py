"""Snapshots of the intake: a question, the plan with its reasons, and the checklist."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from tests.helpers import SIZES, AppFactory, SnapCompare
from tests.test_controls_in_view import intake_custom_refused, intake_tall_plan
from tests.test_intake_flow import answer_all


@pytest.mark.parametrize("size", SIZES)
def test_first_question(
    snap_compare: SnapCompare, make_app: AppFactory, size: tuple[int, int]
) -> None:
    assert snap_compare(make_app(), press=["i"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_choice_question_with_a_message(
    snap_compare: SnapCompare, make_app: AppFactory, size: tuple[int, int]
) -> None:
    async def reach_it(pilot: Pilot[None]) -> None:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("enter", "1", "enter", "enter")
        await pilot.pause()
        await pilot.press("end", "enter")  # out of the blue
        await pilot.pause()
        await pilot.press("home", "enter")  # "I did": contradicts it
        await pilot.pause()

    assert snap_compare(make_app(), run_before=reach_it, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_plan_with_reasons(
    snap_compare: SnapCompare, make_app: AppFactory, size: tuple[int, int]
) -> None:
    assert snap_compare(make_app(), run_before=answer_all, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_checklist(snap_compare: SnapCompare, make_app: AppFactory, size: tuple[int, int]) -> None:
    async def start_plan(pilot: Pilot[None]) -> None:
        await answer_all(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()

    assert snap_compare(make_app(), run_before=start_plan, terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)], ids=["80x24", "60x20"])
def test_plan_with_every_reason_and_warning(
    snap_compare: SnapCompare, make_app: AppFactory, size: tuple[int, int]
) -> None:
    # The list of lengths in view, with as much of the reasons as fits above it.
    assert snap_compare(make_app(), run_before=intake_tall_plan, terminal_size=size)


def test_another_length_with_a_message(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), run_before=intake_custom_refused, terminal_size=(80, 24))
