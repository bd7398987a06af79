"""The dialog for "my day starts at": when one check-in day ends and the next begins."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from nctui.domain.checkin import parse_day_start
from nctui.domain.errors import AnswerError
from nctui.ui.widgets.keybar import KeyBar
from nctui.ui.widgets.scroll_area import ScrollArea, show_together
from nctui.ui.widgets.text_input import TextInput


class DayStartScreen(ModalScreen[int | None]):
    """Asks for the hour; dismisses with it, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, hour: int) -> None:
        super().__init__(classes="day-start")
        self.hour = hour

    def compose(self) -> ComposeResult:
        """What it means, the box, a message line."""
        with ScrollArea(classes="dialog"):
            yield Static("My day starts at", classes="dialog-title")
            yield Static(
                "A check-in before this hour counts for the day before, so a late night "
                "still belongs to its evening. Most people choose an hour when they are "
                "usually asleep.",
                classes="dialog-text",
            )
            yield TextInput(f"{self.hour:02d}:00", placeholder="04:00", id="day-start-input")
            yield Static("", classes="question-error", markup=False)
            yield Static("Enter saves, Esc leaves it as it was.", classes="dialog-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        """Start in the box."""
        self.query_one("#day-start-input", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            hour = parse_day_start(event.value)
        except AnswerError as error:
            message = self.query_one(".question-error", Static)
            message.update(str(error))
            self.add_class("-invalid")
            show_together(event.input, message)
            return
        self.dismiss(hour)
