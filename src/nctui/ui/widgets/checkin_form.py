"""The check-in form: three ratings side by side, then the journal entry.

Used for today's check-in and for editing an earlier day. The form checks what was
typed (with the domain's rules) and posts `Submitted` with clean values; the screen
that holds it decides what to save.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import partial
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import Input, Static

from nctui.domain.checkin import (
    JOURNAL_MAX_CHARS,
    PROMPT_FIELD,
    SCALES,
    CheckInError,
    CheckInValues,
    Rating,
    check_checkin,
    question_fields,
    question_in,
)
from nctui.domain.prompts import Prompt
from nctui.ui.widgets.scroll_area import show_together
from nctui.ui.widgets.text_input import AnswerBox
from nctui.ui.widgets.writing import WritingBox


class RatingInput(AnswerBox):
    """A short box for one rating; ↑ and ↓ step the number within its scale.

    Its keys act in the order they are typed (see `AnswerBox`): a fast "6", Tab, "4"
    puts each number in its own box.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "step(1)", "One more", show=False),
        Binding("down", "step(-1)", "One less", show=False),
    ]

    def __init__(self, rating: Rating, value: int | None, on_enter: Callable[[], None]) -> None:
        scale = SCALES[rating]
        super().__init__(
            "" if value is None else str(value),
            on_enter=on_enter,
            placeholder=f"{scale.low}–{scale.high}",
            id=f"rating-{rating.value}",
            classes="rating-input",
            select_on_focus=True,
        )
        self.rating = rating

    def action_step(self, delta: int) -> None:
        """Move the number up or down by one, staying within the scale."""
        scale = SCALES[self.rating]
        try:
            current = int(self.value.strip())
        except ValueError:
            current = scale.low - delta if delta > 0 else scale.high - delta
        self.value = str(max(scale.low, min(scale.high, current + delta)))
        self.cursor_position = len(self.value)


JOURNAL_LABEL = "Journal, if you like: a line or pages"
Question = tuple[str, str]
"""A prompt as an entry keeps it: (id, question)."""


def _question(prompt: Prompt) -> Question:
    return (prompt.id, prompt.text)


