"""The check-in typed in a fast burst: every number lands in its own box, none is lost."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from nctui.domain.clock import ManualClock
from nctui.ui.app import NctuiApp
from nctui.ui.screens.checkin_editor import EditCheckInScreen
from nctui.ui.widgets.writing import WritingBox
from tests.helpers import AppFactory, burst, stored
from tests.seeds import seed_journal


def _numbers(app: NctuiApp) -> list[str]:
    return [
        app.screen.query_one(f"#rating-{name}", Input).value for name in ("mood", "miss", "urge")
    ]


async def test_numbers_and_tabs_typed_in_a_burst_land_in_their_own_boxes(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, today=False)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("enter")  # the cursor in the mood box
        await burst(pilot, "6", "tab", "4", "tab", "3")
        assert _numbers(app) == ["6", "4", "3"]
        await burst(pilot, "shift+tab", "5", "shift+tab", "7")
        assert _numbers(app) == ["7", "5", "3"]


async def test_a_whole_check_in_typed_in_one_burst_from_the_today_view(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, today=False)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        assert app.screen.focused is None  # the Today view, no box holding the cursor
        await burst(pilot, "enter", "6", "enter", "4", "tab", "3", "enter", *"Calm")
        assert _numbers(app) == ["6", "4", "3"]
        assert app.screen.query_one(WritingBox).text == "Calm"
        await burst(pilot, "shift+tab", "2", "ctrl+s")
        app.coach.file.flush()
    (saved,) = [doc for doc in stored(data_dir, "checkins") if doc["day"] == "2026-11-26"]
    assert (saved["mood"], saved["miss"], saved["urge"], saved["text"]) == (6, 4, 2, "Calm")


async def test_the_edit_dialog_typed_in_a_burst(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("3", "down", "down", "e")
        await pilot.pause()
        assert isinstance(app.screen, EditCheckInScreen)
        box = app.screen.query_one(WritingBox)
        before = box.text
        # From the words back to the urge, then the other two, as fast as they come.
        await burst(pilot, *"ok", "shift+tab", "1", "shift+tab", "2", "shift+tab", "9")
        assert _numbers(app) == ["9", "2", "1"]
        assert box.text == before + "ok"
