"""The last line of defence: no control character is ever sent to the terminal.

Text from the data file is made safe when it is read, and typed or pasted text when it is
entered. This filter sees every line the app draws, whatever its source (a folder name in
a notice, a message from the system), and draws any control character left as a visible
symbol, so an escape sequence can never clear the screen, write the clipboard or open a
link.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from nctui.domain.text import control_pictures, has_controls


class ControlPictures(LineFilter):
    """Draws control characters as symbols (␛), keeping each line's width."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """The line, with control characters in its text drawn as symbols."""
        if not any(has_controls(segment.text) for segment in segments):
            return segments
        width = Segment.get_line_length(segments)
        shown = [
            Segment(control_pictures(text), style, control) for text, style, control in segments
        ]
        # Control characters take no cell, their symbols one: the line keeps its width.
        return list(Segment.adjust_line_length(shown, width))
