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
