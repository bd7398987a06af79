"""Text boxes for the person's own words: pasted text is cleaned before it lands.

A paste can carry terminal escape sequences ("clear the screen", colours) and other
control characters; inserted as they are, they would be drawn straight back to the
terminal. These boxes drop them from every paste. The larger box also refuses a paste
that would take it past its limit, so a huge paste never slows the screen down: the
paste is simply not inserted, and the person is told why.
"""

from __future__ import annotations

from textual import events
from textual.message import Message

from nctui.domain.text import strip_controls
from nctui.ui.widgets.in_order import KeysInOrder
from nctui.ui.widgets.text_input import TextBox


class WritingBox(KeysInOrder, TextBox):
    """A box for a journal entry or a letter, up to `max_chars` characters.

    Its keys act in the order they are typed (see `KeysInOrder`): words typed straight
    after Shift+Tab go to the box before, not into these words.
    """

    class PasteRefused(Message):
        """A paste was too large to take; nothing was inserted."""

        def __init__(self, box: WritingBox, pasted: int) -> None:
            super().__init__()
            self.box = box
            self.pasted = pasted

    def __init__(
        self, text: str = "", *, max_chars: int, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(
            text,
            id=id,
            classes=classes,
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
        )
        self.max_chars = max_chars

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()
        event.stop()
        if self.read_only:
            return
        text = strip_controls(event.text)
        if len(self.text) + len(text) > self.max_chars:
            self.post_message(self.PasteRefused(self, len(text)))
            return
        if result := self._replace_via_keyboard(text, *self.selection):
            self.move_cursor(result.end_location)
