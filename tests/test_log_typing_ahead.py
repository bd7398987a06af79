"""A log dialog typed at speed: every key lands where it would have landed typed slowly."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from nctui.domain.clock import ManualClock
from nctui.ui.widgets.trigger_tags import TriggerTags
from tests.helpers import AppFactory, burst
from tests.seeds import seed_plan


async def test_tabs_and_words_typed_in_one_burst_keep_their_places(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await burst(pilot, "down", "down", "tab", "tab", *"felt low", "tab", "l")
        screen = app.screen
        assert screen.query_one("#when", Input).value == "now"
        assert screen.query_one("#note", Input).value == "felt low"
        assert screen.query_one(TriggerTags).chosen == ("lonely",)


async def test_enter_then_words_in_one_burst(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        # Back to the time, a new one, and Enter moves to the note: the words typed
        # straight after go there.
        await burst(pilot, "shift+tab", *"09:00", "enter", *"walked it off")
        screen = app.screen
        assert screen.query_one("#when", Input).value == "09:00"
        assert screen.query_one("#note", Input).value == "walked it off"


async def test_words_typed_with_the_key_that_opens_the_dialog_reach_the_note(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "u", *"sad and alone")
        screen = app.screen
        assert screen.query_one("#when", Input).value == "now"
        assert screen.query_one("#note", Input).value == "sad and alone"


async def test_words_typed_fast_while_the_list_has_the_cursor_all_reach_the_note(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await burst(pilot, *"hello there friend")  # a paste, or a terminal catching up
        assert app.screen.query_one("#note", Input).value == "hello there friend"
        await burst(pilot, "shift+tab", "shift+tab", *"zz")  # back in the list: still the note
        assert app.screen.query_one("#note", Input).value == "hello there friendzz"


async def test_a_sentence_typed_fast_on_the_tags_all_reaches_the_note(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    # Tab from the note puts the cursor on the tags; a sentence typed there at once
    # (a paste, a terminal catching up) goes to the note, past the first letter too.
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert isinstance(app.screen.focused, TriggerTags)
        await burst(pilot, *"Saw the yellow tram by the harbour")
        screen = app.screen
        assert screen.query_one("#note", Input).value == "Saw the yellow tram by the harbour"
        assert screen.query_one(TriggerTags).chosen == ()


async def test_a_capital_on_the_tags_starts_the_note_rather_than_ticking(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        await burst(pilot, *"Felt lonely")  # "f" would tick "Feeling low"
        screen = app.screen
        assert screen.query_one("#note", Input).value == "Felt lonely"
        assert screen.query_one(TriggerTags).chosen == ()
