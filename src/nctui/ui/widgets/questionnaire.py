"""The intake questionnaire: one question at a time, Enter to go on, PgUp to go back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, ContentSwitcher, Static

from nctui.domain.errors import AnswerError
from nctui.domain.intake import (
    ENDED_BY_LABELS,
    ENDING_LABELS,
    GOAL_LABELS,
    LOOSE_END_LABELS,
    YES_NO_LABELS,
    EndedBy,
    Ending,
    IntakeAnswers,
    check_ended_by,
)
from nctui.ui.widgets.question import (
    ChoiceQuestion,
    DayQuestion,
    LooseEndsQuestion,
    Question,
    TogetherQuestion,
)

CHOICE_HINT = "↑ ↓ to move, Enter to choose."


def build_questions(today: Callable[[], date], previous: IntakeAnswers | None) -> list[Question]:
    """The nine questions, filled in with the earlier answers when retaking the intake."""
    p = previous
    return [
        DayQuestion(
            "contact_stopped",
            "When did contact stop?",
            "A date like 2026-11-20, or “today”, “yesterday”, “3 days ago”. Then Enter.",
            today,
            "today",
        ),
        TogetherQuestion(
            "together_months",
            "How long were you together?",
            "Years and months; either can stay empty. Enter moves on.",
            p.together_months if p else None,
        ),
        ChoiceQuestion(
            "ending",
            "How did it end?",
            f"There is no wrong answer. {CHOICE_HINT}",
            ENDING_LABELS,
            p.ending if p else None,
        ),
        ChoiceQuestion(
            "ended_by", "Who ended it?", CHOICE_HINT, ENDED_BY_LABELS, p.ended_by if p else None
        ),
        ChoiceQuestion(
            "stay_friends",
            "Do you both want to stay friends?",
            CHOICE_HINT,
            YES_NO_LABELS,
            p.stay_friends if p else None,
        ),
        ChoiceQuestion(
            "seeing_someone",
            "Are they already seeing someone new?",
            CHOICE_HINT,
            YES_NO_LABELS,
            p.seeing_someone if p else None,
        ),
        ChoiceQuestion(
            "single_issue",
            "Did you split over one specific issue?",
            CHOICE_HINT,
            YES_NO_LABELS,
            p.single_issue if p else None,
        ),
        LooseEndsQuestion(
            "What must still be sorted out with them?",
            "Space ticks an item, Enter moves on. Leave all unticked if there is nothing.",
            LOOSE_END_LABELS,
            p.loose_ends if p else (),
            p.other_loose_end if p else "",
        ),
        ChoiceQuestion(
            "goal",
            "What do you want from no contact?",
            f"Be honest with yourself; nobody else sees this. {CHOICE_HINT}",
            GOAL_LABELS,
            p.goal if p else None,
        ),
    ]


class Questionnaire(Vertical):
    """Asks each question in turn and posts `Completed` with every answer."""

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

    class Completed(Message):
        """Every question has a usable answer."""

        def __init__(self, answers: IntakeAnswers) -> None:
            super().__init__()
            self.answers = answers

    def __init__(self, today: Callable[[], date], previous: IntakeAnswers | None) -> None:
        super().__init__(id="questionnaire")
        self._questions = build_questions(today, previous)
        self._index = 0
        self._values: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        """Progress, the current question, Back and Next."""
        yield Static(self._progress(), id="progress")
        with ContentSwitcher(initial=self._questions[0].id, id="questions"):
            yield from self._questions
        with Horizontal(classes="form-buttons"):
            yield Button("Back", id="back", disabled=True)
            yield Button("Next", id="next", variant="primary")

    def on_mount(self) -> None:
        """Start with the cursor in the first answer."""
        self.call_after_refresh(self.current.focus_answer)

    @property
    def current(self) -> Question:
        """The question on show."""
        return self._questions[self._index]

    def _progress(self) -> str:
        total = len(self._questions)
        dots = "●" * (self._index + 1) + "○" * (total - self._index - 1)
        return f"{dots}   Question {self._index + 1} of {total}"

    def _show(self, index: int) -> None:
        self._index = index
        self.query_one(ContentSwitcher).current = self.current.id
        self.query_one("#progress", Static).update(self._progress())
        self.query_one("#back", Button).disabled = index == 0
        self.query_one("#next", Button).label = (
            "See my plan" if index == len(self._questions) - 1 else "Next"
        )
        self.call_after_refresh(self.current.focus_answer)

    def action_next(self) -> None:
        """Check the answer on show; go on if it is usable, else say why."""
        question = self.current
        try:
            values = question.read()
            if question.field == "ended_by":
                check_ended_by(self._values["ending"], values["ended_by"])
        except AnswerError as error:
            if question.field == "ended_by":
                question.show_error(str(error))
            return
        question.clear_error()
        self._values.update(values)
        if question.field == "ending" and values["ending"] is Ending.UNEXPECTED:
            self._preset_ended_by_them()
        if self._index < len(self._questions) - 1:
            self._show(self._index + 1)
        else:
            self.post_message(self.Completed(IntakeAnswers(**self._values)))

    def _preset_ended_by_them(self) -> None:
        who = next(q for q in self._questions if q.field == "ended_by")
        if isinstance(who, ChoiceQuestion):
            who.preset(EndedBy.THEM)

    def action_back(self) -> None:
        """Go back one question, keeping every answer."""
        if self._index > 0:
            self._show(self._index - 1)

    @on(Question.Answered)
    def _answered(self, event: Question.Answered) -> None:
        event.stop()
        # A quick second Enter can reach the question just left; it must not answer this one.
        if event.question is self.current:
            self.action_next()

    @on(Button.Pressed, "#next")
    def _next_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_next()

    @on(Button.Pressed, "#back")
    def _back_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_back()
