"""Keys typed ahead land where they would have landed typed slowly.

Textual hands each key to the focused widget's own queue; a key the widget does not
use (Tab, Enter on a list, Backspace in a box) goes back up to the app as a message, and
its binding runs only after the keys typed after it were already handled here. A fast
burst ("2", Tab, "6") then puts the "6" in the wrong box. These widgets run such a
binding at once, and pass on keys that arrive after the focus has moved away.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

if TYPE_CHECKING:
    from textual.widget import Widget

    _Base = Widget
else:
    # Not a widget itself: Textual takes a widget's CSS type from its first widget base.
    _Base = object


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
