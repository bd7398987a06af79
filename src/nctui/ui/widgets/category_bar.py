"""One line naming every category, the one on show lit; ← → (or a click) moves along it."""

from __future__ import annotations

from textual.content import Content
from textual.markup import escape
from textual.reactive import reactive
from textual.widget import Widget

from nctui.domain.activities import CATEGORY_SHORT, Category

ALL_LABEL = "All"
CATEGORY_CYCLE: tuple[Category | None, ...] = (None, *Category)
"""None stands for every category."""


def step_category(current: Category | None, step: int) -> Category | None:
    """The category `step` places along from `current`, wrapping round."""
    index = CATEGORY_CYCLE.index(current)
    return CATEGORY_CYCLE[(index + step) % len(CATEGORY_CYCLE)]


class CategoryBar(Widget):
    """All · Hobbies · Trips · ...; the screen sets `current`."""

    DEFAULT_CSS = """
    CategoryBar {
        height: 1;
        color: $text-muted;
        link-color: $text-muted;
        link-style: none;
        link-background-hover: $primary 20%;
    }
    """

    current: reactive[Category | None] = reactive(None)
    """The category on show; None for all of them."""

    def render(self) -> Content:
        """Every category as a clickable label, with a hint for the arrow keys."""
        parts = []
        for category in CATEGORY_CYCLE:
            label = ALL_LABEL if category is None else CATEGORY_SHORT[category]
            value = "" if category is None else category.value
            link = f"[@click=screen.show_category({value!r})]{escape(label)}[/]"
            if category is self.current:
                parts.append(f"[b $text on $primary 30%] {link} [/]")
            else:
                parts.append(f" {link} ")
        line = Content.from_markup("".join(parts))
        hint = Content.from_markup("[$text-muted]← →[/]")
        if line.cell_length + hint.cell_length + 2 <= self.size.width:
            gap = self.size.width - line.cell_length - hint.cell_length
            line = line + Content(" " * gap) + hint
        return line
