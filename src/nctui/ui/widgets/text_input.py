"""Text boxes that follow the app's cursor setting.

Screenshots and snapshot tests turn the blinking cursor off for the whole app (a blink
caught mid-way makes two pictures of one screen differ); people keep the blink.
"""

from __future__ import annotations

from textual.widgets import Input, TextArea


class TextInput(Input):
    """A one-line text box."""

    def on_mount(self) -> None:
        """Blink only if the app allows it."""
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))


class TextBox(TextArea):
    """A text area for longer writing."""

    def on_mount(self) -> None:
        """Blink only if the app allows it."""
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))
