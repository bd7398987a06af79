"""The top bar: the app's name and every screen with its key, the current one lit."""

from __future__ import annotations

from textual.content import Content
from textual.markup import escape
from textual.widget import Widget

from nctui.ui.navigation import DESTINATIONS, Destination

BRAND = "◐ nctui"


class NavBar(Widget):
    """One line naming every screen and its key. Clicking a name opens it too."""

    DEFAULT_CSS = """
    NavBar {
        dock: top;
        height: 1;
        background: $panel;
        color: $text-muted;
        link-color: $accent;
        link-style: bold;
        link-background-hover: $accent 30%;
    }
    """

    def __init__(self, current: Destination) -> None:
        super().__init__()
        self.current = current

    def render(self) -> Content:
        """Full labels when they fit, keys alone when the terminal is narrow."""
        full = self._line(short=False)
        return full if full.cell_length <= self.size.width else self._line(short=True)

    def _line(self, *, short: bool) -> Content:
        parts = [f"[b $primary] {BRAND} [/]"]
        for target in DESTINATIONS:
            here = target is self.current
            key = f"[@click=app.go('{target.name}')]{escape(target.key)}[/]"
            if here:
                parts.append(f"  [b $text on $primary 30%] {key} {escape(target.label)} [/]")
            elif short:
                parts.append(f"  {key}")
            else:
                parts.append(f"  {key} {escape(target.label)}")
        return Content.from_markup("".join(parts))
