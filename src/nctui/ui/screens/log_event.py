"""The dialog that adds one event to the ledger: what, when, and a note."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from nctui.domain.clock import Clock
from nctui.domain.drafts import event_editor
from nctui.domain.errors import AnswerError
from nctui.domain.ledger import (
    ALLOWED_TIPS,
    DETAILS,
    LOG_TITLES,
    LOGGING,
    TAGGED_KINDS,
    Kind,
    check_event,
    parse_event_time,
)
from nctui.domain.text import NOTE_MAX_CHARS, clean_text
from nctui.ui.drafts import DraftKeeper
from nctui.ui.screens.confirm import ConfirmScreen
from nctui.ui.widgets.bullets import bullet_list
from nctui.ui.widgets.field_list import FieldList
from nctui.ui.widgets.keybar import KeyBar
from nctui.ui.widgets.scroll_area import ScrollArea, reveal, show_together
from nctui.ui.widgets.text_input import AnswerBox
from nctui.ui.widgets.trigger_tags import TriggerTags

if TYPE_CHECKING:
    from nctui.ui.app import NctuiApp

INTROS: dict[Kind, str] = {
    Kind.URGE: "You felt the pull and did not act on it. That counts.",
    Kind.SLIP: "It happens. Writing it down helps you spot what sets it off.",
    Kind.CONTACT: "It is done, and that is all right. Log it honestly and carry on.",
    Kind.ALLOWED: "Contact for a reason that cannot wait. It does not restart your period.",
    Kind.SIGN: "Something from their side. Note it, then turn back to your own days.",
}

RESTART = "restart"
KEEP = "keep"
RESTART_CHOICES = {
    RESTART: "Start it again from this moment (recommended)",
    KEEP: "Keep the dates; just log it",
}
CHOSEN_MARK, OPEN_MARK = "●", "○"  # as the intake's lists mark a choice


@dataclass(frozen=True)
class LoggedEvent:
    """What the person entered, checked and ready to save."""

    kind: Kind
    at: datetime
    detail: str | None
    note: str
    restart: bool
    triggers: tuple[str, ...] = ()


class LogEventScreen(ModalScreen[LoggedEvent | None]):
    """Asks for the details of one event; dismisses with them, or None if cancelled.

    While it is open, what is typed and chosen is kept as a draft (see `nctui.ui.drafts`);
    whoever opened it logs what it dismisses with, then forgets that draft.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save", tooltip="save from anywhere in the dialog"),
        # In the order the fields are read: Textual orders focus by place on screen, and
        # the buttons, docked at the bottom, would come before a note scrolled below them.
        Binding("tab", "next_field(1)", "Next", show=False),
        Binding("shift+tab", "next_field(-1)", "Previous", show=False),
    ]

    def __init__(
        self,
        kind: Kind,
        clock: Clock,
        period_start: datetime | None,
        *,
        restart_default: bool,
        note: str = "",
        fields: Mapping[str, str] | None = None,
        stored: str | None = None,
    ) -> None:
        """`note` and `fields` (detail, when, restart) to start with, from a draft taken
        back; `stored`, the note of that draft, if there was one."""
        super().__init__(classes=f"log-event -{kind.value}")
        self.kind = kind
        self._clock = clock
        self._period_start = period_start
        self._restart_default = restart_default
        self._detail: str | None = None
        self._note = note
        self._fields = dict(fields or {})
        self._stored = stored
        self.editor = event_editor(kind.value)
        """Which dialog this is, as drafts name it."""
        self._keeper: DraftKeeper | None = None

    def compose(self) -> ComposeResult:
        """Title, what kind, when, a note, then Cancel and Save."""
        with ScrollArea(classes="dialog"):
            yield Static(LOG_TITLES[self.kind], classes="dialog-title")
            yield Static(INTROS[self.kind], classes="dialog-text")
            details = DETAILS.get(self.kind)
            if details:
                yield Static("What was it? ↑ ↓ to choose", classes="field-label")
                yield FieldList(*self._detail_options(0), id="detail", on_enter=self._to_when)
                hint = Static("", id="detail-hint")
                hint.display = False  # no empty line while there is nothing to say
                yield hint
            if self.kind is Kind.CONTACT and self._restart_default:
                yield Static("Your period", classes="field-label")
                yield FieldList(
                    *_marked(RESTART_CHOICES, 0),
                    id="restart",
                    on_enter=self._to_when,
                )
            if self.kind is Kind.ALLOWED:
                yield Static(bullet_list(ALLOWED_TIPS), classes="tips")
            # Each box with its message under it, so a message shows beside what to fix.
            with Vertical(classes="field", id="when-field"):
                yield Static("When?", classes="field-label")
                yield AnswerBox(
                    "now",
                    on_enter=self._to_note,
                    placeholder="now, 21:30, yesterday 21:30, 2 hours ago",
                    id="when",
                )
                yield Static("", classes="question-error", markup=False)
            with Vertical(classes="field", id="note-field"):
                yield Static("A note, if you like", classes="field-label")
                yield AnswerBox(
                    placeholder="What was going on?",
                    id="note",
                    select_on_focus=False,
                    on_enter=self.action_save,
                )
                yield Static("", classes="question-error", markup=False)
            if self.kind in TAGGED_KINDS:
                # After the note, so typing a note straight away never ticks a tag.
                yield Static(
                    "What set it off? If you like: Tab here, then a letter ticks a tag",
                    classes="field-label",
                )
                yield TriggerTags(id="triggers", letters_to="#note")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", id="save", variant="primary")
        yield KeyBar()

    def on_mount(self) -> None:
        """Start on the first thing to answer (or after the note taken back), and keep
        what is typed and chosen as a draft."""
        fields = self._fields
        restart = self.query("#restart")
        if restart:
            menu = restart.first(OptionList)
            restarting = fields.get("restart", RESTART if self._restart_default else KEEP)
            menu.highlighted = 0 if restarting == RESTART else 1
        details = list(DETAILS.get(self.kind, {}))
        if fields.get("detail") in details:
            self.query_one("#detail", OptionList).highlighted = details.index(fields["detail"])
        if "when" in fields:
            self.query_one("#when", Input).value = fields["when"]
        note = self.query_one("#note", Input)
        note.value = self._note
        first = self.query("#detail") or restart
        # At once, not by message: keys typed with the key that opened the dialog follow.
        if first and not self._note:
            self.set_focus(first.first(OptionList))
        else:
            self.set_focus(note)
            note.cursor_position = len(note.value)
            # Once laid out: a note taken back may sit below the fold.
            self.call_after_refresh(reveal, note)
        saved = {"detail": details[0] if details else "", "when": "now", "restart": ""}
        if restart:
            saved["restart"] = RESTART if self._restart_default else KEEP
        self._keeper = DraftKeeper(
            cast("NctuiApp", self.app),
            self.editor,
            LOGGING.get(self.kind, "your note"),
            saved_fields=saved,
        )
        self._keeper.start(self._stored, fields if self._stored is not None else None)

    def on_unmount(self) -> None:
        """Closing with nctui while the dialog is open: keep what it holds."""
        if self._keeper is not None:
            self._keeper.close()

    def _form_fields(self) -> dict[str, str]:
        """What is chosen and typed besides the note, for a draft."""
        restart = self.query("#restart")
        restarting = ""
        if restart:
            restarting = RESTART if restart.first(OptionList).highlighted == 0 else KEEP
        return {
            "detail": self._detail or "",
            "when": self.query_one("#when", Input).value,
            "restart": restarting,
        }

    def _changed(self) -> None:
        if self._keeper is not None:
            self._keeper.typed(self.query_one("#note", Input).value, self._form_fields())

    def _close(self, result: LoggedEvent | None) -> None:
        # The keeper stops first, so no pause ends after the event was handed over.
        if self._keeper is not None:
            self._keeper.stop()
        self.dismiss(result)

    def _detail_options(self, chosen: int) -> list[Option]:
        return _marked(DETAILS[self.kind], chosen)

    @on(OptionList.OptionHighlighted, "#detail")
    def _detail_moved(self, event: OptionList.OptionHighlighted) -> None:
        # The highlighted line is the choice: moving the cursor is enough to choose it.
        event.stop()
        self._detail = event.option.id
        _mark(event.option_list, DETAILS[self.kind], event.option_index)
        hint = ""
        if self._detail == "drunk_message":
            hint = "If the message reached them, log it as contact you started (t) instead."
        shown = self.query_one("#detail-hint", Static)
        shown.update(hint)
        shown.display = bool(hint)
        self._changed()

    @on(OptionList.OptionHighlighted, "#restart")
    def _restart_moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        _mark(event.option_list, RESTART_CHOICES, event.option_index)
        self._changed()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # the list has already moved the cursor on (`_to_when`)

    def _to_when(self) -> None:
        # At once, not by message: keys typed straight after Enter belong in the box.
        self.set_focus(self.query_one("#when", Input))

    def _to_note(self) -> None:
        self.set_focus(self.query_one("#note", Input))

    def action_next_field(self, step: int) -> None:
        """Move to the next (or previous) field, in the order they are written."""
        fields = [
            widget
            for widget in self.query("#detail, #restart, #when, #note, #triggers, Button")
            if widget.focusable
        ]
        if not fields:
            return
        at = fields.index(self.focused) if self.focused in fields else -step
        # At once, so the keys of a fast burst after Tab follow the cursor.
        self.set_focus(fields[(at + step) % len(fields)])

    def takes_letters(self) -> bool:
        """Whether a letter typed now starts the note (so q is not Quit here)."""
        return isinstance(self.focused, OptionList)

    def on_key(self, event: events.Key) -> None:
        """Letters typed while a list has the cursor go into the note, not nowhere (and
        so do those typed before the dialog has put the cursor anywhere)."""
        if not (event.is_printable and event.character):
            return
        focused = self.focused
        if focused is None or isinstance(focused, OptionList | TriggerTags):
            event.stop()
            event.prevent_default()
            self.type_ahead(event.character)
        elif isinstance(focused, Input):
            # A box takes its own letters, so this one was queued for a list before the
            # cursor moved on in a fast burst: it belongs where the cursor is now.
            event.stop()
            event.prevent_default()
            _type_into(focused, event.character)

    def type_ahead(self, character: str) -> None:
        """Add a character typed before the cursor reached the note to the note."""
        note = self.query_one("#note", Input)
        note.value += character
        note.cursor_position = len(note.value)
        self.set_focus(note)

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    @work(group="cancel", exclusive=True)
    async def action_cancel(self) -> None:
        """Close without logging anything; with any words in the note, ask first (a few
        words can matter as much as a page)."""
        if clean_text(self.query_one("#note", Input).value).strip():
            drop = await self.app.push_screen_wait(
                ConfirmScreen(
                    "Throw this note away?",
                    "Nothing is logged, and the words you wrote here go. To keep them, "
                    "go back and save (Ctrl+S).",
                    yes="Throw it away",
                    no="Keep writing",
                )
            )
            if not drop:
                return
        self._close(None)

    def action_save(self) -> None:
        """Check everything; log it, or say what to fix and stay."""
        now = self._clock()
        when = self.query_one("#when", Input)
        note = self.query_one("#note", Input)
        try:
            at = parse_event_time(when.value, now)
        except AnswerError as error:
            self._problem(str(error), when)
            return
        if DETAILS.get(self.kind) and self._detail is None:
            self._detail = next(iter(DETAILS[self.kind]))
        try:
            cleaned = check_event(self.kind, self._detail, note.value, at, now, self._period_start)
        except AnswerError as error:
            bad_time = "time" in str(error) or "period" in str(error)
            self._problem(str(error), when if bad_time else note)
            return
        restart = False
        if self.kind is Kind.CONTACT and self._restart_default:
            restart = self.query_one("#restart", OptionList).highlighted == 0
        tags = self.query(TriggerTags)
        triggers = tags.first().chosen if tags else ()
        self._close(LoggedEvent(self.kind, at, self._detail, cleaned, restart, triggers))

    @on(TriggerTags.Done)
    def _tags_done(self, event: TriggerTags.Done) -> None:
        event.stop()
        self.action_save()

    def _problem(self, message: str, target: Input) -> None:
        field = target.parent
        assert isinstance(field, Widget)
        for shown in self.query(".field.-invalid"):
            shown.remove_class("-invalid")
        shown = field.query_one(".question-error", Static)
        shown.update(message)
        field.add_class("-invalid")
        show_together(target, shown)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        # A message is about what was there before: it goes once the box changes.
        field = event.input.parent
        if isinstance(field, Widget) and field.has_class("-invalid"):
            field.remove_class("-invalid")
        self._changed()


__all__ = ["NOTE_MAX_CHARS", "LogEventScreen", "LoggedEvent"]


def _marked(choices: Mapping[str, str], chosen: int) -> list[Option]:
    # A mark as well as the highlight, so the choice shows without colour (NO_COLOR).
    return [
        Option(f"{CHOSEN_MARK if index == chosen else OPEN_MARK} {label}", id=key)
        for index, (key, label) in enumerate(choices.items())
    ]


def _mark(menu: OptionList, choices: Mapping[str, str], chosen: int) -> None:
    for index, option in enumerate(menu.options):
        mark = CHOSEN_MARK if index == chosen else OPEN_MARK
        menu.replace_option_prompt_at_index(index, f"{mark} {choices[str(option.id)]}")


def _type_into(box: Input, character: str) -> None:
    # As the box itself types a key: over a selection, or at the cursor.
    selection = box.selection
    if selection.is_empty:
        box.insert_text_at_cursor(character)
    else:
        box.replace(character, *selection)
