"""A clearly labelled stand-in for a screen that is still being built."""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import Center, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from nctui.ui.navigation import HOME, Destination
from nctui.ui.screens.base import NctuiScreen


class PlaceholderScreen(NctuiScreen):
    """Says what the screen will do, and that it is not here yet."""

    def __init__(self, destination: Destination) -> None:
        self.destination = destination
        super().__init__()

    def compose_body(self) -> Iterable[Widget]:
        """A short card: what this will be, and how to get back."""
        with VerticalScroll(classes="page"), Center():
            yield Static(
                f"[b]{self.destination.title}[/b]\n\n"
                f"{self.destination.summary}\n\n"
                "[b $warning]Coming soon.[/] This part of nctui is still being built.\n\n"
                f"[dim]Press [b]{HOME.key}[/b] for home, or [b]?[/b] for every key.[/dim]",
                classes="card placeholder",
            )
