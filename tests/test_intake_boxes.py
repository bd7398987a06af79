"""The intake's boxes: a message goes once the fix is typed, a long paste is never
dropped in silence, and empty number boxes do not look answered."""

from __future__ import annotations

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static

from nctui.ui.widgets.questionnaire import Questionnaire
from tests.helpers import AppFactory, burst


async def _to_loose_ends(pilot: Pilot[None]) -> None:
    await pilot.press("i")
    await pilot.pause()
    await pilot.press("enter", "2", "enter", "enter")
    await pilot.pause()
    for _ in range(5):
        await pilot.press("enter")
        await pilot.pause()


def _error(pilot: Pilot[None]) -> str:
    question = pilot.app.screen.query_one(Questionnaire).current
    return str(question.query_one(".question-error", Static).render())


async def test_the_something_else_message_goes_once_words_are_typed(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_loose_ends(pilot)
        await pilot.press("end", "space", "enter")
        await pilot.pause()
        assert _error(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert _error(pilot) == ""


async def test_a_long_paste_keeps_what_fits_and_says_so(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _to_loose_ends(pilot)
        await pilot.press("end", "space", "tab")
        await pilot.pause()
        box = app.focused
        assert isinstance(box, Input) and box.id == "other-input"
        box.post_message(events.Paste("x" * 5000))
        await pilot.pause()
        assert box.max_length and len(box.value) == box.max_length
        said = " ".join(str(note.message) for note in app._notifications)
        assert "not kept" in said


async def test_empty_number_boxes_do_not_show_a_number(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        for box_id in ("#years-input", "#months-input"):
            box = app.screen.query_one(box_id, Input)
            assert not any(ch.isdigit() for ch in box.placeholder), box.placeholder


_CLEAR = ("end", *["backspace"] * 12)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_a_message_goes_once_its_box_changes(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*_CLEAR, *"blah", "enter")
        await pilot.pause()
        assert "date" in _error(pilot)
        await pilot.press("backspace")
        await pilot.pause()
        assert _error(pilot) == ""
        await pilot.press(*_CLEAR, *"yesterday", "enter")
        await pilot.pause()
        await pilot.press(*"abc", "enter", "enter")
        await pilot.pause()
        assert "whole number" in _error(pilot)
        await pilot.press(*_CLEAR, "3")
        await pilot.pause()
        assert _error(pilot) == ""
        await pilot.press(*_CLEAR, *"99", "tab", "enter")
        await pilot.pause()
        assert "70 years" in _error(pilot)
        await pilot.press(*_CLEAR, *"abc")
        await pilot.pause()
        assert _error(pilot) == ""
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert "whole number" in _error(pilot)


async def test_a_message_stays_after_a_fast_burst_that_ends_in_enter(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await burst(pilot, *_CLEAR, *"blah", "enter")
        assert "date" in _error(pilot)  # the burst's own changes do not clear it
        await burst(pilot, "x")
        assert _error(pilot) == ""


async def test_a_message_about_years_and_months_goes_when_either_box_changes(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press(*_CLEAR, *"yesterday", "enter")
        await pilot.pause()
        await pilot.press("0", "tab", "0", "enter")
        await pilot.pause()
        assert "cannot be zero" in _error(pilot)
        await pilot.press("backspace", "3")  # the months, the box with the cursor
        await pilot.pause()
        assert _error(pilot) == ""
