"""Big figlet lettering that steps down to smaller fonts, then plain text, as space shrinks."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

_COUNTDOWN_CHARACTERS = [*"0123456789", ":", " ", "d", "a", "y", "s"]
PRERENDERED: dict[str, list[str]] = {
    "ansi_shadow": [*_COUNTDOWN_CHARACTERS, "nctui"],
    "big": _COUNTDOWN_CHARACTERS,
    "small": _COUNTDOWN_CHARACTERS,
    "future": _COUNTDOWN_CHARACTERS,
    "smslant": ["nctui"],
}
"""What the first screens draw, by font: drawn ahead into PRERENDERED_PATH, so they
need neither pyfiglet nor a font file (devtools/figlet_glyphs.py writes it)."""
PRERENDERED_PATH = Path(__file__).parent.parent.parent / "data" / "figlet.json"


@cache
def _prerendered() -> dict[str, dict[str, list[str]]]:
    try:
        found: dict[str, dict[str, list[str]]] = json.loads(
            PRERENDERED_PATH.read_text(encoding="utf-8")
        )
    except (OSError, ValueError):  # drawn by pyfiglet instead, only more slowly
        return {}
    return found


@lru_cache(maxsize=16)
def _figlet(font: str) -> Any:
    import pyfiglet  # noqa: PLC0415 - loaded on first use, off the import path

    return pyfiglet.Figlet(font=font, width=10_000)


def _drawn(text: str, font: str) -> list[str]:
    """`text` in `font` line by line, drawn ahead of time when it is one of PRERENDERED."""
    ready = _prerendered().get(font, {}).get(text)
    if ready is not None:
        return ready
    lines: list[str] = _figlet(font).renderText(text).splitlines()
    return lines


@lru_cache(maxsize=64)
def render_figlet(text: str, font: str) -> str:
    """`text` drawn in a figlet font, as a block of equally wide lines."""
    return _block(_drawn(text, font))


@lru_cache(maxsize=512)
def _glyph(char: str, font: str) -> tuple[str, ...]:
    lines = _drawn(char, font)
    width = max((len(line) for line in lines), default=0)
    left = 0
    if char.isdigit():
        # Every digit as wide as the widest, centred, so a ticking number never shifts.
        left = (_digit_width(font) - width) // 2
        width = _digit_width(font)
    return tuple((" " * left + line).ljust(width) for line in lines)


@lru_cache(maxsize=16)
def _digit_width(font: str) -> int:
    return max(len(line) for digit in "0123456789" for line in _drawn(digit, font))


def render_glyphs(text: str, font: str) -> str:
    """`text` drawn one cached character at a time, for text that changes every second.

    Joining ready-drawn characters skips figlet's letter-fitting, which block fonts do
    not need, and costs almost nothing per tick.
    """
    glyphs = [_glyph(char, font) for char in text]
    height = max((len(glyph) for glyph in glyphs), default=0)
    rows = [
        "".join(glyph[row] if row < len(glyph) else " " * len(glyph[0]) for glyph in glyphs)
        for row in range(height)
    ]
    return _block(rows)


def _block(rows: list[str]) -> str:
    # Only blank rows are trimmed; trailing spaces stay, so the block keeps its width.
    lines = [line if line.strip() else "" for line in rows]
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

    text: reactive[str] = reactive("", repaint=False)
    """The words to draw. Changing them repaints this widget only, and lays out the
    screen again only if the drawing changes size (a countdown ticking from 10 to 9)."""

    def __init__(
        self,
        text: str,
        *,
        fonts: Sequence[str] = ("ansi_shadow", "smslant"),
        by_glyph: bool = False,
        spare: int = 0,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._fonts = tuple(fonts)
        self._draw_with = render_glyphs if by_glyph else render_figlet
        # Columns to keep free: a scroll bar that appears later must not clip the art.
        self._spare = spare
        self.set_reactive(FigletText.text, text)

    def watch_text(self, old: str, new: str) -> None:
        """Repaint; re-measure the layout only when the drawing's size changed."""
        width = self.content_size.width or self.app.size.width
        before = self._size_of(old, width)
        self.refresh(layout=self._size_of(new, width) != before)

    def _size_of(self, text: str, width: int) -> tuple[int, int]:
        drawing = self._drawing(text, width)
        lines = drawing.splitlines() or [""]
        return max(len(line) for line in lines), len(lines)

    def drawing_for(self, width: int) -> str:
        """What is drawn at `width` cells: the first font that fits, else the plain text."""
        return self._drawing(self.text, width)

    def _drawing(self, text: str, width: int) -> str:
        for font in self._fonts:
            drawn = self._draw_with(text, font)
            if max(len(line) for line in drawn.splitlines() or [""]) <= width - self._spare:
                return drawn
        return text

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
