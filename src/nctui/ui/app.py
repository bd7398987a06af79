"""The nctui application: navigation, help, notices, and the link to the coach."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, cast

from textual import events, on, work
from textual._time import get_time  # the clock Textual stamps each key with
from textual.app import App, SystemCommand
from textual.binding import ActiveBinding, Binding, BindingType
from textual.command import CommandPalette
from textual.filter import LineFilter
from textual.message import Message
from textual.screen import ModalScreen, Screen

from nctui.coach import Changes, Coach
from nctui.coach.data_file import CouldNotRead, Snapshot
from nctui.domain.clock import Clock
from nctui.domain.drafts import kept_note
from nctui.domain.ledger import ALLOWED_REASONS, SOS_SOURCE, Kind, in_sentence
from nctui.domain.sos import idea_for
from nctui.exit_codes import signal_exit
from nctui.startup import resume_collection, set_aside
from nctui.ui.cover import Cover
from nctui.ui.dialogs.passphrase_task import PassphraseTask
from nctui.ui.key_rules import is_text_box, works_while_typing
from nctui.ui.navigation import (
    ACTIVITIES,
    COUNTDOWN,
    DESTINATIONS,
    HOME,
    INTAKE,
    JOURNAL,
    READINESS,
    Destination,
)
from nctui.ui.paths import display_path
from nctui.ui.privacy_palette import privacy_commands
from nctui.ui.screen_filter import ControlPictures
from nctui.ui.stylesheet import ParseOnceStylesheet
from nctui.ui.theme import DEFAULT_THEME, NCTUI_THEME
from nctui.ui.widgets.scroll_area import keep_focus_in_view

if TYPE_CHECKING:
    from nctui.ui.screens.sos import SosOutcome

SCREENS_GROUP = Binding.Group("Screens")
QUIT_TIP = "Save everything and leave nctui; words not saved yet are kept as drafts."
HIDE_TIP = "cover the screen at once with a plain one; any key brings it back"
SAME_AS = {"quit_key": "quit"}
"""Actions that do the same as another, so the help shows their keys on one row."""
HANG_UP_SIGNALS = ("SIGHUP", "SIGTERM")
"""A closed terminal, or a polite request to stop: both end in keeping everything."""


class KeepsDraft(Protocol):
    """An open editor's keeper of unsaved words (see `nctui.ui.drafts`)."""

    label: str

    def keep_now(self) -> bool:
        """Write the words now; True while a draft holds unsaved words."""
        ...


class WriteFailed(Message):
    """Posted from the writer thread when changes could not be saved yet."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class StorageNotice(Message):
    """Posted from the writer thread when it repaired something the person should know."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class KeyWanted(Message):
    """Posted from the writer thread: the data file is now sealed with a passphrase
    this window was not given (changed, or encryption turned on, in another window)."""

    def __init__(self, was_plain: bool) -> None:
        super().__init__()
        self.was_plain = was_plain


class DataChanged(Message):
    """The data changed, here or in another window: `changes` says which kinds of record.

    One message for every change made since the last one was handled."""

    def __init__(self, changes: Changes) -> None:
        super().__init__()
        self.changes = changes


class FollowsData(Protocol):
    """A screen that shows stored data and updates the parts that show what changed."""

    def data_changed(self, changes: Changes) -> None:
        """Update what shows these changes now, or once the screen is on show again."""
        ...


SCREENS: dict[str, tuple[str, str]] = {
    HOME.name: ("nctui.ui.screens.home", "HomeScreen"),
    INTAKE.name: ("nctui.ui.screens.intake", "IntakeScreen"),
    COUNTDOWN.name: ("nctui.ui.screens.countdown", "CountdownScreen"),
    ACTIVITIES.name: ("nctui.ui.screens.activities", "ActivitiesScreen"),
    JOURNAL.name: ("nctui.ui.screens.journal", "JournalScreen"),
    READINESS.name: ("nctui.ui.screens.readiness", "ReadinessScreen"),
}
"""Where each top-level screen lives: module and class."""


