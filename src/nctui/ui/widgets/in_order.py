"""Keys typed ahead land where they would have landed typed slowly.

Textual hands each key to the focused widget's own queue; a key the widget does not
use (Tab, Enter on a list, Backspace in a box) goes back up to the app as a message, and
its binding runs only after the keys typed after it were already handled here. A fast
burst ("2", Tab, "6") then puts the "6" in the wrong box. These widgets run such a
binding at once, and pass on keys that arrive after the focus has moved away.

A screen with nothing focused gets the keys itself, and has the same trouble: Enter
that puts the cursor in a box comes back as a binding after the digits typed behind it
were already dropped. `ScreenKeysInOrder` does the same for such a screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.widget import Widget

    _Base = Widget
    _ScreenBase = Screen[object]
else:
    # Not a widget itself: Textual takes a widget's CSS type from its first widget base.
    _Base = object
    _ScreenBase = object


FOCUS_KEYS = frozenset({"tab", "shift+tab"})


class KeysInOrder(_Base):
    """Mix in before a Textual widget class: keys act in the order they were typed."""

    async def _on_key(self, event: events.Key) -> None:
        if self.screen.focused is not self:
            # Typed ahead, after an earlier key moved the cursor on: it belongs there.
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
            return
        await super()._on_key(event)
        if event._stop_propagation:
            return  # the widget used the key itself
        # Bubbled up, this binding would run after the keys typed later. Only the moves
        # between controls and the widget's own keys: a screen's keys still bubble.
        own = event.key in FOCUS_KEYS or event.key in self._bindings.key_to_bindings
        if own and await self.app._check_bindings(event.key):
            event.stop()
            event.prevent_default()


class ScreenKeysInOrder(_ScreenBase):
    """Mix in before a Textual screen class: keys sent to the screen itself (nothing
    had the focus when they arrived) act in the order they were typed."""

    _sent_here: list[events.Key] | None = None

    def _forward_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            # Remembered, to tell these from keys bubbling up from a focused widget.
            if self._sent_here is None:
                self._sent_here = []
            self._sent_here.append(event)
        super()._forward_event(event)

    async def _on_key(self, event: events.Key) -> None:
        sent = self._sent_here or []
        index = next((at for at, key in enumerate(sent) if key is event), None)
        if index is None:  # bubbled up from a widget, which keeps its own order
            await super()._on_key(event)
            return
        del sent[index]
        if self.app.screen is not self or self.focused is not None:
            # Typed ahead, after an earlier key moved the cursor or opened a dialog.
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
            return
        await super()._on_key(event)
        if event._stop_propagation:
            return
        # Run now, before the keys typed after it: bubbled up, it would run after them.
        if await self.app._check_bindings(event.key):
            event.stop()
            event.prevent_default()
