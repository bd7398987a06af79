"""The hide key: one key covers everything at once, from anywhere, and any key brings the
app back exactly as it was, words and cursor included."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from nctui.domain.clock import ManualClock
from nctui.ui.app import NctuiApp
from nctui.ui.screens.hidden import HiddenScreen
from nctui.ui.screens.log_event import LogEventScreen
from nctui.ui.window_title import RESTORE_TITLE, SAVE_TITLE
from tests.helpers import AppFactory, SnapCompare, screen_text
from tests.seeds import seed_journal, seed_plan

SECRET = "I nearly texted Alex at 2am"


async def keys(pilot: Pilot[None], *pressed: str) -> None:
    """Press keys one at a time, letting each land before the next."""
    for key in pressed:
        await pilot.press(key)
        await pilot.pause()


def assert_covered(app: NctuiApp) -> None:
    """Nothing of nctui and nothing the person wrote is on show."""
    assert isinstance(app.screen, HiddenScreen)
    shown = screen_text(app)
    assert "nctui" not in shown.lower()
    for word in ("Alex", "2am", "texted", "Log", "Quit", "palette"):
        assert word not in shown
    assert shown.strip() == "$"


async def test_hides_from_a_journal_entry_and_comes_back_with_words_and_cursor(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, today=False)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await keys(pilot, "j")
        box = app.screen.query_one("#journal-text", TextArea)
        box.focus()
        await pilot.pause()
        await pilot.press(*SECRET)
        await keys(pilot, "left", "left", "left")
        screen, location = app.screen, box.cursor_location
        assert SECRET in screen_text(app)
        await keys(pilot, "f12")
        assert_covered(app)
        await keys(pilot, "x")
        assert app.screen is screen and app.focused is box
        assert box.text == SECRET, "the key that brought the app back was typed"
        assert box.cursor_location == location
        await keys(pilot, "y")  # the next key is typed, where the cursor was
        assert box.text == SECRET[:-3] + "y" + SECRET[-3:]


async def test_hides_from_a_log_dialog_note(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await keys(pilot, "c", "u")
        note = app.screen.query_one("#note", Input)
        assert app.focused is note
        await pilot.press(*SECRET)
        await keys(pilot, "home", "right")
        await keys(pilot, "f12")
        assert_covered(app)
        await keys(pilot, "enter")  # Enter would save the dialog: here it only returns
        assert isinstance(app.screen, LogEventScreen) and app.focused is note
        assert note.value == SECRET and note.cursor_position == 1
        app.coach.file.flush()
        assert app.coach.ledger.events() == []


async def test_hides_from_the_command_palette(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await keys(pilot, "ctrl+p")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.press(*"export")
        await pilot.pause()
        await keys(pilot, "f12")
        assert_covered(app)
        await keys(pilot, "space")
        assert app.screen is palette
        assert palette.query_one(Input).value == "export"


@pytest.mark.parametrize("opener", ["question_mark", "exclamation_mark"])
async def test_hides_from_the_help_and_the_sos_card(
    opener: str, make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await keys(pilot, opener)
        dialog = app.screen
        await keys(pilot, "f12")
        assert_covered(app)
        await keys(pilot, "escape")  # Esc would close the dialog: here it only returns
        assert app.screen is dialog


@pytest.mark.parametrize("key", ["q", "ctrl+q", "f1", "f2", "ctrl+p", "c", "tab", "ctrl+c"])
async def test_every_other_key_only_brings_the_app_back(key: str, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        await keys(pilot, "f12", key)
        assert app.is_running and app.screen is home
        assert len(app.screen_stack) == 1


async def test_the_hide_key_again_keeps_it_hidden(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await keys(pilot, "f12", "f12", "f12")
        assert_covered(app)
        assert sum(isinstance(screen, HiddenScreen) for screen in app.screen_stack) == 1
        await keys(pilot, "a")
        assert not isinstance(app.screen, HiddenScreen)
        assert app.current_mode == "home", "the key that returned also switched screens"


async def settle(pilot: Pilot[None]) -> None:
    """Let a notice reach its toast and the toast be drawn."""
    for _ in range(4):
        await pilot.pause()


def toasts(app: NctuiApp) -> str:
    """The notices on show, as text (a toast in a rack not on show has no region)."""
    return "\n".join(str(toast.render()) for toast in app.screen.query("Toast") if toast.region)


async def test_no_notice_shows_while_hidden_and_none_is_lost(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.notify("Shown before hiding", timeout=60)
        await settle(pilot)
        assert "Shown before hiding" in toasts(app)
        await keys(pilot, "f12")
        assert_covered(app)
        assert not toasts(app)
        app.notify("Arrived while hidden", timeout=60)
        await settle(pilot)
        assert_covered(app)
        assert not toasts(app)
        await keys(pilot, "x")
        await settle(pilot)
        shown = toasts(app)
        assert "Shown before hiding" in shown and "Arrived while hidden" in shown


async def test_the_window_title_is_neutral_while_hidden(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHELL", "/bin/zsh")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        written: list[str] = []
        driver = app._driver
        assert driver is not None
        monkeypatch.setattr(driver, "write", written.append)

        def titles() -> list[str]:
            return [text for text in written if text.startswith((SAVE_TITLE, RESTORE_TITLE))]

        await keys(pilot, "f12")
        assert titles() == [f"{SAVE_TITLE}\x1b]2;zsh\x07"]
        await keys(pilot, "f12")  # still hidden: nothing more is written
        await keys(pilot, "x")
        assert titles()[1:] == [RESTORE_TITLE]


def test_snapshot_of_the_hidden_screen(
    snap_compare: SnapCompare, make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)

    async def run_before(pilot: Pilot[None]) -> None:
        await keys(pilot, "c", "u")
        await pilot.press(*SECRET)
        await keys(pilot, "f12")

    assert snap_compare(make_app(), run_before=run_before, terminal_size=(80, 24))
