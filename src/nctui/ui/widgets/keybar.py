"""The bottom bar of keys that work right now.

Textual's Footer builds a widget per key and rebuilds them all whenever the bindings
change; measured, that was most of nctui's start-up time (benchmarks/). This bar draws
the same information as one line of text, with each key clickable.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import groupby

from textual.binding import Binding
from textual.content import Content
from textual.markup import escape
from textual.screen import Screen
from textual.widget import Widget

from nctui.ui.key_rules import works_while_typing

HIDE_ID = "hide"
"""The id of the hide key's binding: shown at the bar's end when the line has room."""


@lru_cache(maxsize=32)
def _from_markup(markup: str) -> Content:
    # The bar is drawn again at every change of bindings, mostly to the same few lines:
    # each is parsed once (Content is immutable, so one parse serves every bar).
    return Content.from_markup(markup)


class KeyBar(Widget):
    """One line: every shown binding of the active screen, grouped bindings together."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        /* One line, or two on a narrow terminal rather than keys cut off. */
        height: auto;
        max-height: 2;
        background: $panel;
        color: $text-muted;
        /* Keys are links (clickable); links take their colour from these rules. */
        link-color: $accent;
        link-style: bold;
        link-background-hover: $accent 30%;
    }
    """

    def on_mount(self) -> None:
        """Redraw whenever the screen's bindings change (focus moves, a dialog opens)."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    def on_unmount(self) -> None:
        """Stop listening when the bar goes away."""
        self.screen.bindings_updated_signal.unsubscribe(self)
        self.app.screen_change_signal.unsubscribe(self)

    def _screen_changed(self, active: Screen[object]) -> None:
        # Under a dialog the bar would show through and list keys that do not work
        # there (or type into its box): it shows on its own screen only. Hidden, not
        # removed, so the screen behind keeps its layout.
        self.visible = active is self.screen

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self.refresh()

    def render(self) -> Content:
        """The keys, left to right as the screen orders them, the palette key at the end."""
        app = self.app
        shown: list[tuple[Binding, bool]] = []
        seen_actions: set[str] = set()
        palette: tuple[Binding, bool] | None = None
        hide: tuple[Binding, bool] | None = None
        focused = self.screen.focused
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not works_while_typing(binding, focused):
                continue  # it would be typed into the box, not do what the bar says
            if binding.action == "command_palette":
                palette = (binding, active.enabled)
            elif binding.id == HIDE_ID:
                hide = (binding, active.enabled)
            elif binding.show and binding.action not in seen_actions:
                seen_actions.add(binding.action)
                shown.append((binding, active.enabled))
        parts: list[str] = []
        for group, members in groupby(shown, key=lambda item: item[0].group):
            items = list(members)
            if group is not None and len(items) > 1:
                keys = " ".join(self._key(binding, enabled) for binding, enabled in items)
                parts.append(f"{keys} {escape(group.description)}")
            else:
                parts.extend(
                    f"{self._key(binding, enabled)} {escape(binding.description)}"
                    for binding, enabled in items
                )
        # One space between entries: the coloured keys already set them apart, and
        # screens with several keys of their own still fit in 80 columns.
        line = _from_markup(" " + " ".join(parts))
        if palette is not None and not app.ENABLE_COMMAND_PALETTE:
            palette = None
        return self._with_tail(line, palette, hide)

    def _with_tail(
        self, line: Content, palette: tuple[Binding, bool] | None, hide: tuple[Binding, bool] | None
    ) -> Content:
        """`line` with the palette key at its right end, and before it the hide key when
        the line has room for it (never at the cost of a second line)."""
        # The outer size less the gutter is `self.size`, without asking the compositor
        # where the bar is (which lays the screen out ahead of time).
        width = self.outer_size.width - self.gutter.width
        tail = "" if palette is None else f"{self._key(*palette)} palette "
        if hide is not None:
            with_hide = f"{self._key(*hide)} {escape(hide[0].description)}  {tail}"
            if width - line.cell_length - _from_markup(with_hide).cell_length >= 1:
                tail = with_hide
        if not tail:
            return line
        end = _from_markup(tail)
        gap = width - line.cell_length - end.cell_length
        return line + Content(" " * gap) + end if gap >= 1 else line

    def _key(self, binding: Binding, enabled: bool) -> str:
        shown = escape(self.app.get_key_display(binding))
        if not enabled:
            return f"[$text-disabled]{shown}[/]"
        return f"[@click=app.simulate_key({binding.key!r})]{shown}[/]"