class CheckInForm(Vertical):
    """Mood, missing them and the urge, then an optional journal entry, with a question
    to write about (the screen offers them; Ctrl+N and Ctrl+B step through)."""

    class Edited(Message):
        """Something in the form was typed or changed (the screen keeps it as a draft)."""

        def __init__(self, form: CheckInForm) -> None:
            super().__init__()
            self.form = form

        @property
        def control(self) -> CheckInForm:
            """The form, so handlers can match it by id."""
            return self.form

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "Save", tooltip="save this check-in"),
        Binding("ctrl+n", "prompt(1)", "Question", tooltip="another question to write about"),
        Binding(
            "ctrl+b",
            "prompt(-1)",
            "Back",
            show=False,
            tooltip="the question before (before the first: none, write freely)",
        ),
    ]

    class Submitted(Message):
        """The form was filled in correctly and the person asked to save it."""

        def __init__(self, form: CheckInForm, values: CheckInValues) -> None:
            super().__init__()
            self.form = form
            self.values = values

        @property
        def control(self) -> CheckInForm:
            """The form, so handlers can match it by id."""
            return self.form

    def __init__(self, values: CheckInValues | None, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="checkin-form")
        self._values = values
        self._error_at: Input | WritingBox | None = None
        """The part a message on show is about."""
        self._ring: list[Question | None] = []
        """The questions offered, then None (write freely); empty when none are offered."""
        self._prompt: Question | None = self._saved_question(values)
        """The question the words answer."""

    def compose(self) -> ComposeResult:
        """Three ratings in a row, the journal box, and a line for messages."""
        values = self._values
        with Horizontal(classes="ratings"):
            for rating in Rating:
                scale = SCALES[rating]
                with Vertical(classes="rating"):
                    yield Static(scale.label, classes="field-label")
                    yield RatingInput(
                        rating,
                        None if values is None else values.rating(rating),
                        on_enter=partial(self._next_box, rating),
                    )
                    yield Static(
                        f"{scale.low} {scale.low_words} · {scale.high} {scale.high_words}",
                        classes="scale",
                    )
        # Between the ratings and the journal: beside whichever one it is about.
        yield Static("", classes="question-error", markup=False)
        yield Static(JOURNAL_LABEL, classes="field-label", id="journal-label", markup=False)
        yield WritingBox(
            "" if values is None else values.text, max_chars=JOURNAL_MAX_CHARS, id="journal-text"
        )

    def on_mount(self) -> None:
        """Show the question the saved words answer, if any."""
        self._show_prompt()

    # -- questions to write about --------------------------------------------------------

    @staticmethod
    def _saved_question(values: CheckInValues | None) -> Question | None:
        if values is None or not values.prompt:
            return None
        return (values.prompt_id, values.prompt)

    def offer_prompts(self, prompts: Sequence[Prompt]) -> None:
        """Questions to step through (today's first); the first is offered at once when
        nothing is written yet."""
        ring: list[Question | None] = [_question(prompt) for prompt in prompts]
        if self._prompt is not None and self._prompt not in ring:
            ring.insert(0, self._prompt)  # the saved one, asked on another day
        self._ring = [*ring, None] if ring else []
        if self._prompt is None and not self._typed()[3].strip() and ring:
            self._prompt = ring[0]
        self._show_prompt()

    @property
    def prompt(self) -> Question | None:
        """The question offered now, as (id, question)."""
        return self._prompt

    def action_prompt(self, step: int) -> None:
        """Offer the next question (or the one before); after the last, none."""
        if not self._ring:
            return
        index = self._ring.index(self._prompt) if self._prompt in self._ring else -1
        self._prompt = self._ring[(index + step) % len(self._ring)]
        self._show_prompt()
        # The draft keeps the question with the words.
        self.post_message(self.Edited(self))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Stepping through questions only when some are offered."""
        if action == "prompt":
            return bool(self._ring)
        return True

    def _show_prompt(self) -> None:
        try:
            label = self.query_one("#journal-label", Static)
            box = self.query_one(WritingBox)
        except NoMatches:
            return
        question = self._prompt[1] if self._prompt else ""
        box.placeholder = question
        empty = not box.text.strip()
        if self._ring:
            if question and empty:
                label.update("Journal, if you like · a question is in the box · Ctrl+N another")
            elif question:
                label.update(f"Writing about: {question}")
            else:
                label.update("Journal, if you like: write freely · Ctrl+N for a question")
        else:
            label.update(f"Writing about: {question}" if question else JOURNAL_LABEL)

    def fill(self, values: CheckInValues | None) -> None:
        """Show `values` (None empties the form) and forget any message."""
        self._values = values
        self._prompt = self._saved_question(values)
        if self._prompt is None and not (values and values.text) and self._ring:
            self._prompt = self._ring[0]
        for rating in Rating:
            box = self.query_one(f"#rating-{rating.value}", Input)
            box.value = "" if values is None else str(values.rating(rating))
        self.query_one(WritingBox).load_text("" if values is None else values.text)
        self.clear_error()
        self._show_prompt()

    def set_text(self, text: str) -> None:
        """Put `text` in the journal box (words taken back from a draft), cursor at the end."""
        self.query_one(WritingBox).load_text(text)

    def set_typed(self, text: str, fields: Mapping[str, str]) -> None:
        """Put back a check-in taken back from a draft: its words, its numbers, and the
        question the words answer."""
        for rating in Rating:
            if rating.value in fields:
                self.query_one(f"#rating-{rating.value}", Input).value = fields[rating.value]
        if PROMPT_FIELD in fields:  # a draft kept before questions were, has none
            self._prompt = question_in(fields)
            if self._prompt is not None and self._ring and self._prompt not in self._ring:
                self._ring.insert(0, self._prompt)  # asked on another day
        self.set_text(text)
        self._show_prompt()

    @property
    def text(self) -> str:
        """The journal words as typed."""
        return self.query_one(WritingBox).text

    @property
    def fields(self) -> dict[str, str]:
        """The rest of the form, for a draft: the numbers as typed, by rating
        ("mood": "6"), and with words, the question they answer."""
        fields = {
            rating.value: self.query_one(f"#rating-{rating.value}", Input).value
            for rating in Rating
        }
        if self.text.strip():
            fields |= question_fields(self._prompt)
        return fields

    def focus_first(self) -> None:
        """Put the cursor in the mood box."""
        self.query_one(f"#rating-{Rating.MOOD.value}", Input).focus()

    def focus_text(self) -> None:
        """Put the cursor at the end of the journal words."""
        self.query_one(WritingBox).focus()

    def focus_start(self) -> None:
        """Put the cursor where the check-in goes on: the first empty rating, else the
        journal words.

        At once, not after the next refresh as `focus()` does: keys typed straight
        after Enter (a fast typist, a paste) then land in the box, not on the screen.
        """
        target: Input | WritingBox = self.query_one(WritingBox)
        for rating in Rating:
            box = self.query_one(f"#rating-{rating.value}", Input)
            if not box.value.strip():
                target = box
                break
        self.screen.set_focus(target)

    @property
    def changed(self) -> bool:
        """Whether anything typed differs from what the form was filled with."""
        typed = self._typed()
        saved = self._values
        if saved is None:
            return any(part.strip() for part in typed)
        if typed != (str(saved.mood), str(saved.miss), str(saved.urge), saved.text):
            return True
        # The same words, answering another question, are a change too.
        return bool(saved.text.strip()) and self._prompt != self._saved_question(saved)

    def _typed(self) -> tuple[str, str, str, str]:
        mood, miss, urge = (
            self.query_one(f"#rating-{rating.value}", Input).value for rating in Rating
        )
        return mood, miss, urge, self.query_one(WritingBox).text

    def action_submit(self) -> None:
        """Check everything; post the values, or say what to fix and focus it."""
        try:
            values = check_checkin(*self._typed())
        except CheckInError as error:
            target = (
                self.query_one(WritingBox)
                if error.field is None
                else self.query_one(f"#rating-{error.field.value}", Input)
            )
            self.show_error(str(error), target)
            return
        self.clear_error()
        if values.text and self._prompt is not None:
            values = replace(values, prompt_id=self._prompt[0], prompt=self._prompt[1])
        self.post_message(self.Submitted(self, values))

    def show_error(self, message: str, target: Input | WritingBox) -> None:
        """Show `message` under the form and focus the part to fix."""
        shown = self.query_one(".question-error", Static)
        shown.update(message)
        self.add_class("-invalid")
        self._error_at = target
        show_together(target, shown)

    def clear_error(self) -> None:
        """Forget an earlier message."""
        self.query_one(".question-error", Static).update("")
        self.remove_class("-invalid")
        self._error_at = None

    def _next_box(self, rating: Rating) -> None:
        # Enter moves on, as in the other forms; Ctrl+S saves from anywhere.
        order = list(Rating)
        # At once (see `focus_start`), so what is typed next lands in the next box.
        if rating is order[-1]:
            self.screen.set_focus(self.query_one(WritingBox))
        else:
            self.screen.set_focus(
                self.query_one(f"#rating-{order[order.index(rating) + 1].value}", Input)
            )

    @on(Input.Changed, ".rating-input")
    @on(WritingBox.Changed)
    def _edited(self, event: Input.Changed | WritingBox.Changed) -> None:
        # Not stopped: the screen keeps the words as a draft. A message goes once the
        # part it is about is changed; Ctrl+S checks everything again.
        changed = event.input if isinstance(event, Input.Changed) else event.text_area
        if self._error_at is not None and changed is self._error_at:
            self.clear_error()
        if isinstance(event, WritingBox.Changed):
            self._show_prompt()
        self.post_message(self.Edited(self))

    @on(WritingBox.PasteRefused)
    def _paste_refused(self, event: WritingBox.PasteRefused) -> None:
        event.stop()
        self.show_error(
            f"That paste is {event.pasted:,} characters; one entry holds up to "
            f"{JOURNAL_MAX_CHARS:,} (about ten pages), so it was not added. "
            "Everything already in the box is still there.",
            event.box,
        )
