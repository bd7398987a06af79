"""The dialog for the trusted people: one or two names to talk to instead, and how to
reach them. The SOS card shows them, a key away."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from nctui.domain.errors import AnswerError
from nctui.domain.trusted import (
    MAX_PEOPLE,
    TrustedPerson,
    check_person,
)
from nctui.ui.widgets.keybar import KeyBar
from nctui.ui.widgets.scroll_area import ScrollArea, show_together
from nctui.ui.widgets.text_input import TextInput


class TrustedPeopleScreen(ModalScreen[tuple[TrustedPerson, ...] | None]):
    """Asks for up to two people; dismisses with them (emptied boxes remove someone),
    or None when cancelled."""

    AUTO_FOCUS = "#name-0"
    """Start on the first name (as the screen shows, so a quick Esc never finds it gone)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="leave them as they were"),
        Binding("ctrl+s", "save", "Save", tooltip="save from anywhere in the dialog"),
    ]

    def __init__(self, people: Sequence[TrustedPerson]) -> None:
        super().__init__(classes="trusted-people")
        self._people = tuple(people)

    def compose(self) -> ComposeResult:
        """What it is for, then a name and a way to reach them for each person."""
        with ScrollArea(classes="dialog"):
            yield Static("People to talk to instead", classes="dialog-title")
            yield Static(
                "One or two people you trust, who you could call or message when the "
                "urge to contact your ex is strong. The SOS card (!) shows them, and p "
                "there copies their number. Kept only in your own data file.",
                classes="dialog-text",
            )
            for index in range(MAX_PEOPLE):
                person = self._people[index] if index < len(self._people) else None
                with Vertical(classes="field", id=f"person-{index}"):
                    yield Static(
                        "Someone you trust" if index == 0 else "And someone else, if you like",
                        classes="field-label",
                    )
                    with Horizontal(classes="person-row"):
                        yield TextInput(
                            person.name if person else "",
                            placeholder="Name",
                            id=f"name-{index}",
                            classes="person-name",
                        )
                        yield TextInput(
                            person.reach if person else "",
                            placeholder="Number or handle",
                            id=f"reach-{index}",
                            classes="person-reach",
                        )
                    yield Static("", classes="question-error", markup=False)
            yield Static(
                "Empty both boxes to remove someone. Ctrl+S saves, Esc leaves them as they were.",
                classes="dialog-hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", id="save", variant="primary")
        yield KeyBar()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        # Enter moves on, as in the other forms; on the last box it saves.
        event.stop()
        order = [f"{part}-{index}" for index in range(MAX_PEOPLE) for part in ("name", "reach")]
        at = order.index(event.input.id or "")
        if at + 1 < len(order):
            self.query_one(f"#{order[at + 1]}", Input).focus()
        else:
            self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def action_cancel(self) -> None:
        """Close, changing nothing."""
        self.dismiss(None)

    def action_save(self) -> None:
        """Check each person; save them, or say what to fix and stay."""
        if not self.query(f"#reach-{MAX_PEOPLE - 1}"):
            return  # Ctrl+S before the boxes are even there: nothing typed to save
        people: list[TrustedPerson] = []
        for index in range(MAX_PEOPLE):
            name = self.query_one(f"#name-{index}", Input)
            reach = self.query_one(f"#reach-{index}", Input)
            try:
                person = check_person(name.value, reach.value)
            except AnswerError as error:
                self._problem(index, str(error), name if not name.value.strip() else reach)
                return
            if person is not None:
                people.append(person)
        self.dismiss(tuple(people))

    def _problem(self, index: int, message: str, target: Input) -> None:
        field = self.query_one(f"#person-{index}", Widget)
        for shown in self.query(".field.-invalid"):
            shown.remove_class("-invalid")
        error = field.query_one(".question-error", Static)
        error.update(message)
        field.add_class("-invalid")
        show_together(target, error)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        # A message is about what was there before: it goes once the box changes.
        for field in event.input.ancestors:
            if isinstance(field, Widget) and field.has_class("-invalid"):
                field.remove_class("-invalid")
