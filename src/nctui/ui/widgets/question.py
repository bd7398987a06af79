"""One question of a questionnaire: the question, a hint, the answer, and a message line.

Each kind of question reads its own widgets and raises `AnswerError` with a message when
the answer cannot be used; the message then shows under the question and focus stays
on the widget to fix.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import date
from typing import Any, ClassVar, Generic, TypeVar

from rich.segment import Segment
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from nctui.domain.errors import AnswerError
from nctui.domain.intake import (
    LooseEnd,
    clean_other_loose_end,
    parse_contact_day,
    parse_together,
)
from nctui.ui.widgets.in_order import KeysInOrder
from nctui.ui.widgets.scroll_area import show_together
from nctui.ui.widgets.text_input import AnswerBox

Choice = TypeVar("Choice", bound=Hashable)

CHOSEN_MARK = "●"
OPEN_MARK = "○"


class Question(Vertical):
    """Base of every question. Subclasses compose the answer and read it."""

    DEFAULT_CLASSES = "question"

    class Answered(Message):
        """The person confirmed an answer (Enter) and wants to go on."""

        def __init__(self, question: Question) -> None:
            super().__init__()
            self.question = question

    def __init__(self, field: str, title: str, hint: str) -> None:
        super().__init__(id=f"question-{field.replace('_', '-')}")
        self.field = field
        self.title = title
        self.hint = hint
        self.on_answered: Callable[[Question], None] | None = None
        """Called at once when the person confirms the answer (a questionnaire sets it);
        without it, `Answered` is posted."""
        self._error_values: dict[Input, str] = {}
        """The question's boxes and their values when a message was shown: it goes once
        any of them changes (a message may be about two boxes, as years and months)."""

    def answer(self) -> None:
        """The person confirmed the answer and wants to go on."""
        if self.on_answered is not None:
            self.on_answered(self)
        else:
            self.post_message(self.Answered(self))

    def compose(self) -> ComposeResult:
        """Question, hint, answer widgets, message line."""
        yield Static(self.title, classes="question-title", markup=False)
        yield Static(self.hint, classes="question-hint", markup=False)
        yield from self.compose_answer()
        yield Static("", classes="question-error", markup=False)

    def compose_answer(self) -> Iterable[Widget]:
        """The widgets that hold the answer."""
        raise NotImplementedError

    def read(self) -> dict[str, Any]:
        """The answer as intake fields; raises AnswerError (and marks the bad widget)."""
        raise NotImplementedError

    def answer_widget(self) -> Widget:
        """The widget the cursor goes to first."""
        raise NotImplementedError

    def focus_answer(self, *, scroll_visible: bool = True) -> None:
        """Put the cursor where the answer goes."""
        self.answer_widget().focus(scroll_visible=scroll_visible)

    def show_error(self, message: str, widget: Widget | None = None) -> None:
        """Show `message` under the question and focus the widget to fix."""
        shown = self.query_one(".question-error", Static)
        shown.update(message)
        self.add_class("-invalid")
        target = widget or self.answer_widget()
        self._error_values = {box: box.value for box in self.query(Input)}
        show_together(target, shown)

    def clear_error(self) -> None:
        """Forget an earlier message."""
        self._error_values = {}
        self.query_one(".question-error", Static).update("")
        self.remove_class("-invalid")

    @on(Input.Changed)
    def _fixing(self, event: Input.Changed) -> None:
        # The box's value now, not the event's: keys typed in a burst before Enter send
        # their changes after the message, and those older values are not a fix.
        if event.input in self._error_values and any(
            box.value != value for box, value in self._error_values.items()
        ):
            self.clear_error()


class DayQuestion(Question):
    """When something happened: "today", "yesterday", "N days ago" or YYYY-MM-DD."""

    def __init__(
        self, field: str, title: str, hint: str, today: Callable[[], date], initial: str
    ) -> None:
        super().__init__(field, title, hint)
        self._today = today
        self._initial = initial

    def compose_answer(self) -> Iterable[Widget]:
        """One text box."""
        # Selected on focus, so typing a date replaces the suggestion instead of adding to it.
        yield AnswerBox(self._initial, on_enter=self.answer, placeholder="today", id="day-input")

    def read(self) -> dict[str, Any]:
        """The day, checked against today."""
        box = self.query_one("#day-input", Input)
        try:
            return {self.field: parse_contact_day(box.value, self._today())}
        except AnswerError as error:
            self.show_error(str(error), box)
            raise

    def answer_widget(self) -> Widget:
        """The box (its suggestion is selected on focus)."""
        return self.query_one("#day-input", Input)


class TogetherQuestion(Question):
    """How long: a years box and a months box."""

    def __init__(self, field: str, title: str, hint: str, months: int | None) -> None:
        super().__init__(field, title, hint)
        self._years = "" if months is None else str(months // 12)
        self._months = "" if months is None else str(months % 12)

    def compose_answer(self) -> Iterable[Widget]:
        """Two short boxes side by side."""
        with Horizontal(classes="number-row"):
            yield AnswerBox(
                self._years,
                on_enter=self._years_done,
                id="years-input",
                classes="number",
            )
            yield Label("years", classes="unit")
            yield AnswerBox(
                self._months,
                on_enter=self.answer,
                id="months-input",
                classes="number",
            )
            yield Label("months", classes="unit")

    def read(self) -> dict[str, Any]:
        """Months together."""
        years = self.query_one("#years-input", Input)
        months = self.query_one("#months-input", Input)
        try:
            return {self.field: parse_together(years.value, months.value)}
        except AnswerError as error:
            bad_months = "Months" in str(error) and "Years" not in str(error)
            self.show_error(str(error), months if bad_months else years)
            raise

    def answer_widget(self) -> Widget:
        """The years box."""
        return self.query_one("#years-input", Input)

    def _years_done(self) -> None:
        # At once, so the months typed straight after Enter land in the months box.
        self.screen.set_focus(self.query_one("#months-input", Input))


class _ChoiceList(KeysInOrder, OptionList):
    """The answers; Enter chooses at once, so keys typed after it reach the next question."""

    def __init__(self, *options: Option, on_choose: Callable[[int], None]) -> None:
        super().__init__(*options, classes="choices")
        self._on_choose = on_choose

    def action_select(self) -> None:
        """Choose the highlighted answer now, not a message later."""
        if self.highlighted is not None:
            self._on_choose(self.highlighted)


class ChoiceQuestion(Question, Generic[Choice]):
    """Pick one answer from a short list: arrows to move, Enter to choose."""

    def __init__(
        self,
        field: str,
        title: str,
        hint: str,
        labels: dict[Choice, str],
        initial: Choice | None,
    ) -> None:
        super().__init__(field, title, hint)
        self._labels = labels
        self.chosen: Choice | None = initial

    def compose_answer(self) -> Iterable[Widget]:
        """The answers as a list."""
        yield _ChoiceList(*self._options(), on_choose=self._choose)

    def _options(self) -> list[Option]:
        return [
            Option(f"{CHOSEN_MARK if value == self.chosen else OPEN_MARK}  {label}", id=str(index))
            for index, (value, label) in enumerate(self._labels.items())
        ]

    def on_mount(self) -> None:
        """Start on the earlier answer, if there is one."""
        self._redraw()

    def preset(self, value: Choice) -> None:
        """Suggest an answer the person has not given yet (they can still change it)."""
        if self.chosen is None:
            self.chosen = value
            if self.is_mounted:
                self._redraw()

    def _redraw(self) -> None:
        menu = self.query_one(OptionList)
        menu.clear_options().add_options(self._options())
        menu.highlighted = 0 if self.chosen is None else list(self._labels).index(self.chosen)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def _choose(self, index: int) -> None:
        self.chosen = list(self._labels)[index]
        self._redraw()
        self.clear_error()
        self.answer()

    def read(self) -> dict[str, Any]:
        """The chosen value."""
        if self.chosen is None:
            self.show_error("Choose the answer that fits best; Enter picks it.")
            raise AnswerError("no choice")
        return {self.field: self.chosen}

    def answer_widget(self) -> Widget:
        """The list."""
        return self.query_one(OptionList)


class _TickList(KeysInOrder, SelectionList[LooseEnd]):
    """Space ticks an item; Enter moves on instead of ticking."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", "Tick", show=False),
        Binding("enter", "done", "Continue", show=False),
    ]

    def __init__(self, *items: Any, on_done: Callable[[], None], id: str) -> None:
        super().__init__(*items, id=id)
        self._on_done = on_done

    def action_done(self) -> None:
        """The person is finished ticking: go on now, not a message later."""
        self._on_done()

    def action_select(self) -> None:
        """Tick or untick the highlighted item now, so an Enter typed straight after
        reads the tick (the list's own tick waits for a message)."""
        if self.highlighted is None:
            self.highlighted = 0
        if self.highlighted is not None:
            self.toggle(self.get_option_at_index(self.highlighted))

    def render_line(self, y: int) -> Strip:
        """An unticked box is empty: Textual draws both with an X, told apart by colour
        alone, which NO_COLOR (and some eyes) cannot see."""
        strip = super().render_line(y)
        try:
            item = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if item.value in self.selected or len(segments) < 2:
            return strip
        inner = segments[1]
        if inner.text != Checkbox.BUTTON_INNER:
            return strip
        segments[1] = Segment(" " * len(inner.text), inner.style, inner.control)
        return Strip(segments, strip.cell_length)


