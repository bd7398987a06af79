"""The start checklist: the plan at a glance, steps to tick, and a message to copy."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.geometry import Region
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from nctui.domain.checklist import DRAFT_MESSAGE, TIMELINE_KEY, ChecklistItem
from nctui.ui.widgets.scroll_area import reveal

DONE = "☑"
TODO = "☐"


class ChecklistList(OptionList):
    """The steps; Space or Enter ticks the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space",
            "select",
            "Tick",
            key_display="Space",
            show=False,
            tooltip="Tick or untick the highlighted step",
        ),
        Binding(
            "enter",
            "select",
            "Tick",
            key_display="Enter",
            show=False,
            tooltip="Tick or untick the highlighted step",
        ),
        Binding(
            "up",
            "cursor_up",
            "Move",
            key_display="↑↓",
            show=False,
            tooltip="The step above or below",
        ),
        Binding(
            "down",
            "cursor_down",
            "Move",
            key_display="↑↓",
            show=False,
            tooltip="The step above or below",
        ),
    ]

    def highlighted_region(self) -> Region | None:
        """Where the highlighted step is on the screen, or None with none highlighted."""
        index = self.highlighted
        if index is None:
            return None
        self._update_lines()
        top = self._index_to_line.get(index)
        if top is None:
            return None
        content = self.scrollable_content_region
        return Region(
            content.x, content.y + top - round(self.scroll_y), content.width, self._heights[index]
        )

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Scroll the list and the page, so the step Space would tick always shows."""
        super().watch_highlighted(highlighted)
        self.call_after_refresh(self._reveal_highlight)

    def _reveal_highlight(self) -> None:
        part = self.highlighted_region()
        if part is not None:
            reveal(self, part=part)


class StartChecklist(Vertical):
    """The plan summary, the checklist and the draft message."""

    class Toggled(Message):
        """An item was ticked or unticked."""

        def __init__(self, key: str, done: bool) -> None:
            super().__init__()
            self.key = key
            self.done = done

    def __init__(
        self,
        summary: str,
        heading: str,
        items: Sequence[ChecklistItem],
        ticks: Mapping[str, bool],
    ) -> None:
        super().__init__(id="start-checklist")
        self._summary = summary
        self._heading = heading
        self._items = tuple(items)
        self._ticks = dict(ticks)

    def compose(self) -> ComposeResult:
        """Summary, count, steps, draft."""
        yield Static(self._summary, id="plan-summary", markup=False)
        yield Static(self._count(), classes="section-title", id="checklist-count")
        yield ChecklistList(*self._options(), id="checklist")
        yield Static("A message you could send, in your own words or these", classes="subhead")
        yield Static(DRAFT_MESSAGE, id="draft", markup=False)

    def show(
        self,
        summary: str,
        heading: str,
        items: Sequence[ChecklistItem],
        ticks: Mapping[str, bool],
    ) -> None:
        """Redraw with fresh data (another window ticked something), keeping the cursor."""
        self._summary, self._heading = summary, heading
        self._items, self._ticks = tuple(items), dict(ticks)
        self.query_one("#plan-summary", Static).update(summary)
        self.query_one("#checklist-count", Static).update(self._count())
        checklist = self.query_one(ChecklistList)
        highlighted = checklist.highlighted
        checklist.clear_options().add_options(self._options())
        checklist.highlighted = highlighted

    def on_mount(self) -> None:
        """Start with the cursor on the list, scrolled only as far as it must to show it."""
        checklist = self.query_one(ChecklistList)
        checklist.focus(scroll_visible=False)
        self.call_after_refresh(reveal, checklist)

    def is_done(self, key: str) -> bool:
        """Whether an item counts as done (the timeline always is, once there is a plan)."""
        return key == TIMELINE_KEY or self._ticks.get(key, False)

    def _count(self) -> str:
        done = sum(self.is_done(item.key) for item in self._items)
        return f"{self._heading} · {done} of {len(self._items)} done"

    def _options(self) -> list[Option]:
        options = []
        for item in self._items:
            done = self.is_done(item.key)
            prompt = Group(
                Text.assemble(
                    (f"{DONE if done else TODO} ", "bold"),
                    (item.title, "dim strike" if done else "bold"),
                ),
                Padding(Text(item.how, style="dim"), (0, 0, 0, 2)),
            )
            options.append(Option(prompt, id=item.key, disabled=item.key == TIMELINE_KEY))
        return options

    @on(OptionList.OptionSelected, "#checklist")
    def _toggle(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        key = event.option.id
        if key is None or key == TIMELINE_KEY:
            return
        done = not self._ticks.get(key, False)
        self._ticks[key] = done
        checklist = self.query_one(ChecklistList)
        highlighted = checklist.highlighted
        checklist.clear_options().add_options(self._options())
        checklist.highlighted = highlighted
        self.query_one("#checklist-count", Static).update(self._count())
        self.post_message(self.Toggled(key, done))
