"""SOS: for the moment the urge to contact them is strong. It slows the moment down."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar, cast

from rich.console import Group
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from nctui.coach import Changes, Topic
from nctui.domain.clock import Clock
from nctui.domain.drafts import SOS_REASONS_EDITOR
from nctui.domain.errors import AnswerError
from nctui.domain.humanize import countdown_text
from nctui.domain.ledger import ALLOWED_REASONS, ALLOWED_TIPS, in_sentence
from nctui.domain.sos import (
    SAFETY_LINE,
    breath_step,
    check_reasons,
    clamp_delay,
    longer_wait,
    moment_warnings,
    shorter_wait,
    wait_left,
)
from nctui.domain.text import LONG_TEXT_MAX_CHARS
from nctui.domain.trusted import TrustedPerson
from nctui.ui.drafts import DraftKeeper, take_back
from nctui.ui.widgets.bullets import bullet_list
from nctui.ui.widgets.choice_list import ChoiceList
from nctui.ui.widgets.keybar import KeyBar
from nctui.ui.widgets.scroll_area import ScrollArea
from nctui.ui.widgets.text_input import TextBox
from nctui.ui.widgets.trusted_line import TrustedLine
from nctui.ui.widgets.writing import WritingBox

if TYPE_CHECKING:
    from nctui.ui.app import NctuiApp

SHORT_HEIGHT = 28
"""Below this many rows the card drops its spacer under the wait."""


@dataclass(frozen=True)
class SosOutcome:
    """How the SOS moment ended: an urge resisted, contact for an allowed reason, or
    nothing to log (opened by mistake)."""

    allowed_reason: str | None
    delay_minutes: int
    reasons: str
    log: bool = True


class SosScreen(ModalScreen[SosOutcome]):
    """A wait timer, a breath, the person's own reasons, an idea, and a gentle triage."""

    CSS_PATH = "sos.tcss"
    AUTO_FOCUS = ""  # nothing to type into at first; the card itself when it scrolls

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "I'm OK", tooltip="close; logged as an urge resisted"),
        Binding("escape", "close_allowed", "Done", tooltip="close; logged as allowed contact"),
        Binding("escape", "keep_reasons", "Keep", tooltip="keep what you wrote"),
        Binding("escape", "leave_list", "Back", tooltip="no allowed reason after all"),
        Binding("x", "just_close", "Just close", tooltip="close without logging anything"),
        Binding(
            "plus,equals_sign", "longer", "Longer", key_display="+", tooltip="wait a little longer"
        ),
        Binding("minus", "shorter", "Shorter", key_display="−", tooltip="wait a little less"),
        Binding("d", "drinking", "Drinking?", tooltip="I have been drinking"),
        Binding("e", "edit_reasons", "Reasons", tooltip="edit your reasons"),
        Binding("y", "allowed", "Allowed", tooltip="this is for an allowed reason"),
        # Not in the bar (the card names both), so the bar fits 80 columns.
        Binding(
            "p", "copy_reach", "Copy", show=False, tooltip="copy how to reach your trusted person"
        ),
        Binding("w", "trusted", "Who", show=False, tooltip="people you trust to talk to instead"),
        # Dialogs hide the app's own ?; here no box takes it, so it opens the help.
        Binding("question_mark", "app.help", "Help", show=False, tooltip="every key here"),
    ]

    def __init__(
        self,
        clock: Clock,
        delay_minutes: int,
        reasons: str,
        suggestion: str,
        *,
        on_reasons: Callable[[str], object] | None = None,
        on_delay: Callable[[int], object] | None = None,
        people: Callable[[], Sequence[TrustedPerson]] = tuple,
        on_people: Callable[[tuple[TrustedPerson, ...]], object] | None = None,
    ) -> None:
        """`on_reasons` saves rewritten reasons as soon as the person keeps them;
        `on_delay` saves a changed wait as soon as it is chosen; `people` reads the
        trusted people as they are now (the card shows them again whenever they change,
        here, from the palette or in another window); `on_people` saves them once
        changed here."""
        super().__init__(classes="sos")
        self._clock = clock
        self._opened = clock()
        self.delay_minutes = clamp_delay(delay_minutes)
        self.reasons = reasons
        self._suggestion = suggestion
        self._on_reasons = on_reasons
        self._on_delay = on_delay
        self.drinking = False
        self._editing = False
        self._keeper: DraftKeeper | None = None
        self.allowed_reason: str | None = None
        self._read_people = people
        self.people: tuple[TrustedPerson, ...] = tuple(people())
        """The trusted people on show."""
        self._on_people = on_people
        self._copied = -1
        """The trusted person whose number p copied last (p again: the next one)."""

    def compose(self) -> ComposeResult:
        """The whole card: wait, breath, reasons, idea, warnings, triage, safety."""
        with ScrollArea(classes="dialog sos-card"):
            yield Static("Pause. You do not have to act on this feeling.", classes="dialog-title")
            with Vertical(classes="dialog-body"):
                with Horizontal(classes="sos-row"):
                    yield Static("", id="sos-wait")
                    yield Static("", id="sos-breath")
                yield Static("Your reasons", classes="field-label", id="sos-reasons-label")
                yield Static(self.reasons, id="sos-reasons", markup=False)
                yield WritingBox(self.reasons, max_chars=LONG_TEXT_MAX_CHARS, id="sos-reasons-edit")
                yield Static("Instead, right now", classes="field-label")
                yield Static(self._suggestion, id="sos-idea", markup=False)
                yield TrustedLine(id="sos-trusted")
                yield Static("", id="sos-warnings")
                # One line, so it stays in view at 80x24 even with a warning above it.
                yield Static(
                    "An allowed reason, like returning belongings or an emergency? Press y.",
                    classes="field-label",
                    id="sos-allowed-question",
                )
                yield ChoiceList(
                    *(Option(label, id=key) for key, label in ALLOWED_REASONS.items()),
                    id="sos-reasons-list",
                )
                yield Static("", id="sos-tips")
            # Outside the scrolling part: the way to urgent help never scrolls out of view.
            yield Static(SAFETY_LINE, classes="safety")
        yield KeyBar()

    def on_mount(self) -> None:
        """Show the live parts, and keep them moving each second."""
        self.query_one(TrustedLine).show(self.people)
        cast("NctuiApp", self.app).follow(self)
        self.refresh_live()
        self.set_interval(1.0, self.refresh_live)
        # On a short terminal the arrows scroll the card from the start.
        self.call_after_refresh(self.query_one(ScrollArea).focus_if_scrolling)

    def on_resize(self, event: events.Resize) -> None:
        """On a short terminal, drop a blank line so the wait stays in view."""
        self.set_class(event.size.height < SHORT_HEIGHT, "-short")

    def on_unmount(self) -> None:
        """Closing with nctui while the reasons are being rewritten: keep the words."""
        cast("NctuiApp", self.app).unfollow(self)
        if self._keeper is not None:
            self._keeper.close()

    def data_changed(self, changes: Changes) -> None:
        """The trusted people may have changed (from the palette, or another window):
        show them as they are now."""
        if changes.touches(Topic.SETTINGS):
            self._show_people(tuple(self._read_people()))

    def _show_people(self, people: tuple[TrustedPerson, ...]) -> None:
        if people == self.people:
            return
        self.people = people
        self._copied = -1
        self.query_one(TrustedLine).show(people)

    def refresh_live(self) -> None:
        """The wait, the breath and the warnings, as of now."""
        now = self._clock()
        left = wait_left(self._opened, now, self.delay_minutes)
        wait = self.query_one("#sos-wait", Static)
        if left.total_seconds() > 0:
            # Two lines: + and − are in the key bar, which says what they do.
            wait.update(
                f"[b]Wait {countdown_text(left)}[/b] ({self.delay_minutes} min)\n"
                "before doing anything"
            )
        else:
            wait.update("[b]The wait is over.[/b]\nHow do you feel now?")
        label, seconds = breath_step(now - self._opened)
        self.query_one("#sos-breath", Static).update(f"[b]{label}[/b]\n{'●' * seconds}")
        self._show_warnings(now)

    def _show_warnings(self, now: datetime) -> None:
        warnings = moment_warnings(now, self.drinking)
        box = self.query_one("#sos-warnings", Static)
        box.update(bullet_list(warnings))
        box.display = bool(warnings)

    def action_longer(self) -> None:
        """Wait longer: the next step of 1, 5, 10, 15… minutes, up to an hour."""
        self._set_delay(longer_wait(self.delay_minutes))

    def action_shorter(self) -> None:
        """Wait less: the step before, down to one minute."""
        self._set_delay(shorter_wait(self.delay_minutes))

    def _set_delay(self, minutes: int) -> None:
        # Kept at once, so the choice outlives a quit or a closed terminal.
        self.delay_minutes = minutes
        if self._on_delay is not None:
            self._on_delay(minutes)
        self.refresh_live()

    def action_drinking(self) -> None:
        """Say whether drink is involved; it changes what is worth keeping in mind."""
        self.drinking = not self.drinking
        self.refresh_live()
        if self.allowed_reason is not None:
            self._show_tips()
        # The question below the new warning stays in view, whatever the card's height.
        question = self.query_one("#sos-allowed-question", Static)
        self.call_after_refresh(question.scroll_visible, animate=False)

    def action_edit_reasons(self) -> None:
        """Edit your reasons in place; press e again (or Esc) to keep them."""
        if not self._editing:
            self._start_editing()
            return
        self._finish_editing()

    @work(group="reasons", exclusive=True)
    async def _start_editing(self) -> None:
        editor = self.query_one("#sos-reasons-edit", TextBox)
        shown = self.query_one("#sos-reasons", Static)
        app = cast("NctuiApp", self.app)
        self._editing = True
        self.refresh_bindings()
        taken = await take_back(app, SOS_REASONS_EDITOR, self.reasons)
        editor.load_text(taken.text)
        editor.display, shown.display = True, False
        editor.focus()
        self._keeper = DraftKeeper(app, SOS_REASONS_EDITOR, "your reasons", self.reasons)
        self._keeper.start(taken.stored)

    @on(TextBox.Changed, "#sos-reasons-edit")
    def _typed(self, event: TextBox.Changed) -> None:
        if self._keeper is not None:
            self._keeper.typed(event.text_area.text)

    def _finish_editing(self) -> None:
        editor = self.query_one("#sos-reasons-edit", TextBox)
        shown = self.query_one("#sos-reasons", Static)
        try:
            text = check_reasons(editor.text)
        except AnswerError as problem:
            self.notify(str(problem), title="Too long to keep", severity="warning", timeout=10)
            editor.focus()
            return
        if text and text != self.reasons:
            self.reasons = text
            if self._on_reasons is not None:
                self._on_reasons(text)
        if self._keeper is not None:
            self._keeper.stop()
            self._keeper.settled(self.reasons)
            self._keeper = None
        shown.update(self.reasons)
        editor.display, shown.display = False, True
        self._editing = False
        self._rest_focus()

    @on(WritingBox.PasteRefused)
    def _paste_refused(self, event: WritingBox.PasteRefused) -> None:
        event.stop()
        self.notify(
            f"That paste is {event.pasted:,} characters; your reasons hold up to "
            f"{LONG_TEXT_MAX_CHARS:,}, so it was not added. What you wrote is still here.",
            title="Too long to paste",
            severity="warning",
        )

    def _choosing(self) -> bool:
        # The list of allowed reasons is open: Esc closes it, not the card.
        return bool(self.query_one("#sos-reasons-list", OptionList).display)

    def action_leave_list(self) -> None:
        """Close the list of allowed reasons; the card stays as it was."""
        self.query_one("#sos-reasons-list", OptionList).display = False
        self.refresh_bindings()
        self._rest_focus()

    def action_allowed(self) -> None:
        """Pick which allowed reason this is."""
        menu = self.query_one("#sos-reasons-list", OptionList)
        menu.display = True
        self.refresh_bindings()  # Esc now reads "Back"
        # After the layout makes room for the list, so focusing scrolls it into view.
        self.call_after_refresh(self._focus_reasons_list)

    def _focus_reasons_list(self) -> None:
        # A key pressed meanwhile may have hidden it again; a hidden list must not take keys.
        menu = self.query_one("#sos-reasons-list", OptionList)
        if menu.display:
            menu.focus()

    @on(OptionList.OptionSelected, "#sos-reasons-list")
    def _allowed_chosen(self, event: OptionList.OptionSelected) -> None:
        # The card stays open: the tips matter most now, before anything is sent.
        event.stop()
        self.allowed_reason = event.option.id
        event.option_list.display = False
        tips = self._show_tips()
        self.refresh_bindings()  # Esc now reads "Done", not "I'm OK"
        self._rest_focus()
        self.call_after_refresh(tips.scroll_visible)

    def _show_tips(self) -> Static:
        tips = self.query_one("#sos-tips", Static)
        reason = ALLOWED_REASONS.get(self.allowed_reason or "", "")
        noted = Text.from_markup(
            f"[b]Noted: {in_sentence(reason)}.[/b] Esc closes this and logs it as allowed "
            "contact; x closes it without logging anything."
        )
        parts = [noted]
        if self.drinking:
            parts.append(
                Text.from_markup(
                    "[b]After drinking, wait until you are sober[/b], even for this: "
                    "a practical message keeps until tomorrow."
                )
            )
        tips.update(Group(*parts, bullet_list(ALLOWED_TIPS)))
        tips.display = True
        return tips

    def _rest_focus(self) -> None:
        # Out of the box or list, so letters are keys again; the arrows still scroll.
        self.set_focus(None)
        self.call_after_refresh(self.query_one(ScrollArea).focus_if_scrolling)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While editing reasons, letters type and Esc keeps the words; else Esc closes."""
        if action == "keep_reasons":
            return self._editing
        if action == "leave_list":
            return self._choosing()
        if action == "close":
            return not self._editing and self.allowed_reason is None and not self._choosing()
        if action == "close_allowed":
            return not self._editing and self.allowed_reason is not None and not self._choosing()
        return not self._editing

    def action_keep_reasons(self) -> None:
        """Keep the reasons as written."""
        self._finish_editing()

    def action_close(self) -> None:
        """Leave the moment behind; logged as an urge resisted, or the allowed contact."""
        self.dismiss(SosOutcome(self.allowed_reason, self.delay_minutes, self.reasons))

    def take_allowed_reason(self) -> str | None:
        """The allowed reason chosen, handed over once (nctui is closing, and logs it as
        closing the card would)."""
        reason, self.allowed_reason = self.allowed_reason, None
        return reason

    def action_close_allowed(self) -> None:
        """Close once an allowed reason is chosen; it is logged as allowed contact."""
        self.action_close()

    def action_copy_reach(self) -> None:
        """Copy how to reach a trusted person (p again: the next one)."""
        reachable = [person for person in self.people if person.reach]
        if not reachable:
            self.action_trusted()
            return
        self._copied = (self._copied + 1) % len(reachable)
        person = reachable[self._copied]
        self.app.copy_to_clipboard(person.reach)
        self.notify(
            f"Copied for {person.name}: {person.reach}. Your terminal may not pass it on; "
            "the number is here to read too.",
            title="Copied",
        )

    @work(group="trusted", exclusive=True)
    async def action_trusted(self) -> None:
        """Choose the people to talk to instead."""
        from nctui.ui.screens.trusted_people import TrustedPeopleScreen  # noqa: PLC0415

        people = await self.app.push_screen_wait(TrustedPeopleScreen(self.people))
        if people is None:
            return
        self._show_people(people)
        if self._on_people is not None:
            self._on_people(people)

    def action_just_close(self) -> None:
        """Close without logging anything (opened by mistake, or not an urge after all)."""
        self.dismiss(SosOutcome(None, self.delay_minutes, self.reasons, log=False))
