"""The lock that asks for a passphrase set in another window: saving waits for it, and
nothing behind it shows meanwhile (keys are cheap in tests: conftest's `_cheap_keys`)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from nctui.coach.coach import Coach
from nctui.domain.clock import ManualClock
from nctui.storage.crypto.header import is_sealed
from nctui.storage.location import DATA_FILE_NAME
from nctui.ui.app import NctuiApp
from nctui.ui.screens.lock import ENCRYPTED_ELSEWHERE, NOT_IT, PASSPHRASE_CHANGED, LockScreen
from tests.helpers import AppFactory, SnapCompare, screen_text, squash
from tests.seeds import seed_plan

PASSPHRASE = "blue kettle on the hill"
OTHER = "seven quiet lanterns"
SECRET = "I nearly texted Alex at 2am"


async def keys(pilot: Pilot[None], *pressed: str) -> None:
    for key in pressed:
        await pilot.press(key)
        await pilot.pause()


async def settle(pilot: Pilot[None]) -> None:
    """Let the writer thread and a check in a thread finish, and their outcome show."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        assert isinstance(pilot.app, NctuiApp)
        pilot.app.coach.file.flush(timeout=5)
        await pilot.pause()


def locked(app: NctuiApp) -> bool:
    """Whether a lock is on top (a call: the type checker keeps no answer)."""
    return isinstance(app.screen, LockScreen)


def _app(data_dir: Path, clock: ManualClock, passphrase: str | None) -> NctuiApp:
    app = NctuiApp(Coach.open(data_dir, clock, passphrase))
    app.animation_level = "none"
    app.cursor_blink = False
    app.poll_seconds = 0
    return app


async def _log_an_urge(pilot: Pilot[None]) -> None:
    await keys(pilot, "c", "u")
    await pilot.press(*SECRET)
    await keys(pilot, "ctrl+s")
    await settle(pilot)


def _saved_notes(data_dir: Path, clock: ManualClock, passphrase: str | None) -> list[str]:
    coach = Coach.open(data_dir, clock, passphrase)
    try:
        return [doc.get("note", "") for doc in coach.repository.table("events").all()]
    finally:
        coach.file.close()


async def test_a_passphrase_changed_elsewhere_asks_for_the_new_one(
    data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    setup = Coach.open(data_dir, clock)
    setup.privacy.set_passphrase(PASSPHRASE)
    setup.privacy.encrypt(PASSPHRASE)
    setup.file.close()
    app = _app(data_dir, clock, PASSPHRASE)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            other = Coach.open(data_dir, clock, PASSPHRASE)
            other.privacy.set_passphrase(OTHER, current=PASSPHRASE)
            other.file.close()
            await _log_an_urge(pilot)
            assert locked(app)
            text = screen_text(app)
            assert PASSPHRASE_CHANGED.title in text and "Alex" not in text
            box = app.screen.query_one("#lock-passphrase", Input)
            box.value = "neither of them"
            await keys(pilot, "enter")
            await settle(pilot)
            assert locked(app)
            assert NOT_IT in screen_text(app)
            box.value = PASSPHRASE  # the old one: said so
            await keys(pilot, "enter")
            await settle(pilot)
            assert locked(app)
            assert "from before the change" in squash(screen_text(app))
            box.value = OTHER
            await keys(pilot, "enter")
            await settle(pilot)
            assert not locked(app)
            assert app.coach.file.unsaved == 0
    finally:
        app.coach.file.close()
    assert any(SECRET in note for note in _saved_notes(data_dir, clock, OTHER))


async def test_encryption_turned_on_elsewhere_asks_and_then_saves_sealed(
    data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = _app(data_dir, clock, None)  # opened before any passphrase was set
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            other = Coach.open(data_dir, clock)
            other.privacy.set_passphrase(PASSPHRASE)
            other.privacy.encrypt(PASSPHRASE)
            other.file.close()
            await _log_an_urge(pilot)
            assert locked(app)
            assert ENCRYPTED_ELSEWHERE.title in screen_text(app)
            app.screen.query_one("#lock-passphrase", Input).value = PASSPHRASE
            await keys(pilot, "enter")
            await settle(pilot)
            assert not locked(app)
            assert app.coach.privacy.state().encrypted
    finally:
        app.coach.file.close()
    blob = (data_dir / DATA_FILE_NAME).read_bytes()
    assert is_sealed(blob) and SECRET.encode() not in blob
    assert any(SECRET in note for note in _saved_notes(data_dir, clock, PASSPHRASE))


def test_snapshot_of_the_lock_asking_for_a_changed_passphrase(
    snap_compare: SnapCompare, make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()

    async def run_before(pilot: Pilot[None]) -> None:
        assert isinstance(pilot.app, NctuiApp)
        pilot.app.cover.ask_for_new_key(was_plain=False)
        await pilot.pause()

    assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))


async def test_while_hidden_the_question_waits_for_the_return(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    from nctui.ui.screens.hidden import HiddenScreen

    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await keys(pilot, "f12")
        app.cover.ask_for_new_key(was_plain=False)
        await pilot.pause()
        assert isinstance(app.screen, HiddenScreen)
        assert "passphrase" not in screen_text(app).lower()
        await keys(pilot, "x")
        assert locked(app) and PASSPHRASE_CHANGED.title in screen_text(app)
        # Nothing waits for a key here (no other window changed it): the lock goes.
        app.cover.settle_new_key()
        await pilot.pause()
        assert not locked(app)


async def test_with_a_lock_set_the_ordinary_lock_takes_the_questions_place(
    data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    setup = Coach.open(data_dir, clock)
    setup.privacy.set_passphrase(PASSPHRASE)
    setup.file.close()
    app = _app(data_dir, clock, None)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            app.cover.ask_for_new_key(was_plain=False)
            await pilot.pause()
            assert locked(app) and PASSPHRASE_CHANGED.title in screen_text(app)
            # Nothing waits for another window's passphrase here: the question goes,
            # but the lock stays, asking for this one.
            app.cover.settle_new_key()
            await pilot.pause()
            assert locked(app) and "Locked" in screen_text(app)
            assert PASSPHRASE_CHANGED.title not in screen_text(app)
    finally:
        app.coach.file.close()
