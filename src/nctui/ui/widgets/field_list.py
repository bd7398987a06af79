"""A short list that is one field of a form, for keys typed at speed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import OptionList

from nctui.ui.widgets.in_order import KeysInOrder


class FieldList(KeysInOrder, OptionList):
    """A list in a form: keys typed ahead keep their order (see `KeysInOrder`), and Enter
    runs `on_enter` at once, so the keys typed straight after it reach the next field."""

    def __init__(self, *options: Any, on_enter: Callable[[], None], **kwargs: Any) -> None:
        super().__init__(*options, **kwargs)
        self._entered = on_enter

    def action_select(self) -> None:
        """Choose the highlighted option (the form hears of it), and move on now."""
        super().action_select()
        self._entered()
