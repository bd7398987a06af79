"""A gentle "are you sure?" with two clear choices."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from nctui.ui.widgets.keybar import KeyBar
from nctui.ui.widgets.scroll_area import ScrollArea


class ConfirmScreen(ModalScreen[bool]):
    """Asks a question; dismisses with True for yes, False for no or Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "no", "Cancel"),
        # Buttons side by side: the arrows move between them, as Tab does.
        Binding("left", "app.focus_previous", "Previous", show=False),
        Binding("right", "app.focus_next", "Next", show=False),
    ]

    def __init__(self, title: str, body: str, yes: str, no: str = "Cancel") -> None:
        super().__init__(classes="confirm")
        self._title = title
        self._body = body
        self._yes = yes
        self._no = no

    def compose(self) -> ComposeResult:
        """Title, explanation, the two choices (the safe one focused)."""
        with ScrollArea(classes="dialog"):
            yield Static(self._title, classes="dialog-title", markup=False)
            yield Static(self._body, classes="dialog-text", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self._no, id="no")
                # Neither button is coloured: the focus alone shows which one Enter presses.
                yield Button(self._yes, id="yes")
        yield KeyBar()

    def on_mount(self) -> None:
        """Start on the choice that changes nothing."""
        self.query_one("#no", Button).focus()

    def action_no(self) -> None:
        """Leave everything as it was."""
        self.dismiss(False)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")
