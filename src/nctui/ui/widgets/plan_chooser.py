"""The recommendation, reason by reason, and the choice of a length."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from nctui.domain.errors import AnswerError
from nctui.domain.humanize import day_text
from nctui.domain.recommendation import CHOICES, Recommendation, check_custom_days
from nctui.ui.widgets.text_input import TextInput

CUSTOM = "custom"


def reasons_table(recommendation: Recommendation) -> Table:
    """Each answer that moved the length, what it did, and by how much."""
    table = Table.grid(padding=(0, 2), expand=True)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(ratio=1)
    table.add_column(justify="right", no_wrap=True)
    for reason in recommendation.reasons:
        table.add_row(reason.answer, Text(reason.effect, style="dim"), reason.days_text)
    table.add_row("", "", Text(f"= {recommendation.days} days", style="bold"))
    return table


class PlanChooser(Vertical):
    """Shows why, then lets the person accept the length or choose another."""

    class Chosen(Message):
        """The person picked a length."""

        def __init__(self, days: int) -> None:
            super().__init__()
            self.days = days

    def __init__(
        self,
        recommendation: Recommendation,
        start: datetime,
        end_for: Callable[[int], datetime],
    ) -> None:
        super().__init__(id="plan-chooser")
        self.recommendation = recommendation
        self._start = start
        self._end_for = end_for

    def compose(self) -> ComposeResult:
        """Reasons, what helps, what to keep in mind, then the choice."""
        days = self.recommendation.days
        yield Static(f"We suggest {days} days without contact", classes="section-title")
        yield Static(reasons_table(self.recommendation), id="reasons")
        if self.recommendation.helps:
            yield Static("If you hope to reconnect later, these tend to help", classes="subhead")
            yield Static(_bullets(self.recommendation.helps), classes="bullets")
        if self.recommendation.warnings:
            yield Static("Worth knowing", classes="subhead -warning")
            yield Static(_bullets(self.recommendation.warnings), classes="bullets -warning")
        yield Static(
            f"Choose your length. Day 1 is {day_text(self._start.date())}.", classes="subhead"
        )
        yield OptionList(*self._options(), id="lengths")
        yield TextInput(placeholder="Days, from 7 to 365, then Enter", id="custom-days")
        yield Static("", classes="question-error", markup=False)

    def _options(self) -> list[Option]:
        recommended = self.recommendation.days
        options = [
            Option(f"{recommended} days, until {self._until(recommended)} · recommended", id="0")
        ]
        options += [
            Option(f"{days} days, until {self._until(days)}", id=str(days))
            for days in CHOICES
            if days != recommended
        ]
        options.append(Option("Another length…", id=CUSTOM))
        return options

    def _until(self, days: int) -> str:
        return day_text(self._end_for(days).date())

    def on_mount(self) -> None:
        """Put the cursor on the recommended length, keeping the reasons in view."""
        self.query_one("#custom-days").display = False
        self.query_one("#lengths", OptionList).focus(scroll_visible=False)

    @on(OptionList.OptionSelected, "#lengths")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = event.option.id
        if choice == CUSTOM:
            box = self.query_one("#custom-days", Input)
            box.display = True
            box.focus()
            return
        days = self.recommendation.days if choice == "0" else int(choice or 0)
        self.post_message(self.Chosen(days))

    @on(Input.Submitted, "#custom-days")
    def _custom(self, event: Input.Submitted) -> None:
        event.stop()
        error = self.query_one(".question-error", Static)
        try:
            days = check_custom_days(event.value)
        except AnswerError as problem:
            error.update(str(problem))
            self.add_class("-invalid")
            event.input.focus()
            return
        self.remove_class("-invalid")
        self.post_message(self.Chosen(days))


def _bullets(lines: tuple[str, ...]) -> str:
    return "\n".join(f"• {line}" for line in lines)
