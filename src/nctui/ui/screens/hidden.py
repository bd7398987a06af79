"""The hide key's screen: a plain, empty terminal, with nothing of nctui on it."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

COVER = "cover"
"""The class of every screen that stands in front of the app (this one and the lock):
while one is on top, the app's keys, notices and window title stay neutral."""

LOCK = "lock"
"""The class of the lock screen, so the app can spot it without loading it."""

PROMPT = "$ "
"""What the screen shows: a cleared terminal's prompt, and nothing else."""


class HiddenScreen(Screen[None]):
    """Covers everything at once; any key but the hide key calls `on_return`.

    Not modal, so nothing of the screens below shows through it.
    """

    DEFAULT_CSS = """
    HiddenScreen {
        background: black;
        color: #c0c0c0;
        padding: 0;
    }
    """

    app_actions = frozenset({"hide"})
    """The only app key that works here: every other key brings the app back."""

    def __init__(self, on_return: Callable[[], None]) -> None:
        super().__init__(classes=COVER)
        self._on_return = on_return
        self._returned = False

    def compose(self) -> ComposeResult:
        """One prompt, top left, as a terminal just cleared shows."""
        yield Static(PROMPT, id="hidden-prompt", markup=False)

    def on_key(self, event: events.Key) -> None:
        """Any key brings the app back; the key itself goes nowhere else."""
        event.stop()
        event.prevent_default()
        if not self._returned:  # a second key already on its way must not return twice
            self._returned = True
            self._on_return()

    def on_paste(self, event: events.Paste) -> None:
        """A paste is not a key: it stays here rather than landing in a box below."""
        event.stop()
        event.prevent_default()
