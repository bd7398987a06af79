"""Writing a letter that is never sent: keep it as a draft, or seal it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from nctui.domain.errors import AnswerError
from nctui.domain.letters import LETTER_MAX_CHARS, check_letter
from nctui.domain.text import clean_text
from nctui.ui.drafts import DraftKeeper
from nctui.ui.widgets.keybar import KeyBar
from nctui.ui.widgets.scroll_area import ScrollArea, show_together
from nctui.ui.widgets.writing import WritingBox

if TYPE_CHECKING:
    from nctui.ui.app import NctuiApp


@dataclass(frozen=True)
class LetterWritten:
    """The letter's text, and whether to seal it now or keep it as a draft."""

    text: str
    seal: bool


class LetterEditorScreen(ModalScreen[LetterWritten | None]):
    """Dismisses with the letter, or None if nothing was written.

    While it is open, its words are kept as a draft (see `nctui.ui.drafts`); whoever
    opened it saves the letter it dismisses with, then forgets that draft.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "keep", "Keep draft", tooltip="keep it as a draft to finish later"),
        Binding("ctrl+s", "seal", "Seal", tooltip="seal it until your period is over"),
    ]

    def __init__(
        self,
        text: str,
        until: str,
        *,
        editor: str,
        saved: str = "",
        stored: str | None = None,
    ) -> None:
        """`text` to start with; `saved`, the letter as saved (empty for a new one);
        `stored`, the text of this editor's draft already kept, if any."""
        super().__init__(classes="letter-editor")
        self._text = text
        self._until = until
        self._saved = saved
        self._stored = stored
        self.editor = editor
        """Which letter this is, as drafts name it."""
        self._keeper: DraftKeeper | None = None

    def compose(self) -> ComposeResult:
        """A few words of guidance, the writing box, a message line, the two choices."""
        with ScrollArea(classes="dialog letter-dialog"):
            yield Static("A letter you will not send", classes="dialog-title")
            yield Static(
                "Say everything you want to say to them. No one will read it, and nothing "
                f"is sent. {self._until}",
                classes="dialog-text",
            )
            yield WritingBox(self._text, max_chars=LETTER_MAX_CHARS, id="letter-text")
            yield Static("", classes="question-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep as draft", id="keep")
                yield Button("Seal it", id="seal", variant="primary")
        yield KeyBar()

    def on_mount(self) -> None:
        """Start writing at once, at the end of what is there; keep the words as typed."""
        box = self.query_one(WritingBox)
        box.focus()
        box.move_cursor(box.document.end)
        self._keeper = DraftKeeper(
            cast("NctuiApp", self.app), self.editor, "your letter", self._saved
        )
        self._keeper.start(self._stored)

    @on(WritingBox.Changed)
    def _typed(self, event: WritingBox.Changed) -> None:
        if self._keeper is not None:
            self._keeper.typed(event.text_area.text)

    def on_unmount(self) -> None:
        """Closing with nctui while still writing: keep the words (a no-op once closed)."""
        if self._keeper is not None:
            self._keeper.close()

    def _close(self, result: LetterWritten | None) -> None:
        # The keeper stops first, so no pause ends after the words were handed over.
        if self._keeper is not None:
            self._keeper.stop()
        self.dismiss(result)

    def action_keep(self) -> None:
        """Keep what is written as a draft (or nothing, if nothing is written)."""
        text = clean_text(self.query_one(WritingBox).text)
        if not text:
            self._close(None)
            return
        self._finish(seal=False)

    def action_seal(self) -> None:
        """Seal the letter until the period is over."""
        self._finish(seal=True)

    def _finish(self, *, seal: bool) -> None:
        box = self.query_one(WritingBox)
        try:
            text = check_letter(box.text)
        except AnswerError as error:
            self._problem(str(error))
            return
        self._close(LetterWritten(text, seal))

    def _problem(self, message: str) -> None:
        shown = self.query_one(".question-error", Static)
        shown.update(message)
        self.add_class("-invalid")
        show_together(self.query_one(WritingBox), shown)

    @on(WritingBox.PasteRefused)
    def _paste_refused(self, event: WritingBox.PasteRefused) -> None:
        event.stop()
        self._problem(
            f"That paste is {event.pasted:,} characters; a letter holds up to "
            f"{LETTER_MAX_CHARS:,}, so it was not added. What you wrote is still here."
        )

    @on(Button.Pressed, "#keep")
    def _keep_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_keep()

    @on(Button.Pressed, "#seal")
    def _seal_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_seal()
