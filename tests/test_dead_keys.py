"""The key bar offers only keys that do something now; a key that cannot says why."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from nctui.domain.clock import ManualClock
from nctui.ui.key_rules import is_text_box
from nctui.ui.widgets.writing import WritingBox
from tests.helpers import AppFactory, screen_text
from tests.seeds import seed_plan


def _key_bar(app: object) -> str:
    return screen_text(app).splitlines()[-1]  # type: ignore[arg-type]


async def test_letters_with_none_written_offer_no_seal_or_open(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "4")
        await pilot.pause()
        bar = _key_bar(app)
        assert "Write" in bar
        assert "Seal" not in bar and "Open" not in bar
        await pilot.press("3")
        await pilot.pause()
        bar = _key_bar(app)
        assert "Edit" not in bar and "History" not in bar


async def test_logging_with_no_plan_says_what_comes_first(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert "Urge" not in _key_bar(app)
        await pilot.press("u")
        await pilot.pause()
        said = " ".join(n.message for n in app._notifications)
        assert "no plan yet" in said and "i" in said


async def test_q_quits_from_sos_where_no_box_has_the_cursor(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    for size in ((80, 24), (100, 30)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await pilot.press("exclamation_mark")
            await pilot.pause()
            await pilot.press("q")
            await pilot.pause()
            assert not app.is_running


async def test_q_in_a_log_dialog_list_starts_the_note_not_quits(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*"quiet evening")
        await pilot.pause()
        assert app.screen.query_one("#note", Input).value == "quiet evening"
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.is_modal and not is_text_box(app.focused)
        await pilot.press("q")  # from a button: quits, and the note is kept
        await pilot.pause()
        assert not app.is_running
    assert app.goodbye is not None and "the slip you were logging" in app.goodbye


async def test_something_else_is_shown_in_the_persons_words(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("s", "end", *"Drove past their street", "ctrl+s")
        await pilot.pause()
        titles = [n.title for n in app._notifications]
        assert "Slip: Drove past their street" in titles
        await pilot.press("v")
        await pilot.pause()
        shown = screen_text(app)
        assert "Slip: Drove past their street" in shown
        assert "Slip: Something else" not in shown


async def test_the_today_hint_speaks_of_the_box_with_the_cursor(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "enter")
        await pilot.pause()
        hint = str(app.screen.query_one("#today-hint", Static).content)
        assert "↑↓ change the number" in hint
        await pilot.press("6", "enter", "3", "enter", "2", "enter")  # into the journal
        await pilot.pause()
        assert is_text_box(app.focused)
        hint = str(app.screen.query_one("#today-hint", Static).content)
        assert "↑↓" not in hint and "Ctrl+S saves" in hint


async def test_the_cursor_after_a_full_line_is_drawn_inside_the_box(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    for size in ((80, 24), (100, 30)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await pilot.press("j", "4", "w")
            await pilot.pause()
            if app.screen.has_class("draft-offer"):  # the line from the size before
                await pilot.press("left", "enter")
                await pilot.pause()
            box = app.screen.query_one("#letter-text", WritingBox)
            await pilot.press(*("x" * box.wrap_width))
            await pilot.pause()
            assert box.cursor_location == (0, box.wrap_width)  # still on the first line
            x, y = box.cursor_screen_offset
            assert box.content_region.contains(x, y)
            await pilot.press("ctrl+q")


async def test_tab_in_a_log_dialog_goes_from_the_time_to_the_note(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "down", "down", "tab")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#when", Input)
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#note", Input)
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#triggers")
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#cancel")
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#when", Input)
