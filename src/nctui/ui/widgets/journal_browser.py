"""The journal: a search box, the days with a check-in, and the highlighted day to read."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, tzinfo
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from nctui.domain.checkin import DayEntry
from nctui.domain.humanize import plural
from nctui.domain.journal_search import Match, search
from nctui.domain.text import printable
from nctui.ui.widgets.steady_option_list import SteadyOptionList
from nctui.ui.widgets.text_input import TextInput

SNIPPET_WIDTH = 32


def long_day(day: date) -> str:
    """ "Thursday 26 November 2026"."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def row_text(entry: DayEntry) -> str:
    """One line of the list: the day, the mood, and marks for text and edits."""
    current = entry.current
    marks = ("  ✎" if current.text else "") + ("  ⟲" if entry.edited else "")
    return (
        f"{current.day:%a} {current.day.day:>2} {current.day:%b %Y}  mood {current.mood:>2}{marks}"
    )


def match_text(found: Match) -> Text:
    """Two lines of the list for a search result: the day, then the words around the hit.

    The snippet is the person's own words, so it is plain text, never markup.
    """
    earlier = "  (earlier version)" if found.earlier_version else ""
    day = f"{found.day:%a} {found.day.day} {found.day:%b %Y}{earlier}"
    return Text(f"{day}\n  {printable(found.snippet)}")


def reading_heading(entry: DayEntry, zone: tzinfo) -> str:
    """The reader's heading, as markup: the day, the ratings, when it was saved."""
    current = entry.current
    saved = current.at.astimezone(zone)
    lines = [
        f"[b]{long_day(entry.day)}[/b]",
        f"Mood {current.mood} · missing them {current.miss} · urge {current.urge}",
    ]
    if entry.edited:
        first = entry.versions[0].at.astimezone(zone)
        lines.append(
            f"[dim]Written {first:%H:%M}, last edited {saved:%a %H:%M} · "
            f"{plural(len(entry.versions), 'version')}: v shows them[/dim]"
        )
    else:
        lines.append(f"[dim]Saved {saved:%a} {saved.day} {saved:%b, %H:%M} · e edits it[/dim]")
    return "\n".join(lines)


class JournalSearch(TextInput):
    """The search box: Esc clears it and goes back to the list of days."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear", "Clear search", tooltip="show every day again"),
    ]

    class Cleared(Message):
        """The search was cleared from the keyboard."""

    def action_clear(self) -> None:
        """Empty the box (every day shows again) and leave it."""
        self.value = ""
        self.post_message(self.Cleared())


class DayList(SteadyOptionList):
    """The list of days: years of rows, measured once for the width they are shown at."""


class JournalBrowser(Vertical):
    """Browse the days by date, search their text, and read the one highlighted."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="journal-browser")
        self._entries: Sequence[DayEntry] = ()
        self._by_day: dict[date, DayEntry] = {}
        self._zone: tzinfo | None = None

    def compose(self) -> ComposeResult:
        """Search box, then the list of days beside the reader."""
        yield JournalSearch(
            placeholder="Search your journal (words, any order)", id="journal-search"
        )
        with Horizontal(classes="split"):
            yield DayList(id="journal-days", classes="side-list")
            with VerticalScroll(id="journal-reader", classes="reader"):
                yield Static("", id="journal-heading")
                yield Static("", id="journal-text-shown", markup=False)

    def show(self, entries: Sequence[DayEntry], zone: tzinfo) -> None:
        """Show these entries (newest first), keeping the search and the highlighted day.

        The same entries again (the same object, or equal) leave years of rows alone.
        """
        if zone == self._zone and (entries is self._entries or entries == self._entries):
            return
        self._entries = entries
        self._by_day = {entry.day: entry for entry in entries}
        self._zone = zone
        self._refill()

    @property
    def search_text(self) -> str:
        """What is typed in the search box."""
        return self.query_one("#journal-search", Input).value

    @property
    def highlighted_day(self) -> date | None:
        """The day under the cursor in the list, if any."""
        menu = self.query_one("#journal-days", OptionList)
        if menu.highlighted is None or not menu.option_count:
            return None
        option_id = menu.get_option_at_index(menu.highlighted).id
        return date.fromisoformat(option_id) if option_id else None

    def entry(self, day: date) -> DayEntry | None:
        """The entry for `day`."""
        return self._by_day.get(day)

    def _refill(self) -> None:
        menu = self.query_one("#journal-days", OptionList)
        keep = self.highlighted_day
        query = self.search_text.strip()
        if query:
            options = [
                Option(match_text(found), id=found.day.isoformat())
                for found in search(self._entries, query, SNIPPET_WIDTH)
            ]
        else:
            options = [
                Option(row_text(entry), id=entry.day.isoformat())
                for entry in reversed(self._entries)
            ]
        menu.clear_options().add_options(options)
        ids = [option.id for option in options]
        if options:
            menu.highlighted = (
                ids.index(keep.isoformat()) if keep and keep.isoformat() in ids else 0
            )
        self._read(self.highlighted_day)

    def _read(self, day: date | None) -> None:
        heading = self.query_one("#journal-heading", Static)
        body = self.query_one("#journal-text-shown", Static)
        entry = None if day is None else self.entry(day)
        if entry is None or self._zone is None:
            if self.search_text.strip():
                heading.update(
                    f"Nothing found for “{escape(printable(self.search_text.strip()))}”."
                )
                body.update("Try fewer words, or another word for the same thing.")
            else:
                heading.update("[b]Nothing here yet[/b]")
                body.update("Each day you check in appears here, newest first, to read again.")
            return
        heading.update(reading_heading(entry, self._zone))
        current = entry.current
        words = printable(current.text) if current.text else "(No journal words this day.)"
        if current.prompt:
            # The question first, set apart, so the answer reads as an answer.
            body.update(Text.assemble("\n", (printable(current.prompt), "italic"), "\n\n", words))
        else:
            body.update("\n" + words)
        self.query_one("#journal-reader", VerticalScroll).scroll_home(animate=False)

    @on(Input.Changed, "#journal-search")
    def _search_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refill()

    @on(Input.Submitted, "#journal-search")
    def _search_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#journal-days", OptionList).focus()

    @on(JournalSearch.Cleared)
    def _search_cleared(self, event: JournalSearch.Cleared) -> None:
        event.stop()
        self.focus_list()

    def clear_search(self) -> None:
        """Forget the search: every day shows again."""
        self.query_one("#journal-search", Input).value = ""

    @on(OptionList.OptionHighlighted, "#journal-days")
    def _highlighted(self, _event: OptionList.OptionHighlighted) -> None:
        # Not stopped: the screen's keys depend on what is highlighted too.
        self._read(self.highlighted_day)

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.query_one("#journal-search", Input).focus()

    def focus_list(self) -> None:
        """Focus the list of days."""
        self.query_one("#journal-days", OptionList).focus()
