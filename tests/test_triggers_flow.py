"""Trigger tags on urges and slips: one key each, saved with the event, shown in history."""

from __future__ import annotations

import json
from pathlib import Path

from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind
from nctui.ui.screens.countdown import CountdownScreen
from nctui.ui.screens.history import HistoryScreen
from nctui.ui.widgets.trigger_tags import TriggerTags
from tests.helpers import AppFactory, screen_text, stored
from tests.seeds import seed_plan


async def test_an_urge_with_two_tags_is_saved_and_shown_in_the_history(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        await pilot.press(*"so quiet", "tab")
        await pilot.pause()
        assert isinstance(app.screen.focused, TriggerTags)
        await pilot.press("l", "z", "b", "b")  # b twice: ticked, then cleared
        await pilot.pause()
        assert "l [x] Lonely" in screen_text(app)
        assert "b [ ] Bored" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CountdownScreen)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "Lonely · Late at night — so quiet" in screen_text(app)
    (event,) = stored(data_dir, "events")
    assert event["triggers"] == ["lonely", "late_night"]
    assert event["note"] == "so quiet"


async def test_tags_are_optional_and_a_letter_that_is_no_tag_starts_the_note(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one(TriggerTags).focus()
        await pilot.pause()
        await pilot.press("right", "space")  # the second tag, bored, with Space
        await pilot.press("d", "k")  # d: after a drink; k is no tag's letter
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    (event,) = stored(data_dir, "events")
    assert event["kind"] == "slip"
    assert event["triggers"] == ["bored", "drink"]
    assert event["note"] == "k"


async def test_other_kinds_offer_no_tags(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        for key in "toe":
            await pilot.press(key)
            await pilot.pause()
            assert not app.screen.query(TriggerTags)
            await pilot.press("escape")
            await pilot.pause()


async def test_hand_edited_tags_keep_the_event_and_read_plainly(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(
        data_dir,
        clock,
        days_ago=3,
        events=((Kind.URGE, 1, None, "a"), (Kind.SLIP, 2, "other", "b")),
    )
    path = data_dir / "nctui.json"
    data = json.loads(path.read_text())
    first, second = data["events"].values()
    first["triggers"] = "lonely"  # one tag as plain text
    second["triggers"] = [5, "made_up", {"x": 1}, "bored"]  # odd values and an unknown tag
    path.write_text(json.dumps(data))
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        shown = screen_text(app)
        assert "Lonely — a" in shown
        assert "Made up · Bored — b" in shown
