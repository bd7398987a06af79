"""The first-message check: type a draft, see at once what might land badly, and why."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from nctui.domain.clock import Clock
from nctui.domain.message_check import FLAG_TITLES, check_message, first_message_example
from nctui.ui.widgets.text_input import TextBox


class MessageCheck(Vertical):
    """A box for the draft and a list of findings that follows it as it changes."""

    def __init__(self, clock: Clock) -> None:
        super().__init__(id="message-check")
        self._clock = clock

    def compose(self) -> ComposeResult:
        """Title, the draft, the findings."""
        yield Static("Check a first message", classes="section-title")
        yield Static(
            "Write it here the way you would send it. Nothing is sent, and nothing you type "
            "here is saved. Esc leaves the box; b goes back.",
            classes="hint",
        )
        yield TextBox(placeholder=f"For example: {first_message_example()}", id="draft-message")
        yield Static("", id="findings")

    def on_mount(self) -> None:
        """Check the example straight away and put the cursor in the box."""
        self._check(self.query_one(TextBox).text)
        self.query_one(TextBox).focus()

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._check(event.text_area.text)

    def _check(self, text: str) -> None:
        findings = check_message(text, self._clock())
        box = self.query_one("#findings", Static)
        if not text.strip():
            box.update("Type a message to check it.")
        elif not findings:
            box.update("[b $success]Reads calm and light.[/] Short, kind, and asks for nothing.")
        else:
            box.update(
                "\n\n".join(f"[b $warning]{FLAG_TITLES[f.flag]}.[/] {f.reason}" for f in findings)
            )
