"""Big figlet lettering that steps down to smaller fonts, then plain text, as space shrinks."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget


@lru_cache(maxsize=64)
def render_figlet(text: str, font: str) -> str:
    """`text` drawn in a figlet font, as a block of equally wide lines."""
    import pyfiglet  # noqa: PLC0415 - loaded on first use, off the import path

    drawn = pyfiglet.Figlet(font=font, width=10_000).renderText(text)
    lines = [line.rstrip() for line in drawn.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    width = max((len(line) for line in lines), default=0)
    # Equal widths keep the art intact when each line is centred.
    return "\n".join(line.ljust(width) for line in lines)


class FigletText(Widget):
    """Text in the largest of `fonts` that fits the width, else as plain text."""

    DEFAULT_CSS = """
    FigletText {
        width: 1fr;
        height: auto;
        text-align: center;
    }
    """

    text: reactive[str] = reactive("", layout=True)

    def __init__(
        self,
        text: str,
        *,
        fonts: Sequence[str] = ("ansi_shadow", "smslant"),
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._fonts = tuple(fonts)
        self.set_reactive(FigletText.text, text)

    def drawing_for(self, width: int) -> str:
        """What is drawn at `width` cells: the first font that fits, else the plain text."""
        for font in self._fonts:
            drawn = render_figlet(self.text, font)
            if max(len(line) for line in drawn.splitlines() or [""]) <= width:
                return drawn
        return self.text

    def render(self) -> Text:
        """The lettering for the current width."""
        return Text(self.drawing_for(self.content_size.width), no_wrap=True, end="")

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """As wide as the drawing that fits the container."""
        drawing = self.drawing_for(container.width)
        return max(len(line) for line in drawing.splitlines() or [""])

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As tall as the drawing that fits `width`."""
        return len(self.drawing_for(width).splitlines()) or 1
