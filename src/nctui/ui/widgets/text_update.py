"""Changing a Static's text without a layout of the whole screen when its size stays."""

from __future__ import annotations

from textual.widgets import Static


def set_text(widget: Static, text: str) -> None:
    """Show `text` in `widget`; lay the screen out again only if the widget's height changes.

    A layout reflows every widget on the screen, which on a full dashboard costs more than
    the rest of a redraw; most updates (a new event line, a new count) keep the height.
    """
    if str(widget.content) == text:
        return
    width, height = widget.content_size
    sized = width > 0 and widget.styles.width is not None and not widget.styles.width.is_auto
    widget.update(text, layout=not sized)
    if sized and widget.get_content_height(widget.size, widget.app.size, width) != height:
        widget.refresh(layout=True)
