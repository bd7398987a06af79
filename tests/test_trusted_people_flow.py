"""The trusted people: saved from the SOS card or the palette, shown on the SOS card,
their number a key away."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from nctui.domain.clock import ManualClock
from nctui.domain.trusted import TrustedPerson
from nctui.ui.app import NctuiApp
from nctui.ui.screens.sos import SosScreen
from nctui.ui.screens.trusted_people import TrustedPeopleScreen
from tests.helpers import AppFactory, screen_text, squash, stored, take_in_changes
from tests.seeds import seed_plan


def _showing(app: NctuiApp, kind: type) -> bool:
    return isinstance(app.screen, kind)


async def test_someone_added_from_the_sos_card_shows_there_and_p_copies_the_number(
    make_app: AppFactory, data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert "someone you trust to talk to instead? w adds them" in screen_text(app)
        await pilot.press("w")
        await pilot.pause()
        assert _showing(app, TrustedPeopleScreen)
        await pilot.press(*"Sam", "tab", *"07700 900123", "ctrl+s")
        await pilot.pause()
        assert _showing(app, SosScreen)
        assert "Talk to Sam instead · 07700 900123" in screen_text(app)
        await pilot.press("p")
        await pilot.pause()
        assert copied == ["07700 900123"]
        await pilot.press("escape")
        await pilot.pause()
    (setting,) = [doc for doc in stored(data_dir, "settings") if doc["id"] == "trusted_people"]
    assert setting["value"] == [{"name": "Sam", "reach": "07700 900123"}]
    (event,) = stored(data_dir, "events")
    assert event["kind"] == "urge"
    assert event["source"] == "sos"


async def test_two_people_from_the_palette_and_p_takes_turns(
    make_app: AppFactory, data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"people to talk", "enter")
        await pilot.pause()
        assert _showing(app, TrustedPeopleScreen)
        await pilot.press(*"Sam", "enter", *"07700 900123", "enter", *"Alex", "enter", *"@alex")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("exclamation_mark")
        await pilot.pause()
        shown = squash(screen_text(app))
        assert "Talk to Sam instead · 07700 900123" in shown
        assert "Talk to Alex instead · @alex" in shown
        await pilot.press("p", "p", "p")
        await pilot.pause()
        assert copied == ["07700 900123", "@alex", "07700 900123"]


async def test_a_number_with_no_name_is_refused_and_nothing_typed_is_lost(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("exclamation_mark", "w")
        await pilot.pause()
        await pilot.press("tab", *"07700 900123", "ctrl+s")
        await pilot.pause()
        assert _showing(app, TrustedPeopleScreen)
        assert "A name, please" in screen_text(app)
        assert app.screen.query_one("#reach-0", Input).value == "07700 900123"
        assert app.screen.focused is app.screen.query_one("#name-0", Input)
        await pilot.press("escape")
        await pilot.pause()
        assert _showing(app, SosScreen)
    assert not [doc for doc in stored(data_dir, "settings") if doc["id"] == "trusted_people"]


async def test_emptying_both_boxes_removes_someone(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.coach.companion.set_trusted([])
        await pilot.press("exclamation_mark", "w")
        await pilot.pause()
        await pilot.press(*"Sam", "ctrl+s")
        await pilot.pause()
        assert "Talk to Sam instead" in screen_text(app)
        assert "p copies" not in screen_text(app)  # no number to copy
        await pilot.press("w")
        await pilot.pause()
        await pilot.press(*["backspace"] * 3, "ctrl+s")
        await pilot.pause()
        assert "w adds them" in screen_text(app)
    assert app.coach.companion.trusted() == ()


async def _palette_people(app: NctuiApp, pilot: Pilot[None], *typed: str) -> None:
    """Change the people from the command palette, typing `typed` in its dialog."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"people to talk", "enter")
    await pilot.pause()
    assert _showing(app, TrustedPeopleScreen)
    await pilot.press(*typed, "ctrl+s")
    await pilot.pause()


async def test_people_changed_from_the_palette_show_on_the_open_sos_card(
    make_app: AppFactory, data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    copied: list[str] = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert "w adds them" in screen_text(app)
        await _palette_people(app, pilot, *"Sam", "tab", *"07700 900123")
        assert _showing(app, SosScreen)
        assert "Talk to Sam instead · 07700 900123" in screen_text(app)
        await pilot.press("p")  # copies the number the card now shows
        await pilot.pause()
        assert copied == ["07700 900123"]
        await _palette_people(app, pilot, *["backspace"] * 3, *"Alex")
        shown = squash(screen_text(app))
        assert "Talk to Alex instead" in shown
        assert "Sam" not in shown


async def test_people_changed_from_the_palette_show_when_the_card_opens_again(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.coach.companion.set_trusted([TrustedPerson("Sam", "07700 900123")])
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert "Talk to Sam instead" in screen_text(app)
        await pilot.press("x")  # just close
        await pilot.pause()
        await _palette_people(app, pilot, *["backspace"] * 3, *"Alex")
        await pilot.press("exclamation_mark")
        await pilot.pause()
        shown = squash(screen_text(app))
        assert "Talk to Alex instead · 07700 900123" in shown
        assert "Sam" not in shown


async def test_people_changed_in_another_window_show_on_the_open_sos_card(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        other = make_app()
        other.coach.companion.set_trusted([TrustedPerson("Sam")])
        other.coach.file.close()
        await take_in_changes(app, pilot)
        assert _showing(app, SosScreen)
        assert "Talk to Sam instead" in screen_text(app)
