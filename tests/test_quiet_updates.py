"""Updates that skip a whole-screen layout still show the right size of text and lists."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.widgets import Static
from textual.widgets.option_list import Option

from nctui.ui.widgets.steady_option_list import SteadyOptionList
from nctui.ui.widgets.text_update import set_text


class _Panel(App[None]):
    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("one line", id="text")
            yield Static("below", id="below")


async def test_text_that_grows_pushes_what_is_below_it_down() -> None:
    app = _Panel()
    async with app.run_test(size=(40, 12)) as pilot:
        text, below = app.query_one("#text", Static), app.query_one("#below", Static)
        set_text(text, "first\nsecond\nthird")
        await pilot.pause()
        assert text.size.height == 3
        assert below.region.y == text.region.y + 3
        set_text(text, "just one")
        await pilot.pause()
        assert text.size.height == 1 and below.region.y == text.region.y + 1


async def test_text_of_the_same_height_is_shown() -> None:
    app = _Panel()
    async with app.run_test(size=(40, 12)) as pilot:
        text = app.query_one("#text", Static)
        set_text(text, "another line")
        await pilot.pause()
        assert "another line" in str(text.render_line(0).text)


class _Lists(App[None]):
    def compose(self) -> ComposeResult:
        yield SteadyOptionList(*[Option("word " * 12) for _ in range(3)], id="list")


async def test_a_list_shown_again_at_another_width_wraps_its_rows_again() -> None:
    app = _Lists()
    async with app.run_test(size=(40, 20)) as pilot:
        menu = app.query_one(SteadyOptionList)
        wide_lines = len(menu._lines)
        menu.display = False
        await pilot.pause()
        await pilot.resize_terminal(24, 20)
        menu.display = True
        await pilot.pause()
        assert len(menu._lines) > wide_lines  # narrower: each row wraps onto more lines


async def test_a_list_shown_again_at_the_same_width_keeps_its_rows() -> None:
    app = _Lists()
    async with app.run_test(size=(40, 20)) as pilot:
        menu = app.query_one(SteadyOptionList)
        lines = list(menu._lines)
        menu.display = False
        await pilot.pause()
        menu.display = True
        await pilot.pause()
        assert menu._lines == lines
        assert "word" in str(menu.render_line(0).text)
