"""The command palette and the SOS card's F2: never two palettes, never a crash."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.command import CommandPalette
from textual.widget import Widget

from nctui.domain.clock import ManualClock
from nctui.ui.screens.help import HelpScreen
from nctui.ui.screens.sos import SosScreen
from tests.helpers import AppFactory, screen_text, stored
from tests.seeds import seed_plan


async def test_f2_from_the_palette_opens_sos_and_ctrl_p_still_works(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, SosScreen)
        # The palette made way for the card: it does not come back when the card closes.
        assert not any(isinstance(screen, CommandPalette) for screen in app.screen_stack)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.is_running
        palettes = [screen for screen in app.screen_stack if isinstance(screen, CommandPalette)]
        assert len(palettes) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SosScreen)


async def test_help_opens_over_the_sos_card_and_closes_back_to_it(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("question_mark", "f1"):
            await pilot.press("exclamation_mark")
            await pilot.pause()
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            shown = screen_text(app)
            assert "Longer" in shown and "Reasons" in shown  # the card's own keys
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, SosScreen)
            await pilot.press("x")
            await pilot.pause()


async def test_esc_in_the_allowed_reasons_leaves_the_list_not_the_card(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("exclamation_mark", "y")
        await pilot.pause()
        menu = app.screen.query_one("#sos-reasons-list")
        assert app.focused is menu
        assert _shown(menu)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SosScreen)
        assert not _shown(menu)
        app.coach.file.flush()
        assert stored(data_dir, "events") == []
        await pilot.press("escape")  # now it closes, as "I'm OK"
        await pilot.pause()
        assert not _on_sos(app)
        app.coach.file.flush()
        assert [event["kind"] for event in stored(data_dir, "events")] == ["urge"]


def _shown(widget: Widget) -> bool:
    # A call, so the type checker does not carry one answer over to the next.
    return bool(widget.display)


def _on_sos(app: App[None]) -> bool:
    return isinstance(app.screen, SosScreen)
