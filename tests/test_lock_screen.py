"""The lock: when it shows, what a wrong passphrase says, and that the right one brings
everything back as it was. The privacy controls are a stand-in here (instant)."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from nctui.domain.clock import ManualClock
from nctui.ui.app import NctuiApp
from nctui.ui.screens.hidden import HiddenScreen
from nctui.ui.screens.lock import CHECKING, NOT_IT, LockScreen
from tests.helpers import AppFactory, SnapCompare, screen_text, stored
from tests.privacy_fakes import FakePrivacy, FakeState
from tests.seeds import seed_journal, seed_plan

PASSPHRASE = "paper boats at dawn"
SECRET = "I nearly texted Alex at 2am"


def with_privacy(
    app: NctuiApp, monkeypatch: pytest.MonkeyPatch, *, lock: bool = True, **settings: object
) -> FakePrivacy:
    """Give the app's coach stand-in privacy controls, a passphrase set if `lock`."""
    fake = FakePrivacy(PASSPHRASE if lock else None, FakeState(**settings))  # type: ignore[arg-type]
    monkeypatch.setattr(app.coach, "privacy", fake, raising=False)
    return fake


async def keys(pilot: Pilot[None], *pressed: str) -> None:
    """Press keys one at a time, letting each land before the next."""
    for key in pressed:
        await pilot.press(key)
        await pilot.pause()


async def lock_now(pilot: Pilot[None]) -> None:
    """Lock the app (with a lock set, the command line asks before the app opens)."""
    pilot.app.cover.lock()  # type: ignore[attr-defined]
    await pilot.pause()


async def enter_passphrase(pilot: Pilot[None], typed: str) -> None:
    """Type into the lock's box and press Enter; wait for the check to finish."""
    app = pilot.app
    box = app.screen.query_one("#lock-passphrase", Input)
    box.value = typed
    await keys(pilot, "enter")
    await app.workers.wait_for_complete()
    for _ in range(3):
        await pilot.pause()


def message(app: NctuiApp) -> str:
    return str(app.screen.query_one("#lock-message").render())


def assert_neutral(app: NctuiApp) -> None:
    shown = screen_text(app)
    assert "nctui" not in shown.lower()
    for word in ("Alex", "2am", "Countdown", "Quit", "palette"):
        assert word not in shown


async def start_typing_a_note(pilot: Pilot[None]) -> Input:
    """The urge dialog open, a note typed, the cursor moved back two places."""
    await keys(pilot, "c", "u")
    note = pilot.app.screen.query_one("#note", Input)
    await pilot.press(*SECRET)
    await keys(pilot, "left", "left")
    return note


