"""An option list that is safe to page through before it has been laid out."""

from __future__ import annotations

from textual.widgets import OptionList


class ChoiceList(OptionList):
    """OptionList for lists that appear on a key press.

    Textual 8.2.8 raises KeyError when PgUp or PgDn reaches a list shown a moment ago and
    not yet laid out (a fast typist's keys arrive before the next refresh).
    """

    def action_page_up(self) -> None:
        """Move the highlight up one page, once the list has a size."""
        if self.scrollable_content_region.height > 0:
            super().action_page_up()  # type: ignore[no-untyped-call]

    def action_page_down(self) -> None:
        """Move the highlight down one page, once the list has a size."""
        if self.scrollable_content_region.height > 0:
            super().action_page_down()  # type: ignore[no-untyped-call]
