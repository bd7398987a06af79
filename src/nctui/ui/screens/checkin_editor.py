"""The dialog that edits an earlier day's check-in; the earlier version is kept."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Static

from nctui.domain.checkin import CheckInValues, DayEntry, checkin_fields
from nctui.domain.drafts import checkin_editor
from nctui.ui.drafts import DraftKeeper
from nctui.ui.screens.confirm import ConfirmScreen
from nctui.ui.widgets.checkin_form import CheckInForm
from nctui.ui.widgets.journal_browser import long_day
from nctui.ui.widgets.keybar import KeyBar
from nctui.ui.widgets.scroll_area import ScrollArea
from nctui.ui.widgets.writing import WritingBox

if TYPE_CHECKING:
    from nctui.ui.app import NctuiApp


class EditCheckInScreen(ModalScreen[CheckInValues | None]):
    """Dismisses with the new values, or None when the person leaves without saving.

    While it is open, the journal words are kept as a draft (see `nctui.ui.drafts`);
    whoever opened it saves what it dismisses with, then forgets that draft.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", "Cancel")]

    def __init__(
        self,
        entry: DayEntry,
        text: str | None = None,
        stored: str | None = None,
        fields: Mapping[str, str] | None = None,
    ) -> None:
        """`text` and `fields` (the numbers) to start with, from a draft taken back, if
        not the saved ones; `stored`, the text of this day's draft already kept, if any."""
        super().__init__(classes="edit-checkin")
        self.entry = entry
        self.editor = checkin_editor(entry.day)
        """Which check-in this is, as drafts name it."""
        self._text = text
        self._stored = stored
        self._fields = dict(fields or {})
        self._keeper: DraftKeeper | None = None

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
        """Start at the end of the journal text, the part most often changed, and keep
        the words as they are typed."""
        box = self.query_one(WritingBox)
        if self._text is not None:
            self.query_one(CheckInForm).set_typed(self._text, self._fields)
        box.focus()
        box.move_cursor(box.document.end)
        self._keeper = DraftKeeper(
            cast("NctuiApp", self.app),
            self.editor,
            f"your check-in for {long_day(self.entry.day)}",
            self.entry.current.text,
            checkin_fields(self.entry.current.values),
        )
        self._keeper.start(self._stored, self._fields)

    @on(CheckInForm.Edited)
    def _typed(self, event: CheckInForm.Edited) -> None:
        if self._keeper is not None:
            self._keeper.typed(event.form.text, event.form.fields)

    def on_unmount(self) -> None:
        """Closing with nctui while still writing: keep the words (a no-op once closed)."""
        if self._keeper is not None:
            self._keeper.close()

    def _close(self, values: CheckInValues | None) -> None:
        # The keeper stops first, so no pause ends after the words were handed over.
        if self._keeper is not None:
            self._keeper.stop()
        self.dismiss(values)

    @on(CheckInForm.Submitted)
    def _submitted(self, event: CheckInForm.Submitted) -> None:
        event.stop()
        self._close(event.values)

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
        self._close(None)
