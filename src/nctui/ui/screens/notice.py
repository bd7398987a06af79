"""A modal message that waits to be read, for things a person must not miss."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from nctui.ui.widgets.keybar import KeyBar
from nctui.ui.widgets.scroll_area import ScrollArea


class NoticeScreen(ModalScreen[None]):
    """A titled message with one button to close it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter", "dismiss", "Close")]

    def __init__(self, title: str, body: str, *, severity: str = "warning") -> None:
        super().__init__(classes=f"notice -{severity}")
        self._title = title
        self._body = body

    def compose(self) -> ComposeResult:
        """Title, message, and an OK button."""
        with ScrollArea(classes="dialog"):
            yield Static(self._title, classes="dialog-title", markup=False)
            yield Static(self._body, classes="dialog-text", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", variant="primary", id="ok")
        yield KeyBar()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Close on OK."""
        event.stop()
        self.dismiss()
