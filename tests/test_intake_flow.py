"""The intake from the keyboard alone: questions, plan, checklist, and bad answers."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Static

from nctui.domain.clock import ManualClock
from nctui.ui.app import NctuiApp
from nctui.ui.screens.confirm import ConfirmScreen
from nctui.ui.screens.countdown import CountdownScreen
from nctui.ui.screens.help import HelpScreen
from nctui.ui.widgets.plan_chooser import PlanChooser
from nctui.ui.widgets.question import Question
from nctui.ui.widgets.questionnaire import Questionnaire
from nctui.ui.widgets.start_checklist import StartChecklist
from tests.helpers import AppFactory, screen_text, squash, stored


async def _type(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text)


async def _clear(pilot: Pilot[None]) -> None:
    focused = pilot.app.focused
    assert isinstance(focused, Input)
    focused.value = ""


def _error(app: NctuiApp) -> str:
    question = app.screen.query_one(Questionnaire).current
    return str(question.query_one(".question-error", Static).content)


def _question(app: NctuiApp) -> Question:
    return app.screen.query_one(Questionnaire).current


async def answer_all(pilot: Pilot[None]) -> None:
    """Answer the nine questions: 3 years, a bad ending, they ended it, belongings."""
    await pilot.press("i")
    await pilot.pause()
    await pilot.press("enter")  # today
    await _type(pilot, "3")
    await pilot.press("enter", "enter")  # years, then months (empty)
    await pilot.pause()
    await pilot.press("down", "enter")  # Badly
    await pilot.pause()
    await pilot.press("down", "enter")  # They did
    await pilot.pause()
    for _ in range(3):  # friends, someone new, one issue: No
        await pilot.press("down", "enter")
        await pilot.pause()
    await pilot.press("space", "enter")  # belongings
    await pilot.pause()
    await pilot.press("down", "enter")  # To heal and move on
    await pilot.pause()


async def test_whole_intake_from_the_keyboard(make_app: AppFactory, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await answer_all(pilot)
        chooser = app.screen.query_one(PlanChooser)
        assert chooser.recommendation.days == 104  # 60 + 30 + 14
        shown = screen_text(app)
        assert "We suggest 104 days without contact" in shown
        assert "+30 days" in shown
        assert isinstance(app.focused, OptionList)
        await pilot.press("enter")  # accept the recommendation
        await pilot.pause()
        assert app.screen.query_one(StartChecklist)
        app.coach.file.flush()

    intake = stored(data_dir, "intakes")[0]
    assert intake["answers"]["together_months"] == 36
    assert intake["answers"]["ending"] == "bad"
    assert intake["answers"]["ended_by"] == "them"
    assert intake["answers"]["loose_ends"] == ["belongings"]
    assert intake["recommendation"]["days"] == 104
    assert intake["chosen_days"] == 104
    attempt = stored(data_dir, "attempts")[0]
    assert attempt["length_days"] == 104
    assert attempt["start"] == "2026-11-26T09:30:00+00:00"
    assert attempt["intake_id"] == intake["id"]


async def test_choosing_another_length(make_app: AppFactory, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await answer_all(pilot)
        await pilot.press("end", "enter")  # Another length…
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await _type(pilot, "400")
        await pilot.press("enter")
        await pilot.pause()
        chooser = app.screen.query_one(PlanChooser)
        assert "from 7 to 365" in str(chooser.query_one(".question-error", Static).content)
        assert app.focused is chooser.query_one("#custom-days")
        await _clear(pilot)
        await _type(pilot, "45")
        await pilot.press("enter")
        await pilot.pause()
    assert stored(data_dir, "attempts")[0]["length_days"] == 45


async def test_bad_answers_get_a_message_and_keep_focus(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        day_box = app.focused
        assert isinstance(day_box, Input)
        for typed, message in [
            ("", "Type a date"),
            ("2026-02-30", "not a real date"),
            ("2026-12-25", "has not come yet"),
            ("soon", "Try a date like"),
        ]:
            day_box.value = typed
            await pilot.press("enter")
            await pilot.pause()
            assert message in _error(app), typed
            assert app.focused is day_box
            assert _question(app).field == "contact_stopped"
        day_box.value = "2 days ago"
        await pilot.press("enter")
        await pilot.pause()
        assert _question(app).field == "together_months"

        years = app.focused
        assert isinstance(years, Input)
        for typed, message in [
            ("", "Fill in years, months"),
            ("abc", "whole number"),
            ("-2", "below zero"),
            ("500", "over 70 years"),
            ("0", "cannot be zero"),
        ]:
            years.value = typed
            await pilot.press("enter", "enter")
            await pilot.pause()
            assert message in _error(app), typed
            assert app.focused is years
        years.value = "1"
        await pilot.press("enter", "enter")
        await pilot.pause()

        await pilot.press("pagedown")  # not a key here: nothing happens
        assert _question(app).field == "ending"
        await pilot.press("end", "enter")  # out of the blue
        await pilot.pause()
        assert _question(app).field == "ended_by"
        await pilot.press("up", "up", "enter")  # "I did": contradicts "out of the blue"
        await pilot.pause()
        assert "they ended it" in _error(app)
        assert _question(app).field == "ended_by"


async def test_back_keeps_answers(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("enter")
        await _type(pilot, "2")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert _question(app).field == "ending"
        await pilot.press("pageup")
        await pilot.pause()
        assert _question(app).field == "together_months"
        assert app.screen.query_one("#years-input", Input).value == "2"


async def test_something_else_needs_words(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("enter")
        await _type(pilot, "2")
        await pilot.press("enter", "enter")
        await pilot.pause()
        for _ in range(5):
            await pilot.press("enter")
            await pilot.pause()
        assert _question(app).field == "loose_ends"
        await pilot.press("end", "space", "enter")
        await pilot.pause()
        assert "say in a few words" in _error(app)
        assert isinstance(app.focused, Input)
        await _type(pilot, "the car")
        await pilot.press("enter")
        await pilot.pause()
        assert _question(app).field == "goal"


async def test_checklist_ticks_are_saved(make_app: AppFactory, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await answer_all(pilot)
        await pilot.press("enter")
        await pilot.pause()
        checklist = app.screen.query_one("#checklist", OptionList)
        assert app.focused is checklist
        await pilot.press("space")  # tell them kindly
        await pilot.press("down", "enter")  # hide their number
        await pilot.pause()
        count = str(app.screen.query_one("#checklist-count", Static).content)
        assert "3 of 8 done" in count  # two ticks plus the timeline
        await pilot.press("enter")  # untick "hide their number"
        await pilot.pause()
        await pilot.press("question_mark")  # the help names the ticking keys
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = {row.keys: row.description for row in app.screen.rows}
        assert rows.get("Enter Space", rows.get("Space Enter", "")).startswith("Tick")
        assert rows.get("↑↓", "").startswith("Move")
        app.coach.file.flush()
    ticks = {doc["id"]: doc["done"] for doc in stored(data_dir, "checklist")}
    assert ticks == {"tell_them": True, "hide_number": False}


async def test_retaking_keeps_history_and_asks_first(make_app: AppFactory, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await answer_all(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one(Questionnaire)
        assert app.screen.query_one("#years-input", Input).value == "3"  # earlier answers
        for _ in range(10):  # keep every earlier answer (two Enters for years and months)
            await pilot.press("enter")
            await pilot.pause()
        assert app.screen.query_one(PlanChooser)
        await pilot.press("enter")  # accept the recommendation
        await pilot.pause()
        assert _confirming(app)
        await pilot.press("enter")  # the safe choice has the focus: keep the current period
        await pilot.pause()
        assert not _confirming(app)
        assert len(app.coach.repository.table("attempts")) == 1
        # Back to the period that goes on; the intake is not left on the chooser.
        assert isinstance(app.screen, CountdownScreen)
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.query_one(StartChecklist)
        await pilot.press("n")  # retake, and this time start the new plan
        await pilot.pause()
        for _ in range(10):
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert _confirming(app)
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert app.screen.query_one(StartChecklist)
        app.coach.file.flush()
    assert len(stored(data_dir, "intakes")) == 2
    first, second = sorted(stored(data_dir, "attempts"), key=lambda doc: "ended_at" in doc)[::-1]
    assert first["end_reason"] == "new_plan"
    assert first["ended_at"] == "2026-11-26T09:30:00+00:00"
    assert "ended_at" not in second


def _confirming(app: NctuiApp) -> bool:
    return isinstance(app.screen, ConfirmScreen)


async def test_typing_a_date_replaces_the_suggested_today(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await _type(pilot, "yesterday")
        assert app.screen.query_one("#day-input", Input).value == "yesterday"
        await pilot.press("enter")
        await pilot.pause()
        assert _question(app).field == "together_months"


async def test_coming_back_to_the_intake_puts_the_cursor_in_the_answer(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("escape", "h")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await _type(pilot, "2 days ago")
        assert app.current_mode == "intake"
        assert app.screen.query_one("#day-input", Input).value == "2 days ago"


async def test_retaking_to_adjust_the_plan_keeps_the_first_day_and_the_run(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    from datetime import timedelta

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await answer_all(pilot)
        await pilot.press("enter")
        await pilot.pause()
        clock.advance(timedelta(days=10))
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#day-input", Input).value == "2026-11-26"
        for _ in range(10):
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("down", "enter")  # a different length: 30 days
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "replaces that period; it keeps the same first day." in squash(_dialog_text(app))
        await pilot.press("tab", "enter")
        await pilot.pause()
        app.coach.file.flush()
    starts = {doc["start"] for doc in stored(data_dir, "attempts")}
    assert starts == {"2026-11-26T09:30:00+00:00"}
    from nctui.domain.runs import record

    assert record(app.coach.period.attempts(), [], clock()).current_run_days == 10


async def test_a_length_already_over_cannot_be_chosen_but_today_can_count(
    make_app: AppFactory, data_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await _type(pilot, "40 days ago")
        await pilot.press("enter")
        await _type(pilot, "1")
        await pilot.press("enter", "enter")
        await pilot.pause()
        await pilot.press("enter")  # on good terms
        await pilot.pause()
        await pilot.press("enter")  # I did
        await pilot.pause()
        for _ in range(3):
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("enter")  # nothing to sort out
        await pilot.pause()
        await pilot.press("enter")  # get them back
        await pilot.pause()
        shown = squash(screen_text(app))
        assert "21 days: would have ended Sat 7 Nov 2026, already over" in shown
        lengths = app.screen.query_one("#lengths", OptionList)
        assert not lengths.get_option_at_index(lengths.highlighted or 0).disabled
        await pilot.press("end", "enter")  # count from today instead
        await pilot.pause()
        assert "Day 1 is Thu 26 Nov 2026" in squash(screen_text(app))
        await pilot.press("enter")
        await pilot.pause()
        app.coach.file.flush()
    (attempt,) = stored(data_dir, "attempts")
    assert attempt["start"] == "2026-11-26T09:30:00+00:00"


async def test_the_checklist_stays_reachable_after_the_period(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    from datetime import timedelta

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await answer_all(pilot)
        await pilot.press("enter")
        await pilot.pause()
    clock.advance(timedelta(days=120))
    again = make_app()
    async with again.run_test(size=(100, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        summary = str(again.screen.query_one("#plan-summary", Static).content)
        assert summary.endswith("It is complete.")
        assert "Your checklist" in screen_text(again)


def _dialog_text(app: NctuiApp) -> str:
    return " ".join(str(static.content) for static in app.screen.query(Static))


async def _at_once(pilot: Pilot[None], *keys: str) -> None:
    """Keys sent as a fast typist or a paste sends them: no pause between them."""
    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        event = events.Key(key, "\r" if key == "enter" else key if len(key) == 1 else None)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await pilot.pause()


async def test_a_key_typed_with_enter_goes_to_the_next_box(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        await _at_once(pilot, "enter", "3")
        assert _error(app) == ""
        assert _question(app).field == "together_months"
        assert app.screen.query_one("#day-input", Input).value == "today"
        assert app.screen.query_one("#years-input", Input).value == "3"
        await _at_once(pilot, "enter", "4", "enter")  # years, then months
        for _ in range(3):
            await pilot.pause()
        assert _error(app) == ""
        assert _question(app).field == "ending"
        assert app.screen.query_one("#months-input", Input).value == "4"


async def test_a_key_typed_with_enter_in_another_length_is_not_counted(
    make_app: AppFactory, data_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await answer_all(pilot)
        await pilot.press("end", "enter")  # Another length…
        await pilot.pause()
        await _at_once(pilot, "4", "5", "enter", "x")
        for _ in range(3):
            await pilot.pause()
        assert app.screen.query_one(StartChecklist)
        app.coach.file.flush()
    assert stored(data_dir, "attempts")[0]["length_days"] == 45


async def test_back_from_the_plan_keeps_every_answer(make_app: AppFactory, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await answer_all(pilot)
        assert app.screen.query_one(PlanChooser).recommendation.days == 104
        await pilot.press("pageup")  # from the list of lengths
        await pilot.pause()
        question = _question(app)
        assert question.field == "goal"
        assert "●  To heal and move on" in screen_text(app)
        for _ in range(7):  # back to "how long were you together?"
            await pilot.press("pageup")
            await pilot.pause()
        assert _question(app).field == "together_months"
        years = app.screen.query_one("#years-input", Input)
        assert years.value == "3"
        years.value = "1"  # the typo fixed: one year, not three
        for _ in range(9):  # every other answer as it was
            await pilot.press("enter")
            await pilot.pause()
        chooser = app.screen.query_one(PlanChooser)
        assert chooser.recommendation.days == 74  # 30 + 30 + 14
        await pilot.press("enter")
        await pilot.pause()
        app.coach.file.flush()
    (intake,) = stored(data_dir, "intakes")
    assert intake["answers"]["together_months"] == 12
    assert intake["answers"]["loose_ends"] == ["belongings"]
    assert intake["answers"]["ending"] == "bad"


async def test_the_back_button_on_the_plan_returns_to_the_questions(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_all(pilot)
        button = app.screen.query_one("#to-questions", Button)
        await pilot.press("tab")  # from the list to the button (another length is hidden)
        await pilot.pause()
        assert app.focused is button
        await pilot.press("enter")
        await pilot.pause()
        assert _question(app).field == "goal"
        assert app.screen.query_one(Questionnaire).values["together_months"] == 36


async def test_another_lengths_message_goes_when_the_number_changes(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await answer_all(pilot)
        await pilot.press("end", "enter")  # Another length…
        await pilot.pause()
        await _type(pilot, "5")
        await pilot.press("enter")
        await pilot.pause()
        assert "you typed 5" in squash(screen_text(app))
        await _type(pilot, "0")  # 50 now: the message was about 5
        await pilot.pause()
        assert "you typed 5" not in squash(screen_text(app))
