"""The history shows the whole note of the highlighted event, however long."""

from __future__ import annotations

from pathlib import Path

import pytest

from nctui.domain.clock import ManualClock
from tests.helpers import AppFactory, screen_text, squash
from tests.test_controls_in_view import LONG_NOTE, hidden_part, history, running, settle


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (60, 20)], ids=str)
async def test_a_long_note_can_be_read_whole(
    size: tuple[int, int], make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    running(data_dir, clock)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await history(pilot)
        await settle(pilot)
        assert type(app.screen).__name__ == "HistoryScreen"
        for _ in range(2):  # the newest event, then the one before
            shown = squash(screen_text(app).replace("│", " "))  # the card's borders
            if size[1] >= 24:
                assert squash(LONG_NOTE) in shown
            await pilot.press("enter")  # the whole event in its own card, at every size
            await settle(pilot)
            assert type(app.screen).__name__ == "NoticeScreen"
            body = app.screen.query_one(".dialog-text")
            assert hidden_part(body) is None  # in view at this size
            assert str(body.render()) == LONG_NOTE
            await pilot.press("escape")
            await settle(pilot)
            assert type(app.screen).__name__ == "HistoryScreen"
            await pilot.press("down")
            await settle(pilot)


async def test_the_tags_of_the_highlighted_event_show_whole_at_80_columns(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    from tests.seeds import seed_plan

    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # A slip about the drink, late at night and lonely, with a note.
        await pilot.press("s", "down", "down", "tab", "tab", *"saw a photo", "tab", "z", "l")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        shown = squash(screen_text(app).replace("│", " "))
        assert "Set off by: Lonely · Late at night" in shown
        assert "Note: saw a photo" in shown
        await pilot.press("enter")
        await settle(pilot)
        body = str(app.screen.query_one(".dialog-text").render())
        assert "Set off by: Lonely · Late at night" in body and "saw a photo" in body
