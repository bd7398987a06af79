"""The dialog that edits an earlier day's check-in; the earlier version is kept."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from nctui.domain.checkin import CheckInValues, DayEntry
from nctui.ui.screens.confirm import ConfirmScreen
from nctui.ui.widgets.checkin_form import CheckInForm
from nctui.ui.widgets.journal_browser import long_day
from nctui.ui.widgets.keybar import KeyBar
from nctui.ui.widgets.scroll_area import ScrollArea
from nctui.ui.widgets.writing import WritingBox


class EditCheckInScreen(ModalScreen[CheckInValues | None]):
    """Dismisses with the new values, or None when the person leaves without saving."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", "Cancel")]

    def __init__(self, entry: DayEntry) -> None:
        super().__init__(classes="edit-checkin")
        self.entry = entry

    def compose(self) -> ComposeResult:
        """Title, a word on what happens to the old version, the form."""
        with ScrollArea(classes="dialog checkin-dialog"):
            yield Static(f"Edit {long_day(self.entry.day)}", classes="dialog-title")
            yield Static(
                "Your earlier version stays in the history. Ctrl+S saves, Esc leaves.",
                classes="dialog-hint",
            )
            yield CheckInForm(self.entry.current.values, id="edit-form")
        yield KeyBar()

    def on_mount(self) -> None:
        """Start at the end of the journal text: the part most often changed."""
        box = self.query_one(WritingBox)
        box.focus()
        box.move_cursor(box.document.end)

    @on(CheckInForm.Submitted)
    def _submitted(self, event: CheckInForm.Submitted) -> None:
        event.stop()
        self.dismiss(event.values)

    @work
    async def action_leave(self) -> None:
        """Leave; if something was changed, ask first."""
        if self.query_one(CheckInForm).changed:
            leave = await self.app.push_screen_wait(
                ConfirmScreen(
                    "Leave without saving?",
                    "Your changes to this day are not saved yet. The saved version stays as it is.",
                    yes="Leave without saving",
                    no="Keep editing",
                )
            )
            if not leave:
                return
        self.dismiss(None)
