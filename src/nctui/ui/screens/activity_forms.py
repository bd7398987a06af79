"""Small forms over the Activities screen: plan a day, log it done, add your own idea.

Each form checks what was typed with the domain's rules. A problem shows as a message
under the boxes and the cursor stays in the box to fix; Esc or Cancel leaves without
saving anything. The forms return what was chosen; the screen does the saving.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from nctui.domain.activities import CATEGORY_LABELS, Activity, Category, Plan
from nctui.domain.activity_input import (
    DAY_EXAMPLES,
    DURATION_EXAMPLES,
    ActivityError,
    check_activity_name,
    clean_note,
    duration_input_text,
    parse_duration,
    parse_plan_day,
)
from nctui.domain.humanize import day_text
from nctui.ui.widgets.keybar import KeyBar
from nctui.ui.widgets.scroll_area import ScrollArea, show_together
from nctui.ui.widgets.text_input import TextInput

Result = TypeVar("Result")


class ActivityForm(ModalScreen[Result | None], Generic[Result]):
    """A titled form with a message line and Cancel / OK; dismisses with None on Esc."""

    CSS_PATH = "activities.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    ok_label = "Save"

    def __init__(self, title: str) -> None:
        super().__init__(classes="activity-form")
        self._title = title

    def compose(self) -> ComposeResult:
        """Title, the form's own fields, the message line, the buttons."""
        with ScrollArea(classes="dialog", id="form"):
            yield Static(self._title, classes="dialog-title", markup=False)
            yield from self.compose_fields()
            yield Static("", id="form-message", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel", compact=True)
                yield Button(self.ok_label, id="ok", variant="primary", compact=True)
        yield KeyBar()

    def compose_fields(self) -> Iterable[Widget]:
        """The boxes and lists of this form."""
        raise NotImplementedError

    def submit(self) -> None:
        """Check everything; dismiss with the result, or show why not."""
        raise NotImplementedError

    def show_message(self, message: str, widget: Widget, *, warning: bool = False) -> None:
        """Show `message` just under `widget` and put the cursor there."""
        shown = self.query_one("#form-message", Static)
        shown.update(message)
        form = self.query_one("#form")
        form.move_child(shown, after=widget)
        form.set_class(not warning, "-invalid")
        form.set_class(warning, "-flagged")
        show_together(widget, shown)

    def clear_message(self) -> None:
        """Forget an earlier message."""
        self.query_one("#form-message", Static).update("")
        self.query_one("#form").remove_class("-invalid", "-flagged")

    def action_cancel(self) -> None:
        """Leave without saving."""
        self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    @on(Button.Pressed, "#ok")
    def _ok_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.submit()


class PlanForm(ActivityForm[date]):
    """Which day to do an activity; today unless the person types another."""

    ok_label = "Plan it"

    def __init__(self, activity: Activity, today: Callable[[], date]) -> None:
        super().__init__(f"Plan: {activity.name}")
        self._today = today
        self._past_accepted: date | None = None

    def compose_fields(self) -> Iterable[Widget]:
        """One box for the day, with what it means underneath."""
        yield Static("Which day?", classes="form-label")
        yield TextInput("today", id="plan-day")
        yield Static(self._hint("today"), id="plan-day-hint", classes="form-hint")

    def _hint(self, text: str) -> str:
        try:
            chosen = parse_plan_day(text, self._today())
        except ActivityError:
            return f"For example {DAY_EXAMPLES}."
        return f"That is {day_text(chosen.day)}."

    @on(Input.Changed, "#plan-day")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_one("#plan-day-hint", Static).update(self._hint(event.value))
        self._past_accepted = None
        self.clear_message()

    @on(Input.Submitted, "#plan-day")
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def submit(self) -> None:
        """Plan for the day typed; a day already past needs a second Enter."""
        box = self.query_one("#plan-day", Input)
        try:
            chosen = parse_plan_day(box.value, self._today())
        except ActivityError as error:
            # The message says what to type; the hint would only repeat it.
            self.query_one("#plan-day-hint", Static).update("")
            self.show_message(str(error), box)
            return
        if chosen.is_past and self._past_accepted != chosen.day:
            self._past_accepted = chosen.day
            self.show_message(
                f"{day_text(chosen.day)} has already passed. Press Enter again to plan it "
                "anyway, or type another day.",
                box,
                warning=True,
            )
            return
        self.dismiss(chosen.day)


class DoneForm(ActivityForm[tuple[int, str]]):
    """How long it took (filled in with the usual time) and an optional note."""

    def __init__(self, activity: Activity, plan: Plan | None) -> None:
        super().__init__(f"Done: {activity.name}")
        self._plan = plan
        self._minutes = activity.typical_minutes or 60

    def compose_fields(self) -> Iterable[Widget]:
        """The time box, the note box, and which plan this completes."""
        if self._plan is not None:
            yield Static(
                f"This completes your plan for {day_text(self._plan.day)}.", classes="form-hint"
            )
        yield Static("How long did it take?", classes="form-label")
        yield TextInput(duration_input_text(self._minutes), id="done-time")
        yield Static(f"Roughly is fine: {DURATION_EXAMPLES}.", classes="form-hint")
        yield Static("A note, if you like", classes="form-label")
        yield TextInput(placeholder="How was it?", id="done-note")

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.clear_message()

    @on(Input.Submitted, "#done-time")
    def _time_entered(self, event: Input.Submitted) -> None:
        event.stop()
        if self._minutes_or_message() is not None:
            self.query_one("#done-note", Input).focus()

    @on(Input.Submitted, "#done-note")
    def _note_entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def _minutes_or_message(self) -> int | None:
        box = self.query_one("#done-time", Input)
        try:
            return parse_duration(box.value)
        except ActivityError as error:
            self.show_message(str(error), box)
            return None

    def submit(self) -> None:
        """Save the time and the note, once both can be used."""
        minutes = self._minutes_or_message()
        if minutes is None:
            return
        box = self.query_one("#done-note", Input)
        try:
            note = clean_note(box.value)
        except ActivityError as error:
            self.show_message(str(error), box)
            return
        self.dismiss((minutes, note))


class AddActivityForm(ActivityForm[tuple[str, Category]]):
    """A name for the person's own idea, and which of the six kinds it is."""

    ok_label = "Add it"

    def __init__(self, existing: Sequence[Activity], category: Category, name: str = "") -> None:
        super().__init__("Add your own activity")
        self._existing = existing
        self._category = category
        self._name = name

    def compose_fields(self) -> Iterable[Widget]:
        """The name box, then the list of kinds."""
        yield Static("What would you like to do?", classes="form-label")
        yield TextInput(
            self._name, placeholder="A few words, like “Learn to juggle”", id="own-name"
        )
        yield Static("Which kind is it? ↑ ↓, then Enter.", classes="form-label")
        yield OptionList(
            *(Option(label, id=category.value) for category, label in CATEGORY_LABELS.items()),
            id="own-category",
        )

    def on_mount(self) -> None:
        """Start in the name box, with the kind on show already chosen."""
        kinds = self.query_one("#own-category", OptionList)
        kinds.highlighted = list(Category).index(self._category)
        self.query_one("#own-name", Input).focus()

    @on(Input.Changed, "#own-name")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.clear_message()

    @on(Input.Submitted, "#own-name")
    def _name_entered(self, event: Input.Submitted) -> None:
        event.stop()
        if self._name_or_message() is not None:
            self.query_one("#own-category", OptionList).focus()

    @on(OptionList.OptionSelected, "#own-category")
    def _kind_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.submit()

    def _name_or_message(self) -> str | None:
        box = self.query_one("#own-name", Input)
        try:
            return check_activity_name(box.value, self._existing)
        except ActivityError as error:
            self.show_message(str(error), box)
            return None

    def submit(self) -> None:
        """Add it, once the name can be used."""
        name = self._name_or_message()
        if name is None:
            return
        kinds = self.query_one("#own-category", OptionList)
        category = list(Category)[kinds.highlighted or 0]
        self.dismiss((name, category))
