"""Another length: one clear message per problem, and Esc goes back to the list."""

from __future__ import annotations

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from tests.helpers import AppFactory
from tests.test_controls_in_view import intake_tall_plan, keys, settle, type_in


async def _another_length(pilot: Pilot[None]) -> None:
    await intake_tall_plan(pilot)
    await keys(pilot, "end", "up", "enter")  # Another length…
    await settle(pilot)


def _message(app: App[None]) -> str:
    return str(app.screen.query_one("#custom-length .question-error", Static).render())


async def test_below_the_range_says_the_same_for_zero_and_below(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _another_length(pilot)
        said = []
        for typed in ("-5", "0", "3"):
            box = app.screen.query_one("#custom-days", Input)
            box.value = ""
            await type_in(pilot, typed)
            await keys(pilot, "enter")
            said.append(_message(app).replace(f"typed {typed}", "typed N"))
        assert len(set(said)) == 1, said
        assert "7" in said[0] and "365" in said[0]


async def test_escape_from_another_length_returns_to_the_lengths(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _another_length(pilot)
        assert isinstance(app.focused, Input) and app.focused.id == "custom-days"
        await keys(pilot, "escape")
        await settle(pilot)
        focused = app.screen.focused
        assert isinstance(focused, OptionList) and focused.id == "lengths"
