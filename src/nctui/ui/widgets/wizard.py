"""One question at a time: Enter goes on once the answer is usable, PgUp goes back.

Subclasses supply the questions, may check answers against earlier ones, and decide
what to post when every question is answered.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, ContentSwitcher, Static

from nctui.domain.errors import AnswerError
from nctui.ui.widgets.question import Question
from nctui.ui.widgets.scroll_area import reveal


class Wizard(Vertical):
    """Asks each question in turn, keeping every answer when going back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the answer lists would otherwise take PgUp for scrolling.
        Binding(
            "pageup",
            "back",
            "Back",
            key_display="PgUp",
            priority=True,
            tooltip="The previous question",
        ),
    ]

    finish_label = "Done"
    """The Next button's label on the last question."""

    def __init__(
        self,
        questions: Sequence[Question],
        *,
        id: str,
        start: int = 0,
        values: dict[str, Any] | None = None,
    ) -> None:
        """`start` is the question shown first; `values` the answers already given to
        the questions before it (when coming back to change one)."""
        super().__init__(id=id, classes="wizard")
        self._questions = list(questions)
        self._index = start
        self.values: dict[str, Any] = dict(values or {})
        for question in self._questions:
            question.on_answered = self._answered_now

    def compose(self) -> ComposeResult:
        """Progress, the current question, Back and Next."""
        yield Static(self._progress(), classes="wizard-progress")
        with ContentSwitcher(initial=self.current.id, classes="wizard-questions"):
            yield from self._questions
        with Horizontal(classes="form-buttons"):
            yield Button("Back", id="back", disabled=self._index == 0)
            yield Button(self._next_label(), id="next", variant="primary")

    def on_mount(self) -> None:
        """Start with the cursor in the answer."""
        self.call_after_refresh(self._bring_in)

    def _bring_in(self) -> None:
        """Focus the answer, with the whole question in view when it fits.

        The focus moves at once, not after a refresh: keys typed in the same instant as
        the Enter that led here follow the cursor to this answer.
        """
        question = self.current
        answer = question.answer_widget()
        self.screen.set_focus(answer, scroll_visible=False)
        self.call_after_refresh(reveal, answer, question)

    def _next_label(self) -> str:
        return self.finish_label if self._index == len(self._questions) - 1 else "Next"

    @property
    def current(self) -> Question:
        """The question on show."""
        return self._questions[self._index]

    def question(self, field: str) -> Question:
        """The question that asks for `field`."""
        return next(question for question in self._questions if question.field == field)

    def _progress(self) -> str:
        total = len(self._questions)
        dots = "●" * (self._index + 1) + "○" * (total - self._index - 1)
        return f"{dots}   Question {self._index + 1} of {total}"

    def _show(self, index: int) -> None:
        self._index = index
        self.query_one(ContentSwitcher).current = self.current.id
        self.query_one(".wizard-progress", Static).update(self._progress())
        self.query_one("#back", Button).disabled = index == 0
        self.query_one("#next", Button).label = self._next_label()
        self._bring_in()

    def check(self, field: str, values: dict[str, Any]) -> None:
        """Check an answer against earlier ones; raise AnswerError to stay on it."""

    def answered(self, field: str, values: dict[str, Any]) -> None:
        """React to an accepted answer (for example, suggest a later one)."""

    def finish(self, values: dict[str, Any]) -> None:
        """Every question has a usable answer: post what the screen needs."""
        raise NotImplementedError

    def action_next(self) -> None:
        """Check the answer on show; go on if it is usable, else say why."""
        question = self.current
        try:
            values = question.read()
        except AnswerError:
            return  # the question has said why
        try:
            self.check(question.field, values)
        except AnswerError as error:
            question.show_error(str(error))
            return
        question.clear_error()
        self.values.update(values)
        self.answered(question.field, values)
        if self._index < len(self._questions) - 1:
            self._show(self._index + 1)
        else:
            self.finish(dict(self.values))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """PgUp is greyed out on the first question: there is nothing before it."""
        if action == "back":
            return self._index > 0 or None
        return True

    def action_back(self) -> None:
        """Go back one question, keeping every answer."""
        if self._index > 0:
            self._show(self._index - 1)

    def _answered_now(self, question: Question) -> None:
        # A quick second Enter can reach the question just left; it must not answer this one.
        if question is self.current:
            self.action_next()

    @on(Question.Answered)
    def _answered(self, event: Question.Answered) -> None:
        event.stop()
        self._answered_now(event.question)

    @on(Button.Pressed, "#next")
    def _next_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_next()

    @on(Button.Pressed, "#back")
    def _back_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_back()
