"""Trigger tags to tick with one key each: what was going on when an urge or a slip came."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from nctui.domain.triggers import TRIGGERS, toggle, trigger_for_letter
from nctui.ui.widgets.in_order import KeysInOrder

GAP = 3
TICKED, UNTICKED = "[x]", "[ ]"
"""Ticked and not differ in shape, not only colour."""


class TriggerTags(KeysInOrder, Widget, can_focus=True):
    """Every tag, its letter and a box; a tag's letter (or Space on the highlighted
    one) ticks it or clears it. A letter that is no tag's moves the cursor to the box
    `letters_to` selects and is typed there (else it is left to the screen)."""

    DEFAULT_CSS = """
    TriggerTags {
        height: auto;
        padding: 0 1;
        background: $surface;
    }
    TriggerTags:focus {
        background: $boost;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Previous", show=False),
        Binding("right", "move(1)", "Next", show=False),
        Binding("space", "tick", "Tick", tooltip="tick or clear the highlighted tag"),
        Binding("enter", "done", "Save", show=False),
    ]

    chosen: reactive[tuple[str, ...]] = reactive((), layout=True)
    """The ticked tags' keys, in the list's order."""
    cursor: reactive[int] = reactive(0)
    """The highlighted tag (for Space)."""

    class Changed(Message):
        """The ticked tags changed."""

        def __init__(self, tags: TriggerTags, chosen: tuple[str, ...]) -> None:
            super().__init__()
            self.tags = tags
            self.chosen = chosen

    class Done(Message):
        """Enter was pressed on the tags."""

    def __init__(
        self, chosen: Sequence[str] = (), *, id: str | None = None, letters_to: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.set_reactive(TriggerTags.chosen, tuple(chosen))
        self._letters_to = letters_to

    def render(self) -> Table:
        """The tags in as many columns as fit: "l [x] Lonely   b [ ] Bored ..."."""
        cells: list[Text] = []
        for index, trigger in enumerate(TRIGGERS):
            ticked = trigger.key in self.chosen
            part = Text.assemble(
                (trigger.letter, "bold"), " ", TICKED if ticked else UNTICKED, " ", trigger.label
            )
            if self.has_focus and index == self.cursor:
                part.stylize("reverse")
            cells.append(part)
        widest = max(cell.cell_len for cell in cells) + GAP
        columns = max(1, min(len(cells), (self.size.width + GAP) // widest))
        table = Table.grid(padding=(0, GAP, 0, 0))
        for _ in range(columns):
            table.add_column(no_wrap=True)
        for start in range(0, len(cells), columns):
            table.add_row(*cells[start : start + columns])
        return table

    def _on_focus(self, event: events.Focus) -> None:
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self.refresh()

    def on_key(self, event: events.Key) -> None:
        """A tag's letter ticks it, as Space does the highlighted one; other keys go on
        to the screen (which may type them into a note)."""
        if self.screen.focused is not self:
            return  # typed ahead: `KeysInOrder` sends it on to where the cursor is now
        if event.key == "space":
            # Here, not only as a binding: a screen that types printable keys elsewhere
            # would otherwise see it first.
            event.stop()
            event.prevent_default()
            self.action_tick()
            return
        # Only a small letter ticks: a capital starts a sentence, which goes to the note.
        character = event.character or ""
        small = event.is_printable and character == character.lower()
        trigger = trigger_for_letter(character) if small else None
        if trigger is None and event.is_printable and self._letters_to is not None:
            # Writing, not ticking: the cursor moves now, so the keys already queued
            # behind this one follow it there in order (`KeysInOrder`).
            event.stop()
            event.prevent_default()
            self.screen.set_focus(self.screen.query_one(self._letters_to))
            self.app.post_message(events.Key(event.key, event.character))
            return
        if trigger is None:
            return
        event.stop()
        event.prevent_default()
        self.cursor = TRIGGERS.index(trigger)
        self._toggle(trigger.key)

    def action_move(self, step: int) -> None:
        """Highlight the previous or next tag."""
        self.cursor = (self.cursor + step) % len(TRIGGERS)
        self.refresh()

    def action_tick(self) -> None:
        """Tick or clear the highlighted tag."""
        self._toggle(TRIGGERS[self.cursor].key)

    def action_done(self) -> None:
        """Enter: the person is done here."""
        self.post_message(self.Done())

    def _toggle(self, key: str) -> None:
        self.chosen = toggle(self.chosen, key)
        self.post_message(self.Changed(self, self.chosen))
