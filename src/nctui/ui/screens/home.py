"""The home screen: the title, a line of welcome and a menu of every screen."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import events, on
from textual.containers import Center, VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from nctui.ui.navigation import DESTINATIONS, HOME
from nctui.ui.paths import display_path
from nctui.ui.screens.base import NctuiScreen
from nctui.ui.widgets.figlet import FigletText

TAGLINE = "A quiet place to keep no contact, one day at a time."
MENU_WIDTH = 78
"""Columns the menu needs with each screen's summary; narrower, it shows the names alone."""
SHORT_HEIGHT = 24
"""Below this many rows the big title gives way (the top bar still names the app)."""


def _menu_entry(key: str, label: str, summary: str) -> Text:
    return Text.assemble(
        (f" {key} ", "bold reverse"), "  ", (f"{label:<11}", "bold"), " ", (summary, "dim")
    )


def _menu_options(*, wide: bool) -> list[Option]:
    return [
        Option(_menu_entry(d.key, d.label, d.summary if wide else ""), id=d.name)
        for d in DESTINATIONS
        if d is not HOME
    ]


class HomeScreen(NctuiScreen):
    """Where nctui opens until there is a plan; every screen is one key from here."""

    destination = HOME
    AUTO_FOCUS = "#menu"

    def __init__(self) -> None:
        super().__init__()
        self._wide = True

    def compose_body(self) -> Iterable[Widget]:
        """Title, tagline, menu and where the data lives."""
        with VerticalScroll(classes="page home"):
            yield FigletText("nctui", fonts=("ansi_shadow", "smslant"), id="title")
            yield Static(TAGLINE, id="tagline")
            with Center():
                yield OptionList(*_menu_options(wide=True), id="menu")
            yield Static(self._footnote(), id="footnote")

    def _footnote(self) -> Text:
        return Text.assemble(
            "Press a letter, or ↑ ↓ and Enter. ",
            ("?", "bold"),
            " lists every key.\nEverything stays on this computer, in ",
            (display_path(self.coach.file.path), "italic"),
            ".",
        )

    def show_first_view(self) -> None:
        """h, pressed here: back to the top of the menu."""
        super().show_first_view()
        menu = self.query_one("#menu", OptionList)
        menu.highlighted = 0
        menu.focus()

    def on_resize(self, event: events.Resize) -> None:
        """Names alone on a narrow terminal, rather than summaries cut short; no big
        title on a short one, so the menu and where the data lives show without scrolling."""
        self.set_class(event.size.height < SHORT_HEIGHT, "-short")
        wide = event.size.width >= MENU_WIDTH
        if wide != self._wide:
            self._wide = wide
            menu = self.query_one("#menu", OptionList)
            highlighted = menu.highlighted
            menu.clear_options().add_options(_menu_options(wide=wide))
            menu.highlighted = highlighted

    @on(OptionList.OptionSelected, "#menu")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.nctui.go(event.option.id)
