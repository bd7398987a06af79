"""The readiness quiz: each statement on its own page, rated on one five-step scale."""

from __future__ import annotations

from typing import Any

from textual.message import Message

from nctui.domain.readiness import SCALE, STATEMENTS
from nctui.ui.widgets.question import ChoiceQuestion, Question
from nctui.ui.widgets.wizard import Wizard

SCALE_LABELS = dict(enumerate(SCALE))


class Quiz(Wizard):
    """The statements, one at a time, each rated on the same five-step scale."""

    finish_label = "See what it says"

    class Completed(Message):
        """Every statement is rated."""

        def __init__(self, answers: dict[str, int]) -> None:
            super().__init__()
            self.answers = answers

    def __init__(self, previous: dict[str, int] | None) -> None:
        questions: list[Question] = [
            ChoiceQuestion(
                statement.key,
                f"“{statement.text}”",
                "How true is this for you, today? ↑ ↓ then Enter.",
                SCALE_LABELS,
                previous.get(statement.key) if previous else None,
            )
            for statement in STATEMENTS
        ]
        super().__init__(questions, id="quiz")

    def finish(self, values: dict[str, Any]) -> None:
        """Hand the ratings to the screen."""
        self.post_message(self.Completed({key: int(value) for key, value in values.items()}))
