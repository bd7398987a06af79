"""One dialog for every passphrase change: a few boxes, a slow step in a thread, a result."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from nctui.coach.errors import StorageError
from nctui.ui.dialogs.passphrase_task import Answers, PassphraseTask
from nctui.ui.widgets.keybar import KeyBar
from nctui.ui.widgets.scroll_area import ScrollArea, show_together
from nctui.ui.widgets.text_input import TextInput


class PassphraseDialog(ModalScreen[str | None]):
    """Runs `task`; dismisses with what to tell the person, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, task: PassphraseTask) -> None:
        super().__init__(classes="passphrase-dialog")
        self.spec = task
        """What this dialog asks, and what it does."""
        self._busy = False
        self._outcome: str | None = None
        """What happened, kept while a cover is over this dialog."""

    def compose(self) -> ComposeResult:
        """Title, what it means, the boxes, one line for what went wrong, the buttons."""
        spec = self.spec
        with ScrollArea(classes="dialog"):
            yield Static(spec.title, classes="dialog-title", markup=False)
            yield Static(spec.text, classes="dialog-text", markup=False)
            for box in spec.boxes:
                yield Static(box.label, classes="field-label", markup=False)
                yield TextInput(box.value, password=box.password, id=box.id)
            yield Static("", id="passphrase-message", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button(spec.button, id="go")
        yield KeyBar()

    def on_mount(self) -> None:
        """Start in the first box."""
        self.query_one(f"#{self.spec.boxes[0].id}", Input).focus()

    def action_cancel(self) -> None:
        """Leave everything as it was (not while the change is being made)."""
        if not self._busy:
            self.dismiss(None)

    @on(Input.Submitted)
    def _next_box(self, event: Input.Submitted) -> None:
        # Enter moves to the next box, and from the last one goes ahead.
        event.stop()
        ids = [box.id for box in self.spec.boxes]
        index = ids.index(event.input.id or "")
        if index + 1 < len(ids):
            self.query_one(f"#{ids[index + 1]}", Input).focus()
        else:
            self._go()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "go":
            self._go()
        else:
            self.action_cancel()

    def _answers(self) -> dict[str, str]:
        return {box.id: self.query_one(f"#{box.id}", Input).value for box in self.spec.boxes}

    def _say(self, text: str, beside: str | None = None) -> None:
        message = self.query_one("#passphrase-message", Static)
        message.update(text)
        message.set_class(bool(text) and text != self.spec.working, "-problem")
        if beside is not None:
            show_together(self.query_one(f"#{beside}", Input), message)

    def _go(self) -> None:
        if self._busy:
            return
        answers = self._answers()
        problem = self.spec.check(answers)
        if problem is not None:
            # The entry at fault is cleared, with the cursor in it: retyping is easier
            # than correcting what cannot be seen.
            box = self.query_one(f"#{problem[0]}", Input)
            box.value = ""
            box.focus()
            self._say(problem[1], beside=problem[0])
            return
        self._busy = True
        self._say(self.spec.working)
        self.query_one("#go", Button).disabled = True
        self._run(answers)

    # The description is fixed: by default it would hold the passphrase, and workers are logged.
    @work(thread=True, exclusive=True, group="passphrase", description="checking a passphrase")
    def _run(self, answers: Answers) -> None:
        # Deriving a key takes a good part of a second: never on the event loop.
        try:
            outcome = self.spec.run(answers)
        except (ValueError, StorageError) as problem:
            self.app.call_from_thread(self._failed, str(problem))
            return
        except Exception:  # a person never sees a traceback for this
            self.app.call_from_thread(
                self._failed, "That could not be done just now; nothing was changed."
            )
            return
        self.app.call_from_thread(self._done, outcome)

    def _done(self, outcome: str) -> None:
        self._outcome = outcome
        # Dismissing closes the screen on top: under the hide key's screen or the lock,
        # that would be the cover. It waits until this dialog is on top again.
        if self.is_active:
            self.dismiss(outcome)

    def on_screen_resume(self) -> None:
        """Back on top: close, if the change was made while covered."""
        if self._outcome is not None:
            self.dismiss(self._outcome)

    def _failed(self, reason: str) -> None:
        self._busy = False
        self.query_one("#go", Button).disabled = False
        first = self.spec.boxes[0].id
        self._say(reason, beside=first)
