"""Which keys work while the cursor is in a text box.

A key that types a character goes into the box that has the focus, before any screen
or app binding sees it: in the mood box, `4` is a rating, not the Letters view. So the
key bar and the help leave such keys out while a box has the focus, and show them again
once `Esc` has left it. Keys bound with priority (F2, Ctrl+Q) work everywhere.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.keys import key_to_character
from textual.widget import Widget
from textual.widgets import Input

# Key names Textual cannot turn back into their character on its own.
_NAMED = {"slash": "/", "plus": "+", "minus": "-", "space": " "}


def types_a_character(key: str) -> bool:
    """Whether pressing `key` (a Textual key name) types a character into a text box."""
    character = _NAMED.get(key) or key_to_character(key)
    return character is not None and character.isprintable()


def is_text_box(widget: Widget | None) -> bool:
    """Whether `widget` is a box that takes typed characters."""
    # nctui's long-text box says what it is, so the first screen, which has none, need
    # not import Textual's TextArea (slow to load) just to ask.
    return isinstance(widget, Input) or bool(getattr(widget, "is_text_box", False))


def works_while_typing(binding: Binding, focused: Widget | None) -> bool:
    """Whether `binding` still does its job with `focused` holding the cursor."""
    if binding.priority or not is_text_box(focused):
        return True
    return not types_a_character(binding.key)
