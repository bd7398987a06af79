"""Keys typed in a fast burst land where they would have landed typed slowly."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from nctui.ui.widgets.plan_chooser import PlanChooser
from nctui.ui.widgets.questionnaire import Questionnaire
from tests.helpers import AppFactory, burst


async def test_a_tab_typed_in_a_burst_moves_to_the_months_box(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await burst(pilot, "enter", "2", "tab", "6")
        question = app.screen.query_one(Questionnaire).current
        assert question.query_one("#years-input", Input).value == "2"
        assert question.query_one("#months-input", Input).value == "6"


async def test_the_whole_intake_typed_in_one_burst(make_app: AppFactory, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await burst(
            pilot,
            "enter",  # contact stopped today
            "2", "tab", "6", "enter",  # two years and six months
            "down", "enter",  # badly
            "down", "enter",  # they ended it
            "down", "enter",  # friends: no
            "down", "enter",  # someone new: no
            "down", "enter",  # one issue: no
            "space", "enter",  # belongings
            "down", "enter",  # to heal and move on
        )  # fmt: skip
        assert app.screen.query(PlanChooser), "the burst did not reach the plan"
        answers = app.screen._answers  # type: ignore[attr-defined]
        assert answers.together_months == 30
        assert answers.ending.value == "bad"
        assert [end.value for end in answers.loose_ends] == ["belongings"]
        assert answers.goal.value == "heal"