def _screen_factory(target: Destination) -> Callable[[], Screen[None]]:
    # Screens are imported when first opened, keeping start-up to the first screen's cost.
    module_name, class_name = SCREENS[target.name]

    def build() -> Screen[None]:
        screen_class = getattr(import_module(module_name), class_name)
        return cast("Screen[None]", screen_class())

    return build


def _declared_here(node: object, binding: Binding) -> bool:
    """Whether nctui itself declared this binding (not Textual, for any widget).

    Textual's own keys (scrolling, moving a cursor, focus, copy) work the same in every
    app; listing them would bury the keys that are particular to this screen.
    """
    if binding.action == "command_palette":
        return True
    for cls in type(node).__mro__:
        for declared in cls.__dict__.get("BINDINGS", ()):
            keys, action = (
                (declared.key, declared.action)
                if isinstance(declared, Binding)
                else (declared[0], declared[1])
            )
            if action == binding.action and binding.key in keys.replace(" ", "").split(","):
                return cls.__module__.startswith("nctui.")
    return False


def _explain(binding: Binding) -> str:
    if binding.action == "command_palette":
        return "Command palette — search every screen and action"
    if binding.tooltip:
        return f"{binding.description} — {binding.tooltip}"
    return binding.description


def listed_bindings(screen: Screen[object]) -> list[tuple[str, ActiveBinding]]:
    """The keys the help lists for `screen` as it is now, each with where it works.

    nctui's own keys, leaving out those a focused text box would take as typing. The
    help screen shows exactly these, and the key tests press exactly these.
    """
    listed = []
    for active in [*screen.active_bindings.values(), *_priority_past_dialog(screen)]:
        binding = active.binding
        if not binding.description or not _declared_here(active.node, binding):
            continue
        if not works_while_typing(binding, screen.focused):
            continue
        if active.node is screen.app:
            section = "Anywhere"
        elif active.node is screen:
            section = "This screen"
        else:
            section = "In the focused box"
        listed.append((section, active))
    return listed


def _priority_past_dialog(screen: Screen[object]) -> list[ActiveBinding]:
    # A dialog's own bindings stop at the dialog, but priority keys (F2, Ctrl+Q, F12...)
    # still reach the app from it: Textual leaves those out of `active_bindings`.
    shown = screen.active_bindings
    chain = screen._binding_chain
    found = []
    for node, bindings in chain[len(screen._modal_binding_chain) :]:
        for key, binding in bindings:
            if not binding.priority or key in shown:
                continue
            state = screen.app._check_action_state(binding.action, node)
            if state is not False:
                found.append(ActiveBinding(node, binding, bool(state), binding.tooltip))
    return found


