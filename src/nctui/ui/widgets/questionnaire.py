"""The intake questionnaire: one question at a time, Enter to go on, PgUp to go back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import date
from typing import Any

from textual.message import Message

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
from nctui.ui.widgets.wizard import Wizard

CHOICE_HINT = "↑ ↓ to move, Enter to choose."


def build_questions(
    today: Callable[[], date], previous: IntakeAnswers | None, stopped: date | None = None
) -> list[Question]:
    """The nine questions, filled in with the earlier answers when retaking the intake.

    `stopped` is the day the running period started, if there is one: retaking the intake
    to adjust a plan should not quietly move its first day to today.
    """
    p = previous
    return [
        DayQuestion(
            "contact_stopped",
            "When did contact stop?",
            "A date like 2026-11-20, or “today”, “yesterday”, “3 days ago”. Then Enter.",
            today,
            "today" if stopped is None or stopped == today() else stopped.isoformat(),
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


class Questionnaire(Wizard):
    """The intake's nine questions; posts `Completed` with every answer."""

    finish_label = "See my plan"

    class Completed(Message):
        """Every question has a usable answer."""

        def __init__(self, answers: IntakeAnswers) -> None:
            super().__init__()
            self.answers = answers

    def __init__(
        self,
        today: Callable[[], date],
        previous: IntakeAnswers | None,
        stopped: date | None,
        *,
        resume: bool = False,
    ) -> None:
        """With `resume`, `previous` are answers just given: the last question shows
        first, and every earlier answer counts as given (back from the plan)."""
        questions = build_questions(today, previous, stopped)
        given = (
            {field.name: getattr(previous, field.name) for field in fields(previous)}
            if resume and previous is not None
            else None
        )
        start = len(questions) - 1 if given else 0
        super().__init__(questions, id="questionnaire", start=start, values=given)

    def check(self, field: str, values: dict[str, Any]) -> None:
        """ "Out of the blue" means they ended it."""
        if field == "ended_by":
            check_ended_by(self.values["ending"], values["ended_by"])

    def answered(self, field: str, values: dict[str, Any]) -> None:
        """After "out of the blue", suggest "they did" for who ended it."""
        who = self.question("ended_by")
        if (
            field == "ending"
            and values["ending"] is Ending.UNEXPECTED
            and isinstance(who, ChoiceQuestion)
        ):
            who.preset(EndedBy.THEM)

    def finish(self, values: dict[str, Any]) -> None:
        """Hand the answers to the intake screen."""
        self.post_message(self.Completed(IntakeAnswers(**values)))
