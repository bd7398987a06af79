"""One line of text with something pinned to its right edge, cut short to fit.

Rich tables can do this, but only with Rich styles; this keeps Textual's `$primary`-style
theme colours, so rows follow the theme the person picks.
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class SpreadRow(Visual):
    """`left` on the left (ellipsis if too long), `right` on the right, on one line."""

    def __init__(self, left: Content, right: Content) -> None:
        self.left = left
        self.right = right

    def _line(self, width: int) -> Content:
        gap = 1 if self.right.cell_length else 0
        room = max(1, width - self.right.cell_length - gap)
        left = self.left.truncate(room, ellipsis=True, pad=True)
        return Content.assemble(left, " " * gap, self.right).truncate(width)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        """The line laid out for exactly `width` cells."""
        return self._line(width).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        """As wide as both parts side by side."""
        gap = 1 if self.right.cell_length else 0
        return self.left.cell_length + gap + self.right.cell_length

    def get_height(self, rules: RulesMap, width: int) -> int:
        """Always one line."""
        return 1

    @property
    def plain(self) -> str:
        """The text without styles (for tests and search)."""
        return f"{self.left.plain} {self.right.plain}".strip()
