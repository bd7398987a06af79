"""The key bar under a dialog: only the dialog's own keys, never the screen's behind it."""

from __future__ import annotations

from pathlib import Path

import pytest

from nctui.domain.clock import ManualClock
from nctui.ui.widgets.keybar import KeyBar
from tests.helpers import AppFactory, screen_text
from tests.seeds import seed_plan


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_a_dialog_hides_the_keys_of_the_screen_behind_it(
    make_app: AppFactory, data_dir: Path, clock: ManualClock, size: tuple[int, int]
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert "Surprise" in screen_text(app)
        await pilot.press("p")
        await pilot.pause()
        bars = [bar for screen in app.screen_stack for bar in screen.query(KeyBar)]
        assert [bar.visible for bar in bars] == [False] * (len(bars) - 1) + [True]
        bottom = screen_text(app).splitlines()[-2:]
        assert not any("Surprise" in line for line in bottom)
        assert any("Cancel" in line for line in bottom)
        await pilot.press("escape")
        await pilot.pause()
        assert "Surprise" in screen_text(app).splitlines()[-1] + screen_text(app).splitlines()[-2]


@pytest.mark.parametrize(
    ("size", "screen_key", "shown"),
    [((100, 30), "c", True), ((100, 30), "a", True), ((80, 24), "h", True), ((80, 24), "j", False)],
)
async def test_the_hide_key_shows_where_the_line_has_room_and_never_takes_a_second(
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    size: tuple[int, int],
    screen_key: str,
    shown: bool,
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press(screen_key)
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        assert bar.size.height == 1
        last = screen_text(app).splitlines()[-1]
        assert ("f12 Hide" in last) is shown
        assert last.rstrip().endswith("^p palette")


async def test_help_over_a_dialog_lists_its_keys_first_then_those_that_work_anywhere(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    from nctui.ui.screens.help import HelpScreen

    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        sections = [row.section for row in app.screen.rows]
        anywhere = " ".join(row.keys for row in app.screen.rows if row.section == "Anywhere")
        assert sections[0] == "This screen" and sections[-1] == "Anywhere"
        # Keys that reach the app from any dialog: quitting, SOS, hiding.
        assert {"^q", "f2", "f12"} <= set(anywhere.split())
