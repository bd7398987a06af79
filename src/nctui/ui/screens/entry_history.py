"""Every saved version of one day's check-in, newest first. Nothing here can be changed."""

from __future__ import annotations

from datetime import tzinfo
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from nctui.domain.checkin import DayEntry
from nctui.domain.humanize import moment_text
from nctui.domain.text import printable
from nctui.ui.widgets.journal_browser import long_day
from nctui.ui.widgets.keybar import KeyBar


class EntryHistoryScreen(ModalScreen[None]):
    """The versions of one day, each with its ratings, its text and when it was saved."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,v", "dismiss", "Close")]

    def __init__(self, entry: DayEntry, zone: tzinfo) -> None:
        super().__init__(classes="entry-history")
        self.entry = entry
        self._zone = zone

    def compose(self) -> ComposeResult:
        """Title, then each version under its own heading."""
        count = len(self.entry.versions)
        with Vertical(classes="dialog history-card"):
            yield Static(f"Every version of {long_day(self.entry.day)}", classes="dialog-title")
            with VerticalScroll(classes="dialog-body versions", can_focus=True):
                for number, version in reversed(list(enumerate(self.entry.versions, start=1))):
                    now = " (current)" if number == count else ""
                    yield Static(
                        f"[b]Version {number}{now}[/b] · saved "
                        f"{moment_text(version.at.astimezone(self._zone))}\n"
                        f"Mood {version.mood} · missing them {version.miss} · urge {version.urge}",
                        classes="subhead",
                    )
                    yield Static(
                        printable(version.text) or "(No journal words.)",
                        classes="version-text",
                        markup=False,
                    )
            yield Static("Esc closes. Every version is kept for good.", classes="dialog-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        """Scroll with the arrows straight away."""
        self.query_one(".versions").focus()