class NctuiApp(App[None]):
    """The whole app. Build it with `create_app`."""

    CSS_PATH = "app.tcss"
    TITLE = "nctui"

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                d.key,
                f"go('{d.name}')",
                d.label,
                id=f"go-{d.name}",
                tooltip=d.summary,
                group=SCREENS_GROUP,
            )
            for d in DESTINATIONS
        ),
        Binding(
            "question_mark",
            "help",
            "Help",
            key_display="?",
            id="help",
            tooltip="every key that works here",
        ),
        # With priority, so F1 opens the help from dialogs and text boxes too.
        Binding("f1", "help", "Help", show=False, id="help-f1", priority=True),
        Binding(
            "exclamation_mark",
            "sos",
            "SOS",
            key_display="!",
            id="sos",
            tooltip="when you want to contact them: slow the moment down",
        ),
        # F2 works even while typing in a text box, where ! would be typed instead.
        Binding("f2", "sos", "SOS", show=False, priority=True, id="sos-f2"),
        # With priority, so q quits from dialogs too (they hide the app's other keys);
        # while a box takes letters it is typed instead (see check_action).
        Binding("q", "quit_key", "Quit", id="quit", tooltip=QUIT_TIP, priority=True),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, tooltip=QUIT_TIP),
        # With priority, so it hides from dialogs, the palette and text boxes too. F12
        # reaches the app in every common terminal; Ctrl+B is tmux's own prefix.
        Binding("f12", "hide", "Hide", show=False, priority=True, id="hide", tooltip=HIDE_TIP),
    ]

    cursor_blink = True
    """Whether text cursors blink; screenshots and snapshot tests turn it off."""

    poll_seconds = 2.0
    """How often to look for changes made by another nctui window (tests poll by hand)."""

    draft_pause_seconds = 1.5
    """How long typing must pause before an editor's words are kept as a draft."""

    lock_check_seconds = 20.0
    """How often to see whether the idle lock is due (tests call it by hand)."""

    def __init__(self, coach: Coach) -> None:
        # Start straight in the first screen's mode, so no blank default screen is
        # built and drawn first (measured in benchmarks/). Textual reads DEFAULT_MODE
        # during __init__, and the first screen depends on the person's data.
        self.DEFAULT_MODE = self.start_place(coach)  # type: ignore[misc]
        super().__init__()
        self.stylesheet = ParseOnceStylesheet(variables=self.get_css_variables())
        self.coach = coach
        self.clock: Clock = coach.clock
        self._followers: list[FollowsData] = []
        self._unshown: Changes | None = None
        """Changes not yet handed to the screens (one message carries them all)."""
        self._write_problem: str | None = None
        self._control_pictures = ControlPictures()
        self._started = False
        self._screen_changed_at = 0.0
        """When the screen on top last changed, on Textual's clock for keys."""
        self._keepers: list[KeepsDraft] = []
        self._signals: list[tuple[signal.Signals, object]] = []
        self.goodbye: str | None = None
        """What to tell the person once the app has closed (words kept as drafts)."""
        self._held_notices: list[tuple[str, dict[str, Any]]] | None = None
        """Notices kept back while a dialog about the data file is open (else None)."""
        self.cover = Cover(self)
        """The hide key's screen and the lock, and what stays neutral behind them."""
        self.register_theme(NCTUI_THEME)
        saved_theme = coach.settings.theme(DEFAULT_THEME)
        self.theme = saved_theme if saved_theme in self.available_themes else DEFAULT_THEME
        for target in DESTINATIONS:
            self.add_mode(target.name, _screen_factory(target))

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, and one that never lets a control character reach the
        terminal (see nctui.ui.screen_filter)."""
        return [*super().get_line_filters(), self._control_pictures]

    # -- start and stop ------------------------------------------------------------

    def on_mount(self) -> None:
        """Tell the person anything they must know, then keep an eye on the data file."""
        self.coach.file.watch(
            self._report_write_error,
            self._report_notice,
            self._report_key_wanted,
        )
        self.coach.listen(self._hear_changes)
        self.screen_change_signal.subscribe(self, self._screen_changed)
        self._started = True
        # After the first screen is drawn: see nctui.startup.
        self.call_after_refresh(resume_collection)
        self._show_open_report()
        if self.coach.file.report.set_aside:
            self._look_for_history_set_aside()
        self.check_period()
        if self.poll_seconds > 0:
            self.set_interval(self.poll_seconds, self._poll_storage)
        if self.lock_check_seconds > 0:
            self.set_interval(self.lock_check_seconds, self.cover.lock_if_idle)
        self._listen_for_hang_up()

    def _screen_changed(self, _screen: Screen[Any]) -> None:
        self._screen_changed_at = get_time()
        self.cover.follow()

    async def _on_key(self, event: events.Key) -> None:
        # A letter typed in the same instant as the key that opened a log dialog went to
        # the screen below before the dialog was up, and comes back here unused: it
        # belongs in the dialog's note, where it would have gone typed slowly. Any other
        # key goes on to Textual's own handler (called after this one).
        take = getattr(self.screen, "type_ahead", None)
        late = event.time < self._screen_changed_at and event.is_printable
        if late and event.character and callable(take):
            event.prevent_default()
            take(event.character)

    @staticmethod
    def start_place(coach: Coach) -> str:
        """The dashboard once there is a plan; the home screen before that."""
        return COUNTDOWN.name if coach.period.has_plan() else HOME.name

    def on_resize(self) -> None:
        """Once the screen is laid out at the new size, bring the focused control back
        into view (a note box being typed in must not vanish under the fold)."""
        screen = self.screen

        def laid_out(_screen: Screen[object]) -> None:
            screen.screen_layout_refresh_signal.unsubscribe(self)
            self.call_after_refresh(keep_focus_in_view, screen)

        screen.screen_layout_refresh_signal.subscribe(self, laid_out)

    def on_unmount(self) -> None:
        """Keep unsaved words as drafts, then write what is still queued; anything that
        cannot be written is kept aside.

        The command line closes the data file again to learn where such changes went.
        """
        self._stop_listening()
        self.cover.closing()
        self.coach.stop_listening(self._hear_changes)
        self.keep_drafts()
        self.coach.file.close(timeout=5.0)

    async def action_quit(self) -> None:
        """Keep words not saved yet as drafts, say so once closed, and leave."""
        self.goodbye = self._settle_before_leaving() or None
        self.exit()

    async def action_quit_key(self) -> None:
        """q, wherever it is not typed into a box: the same as Ctrl+Q."""
        await self.action_quit()

    def _settle_before_leaving(self) -> str:
        """Keep every open editor's words and settle an open SOS card as closing it
        would; what to tell the person about it once nctui has closed."""
        notes = [self._settle_sos(), kept_note(self.keep_drafts())]
        return " ".join(note for note in notes if note)

    def _settle_sos(self) -> str:
        # The card said the allowed contact "will be logged when you close this": leaving
        # nctui closes it too.
        for screen in self.screen_stack:
            if not screen.has_class("sos"):
                continue
            from nctui.ui.screens.sos import SosScreen  # noqa: PLC0415 - loaded already

            reason = screen.take_allowed_reason() if isinstance(screen, SosScreen) else None
            if reason is not None and self.coach.ledger.log(Kind.ALLOWED, detail=reason):
                label = ALLOWED_REASONS.get(reason, reason)
                return f"Logged as allowed contact: {in_sentence(label)}."
        return ""

    def _listen_for_hang_up(self) -> None:
        # Without this a closed terminal ends the process at once (Python's default for
        # SIGHUP), before anything queued is written. Only the main thread may listen.
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        for name in HANG_UP_SIGNALS:
            number = getattr(signal, name, None)
            if number is None:
                continue  # Windows has no SIGHUP
            try:
                previous = signal.getsignal(number)
                loop.add_signal_handler(number, self._hang_up, number)
            except (NotImplementedError, RuntimeError, ValueError):
                continue
            self._signals.append((number, previous))

    def _stop_listening(self) -> None:
        loop = asyncio.get_running_loop()
        for number, previous in self._signals:
            with contextlib.suppress(Exception):
                loop.remove_signal_handler(number)
                signal.signal(number, previous)  # type: ignore[arg-type]
        self._signals.clear()

    def _hang_up(self, number: int) -> None:
        """The terminal was closed (or nctui was asked to stop): keep unsaved words and
        write everything now, while the process still can, then leave with the code
        shells expect for that signal."""
        self.goodbye = self._settle_before_leaving() or None
        with contextlib.suppress(Exception):  # whatever is left is written at exit
            self.coach.file.flush(timeout=5.0)
        self.exit(return_code=signal_exit(number))

    def _handle_exception(self, error: Exception) -> None:
        # Something went wrong in nctui itself: the words being written are kept first.
        with contextlib.suppress(Exception):
            self.keep_drafts()
        super()._handle_exception(error)

    def _show_open_report(self) -> None:
        report = self.coach.file.report
        if report.moved_aside is not None and report.salvaged:
            self.notify(
                "Part of your data file could not be read, so nctui left this out: "
                f"{report.damage}. Everything else is here. The file as it was is kept at "
                f"{display_path(report.moved_aside)}.",
                title="Some entries left out",
                severity="warning",
                timeout=20,
            )
        elif report.moved_aside is not None:
            from nctui.ui.screens.notice import NoticeScreen  # noqa: PLC0415 - rarely needed

            # Notices wait until it is closed: they would cover the dialog they follow.
            self._held_notices = []
            self.push_screen(
                NoticeScreen(
                    "Your data file could not be read",
                    f"nctui could not read its data file ({report.damage}), so it has "
                    "started a fresh one.\n\n"
                    "Nothing was deleted. The old file is kept, untouched, at:\n"
                    f"{display_path(report.moved_aside)}\n\n"
                    "nctui also keeps a copy from each of the last few days in the "
                    "backups folder beside it. In a terminal, nctui backups lists them, "
                    "and nctui import with one of them adds back everything it holds.",
                ),
                callback=self._release_notices,
            )
        elif report.migrated_from is not None and report.backup is not None:
            self.notify(
                "Your data was brought up to date. The old file is kept at "
                f"{display_path(report.backup)}.",
                title="Data updated",
                timeout=8,
            )
        for leftover in report.unreadable_leftovers:
            self.notify(
                "A file of changes an earlier run could not save cannot be read, so nothing "
                f"from it was added. It is left as it was, at {display_path(leftover)}.",
                title="Unsaved changes not added",
                severity="warning",
                timeout=20,
            )
        if report.added_back:
            one = report.added_back == 1
            self.notify(
                f"{report.added_back} change{'' if one else 's'} that could not be saved "
                f"last time {'is' if one else 'are'} saved now.",
                title="Nothing lost",
                timeout=8,
            )

    def notify(self, message: str, **options: Any) -> None:
        """Show a notice, or keep it until the open data-file dialog is closed, or
        until the app is uncovered (a notice must not show on the hide key's screen)."""
        if self.cover.keep(message, options):
            return
        if self._held_notices is not None:
            self._held_notices.append((message, options))
            return
        super().notify(message, **options)

    def _release_notices(self, _closed: object = None) -> None:
        held, self._held_notices = self._held_notices or [], None
        for message, options in held:
            self.notify(message, **options)

    @work(thread=True, group="set-aside")
    def _look_for_history_set_aside(self) -> None:
        # Reads every copy kept aside: off the keystroke path, after the first paint.
        for copy in self.coach.file.copies_with_more():
            self.call_from_thread(self._tell_of_history_set_aside, copy)

    def _tell_of_history_set_aside(self, copy: Path) -> None:
        self.notify(
            "A copy of your data file that nctui could not fully read holds entries your "
            f"current file does not. It is kept, untouched, at {display_path(copy)}.\n"
            "To use it instead: close nctui, move nctui.json somewhere safe, and rename "
            "the copy to nctui.json; nctui keeps every entry it can read. Once you no "
            "longer need the copy, delete it and this note stops.",
            title="Older history set aside",
            severity="warning",
            timeout=30,
        )

    # -- changes out -------------------------------------------------------------------

    def follow(self, screen: FollowsData) -> None:
        """Tell `screen` of every change to the data from now on."""
        if screen not in self._followers:
            self._followers.append(screen)

    def unfollow(self, screen: FollowsData) -> None:
        """`screen` is gone: no more changes for it."""
        if screen in self._followers:
            self._followers.remove(screen)

    def _hear_changes(self, changes: Changes) -> None:
        # Several changes in one keypress (a plan and its checklist, say) make one message.
        first = self._unshown is None
        self._unshown = changes if self._unshown is None else self._unshown | changes
        if first:
            self.post_message(DataChanged(changes))

    @on(DataChanged)
    def _on_data_changed(self, message: DataChanged) -> None:
        changes, self._unshown = self._unshown or message.changes, None
        for screen in list(self._followers):
            screen.data_changed(changes)
        if changes.everything:
            # The history was read afresh and lasts until the next such change.
            self.call_after_refresh(set_aside)

    # -- saving ----------------------------------------------------------------------

    def _report_write_error(self, reason: str) -> None:
        # Runs on the writer thread: post_message is safe there, and never blocks.
        self.post_message(WriteFailed(reason))

    def _report_notice(self, text: str) -> None:
        # Runs on the writer thread, like _report_write_error.
        self.post_message(StorageNotice(text))

    @on(WriteFailed)
    def _on_write_failed(self, message: WriteFailed) -> None:
        if message.reason == self._write_problem:
            return
        self._write_problem = message.reason
        self.notify(
            f"{message.reason}\nYour changes are kept in this window and nctui keeps trying.",
            title="Could not save just now",
            severity="error",
            timeout=12,
        )

    def _report_key_wanted(self, was_plain: bool) -> None:
        # Runs on the writer thread, like _report_write_error.
        self.post_message(KeyWanted(was_plain))

    @on(KeyWanted)
    def _on_key_wanted(self, message: KeyWanted) -> None:
        self.cover.ask_for_new_key(was_plain=message.was_plain)

    @on(StorageNotice)
    def _on_storage_notice(self, message: StorageNotice) -> None:
        self.notify(message.text, title="Your data file", severity="warning", timeout=15)

    # -- drafts of unsaved words ---------------------------------------------------------

    def add_draft_keeper(self, keeper: KeepsDraft) -> None:
        """Have `keeper` write its words whenever nctui closes."""
        if keeper not in self._keepers:
            self._keepers.append(keeper)

    def remove_draft_keeper(self, keeper: KeepsDraft) -> None:
        """The editor closed: its keeper has nothing more to do at exit."""
        if keeper in self._keepers:
            self._keepers.remove(keeper)

    def keep_drafts(self) -> list[str]:
        """Have every open editor keep its unsaved words; what each one was writing."""
        kept = []
        for keeper in list(self._keepers):
            try:
                if keeper.keep_now():
                    kept.append(keeper.label)
            except Exception:  # one editor's trouble must not cost the others their words
                continue
        return kept

    def check_period(self) -> None:
        """Record a period that has reached its end, and celebrate a new milestone."""
        for text in self.coach.period.catch_up():
            self.notify(text, title="A moment to notice", timeout=8)

    def _poll_storage(self) -> None:
        self.check_period()
        self.cover.settle_new_key()
        data = self.coach.file
        if data.unsaved:
            data.retry()
            return
        if self._write_problem is not None:
            self._write_problem = None
            self.notify("Everything is saved now.", title="Saved")
        if data.changed_elsewhere():
            self._reload()

    @work(thread=True, exclusive=True, group="reload")
    def _reload(self) -> None:
        # Reading and parsing the whole file happens here, off the keystroke path.
        try:
            snapshot = self.coach.file.read_elsewhere()
        except CouldNotRead as error:
            self.call_from_thread(self._reload_failed, str(error))
            return
        if snapshot is not None:
            self.call_from_thread(self._finish_reload, snapshot)

    def _finish_reload(self, snapshot: Snapshot) -> None:
        if self.coach.file.take_in(snapshot):
            self.notify("Updated with changes from another nctui window.", timeout=4)

    def _reload_failed(self, reason: str) -> None:
        self.coach.file.mark_seen()
        self.notify(reason, title="Could not read changes", severity="error", timeout=12)

    def watch_theme(self, theme: str) -> None:
        """Remember the chosen theme for next time."""
        if self._started:
            self.coach.settings.set_theme(theme, DEFAULT_THEME)

    # -- navigation ------------------------------------------------------------------

    def go(self, name: str) -> None:
        """Show the top-level screen called `name`, unless a dialog is waiting for an answer.

        Its own key, pressed on it, goes back to its first view.
        """
        if isinstance(self.screen, ModalScreen):
            self.notify("Close this window first: Esc, or choose an answer.", timeout=4)
            return
        if self.current_mode != name:
            self.switch_mode(name)
            return
        from nctui.ui.screens.base import NctuiScreen  # noqa: PLC0415 - loaded with any screen

        if isinstance(self.screen, NctuiScreen):
            self.screen.show_first_view()

    def action_go(self, name: str) -> None:
        """Show the screen called `name` (bound to its key)."""
        self.go(name)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Screen keys pause while a dialog is open, so a stray letter cannot lose it.

        SOS works over any dialog but itself; help over any (it closes back to it).
        """
        if not self._screen_stack:
            return False  # closing: a key bar still drawing while screens go asks here
        cover_allows = getattr(self.screen, "app_actions", None)
        if cover_allows is not None:  # a cover: nothing behind it may be reached
            return action in cover_allows
        if action == "sos":
            return not self.screen.has_class("sos")
        if action == "help":
            return not self.screen.has_class("help")  # there, F1 closes it
        if action == "quit_key":
            screen = self.screen
            takes_letters = getattr(screen, "takes_letters", None)
            return not is_text_box(screen.focused) and not (
                callable(takes_letters) and takes_letters()
            )
        return not (action == "go" and isinstance(self.screen, ModalScreen))

    def action_command_palette(self) -> None:
        """Open the command palette, unless one is open already under a dialog."""
        # Textual looks only at the top screen, and a second palette would not mount.
        if not any(isinstance(screen, CommandPalette) for screen in self.screen_stack):
            super().action_command_palette()

    def action_hide(self) -> None:
        """Cover everything at once with a plain, empty screen; any key brings it back."""
        self.cover.hide()

    async def on_event(self, event: events.Event) -> None:
        """Note every key and mouse move, for the idle lock, then handle it as usual."""
        if isinstance(event, (events.InputEvent, events.Paste)):
            self.cover.active()
        await super().on_event(event)

    def action_sos(self) -> None:
        """Open the SOS moment: a wait, a breath, your reasons, and a way through."""
        from nctui.ui.screens.sos import SosScreen  # noqa: PLC0415 - not needed to start

        if isinstance(self.screen, CommandPalette):
            self.screen.dismiss()  # F2 from the palette: the card takes its place
        now = self.clock()
        settings = self.coach.settings
        screen = SosScreen(
            self.clock,
            settings.sos_delay(),
            settings.sos_reasons(),
            idea_for(now),
            on_reasons=settings.set_sos_reasons,
            on_delay=settings.set_sos_delay,
            people=self.coach.companion.trusted,
            on_people=self.coach.companion.set_trusted,
        )
        self.push_screen(screen, callback=self._sos_closed)

    def _sos_closed(self, outcome: SosOutcome | None) -> None:
        if outcome is None:
            return
        self.coach.settings.set_sos_delay(outcome.delay_minutes)
        self.coach.settings.set_sos_reasons(outcome.reasons)
        if not outcome.log:
            return
        kind = Kind.URGE if outcome.allowed_reason is None else Kind.ALLOWED
        event = self.coach.ledger.log(kind, detail=outcome.allowed_reason, source=SOS_SOURCE)
        if event is None:
            self.notify("Well done for pausing. When you are ready, the intake (i) makes a plan.")
            return
        if kind is Kind.URGE:
            self.notify("Logged as an urge resisted. You rode it out.", title="Well done")
        else:
            self.notify(
                "Logged as allowed contact. Keep it short and practical, then come back.",
                title=event.summary,
            )

    @work(group="trusted", exclusive=True)
    async def action_trusted_people(self) -> None:
        """Choose the people to talk to instead (the SOS card shows them)."""
        from nctui.ui.screens.trusted_people import TrustedPeopleScreen  # noqa: PLC0415

        companion = self.coach.companion
        people = await self.push_screen_wait(TrustedPeopleScreen(companion.trusted()))
        if people is not None and companion.set_trusted(people):
            self.notify("Saved. The SOS card (!) shows them.", title="People to talk to")

    def action_help(self) -> None:
        """Open the list of every key that works here."""
        from nctui.ui.screens.help import (  # noqa: PLC0415
            DIALOG_ORDER,
            SECTION_ORDER,
            HelpScreen,
            group_keys,
        )

        screen = self.screen
        entries = []
        for section, active in listed_bindings(screen):
            binding = active.binding
            described = _explain(binding)
            if not active.enabled:
                described += " (not right now)"
            action = SAME_AS.get(binding.action, binding.action)
            entries.append((section, action, self.get_key_display(binding), described))
        title = screen.sub_title or self.title
        order = DIALOG_ORDER if isinstance(screen, ModalScreen) else SECTION_ORDER
        self.push_screen(HelpScreen(group_keys(entries, order), title))

    def export_data(self, fmt: str) -> None:
        """Export the data in `fmt` to the exports folder, and say where it went."""
        from nctui.coach.exchange.export import Format, export_bytes  # noqa: PLC0415

        # Read here, on the app's thread, so no change can land halfway through.
        chosen = Format(fmt)
        self._write_export(chosen, export_bytes(self.coach, chosen))

    @work(thread=True, group="export")
    def _write_export(self, fmt: object, payload: bytes) -> None:
        from nctui.coach.exchange.export import ExportError, Format, into_exports  # noqa: PLC0415

        assert isinstance(fmt, Format)
        try:
            written = into_exports(self.coach, fmt, payload)
        except ExportError as error:
            self.call_from_thread(
                self.notify, str(error), title="Not exported", severity="error", timeout=15
            )
            return
        self.call_from_thread(
            self.notify,
            f"Written to {written}. It is plain text: keep it somewhere private.",
            title="Your data is exported",
            timeout=15,
        )

    def _open_privacy_task(self, task: PassphraseTask) -> None:
        from nctui.ui.dialogs.passphrase import PassphraseDialog  # noqa: PLC0415

        self.push_screen(PassphraseDialog(task), callback=self._privacy_done)

    def _privacy_done(self, outcome: str | None) -> None:
        if outcome:
            self.notify(outcome, title="Privacy", timeout=8)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette: a jump to every screen, then Textual's own commands."""
        if not isinstance(screen, ModalScreen):
            for target in DESTINATIONS:
                yield SystemCommand(
                    f"Go to {target.title}", target.summary, partial(self.go, target.name)
                )
            yield SystemCommand("Help: every key", "What each key does, here", self.action_help)
            for fmt, what in EXPORTS:
                yield SystemCommand(
                    f"Export my data… ({what})",
                    "Written to the exports folder beside your data; the note says where",
                    partial(self.export_data, fmt),
                )
            for title, what, run in privacy_commands(
                self.coach.privacy, self._open_privacy_task, self._privacy_done
            ):
                yield SystemCommand(title, what, run)
        if not screen.has_class("sos"):
            yield SystemCommand("SOS", "A pause before you act on an urge", self.action_sos)
        if not screen.has_class("trusted-people"):
            yield SystemCommand(
                "People to talk to instead",
                "One or two people you trust; the SOS card shows them",
                self.action_trusted_people,
            )
        yield SystemCommand("Quit", QUIT_TIP, self.action_quit)
        # Textual's own (theme, screenshot...), without those replaced above.
        yield from (
            command
            for command in super().get_system_commands(screen)
            if command.title not in {"Keys", "Quit"}
        )


EXPORTS = (
    ("json", "JSON: everything, to import elsewhere"),
    ("markdown", "Markdown: a document to read or print"),
    ("csv", "CSV: check-ins and events for a spreadsheet"),
)
"""The palette's export commands: format, and what it is for."""


def create_app(data_dir: Path, clock: Clock) -> NctuiApp:
    """Open the data in `data_dir` and build the app around it.

    Raises StorageError (with a message for a person) when the data cannot be used.
    """
    return NctuiApp(Coach.open(data_dir, clock))


__all__ = ["DataChanged", "KeyWanted", "NctuiApp", "StorageNotice", "WriteFailed", "create_app"]
