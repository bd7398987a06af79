"""The list of every key, built from the live bindings so it can never fall out of date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Static


@dataclass(frozen=True)
class KeyRow:
    """One line of the help: where the key works, the key, what it does."""

    section: str
    keys: str
    description: str


class HelpScreen(ModalScreen[None]):
    """Every key that works right now, grouped by where it works."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", show=True),
    ]

    def __init__(self, rows: Sequence[KeyRow], screen_title: str) -> None:
        super().__init__(classes="help")  # no id: the help may open over a dialog opened over it
        self.rows = rows
        """What the help lists, in order."""
        self._screen_title = screen_title

    def compose(self) -> ComposeResult:
        """A titled list of keys, one section per place they work."""
        with Vertical(classes="dialog help"):
            # The screen's name stands alone: "Ready to reach out?" ends in its own mark.
            yield Static(f"Keys · {escape(self._screen_title)}", classes="dialog-title")
            yield Static(
                "Letters typed into a text box go into the box: press [b]Esc[/b] to leave "
                "it first.",
                classes="dialog-text",
            )
            yield Static(
                "[b]F12[/b] hides it all, even mid-sentence: terminals and tmux pass it on.",
                classes="dialog-text",
            )
            with VerticalScroll(id="help-keys", can_focus=True):
                yield Static(_key_table(self.rows), id="help-table")
            yield Static("Esc, q or ? closes this.", classes="dialog-hint")


def _key_table(rows: Sequence[KeyRow]) -> Group:
    key_width = max((len(row.keys) for row in rows), default=4) + 2
    parts: list[Text | Table] = []
    for section in dict.fromkeys(row.section for row in rows):
        if parts:
            parts.append(Text(""))
        parts.append(Text(section, style="bold underline"))
        grid = Table.grid(expand=True)
        grid.add_column(width=key_width, no_wrap=True, style="bold")
        grid.add_column(ratio=1)
        for row in rows:
            if row.section == section:
                grid.add_row(row.keys, row.description)
        parts.append(grid)
    return Group(*parts)


SECTION_ORDER = ("Anywhere", "This screen", "In the focused box")
DIALOG_ORDER = ("This screen", "In the focused box", "Anywhere")
"""Over a dialog its own keys come first: the keys that work anywhere follow."""


def group_keys(
    entries: Sequence[tuple[str, str, str, str]], order: Sequence[str] = SECTION_ORDER
) -> list[KeyRow]:
    """Rows from (section, action, key shown, description), one row per action.

    Keys that do the same thing share a row; sections come in `order`.
    """
    grouped: dict[tuple[str, str], tuple[list[str], str]] = {}
    for section, action, key, description in entries:
        keys, _ = grouped.setdefault((section, action), ([], description))
        if key not in keys:
            keys.append(key)
    rows = [
        KeyRow(section, " ".join(keys), description)
        for (section, _), (keys, description) in grouped.items()
    ]
    return sorted(rows, key=lambda row: order.index(row.section))