class LooseEndsQuestion(Question):
    """Tick every practical thing still to sort out; "something else" needs a few words."""

    def __init__(
        self,
        title: str,
        hint: str,
        labels: dict[LooseEnd, str],
        chosen: Sequence[LooseEnd],
        other: str,
    ) -> None:
        super().__init__("loose_ends", title, hint)
        self._labels = labels
        self._chosen = set(chosen)
        self._other = other

    def compose_answer(self) -> Iterable[Widget]:
        """A tick list and a box for "something else"."""
        yield _TickList(
            *((label, value, value in self._chosen) for value, label in self._labels.items()),
            on_done=self.answer,
            id="loose-ends",
        )
        yield AnswerBox(
            self._other,
            on_enter=self.answer,
            placeholder="Something else? A few words",
            id="other-input",
            max_length=200,
        )

    def read(self) -> dict[str, Any]:
        """The ticked items and the words for "something else"."""
        ticks = self.query_one(_TickList)
        chosen = tuple(value for value in self._labels if value in ticks.selected)
        other = self.query_one("#other-input", Input)
        try:
            words = clean_other_loose_end(other.value, chosen)
        except AnswerError as error:
            self.show_error(str(error), other)
            raise
        return {"loose_ends": chosen, "other_loose_end": words}

    def answer_widget(self) -> Widget:
        """The tick list."""
        return self.query_one(_TickList)

    @on(Input.Changed, "#other-input")
    def _typed(self, event: Input.Changed) -> None:
        # The message asked for these words: it goes as they are typed.
        event.stop()
        self.clear_error()

    @on(SelectionList.SelectedChanged)
    def _ticked(self, event: SelectionList.SelectedChanged[LooseEnd]) -> None:
        # Ticking "something else" invites the words for it.
        self.clear_error()
        ticked_other = LooseEnd.OTHER in event.selection_list.selected
        self.query_one("#other-input", Input).set_class(not ticked_other, "-idle")
