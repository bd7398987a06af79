"""SOS, from any screen: the wait, the breath, the reasons, and what it logs."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual import events
from textual.widgets import Input, TextArea

from nctui.domain.clock import ManualClock
from nctui.domain.text import LONG_TEXT_MAX_CHARS
from nctui.ui.app import NctuiApp
from nctui.ui.screens.sos import SosScreen
from nctui.ui.widgets.keybar import KeyBar
from tests.helpers import AppFactory, screen_text, squash, stored
from tests.seeds import seed_plan


def _sos(app: NctuiApp) -> SosScreen:
    assert isinstance(app.screen, SosScreen)
    return app.screen


async def test_closing_sos_logs_an_urge_resisted(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        shown = screen_text(app)
        assert "Wait 00:10:00" in shown
        assert "Breathe in" in shown
        assert "emergency services" in shown
        clock.advance(timedelta(minutes=3, seconds=5))
        _sos(app).refresh_live()
        await pilot.pause()
        assert "Wait 00:06:55" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SosScreen)
        app.coach.file.flush()
    (event,) = stored(data_dir, "events")
    assert event["kind"] == "urge"


async def test_an_allowed_reason_logs_allowed_contact_with_tips(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("exclamation_mark", "y")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # an emergency
        await pilot.pause()
        shown = squash(screen_text(app))
        assert "Noted: an emergency they needed to know about" in shown
        assert "Keep it short and practical" in shown
        assert isinstance(app.screen, SosScreen)  # still open: the tips come first
        keys = squash(str(app.screen.query_one(KeyBar).render()))
        assert "esc Done" in keys  # not "I'm OK": it is logged as allowed contact
        await pilot.press("escape")
        await pilot.pause()
        app.coach.file.flush()
    (event,) = stored(data_dir, "events")
    assert (event["kind"], event["detail"]) == ("allowed", "emergency")


async def test_f2_opens_sos_even_while_typing(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, SosScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "intake"


async def test_late_at_night_and_after_drinking_it_says_so(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    clock.set(clock().replace(hour=23, minute=40))
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert "It is late" in screen_text(app)
        assert "drinking" not in screen_text(app).lower().replace("d drinking?", "")
        await pilot.press("d")
        await pilot.pause()
        assert "You have been drinking" in screen_text(app)


async def test_the_wait_and_the_reasons_are_the_persons_own(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("exclamation_mark", "plus", "plus")
        await pilot.pause()
        assert "Wait 00:20:00" in screen_text(app)
        await pilot.press("e")
        await pilot.pause()
        editor = app.focused
        editor.text = "I deserve someone who stays."  # type: ignore[union-attr]
        await pilot.press("escape")  # keep the edit
        await pilot.pause()
        assert "I deserve someone who stays." in screen_text(app)
        await pilot.press("escape")  # close
        await pilot.pause()
        await pilot.press("exclamation_mark")
        await pilot.pause()
        shown = screen_text(app)
        assert "Wait 00:20:00" in shown
        assert "I deserve someone who stays." in shown


async def test_without_a_plan_sos_still_helps_and_logs_nothing(
    make_app: AppFactory, data_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, SosScreen)
        await pilot.press("escape")
        await pilot.pause()
        app.coach.file.flush()
    assert stored(data_dir, "events") == []


async def test_just_close_logs_nothing(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert "emergency services" in screen_text(app)
        await pilot.press("x")
        await pilot.pause()
        assert not isinstance(app.screen, SosScreen)
        app.coach.file.flush()
    assert stored(data_dir, "events") == []


async def test_the_safety_line_stays_in_view_on_a_small_terminal(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    clock.set(clock().replace(hour=23))
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("exclamation_mark", "d", "y")
        await pilot.pause()
        assert "emergency services" in screen_text(app)


async def test_reasons_hold_as_much_as_a_journal_entry_and_no_more(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.press("exclamation_mark", "e")
        await pilot.pause()
        editor = app.focused
        assert isinstance(editor, TextArea)
        editor.text = "Stay the course. " * 6_000  # about 100,000 characters
        await pilot.press("escape")  # try to keep it
        await pilot.pause()
        assert app.focused is editor  # still editing: nothing typed is lost
        said = " ".join(notice.message for notice in app._notifications)
        assert f"{LONG_TEXT_MAX_CHARS:,}" in said
        editor.text = "Short and true."
        await pilot.press("escape", "escape")
        await pilot.pause()
    assert app.coach.settings.sos_reasons() == "Short and true."


async def test_a_paste_too_big_for_the_reasons_is_refused_with_a_word(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.press("exclamation_mark", "e")
        await pilot.pause()
        editor = app.focused
        assert isinstance(editor, TextArea)
        editor.text = ""
        editor.post_message(events.Paste("x" * (LONG_TEXT_MAX_CHARS + 1)))
        await pilot.pause()
        assert editor.text == ""
        said = " ".join(notice.message for notice in app._notifications)
        assert "not added" in said


async def test_a_list_shown_a_moment_ago_can_be_paged_before_it_is_laid_out() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import OptionList

    from nctui.ui.widgets.choice_list import ChoiceList

    class Lists(App[None]):
        def compose(self) -> ComposeResult:
            yield ChoiceList("one", "two", "three", id="choices")

    app = Lists()
    async with app.run_test(size=(40, 10)) as pilot:
        choices = app.query_one(ChoiceList)
        choices.display = False
        await pilot.pause()
        choices.clear_options()
        choices.add_options(["four", "five", "six"])
        choices.display = True
        choices.highlighted = 2
        # The keys arrive before the next refresh: nothing to page through yet.
        choices.action_page_up()
        choices.action_page_down()
        await pilot.pause()
        assert choices.highlighted == 2
        assert isinstance(choices, OptionList)
