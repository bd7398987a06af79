"""The offer of words left unsaved: keep going with them, or let them go."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from nctui.domain.drafts import Draft, offer_text, preview
from nctui.domain.text import printable
from nctui.ui.widgets.keybar import KeyBar


class DraftOfferScreen(ModalScreen[bool]):
    """Dismisses with True to keep going with the draft, False to discard it.

    Keeping is the choice already focused, and Esc keeps too: the words are never lost
    by a key pressed in a hurry, only by choosing "Discard them".
    """

    DEFAULT_CSS = """
    DraftOfferScreen .draft-preview {
        color: $text-muted;
        border-left: outer $primary 50%;
        padding: 0 1;
        margin-bottom: 1;
        height: auto;
        max-height: 9;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "keep", "Keep going", tooltip="go on with these words"),
        # Buttons side by side: the arrows move between them, as Tab does.
        Binding("left", "app.focus_previous", "Previous", show=False),
        Binding("right", "app.focus_next", "Next", show=False),
    ]

    def __init__(
        self, draft: Draft, now: datetime, elsewhere: str | None = None, summary: str = ""
    ) -> None:
        """`summary`: the rest of the form in a line ("Mood 6 · Missing them 3")."""
        super().__init__(classes="draft-offer")
        self._draft = draft
        self._now = now
        self._elsewhere = elsewhere
        self._summary = summary

    def compose(self) -> ComposeResult:
        """Where the words come from, the start of them, and the two choices."""
        with Vertical(classes="dialog"):
            yield Static("Words you had not saved", classes="dialog-title")
            yield Static(
                offer_text(self._draft, self._now, self._elsewhere),
                classes="dialog-text",
                markup=False,
            )
            shown = "\n".join(part for part in (self._summary, preview(self._draft.text)) if part)
            yield Static(printable(shown), classes="draft-preview", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Discard them", id="discard")
                yield Button("Keep going", id="keep")
        yield KeyBar()

    def on_mount(self) -> None:
        """Start on the choice that loses nothing."""
        self.query_one("#keep", Button).focus()

    def action_keep(self) -> None:
        """Go on with the words."""
        self.dismiss(True)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "keep")
