"""The recommendation, reason by reason, and the choice of a length."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from nctui.domain.errors import AnswerError
from nctui.domain.humanize import day_text
from nctui.domain.recommendation import CHOICES, Recommendation, check_custom_days
from nctui.ui.widgets.bullets import bullet_list
from nctui.ui.widgets.scroll_area import reveal, show_together
from nctui.ui.widgets.text_input import AnswerBox

CUSTOM = "custom"
FROM_TODAY = "from_today"


def reasons_text(recommendation: Recommendation) -> Group:
    """Each answer that moved the length and by how much, then what it means, indented.

    Two lines per reason rather than a table: it reads the same at every width.
    """
    lines: list[Text] = []
    for reason in recommendation.reasons:
        lines.append(Text.assemble((reason.answer, "bold"), "  ", reason.days_text))
        lines.append(Text(f"  {reason.effect}", style="dim"))
    lines.append(Text(f"= {recommendation.days} days", style="bold"))
    return Group(*lines)


class PlanChooser(Vertical):
    """Shows why, then lets the person accept the length or choose another."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: the list of lengths would otherwise take PgUp for itself.
        Binding(
            "pageup",
            "back",
            "Back",
            key_display="PgUp",
            priority=True,
            tooltip="Back to the questions; every answer is kept",
        ),
        # Not listed: Esc leaves a box everywhere; here the cursor goes back to the list.
        Binding("escape", "close_custom", show=False),
    ]

    class Back(Message):
        """The person wants to change an answer."""

    class Chosen(Message):
        """The person picked a length."""

        def __init__(self, days: int) -> None:
            super().__init__()
            self.days = days

    class FromToday(Message):
        """The person wants the period to count from today, not from when contact stopped."""

    def __init__(
        self,
        recommendation: Recommendation,
        start: datetime,
        now: datetime,
        end_for: Callable[[int], datetime],
    ) -> None:
        super().__init__(id="plan-chooser")
        self.recommendation = recommendation
        self._start = start
        self._now = now
        self._end_for = end_for

    def compose(self) -> ComposeResult:
        """Reasons, what helps, what to keep in mind, then the choice."""
        days = self.recommendation.days
        yield Static(f"We suggest {days} days without contact", classes="section-title")
        yield Static(reasons_text(self.recommendation), id="reasons")
        if self.recommendation.helps:
            yield Static("If you hope to reconnect later, these tend to help", classes="subhead")
            yield Static(bullet_list(self.recommendation.helps), classes="bullets")
        if self.recommendation.warnings:
            yield Static("Worth knowing", classes="subhead -warning")
            yield Static(bullet_list(self.recommendation.warnings), classes="bullets -warning")
        yield Static(
            f"Choose your length. Day 1 is {day_text(self._start.date())}.", classes="subhead"
        )
        yield OptionList(*self._options(), id="lengths")
        with Vertical(id="custom-length", classes="field"):
            yield AnswerBox(
                on_enter=self._custom_entered,
                placeholder="Days, from 7 to 365, then Enter",
                id="custom-days",
            )
            yield Static("", classes="question-error", markup=False)
        with Horizontal(classes="form-buttons"):
            yield Button("Back to the questions", id="to-questions")

    def _over(self, days: int) -> bool:
        return self._end_for(days) <= self._now

    def _option(self, days: int, suffix: str, option_id: str) -> Option:
        if self._over(days):
            return Option(
                f"{days} days: would have ended {self._until(days)}, already over",
                id=option_id,
                disabled=True,
            )
        return Option(f"{days} days, until {self._until(days)}{suffix}", id=option_id)

    def _options(self) -> list[Option]:
        recommended = self.recommendation.days
        options = [self._option(recommended, " · recommended", "0")]
        options += [self._option(days, "", str(days)) for days in CHOICES if days != recommended]
        options.append(Option("Another length…", id=CUSTOM))
        if self._start.date() < self._now.date():
            options.append(
                Option("Count from today instead of when contact stopped", id=FROM_TODAY)
            )
        return options

    def _until(self, days: int) -> str:
        return day_text(self._end_for(days).date())

    def on_mount(self) -> None:
        """Put the cursor on the first length still to come.

        The page scrolls only as far as it must to show the whole list, so as much of
        the reasons as fits stays in view above it.
        """
        self.query_one("#custom-length").display = False
        lengths = self.query_one("#lengths", OptionList)
        lengths.highlighted = next(
            index for index, option in enumerate(lengths.options) if not option.disabled
        )
        lengths.focus(scroll_visible=False)
        self.call_after_refresh(reveal, lengths)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Esc is this widget's only while the box for another length has the cursor."""
        if action == "close_custom":
            return self.screen.focused is self.query_one("#custom-days")
        return True

    def action_close_custom(self) -> None:
        """Leave the box for another length: back to the list, on "Another length…"."""
        self.query_one("#custom-length").display = False
        lengths = self.query_one("#lengths", OptionList)
        lengths.highlighted = lengths.get_option_index(CUSTOM)
        lengths.focus()

    def action_back(self) -> None:
        """Back to the last question, to change an answer."""
        self.post_message(self.Back())

    @on(Button.Pressed, "#to-questions")
    def _back_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_back()

    @on(OptionList.OptionSelected, "#lengths")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = event.option.id
        if choice == FROM_TODAY:
            self.post_message(self.FromToday())
            return
        if choice == CUSTOM:
            self.query_one("#custom-length").display = True
            # After the layout makes room for it, so focusing scrolls it into view.
            self.call_after_refresh(self.query_one("#custom-days", Input).focus)
            return
        days = self.recommendation.days if choice == "0" else int(choice or 0)
        self.post_message(self.Chosen(days))

    def _custom_entered(self) -> None:
        # Read as Enter arrives: a key typed in the same instant is not part of the number.
        box = self.query_one("#custom-days", Input)
        field = self.query_one("#custom-length")
        try:
            days = check_custom_days(box.value)
            if self._over(days):
                raise AnswerError(
                    f"{days} days would have ended on {self._until(days)}, which has passed. "
                    "Choose a longer one, or count from today."
                )
        except AnswerError as problem:
            message = field.query_one(".question-error", Static)
            message.update(str(problem))
            field.add_class("-invalid")
            show_together(box, message)
            return
        field.remove_class("-invalid")
        self.post_message(self.Chosen(days))

    @on(Input.Changed, "#custom-days")
    def _custom_typed(self, event: Input.Changed) -> None:
        # The message was about the number typed before; a new one starts afresh.
        event.stop()
        self.query_one("#custom-length").remove_class("-invalid")
