"""The lock: a plain screen that asks for the passphrase before anything else shows."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from math import ceil

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static

from nctui.domain.errors import AnswerError
from nctui.domain.frozen import frozen
from nctui.ui.screens.hidden import COVER, LOCK
from nctui.ui.widgets.text_input import TextInput

NOT_IT = "That is not it. Take your time."
CHECKING = "Checking…"
HINT = "Enter unlocks · Ctrl+Q saves and quits"


@frozen
class LockWords:
    """What a lock screen says: its title, a first line, and its keys."""

    title: str
    first: str
    hint: str


LOCKED = LockWords("Locked", "", HINT)
PASSPHRASE_CHANGED = LockWords(
    "Your passphrase was changed",
    "It was changed in another window. Type the new one to keep saving here; "
    "nothing you did here is lost meanwhile.",
    "Enter goes on · Ctrl+Q saves and quits",
)
ENCRYPTED_ELSEWHERE = LockWords(
    "Your data is now encrypted",
    "It was encrypted in another window. Type your passphrase to keep saving "
    "here: changes not saved yet can only be kept once it is given.",
    "Enter goes on · Ctrl+Q quits",
)


class LockScreen(Screen[None]):
    """Asks for the passphrase; dismisses once `verify` accepts it.

    `verify` is slow on purpose, so it runs in a thread and the screen stays live.
    After repeated misses, `wait_for(misses)` seconds pass before the next try.
    Nothing closes it but the right passphrase (or quitting, which keeps everything).
    """

    DEFAULT_CSS = """
    LockScreen {
        background: black;
        color: #c0c0c0;
        align: center middle;
    }
    LockScreen #lock-box {
        width: 48;
        max-width: 100%;
        height: auto;
        padding: 1 2;
    }
    LockScreen #lock-title {
        text-style: bold;
        margin-bottom: 1;
    }
    LockScreen #lock-message {
        height: auto;
        min-height: 1;
        margin-top: 1;
    }
    LockScreen #lock-hint {
        color: #808080;
        margin-top: 1;
    }
    """

    app_actions = frozenset({"hide", "quit"})
    """The app keys that work here: hiding, and quitting (which keeps every word)."""

    def __init__(
        self,
        verify: Callable[[str], bool],
        wait_for: Callable[[int], float],
        *,
        words: LockWords = LOCKED,
    ) -> None:
        super().__init__(classes=f"{COVER} {LOCK}")
        self._verify = verify
        self._wait_for = wait_for
        self._words = words
        self.misses = 0
        """Wrong passphrases in a row, here."""
        self._busy = False
        self._left = 0
        """Seconds left of the wait after repeated misses."""
        self._ticker: Timer | None = None
        self._opened = False
        """Right passphrase while the hide key's screen was over this one."""

    def compose(self) -> ComposeResult:
        """A title, the passphrase box, a line for what happened, and the keys."""
        words = self._words
        with Vertical(id="lock-box"):
            yield Static(words.title, id="lock-title", markup=False)
            yield TextInput(password=True, placeholder="Passphrase", id="lock-passphrase")
            yield Static(words.first, id="lock-message", markup=False)
            yield Static(words.hint, id="lock-hint", markup=False)

    def on_mount(self) -> None:
        """Start in the box."""
        self.query_one("#lock-passphrase", Input).focus()

    def on_screen_resume(self) -> None:
        """Back from the hide key's screen: open, if the passphrase was right meanwhile."""
        if self._opened:
            self.dismiss(None)

    def _say(self, text: str) -> None:
        self.query_one("#lock-message", Static).update(text)

    @on(Input.Submitted, "#lock-passphrase")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._busy:
            return  # one check at a time; Enter again changes nothing
        if not event.value.strip():
            self._say("Type your passphrase, then Enter.")
            return
        self._busy = True
        self._say(CHECKING)
        self._check(event.value)

    # The description is fixed: by default it would hold the passphrase, and workers are logged.
    @work(thread=True, exclusive=True, group="unlock", description="checking a passphrase")
    def _check(self, typed: str) -> None:
        # The key function takes a good part of a second: never on the event loop.
        try:
            outcome: bool | str = self._verify(typed)
        except AnswerError as problem:  # an entry that cannot be a passphrase at all
            outcome = str(problem)
        except Exception:  # whatever it is, the lock stays and the person can try again
            outcome = "Your passphrase could not be checked just now. Please try again."
        with contextlib.suppress(RuntimeError):  # the app closed meanwhile (Ctrl+Q)
            self.app.call_from_thread(self._checked, outcome)

    def _checked(self, outcome: bool | str) -> None:
        box = self.query_one("#lock-passphrase", Input)
        box.value = ""
        if outcome is True:
            self._opened = True
            if self.is_active:
                self.dismiss(None)
            return
        self._busy = False
        if isinstance(outcome, str):
            self._say(outcome)
            return
        self.misses += 1
        wait = self._wait_for(self.misses)
        if wait <= 0:
            self._say(NOT_IT)
            return
        # A short pause after several misses: guessing gets slow, typos stay cheap.
        self._busy = True
        box.disabled = True
        self._left = ceil(wait)
        self._say_wait()
        self._ticker = self.set_interval(1, self._tick)
        self.set_timer(wait, self._wait_over)

    def _say_wait(self) -> None:
        seconds = "1 second" if self._left == 1 else f"{self._left} seconds"
        self._say(f"{NOT_IT} You can try again in {seconds}.")

    def _tick(self) -> None:
        # The wait counts down where the person can see it, so the box never seems dead.
        self._left = max(1, self._left - 1)
        self._say_wait()

    def _wait_over(self) -> None:
        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
        self._busy = False
        box = self.query_one("#lock-passphrase", Input)
        box.disabled = False
        box.focus()
        self._say("Try again when you are ready.")
