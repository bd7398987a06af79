"""The palette's privacy commands: shown when they can do something, each asking in a
small dialog, and saying what happened. The privacy controls are a stand-in (instant)."""

from __future__ import annotations

import threading

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from nctui.ui.app import NctuiApp
from nctui.ui.dialogs.passphrase import PassphraseDialog
from nctui.ui.screens.hidden import HiddenScreen
from tests.helpers import AppFactory
from tests.privacy_fakes import FakePrivacy, FakeState

PASSPHRASE = "paper boats at dawn"


def titles(app: NctuiApp) -> list[str]:
    return [command.title for command in app.get_system_commands(app.screen)]


def privacy_titles(app: NctuiApp) -> set[str]:
    words = ("passphrase", "crypt", "idle")
    return {title for title in titles(app) if any(word in title for word in words)}


async def keys(pilot: Pilot[None], *pressed: str) -> None:
    for key in pressed:
        await pilot.press(key)
        await pilot.pause()


async def run_command(pilot: Pilot[None], title: str) -> None:
    """Choose `title` in the command palette, as a person would."""
    await keys(pilot, "ctrl+p")
    await pilot.press(*title)
    for _ in range(4):
        await pilot.pause()
    await keys(pilot, "enter")
    assert isinstance(pilot.app.screen, PassphraseDialog)


async def fill(pilot: Pilot[None], *answers: str) -> None:
    """Type each answer into the next box and press Enter; wait for the slow step."""
    for answer in answers:
        box = pilot.app.focused
        assert isinstance(box, Input)
        box.value = answer
        await keys(pilot, "enter")
    await pilot.app.workers.wait_for_complete()
    for _ in range(3):
        await pilot.pause()


def said(app: NctuiApp) -> str:
    return str(app.screen.query_one("#passphrase-message").render())


def notices(app: NctuiApp) -> list[str]:
    return [notification.message for notification in app._notifications]


def current(fake: FakePrivacy) -> str | None:
    """The passphrase set now (a call, so the type checker keeps no old answer)."""
    return fake.passphrase


def give(app: NctuiApp, monkeypatch: pytest.MonkeyPatch, fake: FakePrivacy) -> None:
    monkeypatch.setattr(app.coach, "privacy", fake, raising=False)


async def test_the_commands_follow_the_state(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    fake = FakePrivacy()
    give(app, monkeypatch, fake)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert privacy_titles(app) == {"Set a passphrase…"}
        fake.passphrase = PASSPHRASE
        assert privacy_titles(app) == {
            "Change passphrase…",
            "Remove passphrase…",
            "Encrypt my data file…",
            "Lock after N idle minutes…",
            "Ask for the passphrase after hiding: on",
        }
        fake.settings = FakeState(encrypted=True, ask_on_return=False)
        assert privacy_titles(app) == {
            "Change passphrase…",
            "Decrypt my data file…",
            "Lock after N idle minutes…",
            "Ask for the passphrase after hiding: off",
        }


async def test_setting_a_passphrase_asks_twice_and_says_it_cannot_be_recovered(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    fake = FakePrivacy()
    give(app, monkeypatch, fake)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await run_command(pilot, "Set a passphrase")
        text = str(app.screen.query_one(".dialog-text").render())
        assert "forgotten passphrase cannot be recovered" in text and "Export" in text
        await fill(pilot, "short", "short")
        assert "at least 8 characters" in said(app) and current(fake) is None
        app.screen.query_one("#new-passphrase", Input).focus()
        await fill(pilot, PASSPHRASE, "paper boats at dusk")
        assert "not the same" in said(app) and current(fake) is None
        assert app.focused is app.screen.query_one("#new-again")
        app.screen.query_one("#new-passphrase", Input).focus()
        await fill(pilot, PASSPHRASE + "\n", PASSPHRASE)  # a pasted newline is no difference
        assert current(fake) == PASSPHRASE
        assert not isinstance(app.screen, PassphraseDialog)
        assert any("Your passphrase is set:" in notice for notice in notices(app))


async def test_a_wrong_passphrase_keeps_the_dialog_open(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    fake = FakePrivacy()
    give(app, monkeypatch, fake)
    async with app.run_test(size=(80, 24)) as pilot:
        fake.passphrase = PASSPHRASE
        await run_command(pilot, "Remove passphrase")
        await fill(pilot, "not it")
        assert isinstance(app.screen, PassphraseDialog)
        assert said(app) == "That is not your passphrase."
        assert current(fake) == PASSPHRASE
        await fill(pilot, PASSPHRASE)
        assert current(fake) is None and not isinstance(app.screen, PassphraseDialog)


async def test_an_empty_passphrase_is_asked_for_before_any_slow_step(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    fake = FakePrivacy(PASSPHRASE)
    give(app, monkeypatch, fake)
    async with app.run_test(size=(80, 24)) as pilot:
        await run_command(pilot, "Encrypt my data")
        await fill(pilot, "   ")
        assert said(app) == "Type your passphrase first." and fake.tried == []
        assert not fake.settings.encrypted


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("soon", "Please type a number of minutes"),
        ("2000", "between 0 (never) and 1440"),
        ("-5", "between 0 (never) and 1440"),
    ],
)
async def test_idle_minutes_refused_with_a_reason(
    typed: str, message: str, make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    fake = FakePrivacy()
    give(app, monkeypatch, fake)
    async with app.run_test(size=(80, 24)) as pilot:
        fake.passphrase = PASSPHRASE
        await run_command(pilot, "Lock after")
        await fill(pilot, typed)
        assert message in said(app)
        assert fake.settings.idle_minutes == 10
        await fill(pilot, "0")
        assert fake.settings.idle_minutes == 0


async def test_asking_after_hiding_is_turned_off_and_on(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    fake = FakePrivacy()
    give(app, monkeypatch, fake)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        fake.passphrase = PASSPHRASE
        await keys(pilot, "ctrl+p")
        await pilot.press(*"Ask for the passphrase")
        for _ in range(4):
            await pilot.pause()
        await keys(pilot, "enter")
        assert fake.settings.ask_on_return is False
        assert any("straight back" in notice for notice in notices(app))


async def test_a_change_finishing_while_hidden_does_not_uncover(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    fake = FakePrivacy()
    give(app, monkeypatch, fake)
    release = threading.Event()
    set_passphrase = fake.set_passphrase

    def slow_set(new: str, *, current: str | None = None) -> None:
        release.wait(timeout=10)
        set_passphrase(new, current=current)

    monkeypatch.setattr(fake, "set_passphrase", slow_set)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await run_command(pilot, "Set a passphrase")
        for box in ("#new-passphrase", "#new-again"):
            app.screen.query_one(box, Input).value = PASSPHRASE
        app.screen.query_one("#new-again", Input).focus()
        await keys(pilot, "enter")
        await keys(pilot, "f12")
        release.set()
        await app.workers.wait_for_complete()
        for _ in range(3):
            await pilot.pause()
        assert isinstance(app.screen, HiddenScreen)
        assert current(fake) == PASSPHRASE
        await keys(pilot, "x")  # asks on return: the passphrase is set now
        assert app.screen.has_class("lock")
