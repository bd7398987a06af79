"""The home screen: the title, a line of welcome and a menu of every screen."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import on
from textual.containers import Center, VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from nctui.ui.navigation import DESTINATIONS, HOME
from nctui.ui.paths import display_path
from nctui.ui.screens.base import NctuiScreen
from nctui.ui.widgets.figlet import FigletText

TAGLINE = "A quiet place to keep no contact, one day at a time."


def _menu_entry(key: str, label: str, summary: str) -> Text:
    return Text.assemble(
        (f" {key} ", "bold reverse"), "  ", (f"{label:<11}", "bold"), " ", (summary, "dim")
    )


class HomeScreen(NctuiScreen):
    """Where nctui opens until there is a plan; every screen is one key from here."""

    destination = HOME
    AUTO_FOCUS = "#menu"

    def compose_body(self) -> Iterable[Widget]:
        """Title, tagline, menu and where the data lives."""
        with VerticalScroll(classes="page home"):
            yield FigletText("nctui", fonts=("ansi_shadow", "smslant"), id="title")
            yield Static(TAGLINE, id="tagline")
            with Center():
                yield OptionList(
                    *(
                        Option(_menu_entry(d.key, d.label, d.summary), id=d.name)
                        for d in DESTINATIONS
                        if d is not HOME
                    ),
                    id="menu",
                )
            yield Static(self._footnote(), id="footnote")

    def _footnote(self) -> Text:
        return Text.assemble(
            "Press a letter, or ↑ ↓ and Enter. ",
            ("?", "bold"),
            " lists every key.\nEverything stays on this computer, in ",
            (display_path(self.nctui.repository.path), "italic"),
            ".",
        )

    def show_first_view(self) -> None:
        """h, pressed here: back to the top of the menu."""
        super().show_first_view()
        menu = self.query_one("#menu", OptionList)
        menu.highlighted = 0
        menu.focus()

    @on(OptionList.OptionSelected, "#menu")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.nctui.go(event.option.id)
