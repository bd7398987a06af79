"""Your patterns: the grid of when urges and slips come, the triggers that come up most,
and the weeks of the period. Given `Patterns` by the screen; works nothing out itself."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from nctui.domain.humanize import plural
from nctui.domain.patterns import Patterns, PatternWeek, TriggerCount, grid_lines

BAR_WIDTH = 10
NARROW_BELOW = 76
"""Columns the grid (about 44) and the tags (about 32) need side by side."""
TAG_BAR_WIDTH = 6


def grid_text(patterns: Patterns) -> Text:
    """The hour-by-weekday grid, with a line on how to read it."""
    grid = patterns.grid
    lines = grid_lines(grid)
    text = Text("When they come", style="bold")
    text.append(f"\n{plural(grid.bucket_hours, 'hour')} a column, by check-in day\n", "dim")
    text.append("\n".join(lines))
    return text


def _bar(count: int, most: int, width: int = BAR_WIDTH) -> str:
    if not count or not most:
        return ""
    return "▮" * max(1, round(count * width / most))


def triggers_text(triggers: Iterable[TriggerCount], untagged: int, sos_ok: int) -> Group:
    """Each tag with its count and a bar, most first; untagged and SOS counts below."""
    ranked = list(triggers)
    most = max((item.count for item in ranked), default=0)
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, overflow="ellipsis")
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True)
    for item in ranked:
        table.add_row(Text(item.label), str(item.count), _bar(item.count, most, TAG_BAR_WIDTH))
    table.add_row(Text("No tag", style="dim"), Text(str(untagged), style="dim"), "")
    sos = Text.assemble(("SOS cards closed “I'm OK”: ", "bold"), str(sos_ok))
    head = Text("What set them off", style="bold")
    if not ranked:
        head.append("\nNo tags yet: u and s offer them.", style="dim")
    return Group(head, table, Text(), sos)


def weeks_text(weeks: Iterable[PatternWeek]) -> Table:
    """One row a week: urges (with a bar), slips, and the average urge rating."""
    rows = list(weeks)
    most = max((week.urges for week in rows), default=0)
    table = Table.grid(padding=(0, 2))
    for justify in ("right", "left", "right", "left", "right", "right"):
        table.add_column(justify=justify, no_wrap=True)
    table.add_row(
        *(Text(head, style="bold") for head in ("Week", "From", "Urges", "", "Slips", "Urge 0–10"))
    )
    for week in rows:
        rating = "–" if week.urge_rating is None else f"{week.urge_rating:.1f}"
        table.add_row(
            str(week.number),
            f"{week.first_day.day} {week.first_day:%b}",
            str(week.urges),
            _bar(week.urges, most),
            str(week.slips),
            rating,
        )
    return table


class PatternsView(Vertical):
    """The sentence, then the grid beside the triggers, then the weeks."""

    DEFAULT_CSS = """
    PatternsView {
        height: auto;
        max-width: 110;
    }
    PatternsView #patterns-sentence {
        text-style: bold;
        margin-bottom: 1;
    }
    PatternsView #patterns-top {
        height: auto;
    }
    PatternsView #patterns-grid {
        width: auto;
        padding: 0 1;
        background: $surface;
        margin-right: 1;
    }
    PatternsView #patterns-triggers {
        width: 1fr;
        padding: 0 1;
        background: $surface;
    }
    PatternsView.-narrow #patterns-top {
        layout: vertical;
    }
    PatternsView.-narrow #patterns-grid {
        margin: 0 0 1 0;
    }
    PatternsView #patterns-weeks {
        margin-top: 1;
        padding: 0 1;
        background: $surface;
    }
    """

    def compose(self) -> ComposeResult:
        """The parts, empty until `show`."""
        yield Static("", id="patterns-sentence")
        with Horizontal(id="patterns-top"):
            yield Static("", id="patterns-grid")
            yield Static("", id="patterns-triggers")
        yield Static("", id="patterns-weeks")

    def on_resize(self) -> None:
        """Under the grid rather than beside it when both do not fit side by side."""
        self.set_class(self.size.width < NARROW_BELOW, "-narrow")

    def show(self, patterns: Patterns) -> None:
        """Show these patterns."""
        self.query_one("#patterns-sentence", Static).update(Text(patterns.sentence))
        self.query_one("#patterns-grid", Static).update(grid_text(patterns))
        self.query_one("#patterns-triggers", Static).update(
            triggers_text(patterns.triggers, patterns.untagged, patterns.sos_ok)
        )
        weeks = self.query_one("#patterns-weeks", Static)
        weeks.update(weeks_text(patterns.weeks))
        weeks.display = bool(patterns.weeks)
