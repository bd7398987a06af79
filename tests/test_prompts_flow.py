"""Journal prompts in the check-in: today's question offered, others a key away, the
chosen one saved with the words, shown in the journal and found by search."""

from __future__ import annotations

import json
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import TextArea

from nctui.domain.cards import Occasion, deck
from nctui.domain.clock import ManualClock
from nctui.domain.prompts import prompts_for
from nctui.ui.app import NctuiApp
from nctui.ui.widgets.checkin_form import CheckInForm
from tests.helpers import AppFactory, screen_text, squash, stored
from tests.seeds import seed_plan

DAY_5 = deck().by_day[(Occasion.DAY, 5)]


async def _rate(app: NctuiApp, pilot: Pilot[None]) -> None:
    await pilot.press("j")
    await pilot.pause()
    await pilot.press("enter", "6", "enter", "4", "enter", "3", "enter")
    await pilot.pause()
    assert isinstance(app.screen.focused, TextArea)


async def test_todays_question_waits_in_the_box_and_is_saved_with_the_words(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=4.1, length=30)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _rate(app, pilot)
        assert DAY_5.ask in screen_text(app)  # the placeholder
        await pilot.press(*"More sleep and fewer screens", "ctrl+s")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        shown = squash(screen_text(app))
        assert "What does your body need" in shown  # the question, above the words
        assert "More sleep and fewer screens" in shown
        # The question is searched too.
        await pilot.press("slash", *"zebra")
        await pilot.pause()
        assert "Nothing found" in screen_text(app)
        await pilot.press(*["backspace"] * 5, *"body need")
        await pilot.pause()
        assert "Nothing found" not in screen_text(app)
        assert "Thu 26 Nov" in screen_text(app)
    (checkin,) = stored(data_dir, "checkins")
    assert checkin["prompt"] == DAY_5.ask
    assert checkin["prompt_id"] == f"card-{DAY_5.id}"


async def test_ctrl_n_offers_another_question_and_ctrl_b_before_the_first_none(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=4.1, length=30)
    app = make_app()
    expected = prompts_for(DAY_5, app.coach.journal.today())
    async with app.run_test(size=(80, 24)) as pilot:
        await _rate(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert expected[1].text in screen_text(app)
        await pilot.press("ctrl+b", "ctrl+b")  # back to today's, then none
        await pilot.pause()
        assert "write freely" in screen_text(app)
        assert app.screen.query_one(CheckInForm).prompt is None
        await pilot.press("ctrl+n", "ctrl+n")  # today's again, then the next
        await pilot.press(*"Proud I went out", "ctrl+s")
        await pilot.pause()
        assert f"Writing about: {expected[1].text}" in squash(screen_text(app))
    (checkin,) = stored(data_dir, "checkins")
    assert checkin["prompt_id"] == expected[1].id


async def test_written_freely_or_without_words_no_question_is_kept(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=4.1, length=30)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _rate(app, pilot)
        await pilot.press("ctrl+s")  # numbers only
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one(CheckInForm).focus_text()
        await pilot.pause()
        await pilot.press("ctrl+b", *"just a day", "ctrl+s")
        await pilot.pause()
    first, second = stored(data_dir, "checkins")
    assert "prompt" not in first
    assert second["text"] == "just a day"
    assert "prompt" not in second


async def test_an_odd_question_in_the_file_never_costs_the_check_in(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=4.1, length=30)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _rate(app, pilot)
        await pilot.press(*"words", "ctrl+s")
        await pilot.pause()
    path = data_dir / "nctui.json"
    data = json.loads(path.read_text())
    (checkin,) = data["checkins"].values()
    checkin["prompt"] = 42
    path.write_text(json.dumps(data))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "3")
        await pilot.pause()
        assert "words" in screen_text(app)


async def test_the_question_chosen_is_kept_with_the_draft_and_comes_back_with_the_words(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=4.1, length=30)
    app = make_app()
    expected = prompts_for(DAY_5, app.coach.journal.today())
    async with app.run_test(size=(80, 24)) as pilot:
        await _rate(app, pilot)
        await pilot.press("ctrl+n")  # not today's question: the next one
        await pilot.press(*"A walk by the river")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    (draft,) = stored(data_dir, "drafts")
    assert draft["text"] == "A walk by the river"
    assert draft["fields"]["prompt_id"] == expected[1].id

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("enter")  # "Keep going"
        await pilot.pause()
        form = app.screen.query_one(CheckInForm)
        assert form.text == "A walk by the river"
        assert form.prompt == (expected[1].id, expected[1].text)
        assert f"Writing about: {expected[1].text}" in squash(screen_text(app))
        await pilot.press("ctrl+s")
        await pilot.pause()
    (checkin,) = stored(data_dir, "checkins")
    assert (checkin["text"], checkin["prompt_id"]) == ("A walk by the river", expected[1].id)
    assert stored(data_dir, "drafts") == []


async def test_words_written_freely_come_back_without_a_question(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=4.1, length=30)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _rate(app, pilot)
        await pilot.press("ctrl+b", *"my own words")  # no question: written freely
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("enter")  # "Keep going"
        await pilot.pause()
        form = app.screen.query_one(CheckInForm)
        assert form.text == "my own words"
        assert form.prompt is None
        assert "write freely" in screen_text(app)


async def test_another_question_for_words_already_saved_is_kept_too(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=4.1, length=30)
    app = make_app()
    expected = prompts_for(DAY_5, app.coach.journal.today())
    async with app.run_test(size=(80, 24)) as pilot:
        await _rate(app, pilot)
        await pilot.press(*"Rest", "ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        app.screen.query_one(CheckInForm).focus_text()
        await pilot.press("ctrl+n")  # the words stay; the question they answer changes
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.goodbye is not None  # kept as a draft, and said so
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("enter")  # "Keep going"
        await pilot.pause()
        assert app.screen.query_one(CheckInForm).prompt == (expected[1].id, expected[1].text)
        # Back to the question saved: nothing new, so nothing to keep.
        await pilot.press("ctrl+b")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.goodbye is None
    assert stored(data_dir, "drafts") == []
