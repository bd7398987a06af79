"""Bulleted lines whose wrapped text lines up under the text, not under the bullet."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text


def bullet_list(lines: Sequence[str | Text], bullet: str = "•") -> Table:
    """One row per line: the bullet in its own narrow column, the words beside it."""
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(width=len(bullet), no_wrap=True)
    table.add_column(ratio=1)
    for line in lines:
        table.add_row(bullet, line)
    return table
