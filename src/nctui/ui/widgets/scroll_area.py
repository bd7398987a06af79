"""Scrolling that keeps what matters in view: the focused control, and its message.

Dialogs are built in a `ScrollArea`: on a short terminal their content scrolls inside
them between a title and buttons that stay put, and Tab reaches the area so the arrows
can scroll it; on a tall one nothing scrolls, and Tab does not stop on it.

`reveal` scrolls by where things are on the screen. Textual's own `scroll_visible`
misses the padding of boxes between a widget and what scrolls (a message under a
question in a padded card stays one line short), and its check on focus counts a
control under a docked title or buttons as in view.
"""

from __future__ import annotations

from textual import events
from textual.containers import VerticalScroll
from textual.errors import NoWidget
from textual.geometry import Region, Spacing
from textual.screen import Screen
from textual.widget import Widget


class ScrollArea(VerticalScroll):
    """A vertical scroll container, focusable only while its content overflows."""

    def allow_focus(self) -> bool:
        """Focusable only when the arrows would move something."""
        return self.max_scroll_y > 0

    def focus_if_scrolling(self) -> None:
        """Take the focus when there is more to read than fits (call after layout)."""
        if not self.is_attached:
            return  # its dialog closed before the layout came round
        if self.allow_focus() and self.screen.focused is None:
            self.focus(scroll_visible=False)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Bring the focused control out from under a docked title or buttons."""
        self.call_after_refresh(reveal, event.widget)


def _scroller(widget: Widget) -> tuple[Widget, Widget] | None:
    """The nearest ancestor that scrolls, and its child that holds `widget`."""
    child = widget
    for ancestor in widget.ancestors:
        if not isinstance(ancestor, Widget):
            return None
        if ancestor.allow_vertical_scroll:
            return ancestor, child
        child = ancestor
    return None


def reveal(widget: Widget, message: Widget | None = None, part: Region | None = None) -> None:
    """Scroll the nearest scrolling container so `widget` shows whole, and `message`
    with it when both fit (the widget wins when they do not). Call after layout.

    `part`, given, is the screen region of the piece of `widget` to show instead (the
    highlighted row of a list that scrolls inside itself)."""
    found = _scroller(widget)
    if found is None or not widget.is_attached:
        return
    scroller, child = found
    try:
        docked = widget.screen.find_widget(child).dock_gutter
    except NoWidget:
        docked = Spacing()
    window = scroller.scrollable_content_region.shrink(docked)
    target = widget.region if part is None else part
    if message is not None and message.region.area:
        both = target.union(message.region)
        if both.height <= window.height:
            target = both
    scroller.scroll_to(
        y=scroller.scroll_y + _distance(target, window), animate=False, immediate=True
    )


def _distance(target: Region, window: Region) -> int:
    """How far to scroll down (negative: up) to bring `target` into `window`, the
    least that shows it whole, or its top when it is taller than the window."""
    if target.y < window.y or target.height > window.height:
        return target.y - window.y
    if target.bottom > window.bottom:
        return target.bottom - window.bottom
    return 0


def keep_focus_in_view(screen: Screen[object]) -> None:
    """After the terminal changed size, scroll every container so the focused control
    shows again (call once the screen is laid out at its new size)."""
    focused = screen.focused
    if focused is None or not focused.is_attached:
        return
    focused.scroll_visible(animate=False, immediate=True)
    # Again once scrolled: Textual's own scrolling counts a control under docked bars as shown.
    focused.call_after_refresh(_reveal_if_focused, focused)


def _reveal_if_focused(widget: Widget) -> None:
    # Late, a reveal must not pull the view away from where the cursor went meanwhile.
    if widget.has_focus:
        reveal(widget)


def show_together(widget: Widget, message: Widget) -> None:
    """Focus `widget` and scroll so its message shows beside it.

    Done once the message has its place, and again a refresh later: a new message
    can wrap onto more lines once it is laid out at its width.
    """
    widget.focus(scroll_visible=False)

    def scroll(again: bool) -> None:
        if not widget.has_focus:
            return  # the cursor moved on meanwhile (a fast Tab): never pull the view back
        reveal(widget, message)
        if again:
            widget.call_after_refresh(scroll, again=False)

    widget.call_after_refresh(scroll, again=True)
