"""Text boxes for the whole app.

Every box cleans what is pasted into it: pasted text can carry terminal escape
sequences and control characters that would scramble the screen when shown again.

Screenshots and snapshot tests also turn the blinking cursor off for the whole app (a
blink caught mid-way makes two pictures of one screen differ); people keep the blink.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import events
from textual.widgets import Input, TextArea

from nctui.domain.text import strip_controls
from nctui.ui.widgets.in_order import KeysInOrder


class TextInput(Input):
    """A one-line text box."""

    def on_mount(self) -> None:
        """Blink only if the app allows it."""
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))

    def _on_paste(self, event: events.Paste) -> None:
        # prevent_default stops Input's own paste handler, which would insert it raw.
        event.prevent_default()
        event.stop()
        lines = strip_controls(event.text).splitlines()
        if not lines:
            return
        text = lines[0]
        start, end = sorted(self.selection)
        room = self.max_length - (len(self.value) - (end - start)) if self.max_length else None
        if room is not None and len(text) > room:
            # Input would refuse the whole paste without a word: keep what fits, and say so.
            text = text[: max(room, 0)]
            self.app.notify(
                f"This box holds {self.max_length} characters: the rest of what you "
                "pasted was not kept.",
                severity="warning",
            )
        self.replace(text, start, end)


class AnswerBox(KeysInOrder, TextInput):
    """A one-line box whose Enter is handled in the box itself, at once.

    A key typed in the same instant as Enter reaches the box before Enter would come
    back as a binding or a message: the answer would then be read with that key in it.
    Here `on_enter` runs as Enter arrives, with the text as typed up to it; when it
    moves the cursor on, the keys that were already on their way go where it now is
    (see `KeysInOrder`, which does the same for Tab and the box's other keys).
    """

    def __init__(self, value: str = "", *, on_enter: Callable[[], None], **options: Any) -> None:
        super().__init__(value, **options)
        self._entered = on_enter

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter" and self.screen.focused is self:
            event.stop()
            event.prevent_default()
            self._entered()
            return
        await super()._on_key(event)


class TextBox(TextArea):
    """A text area for longer writing."""

    is_text_box: ClassVar[bool] = True
    """Lets screens know a text box has the focus without importing TextArea."""

    def on_mount(self) -> None:
        """Blink only if the app allows it; start at the end, so new words follow the old."""
        self.cursor_blink = bool(getattr(self.app, "cursor_blink", True))
        self.move_cursor(self.document.end)

    def load_text(self, text: str) -> None:
        """Show `text` in place of what is there, with the cursor at its end."""
        super().load_text(text)
        self.move_cursor(self.document.end)

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()
        event.stop()
        if self.read_only:
            return
        if result := self._replace_via_keyboard(strip_controls(event.text), *self.selection):
            self.move_cursor(result.end_location)
