"""SOS choices read as a person expects: the wait's steps, the allowed reason in a
sentence, drink taken into account, and nothing out of sight at 80x24."""

from __future__ import annotations

from pathlib import Path

from nctui.domain.clock import ManualClock
from nctui.domain.sos import longer_wait, shorter_wait
from nctui.ui.screens.sos import SosScreen
from tests.helpers import AppFactory, screen_text, squash
from tests.seeds import seed_plan


def test_the_wait_steps_through_round_numbers() -> None:
    up = [1]
    while up[-1] < 60:
        up.append(longer_wait(up[-1]))
    assert up == [1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]
    assert longer_wait(60) == 60
    assert [shorter_wait(m) for m in (60, 10, 5, 1)] == [55, 5, 1, 1]
    assert longer_wait(7) == 10  # an old odd value joins the steps
    assert shorter_wait(7) == 5


async def test_an_apology_keeps_its_capital_i(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("exclamation_mark", "y", *["down"] * 4, "enter")
        await pilot.pause()
        assert "Noted: apologising for something I did." in squash(screen_text(app))


async def test_after_drinking_the_allowed_question_stays_in_view_and_says_wait(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("exclamation_mark", "d")
        await pilot.pause()
        assert isinstance(app.screen, SosScreen)
        shown = squash(screen_text(app))
        assert "You have been drinking" in shown
        assert "allowed reason" in shown and "Press y" in shown
        assert "Wait 00:10:00" in shown
        await pilot.press("y", "enter")
        await pilot.pause()
        shown = squash(screen_text(app))
        assert "Noted: returning or collecting belongings." in shown
        assert "wait until you are sober" in shown
