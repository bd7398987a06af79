"""The lock and the palette's privacy commands with the coach's real privacy controls
(keys are cheap in tests: conftest's `_cheap_keys`)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from nctui.domain.clock import ManualClock
from nctui.storage.crypto.header import is_sealed
from nctui.storage.location import DATA_FILE_NAME
from nctui.ui.app import NctuiApp
from nctui.ui.dialogs.passphrase import PassphraseDialog
from nctui.ui.screens.lock import NOT_IT, LockScreen
from tests.helpers import AppFactory, screen_text
from tests.seeds import seed_plan

PASSPHRASE = "blue kettle on the hill"
SECRET = "I nearly texted Alex at 2am"


async def keys(pilot: Pilot[None], *pressed: str) -> None:
    for key in pressed:
        await pilot.press(key)
        await pilot.pause()


async def settle(pilot: Pilot[None]) -> None:
    """Let a check in a thread finish and its outcome be shown."""
    await pilot.app.workers.wait_for_complete()
    for _ in range(3):
        await pilot.pause()


async def command(pilot: Pilot[None], title: str, *answers: str) -> None:
    """Choose `title` in the palette, type each answer into the next box, and wait."""
    await keys(pilot, "ctrl+p")
    await pilot.press(*title)
    for _ in range(4):
        await pilot.pause()
    await keys(pilot, "enter")
    assert isinstance(pilot.app.screen, PassphraseDialog)
    for answer in answers:
        box = pilot.app.focused
        assert isinstance(box, Input)
        box.value = answer
        await keys(pilot, "enter")
    await settle(pilot)


async def unlock(pilot: Pilot[None], typed: str) -> None:
    pilot.app.screen.query_one("#lock-passphrase", Input).value = typed
    await keys(pilot, "enter")
    await settle(pilot)


def in_dialog(app: NctuiApp) -> bool:
    """Whether a passphrase dialog is on top (a call: the type checker keeps no answer)."""
    return isinstance(app.screen, PassphraseDialog)


def lock_message(app: NctuiApp) -> str:
    return str(app.screen.query_one("#lock-message").render())


async def test_set_in_the_palette_then_hide_lock_and_come_back(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await command(pilot, "Set a passphrase", PASSPHRASE, PASSPHRASE)
        assert not isinstance(app.screen, PassphraseDialog)
        assert app.coach.privacy.state().lock_set
        await keys(pilot, "c", "u")
        note = app.screen.query_one("#note", Input)
        await pilot.press(*SECRET)
        await keys(pilot, "left", "left", "left")
        await keys(pilot, "f12", "x")
        assert isinstance(app.screen, LockScreen)
        assert "Alex" not in screen_text(app) and "nctui" not in screen_text(app)
        await unlock(pilot, "blue kettle on the hills")
        assert isinstance(app.screen, LockScreen) and lock_message(app) == NOT_IT
        await unlock(pilot, PASSPHRASE + "\n")
        assert app.focused is note and note.value == SECRET
        assert note.cursor_position == len(SECRET) - 3


async def test_the_app_does_not_ask_again_at_start(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    # The command line asks before the app opens (nctui.unlocking): once is enough.
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await command(pilot, "Set a passphrase", PASSPHRASE, PASSPHRASE)
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not isinstance(again.screen, LockScreen)
        assert again.current_mode == "countdown"


async def test_change_then_remove_in_the_palette(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await command(pilot, "Set a passphrase", PASSPHRASE, PASSPHRASE)
        await command(
            pilot, "Change passphrase", "not it at all", "seven lanterns", "seven lanterns"
        )
        assert in_dialog(app)  # the wrong current one: still open
        assert "does not open" in str(app.screen.query_one("#passphrase-message").render())
        await keys(pilot, "escape")
        await command(pilot, "Change passphrase", PASSPHRASE, "seven lanterns", "seven lanterns")
        assert not in_dialog(app)
        assert app.coach.privacy.verify("seven lanterns")
        await command(pilot, "Remove passphrase", "seven lanterns")
        assert not app.coach.privacy.state().lock_set


async def test_encrypt_and_decrypt_in_the_palette(make_app: AppFactory, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await command(pilot, "Set a passphrase", PASSPHRASE, PASSPHRASE)
        await command(pilot, "Encrypt my data", PASSPHRASE)
        assert app.coach.privacy.state().encrypted
        assert is_sealed((data_dir / DATA_FILE_NAME).read_bytes())
        await command(pilot, "Decrypt my data", PASSPHRASE)
        assert not app.coach.privacy.state().encrypted
        assert not is_sealed((data_dir / DATA_FILE_NAME).read_bytes())


async def test_idle_minutes_out_of_range_are_refused_with_the_coach_reason(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await command(pilot, "Set a passphrase", PASSPHRASE, PASSPHRASE)
        await command(pilot, "Lock after", "1441")
        assert "1440" in str(app.screen.query_one("#passphrase-message").render())
        app.screen.query_one("#idle-minutes", Input).value = "0"
        await keys(pilot, "enter")
        await settle(pilot)
        assert app.coach.privacy.state().idle_minutes == 0


async def test_the_third_miss_in_a_row_brings_a_short_wait(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await command(pilot, "Set a passphrase", PASSPHRASE, PASSPHRASE)
        app.cover.lock()
        await pilot.pause()
        for _ in range(2):
            await unlock(pilot, "not it")
            assert lock_message(app) == NOT_IT
        await unlock(pilot, "not it")
        assert app.screen.query_one("#lock-passphrase", Input).disabled
        assert lock_message(app) == f"{NOT_IT} You can try again in 2 seconds."
        assert isinstance(app.screen, LockScreen)
