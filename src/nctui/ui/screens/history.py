"""The whole history: every attempt and how it ended, and every event in the ledger."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from nctui.domain.humanize import day_text, plural, time_text
from nctui.domain.ledger import LedgerEvent
from nctui.domain.period import Attempt, EndReason, end_of, wall_days, zone_of
from nctui.domain.runs import Record
from nctui.domain.text import one_line
from nctui.domain.triggers import triggers_text
from nctui.ui.widgets.keybar import KeyBar

ENDINGS: dict[EndReason | None, str] = {
    None: "running now",
    EndReason.COMPLETE: "completed",
    EndReason.CONTACT: "restarted after contact",
    EndReason.NEW_PLAN: "replaced by a new plan",
}


def attempt_rows(attempts: Sequence[Attempt], now: datetime) -> list[tuple[str, ...]]:
    """One row per attempt, newest first: started, planned, lasted, how it ended."""
    zone = zone_of(now)
    rows: list[tuple[str, ...]] = []
    for number, attempt in reversed(list(enumerate(attempts, start=1))):
        stop = attempt.ended_at or min(now, end_of(attempt, zone))
        rows.append(
            (
                str(number),
                day_text(attempt.start.astimezone(zone).date()),
                plural(attempt.length_days, "day"),
                plural(wall_days(attempt.start, stop, zone), "day"),
                ENDINGS[attempt.end_reason],
            )
        )
    return rows


def event_note(event: LedgerEvent) -> Text:
    """The note column: trigger tags first ("Lonely · Bored — "), then the note."""
    tags = triggers_text(event.triggers)
    note = one_line(event.note, 200)
    if not tags:
        return Text(note)
    return Text.assemble((tags, "italic"), f" — {note}" if note else "")


def event_rows(events: Sequence[LedgerEvent], now: datetime) -> list[tuple[str, str, Text]]:
    """One row per event, newest first: when, what, its tags and note.

    The note is the person's own words: it is shown as plain text (a "[" in it is not
    markup) with any control character drawn, never sent to the terminal.
    """
    zone = zone_of(now)
    return [
        (time_text(event.at.astimezone(zone)), event.summary, event_note(event))
        for event in reversed(events)
    ]


class HistoryScreen(ModalScreen[None]):
    """Attempts and events in two tabs; nothing here can be changed or deleted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,v", "dismiss", "Close"),
    ]

    def __init__(
        self,
        attempts: Sequence[Attempt],
        events: Sequence[LedgerEvent],
        record: Record,
        now: datetime,
    ) -> None:
        super().__init__(classes="history")
        self._attempts = attempts
        self._events = events
        self._record = record
        self._now = now

    def compose(self) -> ComposeResult:
        """Totals, then the two tables."""
        record = self._record
        with Vertical(classes="dialog history-card"):
            yield Static("Your history", classes="dialog-title")
            yield Static(
                f"Longest run {plural(record.longest_run_days, 'day')} · "
                f"{plural(record.total_days, 'day')} without contact in all · "
                f"{plural(record.attempts, 'attempt')} · "
                f"{plural(len(self._events), 'event')} logged",
                classes="dialog-text",
            )
            with TabbedContent():
                with TabPane("Events", id="events-tab"):
                    events: DataTable[str | Text] = DataTable(cursor_type="row", id="events-table")
                    events.add_columns("When", "What", "What set it off · note")
                    events.add_rows(event_rows(self._events, self._now))
                    yield events
                    # The table cuts a note to its column: the highlighted one shows whole here.
                    yield Static("", id="event-note", markup=False)
                with TabPane("Attempts", id="attempts-tab"):
                    attempts: DataTable[str] = DataTable(cursor_type="row", id="attempts-table")
                    attempts.add_columns("#", "Started", "Planned", "Lasted", "How it ended")
                    attempts.add_rows(attempt_rows(self._attempts, self._now))
                    yield attempts
            yield Static(
                "Esc closes. Nothing here can be changed or deleted.", classes="dialog-hint"
            )
        yield KeyBar()

    def on_mount(self) -> None:
        """Show the newest event's note in full, with the cursor on its row."""
        self._show_note(0)
        self.query_one("#events-table", DataTable).focus()

    @on(DataTable.RowHighlighted, "#events-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_note(event.cursor_row)

    @on(DataTable.RowSelected, "#events-table")
    def _open(self, event: DataTable.RowSelected) -> None:
        """Enter: the whole event in its own card, for a note too long to show here."""
        newest_first = list(reversed(self._events))
        if not 0 <= event.cursor_row < len(newest_first):
            return
        from nctui.ui.screens.notice import NoticeScreen  # noqa: PLC0415 - rarely needed

        chosen = newest_first[event.cursor_row]
        when = time_text(chosen.at.astimezone(zone_of(self._now)))
        tags = triggers_text(chosen.triggers)
        parts = (f"Set off by: {tags}" if tags else "", chosen.note)
        body = "\n\n".join(part for part in parts if part)
        self.app.push_screen(
            NoticeScreen(f"{chosen.title} · {when}", body or "No note.", severity="info")
        )

    def _show_note(self, row: int) -> None:
        # Below the table, whole: at 80 columns the table cuts its last column short.
        newest_first = list(reversed(self._events))
        chosen = newest_first[row] if 0 <= row < len(newest_first) else None
        tags = triggers_text(chosen.triggers) if chosen else ""
        note = one_line(chosen.note, 2000) if chosen else ""
        parts = [f"Set off by: {tags}" if tags else "", f"Note: {note}" if note else ""]
        text = " · ".join(part for part in parts if part)
        shown = self.query_one("#event-note", Static)
        shown.update(f"{text}  (Enter opens it)" if text else "")
        shown.display = bool(text)
