"""The letters: a list of every letter and, beside it, the highlighted one.

A sealed letter's words are never shown, not even their first line: the list names it
by the day it was written.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, tzinfo

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from nctui.domain.humanize import day_text, moment_text
from nctui.domain.letters import Letter, LetterState
from nctui.domain.text import printable
from nctui.ui.widgets.steady_option_list import SteadyOptionList

STATE_MARKS: dict[LetterState, str] = {
    LetterState.DRAFT: "✎ Draft",
    LetterState.SEALED: "✉ Sealed",
    LetterState.READY: "✉ Ready to open",
    LetterState.OPENED: "✓ Opened",
}


def letter_row(letter: Letter, state: LetterState, zone: tzinfo) -> str:
    """The letter's line in the list: its state and the day it was written, here."""
    return f"{STATE_MARKS[state]} · {day_text(letter.written_at.astimezone(zone).date())}"


def until_text(until: datetime | None) -> str:
    """When a sealed letter opens, in words."""
    if until is None:
        return "It stays sealed until the end of your next no-contact period."
    return f"It stays sealed until your period ends, {moment_text(until)}."


def seal_note(until: datetime | None) -> str:
    """What Ctrl+S does in the letter editor, with the day it opens."""
    if until is None:
        return "Ctrl+S seals it until the end of your next no-contact period."
    return f"Ctrl+S seals it until your period ends, {moment_text(until)}."


def letter_heading(letter: Letter, state: LetterState, until: datetime | None, zone: tzinfo) -> str:
    """The reader's heading and guidance, as markup."""
    written = f"Written {moment_text(letter.written_at.astimezone(zone))}"
    if state is LetterState.DRAFT:
        drafts = f" · {len(letter.earlier) + 1} drafts kept" if letter.earlier else ""
        return (
            f"[b]A draft[/b]\n[dim]{written}{drafts}[/dim]\n"
            "Enter goes on writing it. s seals it when it is done."
        )
    if state is LetterState.SEALED:
        return (
            f"[b]Sealed[/b]\n[dim]{written}[/dim]\n{until_text(until)}\n\n"
            "What you wrote is safe in here. When the period is over, the readiness "
            "check opens it with you, and you can read it with fresh eyes.\n\n"
            "[dim]If you need it sooner, o opens it early.[/dim]"
        )
    if state is LetterState.READY:
        return (
            f"[b]Ready to open[/b]\n[dim]{written}[/dim]\n"
            "Your period is complete. o opens it, or let the readiness check open it with you."
        )
    assert letter.opened_at is not None
    how = "opened early" if letter.opened_early else "opened"
    when = moment_text(letter.opened_at.astimezone(zone))
    return f"[b]Opened[/b]\n[dim]{written} · {how} {when}[/dim]"


class LetterShelf(Horizontal):
    """Every letter, newest first, and the one under the cursor."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="split letter-shelf")
        self._letters: list[tuple[Letter, LetterState]] = []
        self._until: datetime | None = None
        self._zone: tzinfo = UTC

    def compose(self) -> ComposeResult:
        """The list beside the reader."""
        yield SteadyOptionList(id="letter-list", classes="side-list")
        with VerticalScroll(id="letter-reader", classes="reader"):
            yield Static("", id="letter-heading")
            yield Static("", id="letter-text-shown", markup=False)

    def show(
        self,
        letters: Sequence[tuple[Letter, LetterState]],
        until: datetime | None,
        zone: tzinfo,
        select: str | None = None,
    ) -> None:
        """Show the letters, each with its state, keeping the highlighted one (or
        highlighting the letter with id `select`, just written)."""
        self._letters = sorted(letters, key=lambda pair: pair[0].written_at, reverse=True)
        self._until = until
        self._zone = zone
        menu = self.query_one("#letter-list", OptionList)
        highlighted = self.highlighted
        keep = select or (highlighted[0].id if highlighted else None)
        menu.clear_options().add_options(
            [
                Option(letter_row(letter, state, zone), id=letter.id)
                for letter, state in self._letters
            ]
        )
        ids = [letter.id for letter, _ in self._letters]
        if ids:
            menu.highlighted = ids.index(keep) if keep in ids else 0
        self._read()

    @property
    def highlighted(self) -> tuple[Letter, LetterState] | None:
        """The letter under the cursor and its state, if any."""
        menu = self.query_one("#letter-list", OptionList)
        if menu.highlighted is None or not self._letters:
            return None
        option_id = menu.get_option_at_index(menu.highlighted).id
        return next((pair for pair in self._letters if pair[0].id == option_id), None)

    def _read(self) -> None:
        heading = self.query_one("#letter-heading", Static)
        body = self.query_one("#letter-text-shown", Static)
        chosen = self.highlighted
        if chosen is None:
            heading.update(
                "[b]No letters yet[/b]\n\n"
                "Write to them here, everything you would like to say, and send nothing. "
                "Putting it into words takes some of the pull out of it.\n\n"
                "w writes a letter. Ctrl+S seals it until your period is over."
            )
            body.update("")
            return
        letter, state = chosen
        heading.update(letter_heading(letter, state, self._until, self._zone))
        shows_text = state in {LetterState.DRAFT, LetterState.OPENED}
        body.update("\n" + printable(letter.text) if shows_text else "")
        self.query_one("#letter-reader", VerticalScroll).scroll_home(animate=False)

    @on(OptionList.OptionHighlighted, "#letter-list")
    def _highlighted(self, _event: OptionList.OptionHighlighted) -> None:
        # Not stopped: the screen's keys depend on what is highlighted too.
        self._read()

    def focus_list(self) -> None:
        """Focus the list of letters."""
        self.query_one("#letter-list", OptionList).focus()