async def test_locks_after_the_idle_minutes_and_not_before(
    make_app: AppFactory, data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    with_privacy(app, monkeypatch, idle_minutes=10)
    async with app.run_test(size=(80, 24)) as pilot:
        note = await start_typing_a_note(pilot)
        clock.advance(timedelta(minutes=9, seconds=59))
        app.cover.lock_if_idle()
        await pilot.pause()
        assert not isinstance(app.screen, LockScreen)
        clock.advance(timedelta(seconds=1))
        app.cover.lock_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        assert_neutral(app)
        await enter_passphrase(pilot, PASSPHRASE)
        assert app.focused is note and note.value == SECRET
        assert note.cursor_position == len(SECRET) - 2


async def test_a_key_puts_the_lock_off(
    make_app: AppFactory, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    with_privacy(app, monkeypatch, lock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        app.coach.privacy.passphrase = PASSPHRASE  # type: ignore[attr-defined]
        clock.advance(timedelta(minutes=8))
        await keys(pilot, "down")
        clock.advance(timedelta(minutes=8))
        app.cover.lock_if_idle()
        await pilot.pause()
        assert not isinstance(app.screen, LockScreen)


@pytest.mark.parametrize("minutes", [0])
async def test_never_locks_when_idle_minutes_is_zero(
    minutes: int, make_app: AppFactory, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    with_privacy(app, monkeypatch, lock=False, idle_minutes=minutes)
    async with app.run_test(size=(80, 24)) as pilot:
        app.coach.privacy.passphrase = PASSPHRASE  # type: ignore[attr-defined]
        clock.advance(timedelta(days=3))
        app.cover.lock_if_idle()
        await pilot.pause()
        assert not isinstance(app.screen, LockScreen)


async def test_a_clock_put_back_does_not_lock(
    make_app: AppFactory, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    with_privacy(app, monkeypatch, lock=False)
    async with app.run_test(size=(80, 24)) as pilot:
        app.coach.privacy.passphrase = PASSPHRASE  # type: ignore[attr-defined]
        clock.advance(timedelta(hours=-5))
        app.cover.lock_if_idle()
        clock.advance(timedelta(minutes=5))
        app.cover.lock_if_idle()
        await pilot.pause()
        assert not isinstance(app.screen, LockScreen)


async def test_a_wrong_passphrase_is_met_calmly_and_the_lock_stays(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    fake = with_privacy(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await lock_now(pilot)
        assert isinstance(app.screen, LockScreen)
        lock = app.screen
        await enter_passphrase(pilot, "paper boats at dusk")
        assert app.screen is lock and message(app) == NOT_IT
        assert app.screen.query_one("#lock-passphrase", Input).value == ""
        assert fake.tried == ["paper boats at dusk"]
        assert_neutral(app)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "x" * 10_000,
        "🌊 mi corazón 💔",
        "\ud83c",  # half an emoji: a broken paste
    ],
    ids=["empty", "spaces", "10000-characters", "emoji", "broken-character"],
)
async def test_odd_entries_never_open_the_lock_nor_crash(
    typed: str, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    fake = with_privacy(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await lock_now(pilot)
        await enter_passphrase(pilot, typed)
        assert isinstance(app.screen, LockScreen) and app.is_running
        assert message(app)
        if not typed.strip():
            assert fake.tried == []  # nothing to check: no slow check either
        assert "Traceback" not in screen_text(app)


async def test_emoji_and_a_pasted_newline_open_the_lock(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    fake = with_privacy(app, monkeypatch)
    fake.passphrase = "🌊 mi corazón 💔"
    async with app.run_test(size=(80, 24)) as pilot:
        await lock_now(pilot)
        box = app.screen.query_one("#lock-passphrase", Input)
        await pilot.pause()
        box.post_message(events.Paste("🌊 mi corazón 💔\n"))
        await pilot.pause()
        assert box.value == "🌊 mi corazón 💔"
        await keys(pilot, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert not isinstance(app.screen, LockScreen)


async def test_misses_in_a_row_bring_a_short_wait(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("nctui.ui.cover.retry_delay", lambda misses: 0.0 if misses < 3 else 30.0)
    app = make_app()
    fake = with_privacy(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await lock_now(pilot)
        for _ in range(2):
            await enter_passphrase(pilot, "not it")
            assert message(app) == NOT_IT
        await enter_passphrase(pilot, "not it")
        box = app.screen.query_one("#lock-passphrase", Input)
        assert box.disabled
        assert message(app) == f"{NOT_IT} You can try again in 30 seconds."
        await keys(pilot, "a", "enter")  # nothing is typed or checked meanwhile
        assert box.value == "" and len(fake.tried) == 3
        lock = app.screen
        assert isinstance(lock, LockScreen)
        lock._tick()  # a second later (the screen's own one-second timer)
        assert message(app) == f"{NOT_IT} You can try again in 29 seconds."


@pytest.mark.parametrize(
    "key", ["escape", "ctrl+p", "f1", "f2", "q", "c", "tab", "ctrl+c", "exclamation_mark"]
)
async def test_no_key_gets_past_the_lock(
    key: str, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    with_privacy(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await lock_now(pilot)
        lock = app.screen
        await keys(pilot, key)
        assert app.screen is lock and len(app.screen_stack) == 2
        assert_neutral(app)


async def test_the_hide_key_over_the_lock_comes_back_to_the_lock(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    with_privacy(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await lock_now(pilot)
        lock = app.screen
        await keys(pilot, "f12")
        assert isinstance(app.screen, HiddenScreen)
        await keys(pilot, "f12", "x")
        assert app.screen is lock


@pytest.mark.parametrize("ask", [True, False])
async def test_coming_back_from_hiding_asks_when_wanted(
    ask: bool,
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    with_privacy(app, monkeypatch, lock=False, ask_on_return=ask)
    async with app.run_test(size=(80, 24)) as pilot:
        app.coach.privacy.passphrase = PASSPHRASE  # type: ignore[attr-defined]
        note = await start_typing_a_note(pilot)
        await keys(pilot, "f12", "x")
        assert isinstance(app.screen, LockScreen) is ask
        if ask:
            assert_neutral(app)
            await enter_passphrase(pilot, PASSPHRASE)
        assert app.focused is note and note.value == SECRET
        assert note.cursor_position == len(SECRET) - 2


async def test_idle_while_hidden_asks_on_return_even_when_not_asked_for(
    make_app: AppFactory, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    with_privacy(app, monkeypatch, lock=False, ask_on_return=False)
    async with app.run_test(size=(80, 24)) as pilot:
        app.coach.privacy.passphrase = PASSPHRASE  # type: ignore[attr-defined]
        await keys(pilot, "f12")
        clock.advance(timedelta(minutes=11))
        app.cover.lock_if_idle()
        await pilot.pause()
        assert isinstance(app.screen, HiddenScreen)  # still the plainest cover
        await keys(pilot, "x")
        assert isinstance(app.screen, LockScreen)


async def test_quitting_from_the_lock_keeps_the_words_being_written(
    make_app: AppFactory, data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_journal(data_dir, clock, today=False)
    app = make_app()
    with_privacy(app, monkeypatch, lock=False)
    async with app.run_test(size=(100, 32)) as pilot:
        app.coach.privacy.passphrase = PASSPHRASE  # type: ignore[attr-defined]
        await keys(pilot, "j")
        box = app.screen.query_one("#journal-text", TextArea)
        box.focus()
        await pilot.pause()
        await pilot.press(*SECRET)
        app.cover.lock()
        await pilot.pause()
        await keys(pilot, "ctrl+q")
    assert app.goodbye is not None and "draft" in app.goodbye
    assert [doc["text"] for doc in stored(data_dir, "drafts")] == [SECRET]


async def test_checking_is_said_while_the_check_runs(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    fake = with_privacy(app, monkeypatch)
    shown: list[str] = []

    def slow_verify(typed: str) -> bool:
        shown.append(app.call_from_thread(message, app))
        return typed == PASSPHRASE

    monkeypatch.setattr(fake, "verify", slow_verify)
    async with app.run_test(size=(80, 24)) as pilot:
        await lock_now(pilot)
        await enter_passphrase(pilot, PASSPHRASE)
        assert shown == [CHECKING]
        assert not isinstance(app.screen, LockScreen)


def test_snapshot_of_the_lock(
    snap_compare: SnapCompare,
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    with_privacy(app, monkeypatch)

    async def run_before(pilot: Pilot[None]) -> None:
        await lock_now(pilot)
        await enter_passphrase(pilot, "not quite")

    assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))


async def test_the_right_passphrase_checked_while_hidden_opens_only_on_return(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    fake = with_privacy(app, monkeypatch)
    release = threading.Event()
    verify = fake.verify

    def slow_verify(typed: str) -> bool:
        release.wait(timeout=10)
        return verify(typed)

    monkeypatch.setattr(fake, "verify", slow_verify)
    async with app.run_test(size=(80, 24)) as pilot:
        await lock_now(pilot)
        app.screen.query_one("#lock-passphrase", Input).value = PASSPHRASE
        await keys(pilot, "enter", "f12")
        release.set()
        await app.workers.wait_for_complete()
        for _ in range(3):
            await pilot.pause()
        assert isinstance(app.screen, HiddenScreen)
        await keys(pilot, "x")
        await pilot.pause()
        assert not app.screen.has_class("cover")
