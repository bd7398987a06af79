"""An OptionList that keeps its measured lines when it is shown again at the same width."""

from __future__ import annotations

from textual import events
from textual.widgets import OptionList


class SteadyOptionList(OptionList):
    """OptionList measures every option's height again on each resize, and a view that is
    hidden and shown again counts as one: with years of days that is tens of milliseconds
    per switch (a hidden view resizes to nothing and back). Heights depend on the width
    only, so a resize that keeps it keeps them."""

    _measured_width: int | None = None

    def on_resize(self, event: events.Resize) -> None:
        """Keep the measured lines unless the width changed."""
        width = self.scrollable_content_region.width
        if not width or width == self._measured_width:
            # Hidden, or shown again as wide as before: the lines as measured still hold.
            event.prevent_default()  # the base class would clear every measured line
            self.refresh()
            return
        self._measured_width = width
