"""Check-in & journal: today's check-in, the mood chart, the journal, and sealed letters."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import OptionList, Static, TabbedContent, TabPane

from nctui.coach import Changes, Topic
from nctui.domain.chart_data import chart_data, chart_window
from nctui.domain.checkin import CheckInValues, DayEntry, Rating, checkin_fields, ratings_line
from nctui.domain.drafts import (
    NEW_LETTER_EDITOR,
    Draft,
    checkin_day_of,
    checkin_editor,
    letter_editor,
    letter_id_of,
    worth_keeping,
    written_when,
)
from nctui.domain.humanize import moment_text
from nctui.domain.letters import Letter, LetterState, letter_state, sealed_until
from nctui.domain.mood_trend import WeekAverage, trend, weekly_averages
from nctui.domain.period import PeriodStatus, State, zone_of
from nctui.domain.text import clean_text
from nctui.ui.drafts import DraftKeeper, take_back
from nctui.ui.key_rules import is_text_box
from nctui.ui.navigation import JOURNAL
from nctui.ui.screens.base import NctuiScreen
from nctui.ui.screens.checkin_editor import EditCheckInScreen
from nctui.ui.screens.confirm import ConfirmScreen
from nctui.ui.screens.day_start import DayStartScreen
from nctui.ui.screens.entry_history import EntryHistoryScreen
from nctui.ui.screens.letter_editor import LetterEditorScreen
from nctui.ui.widgets.checkin_form import CheckInForm
from nctui.ui.widgets.in_order import ScreenKeysInOrder
from nctui.ui.widgets.journal_browser import JournalBrowser, long_day
from nctui.ui.widgets.letter_shelf import LetterShelf, seal_note
from nctui.ui.widgets.mood_chart import MoodChart, preload
from nctui.ui.widgets.patterns_view import PatternsView

TODAY, CHART, JOURNAL_TAB, LETTERS = "today", "chart", "journal", "letters"
PATTERNS = "patterns"
VIEW_GROUP = Binding.Group("Views")
JOURNAL_ACTIONS = {"edit", "versions"}
LETTER_ACTIONS = {"write", "seal", "open_letter"}
SEALED_SINCE = (
    "The letter you were adding to has been sealed since, so these words can start a new one."
)
NOT_SAVED_BEFORE = "That day's check-in was never saved, so these words can go into today's."


def today_heading(day: date, status: PeriodStatus) -> str:
    """ "Thursday 26 November 2026 · day 31 of 45"."""
    if status.state is State.ACTIVE:
        return f"[b]{long_day(day)}[/b] · day {status.day} of {status.length_days}"
    return f"[b]{long_day(day)}[/b]"


def today_status(entry: DayEntry | None, now: datetime) -> str:
    """Whether today's check-in is done, said gently either way."""
    if entry is None:
        return "How is today? Three numbers are enough; the journal is there if you want it."
    saved = entry.current.at.astimezone(zone_of(now))
    return (
        f"[$success]✓[/] Checked in at {saved:%H:%M}. Change anything and Ctrl+S; "
        "both versions are kept."
    )


def weeks_table(weeks: Iterable[WeekAverage]) -> str:
    """Weekly averages as aligned markup lines; weeks with few check-ins are dimmed."""
    lines = ["[b]Weekly averages[/b]", "[b]Week          Mood  Miss  Urge[/b]"]

    def shown(value: float | None) -> str:
        return "    –" if value is None else f"{value:5.1f}"

    for week in weeks:
        row = (
            f"{week.number:>2}  {week.first_day.day:>2} {week.first_day:%b}  "
            f"{shown(week.mood)} {shown(week.miss)} {shown(week.urge)}"
        )
        lines.append(row if week.counts else f"[dim]{row}[/dim]")
    lines.append("[dim]Dimmed: under 3 check-ins[/dim]")
    return "\n".join(lines)


class JournalScreen(ScreenKeysInOrder, NctuiScreen):
    """Four views on one screen, one number key each.

    The view keys are digits and the rating boxes take digits, so the screen opens
    with no box holding the cursor: 1 to 5 switch views, and Enter starts the check-in.
    Inside a box digits are typed, as any key is; Esc leaves the box. Keys typed ahead
    (Enter, then the mood at once) act in the order they were typed.
    """

    destination = JOURNAL
    CSS_PATH = "journal.tcss"
    AUTO_FOCUS = None

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "1", "view('today')", "Today", group=VIEW_GROUP, show=False, tooltip="today's check-in"
        ),
        Binding(
            "2", "view('chart')", "Chart", group=VIEW_GROUP, show=False, tooltip="chart and trend"
        ),
        Binding(
            "3",
            "view('journal')",
            "Journal",
            group=VIEW_GROUP,
            show=False,
            tooltip="read and search",
        ),
        Binding(
            "4",
            "view('letters')",
            "Letters",
            group=VIEW_GROUP,
            show=False,
            tooltip="unsent letters",
        ),
        Binding(
            "5",
            "view('patterns')",
            "Patterns",
            group=VIEW_GROUP,
            show=False,
            tooltip="when urges and slips come, and what sets them off",
        ),
        Binding("enter", "start_checkin", "Check in", tooltip="start typing, the mood first"),
        # The form's own Ctrl+S works inside it; this one, anywhere on the Today view.
        Binding("ctrl+s", "save_checkin", "Save", show=False, tooltip="save this check-in"),
        Binding("slash", "search", "Search", key_display="/", tooltip="search the journal"),
        Binding("e", "edit", "Edit", tooltip="edit this day; the earlier version is kept"),
        Binding("v", "versions", "History", tooltip="every version of this day"),
        Binding("w", "write", "Write", tooltip="write a letter you will not send"),
        Binding("s", "seal", "Seal", tooltip="seal this draft until your period is over"),
        Binding("o", "open_letter", "Open", tooltip="open this letter"),
        # Not in the bar (the Today view names it), so the bar fits 80 columns.
        Binding("d", "day_start", "Day starts", show=False, tooltip="the hour your day starts at"),
        # Two meanings for Esc, tried in turn (a class's own Esc replaces the inherited
        # one, so both are here): leave a text box, else clear the journal search.
        Binding(
            "escape",
            "leave_box",
            "Leave box",
            tooltip="Leave the text box, so letters work as keys again",
        ),
        Binding(
            "escape",
            "clear_search",
            "Clear search",
            show=False,
            tooltip="show every day again",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._today: date | None = None
        self._chart_for: date | None = None
        """The day the chart was drawn for; None when what it shows has changed since."""
        self._patterns_for: date | None = None
        """The same for the patterns view."""
        self._form_source: tuple[date, str | None] | None = None
        """The day and version the Today form was last filled from."""
        self._search_next = False
        """Put the cursor in the search box once the journal view shows."""
        self._today_keeper: DraftKeeper | None = None
        """Keeps the Today form's journal words as a draft while they are not saved."""
        self._select_letter: str | None = None
        """A letter just written, to highlight once the list shows it."""

    def compose_body(self) -> Iterable[Widget]:
        """One tab per view."""
        with TabbedContent(initial=TODAY, id="journal-tabs"):
            with TabPane("1 Today", id=TODAY), Vertical(classes="today-page"):
                yield Static("", id="today-heading")
                yield Static("", id="today-status")
                yield CheckInForm(None, id="today-form")
                yield Static("", id="today-hint")
            # Scrolls on a small terminal, so the plot keeps room for every row it needs.
            with TabPane("2 Chart", id=CHART), VerticalScroll(classes="chart-page"):
                yield Static("", id="trend")
                with Horizontal(id="chart-row"):
                    yield MoodChart(id="mood-chart")
                    yield Static("", id="weeks")
            with TabPane("3 Journal", id=JOURNAL_TAB):
                yield JournalBrowser(id="journal-browser")
            with TabPane("4 Letters", id=LETTERS):
                yield LetterShelf(id="letter-shelf")
            with (
                TabPane("5 Patterns", id=PATTERNS),
                VerticalScroll(classes="patterns-page", id="patterns-page"),
            ):
                yield PatternsView(id="patterns")

    def on_mount(self) -> None:
        """Draw everything, start on today's check-in, and warm up the chart library."""
        self.load()
        self._mention_waiting_drafts()
        self.set_interval(60, self._tick)
        self.run_worker(preload, thread=True, group="preload", exit_on_error=False)

    def on_unmount(self) -> None:
        """Closing with nctui: keep the Today form's words if they are not saved."""
        if self._today_keeper is not None:
            self._today_keeper.close()

    def show_first_view(self) -> None:
        """j, pressed here: back to today's check-in."""
        self.action_view(TODAY)

    # -- loading and drawing -------------------------------------------------------------

    def _current_day(self) -> date:
        return self.coach.journal.today()

    def _form_day(self) -> date:
        """The day the Today form is for (the day it was started, if the day turned)."""
        return self._form_source[0] if self._form_source else self._current_day()

    def _tab(self) -> str:
        try:
            return self.query_one(TabbedContent).active
        except NoMatches:  # asked about keys before the tabs exist
            return ""

    def load(self) -> None:
        """Draw every view (the screen just opened, or the day turned)."""
        self.show_changes(Changes.all())

    def show_changes(self, changes: Changes) -> None:
        """Redraw the views that show what changed: today's check-in, the chart, the
        journal's days, the letters. A new day redraws them all."""
        now = self.nctui.clock()
        today = self._current_day()
        if today != self._today:
            self._today = today
            changes = Changes.all()
        status = self.coach.period.status(now)
        if changes.touches(Topic.CHECKINS, Topic.DAY_START, Topic.PERIOD):
            self._draw_today(today, status, now)
        if changes.touches(Topic.CHECKINS, Topic.DAY_START, Topic.PERIOD, Topic.LEDGER):
            self._chart_for = self._patterns_for = None
            if self._tab() == CHART:
                self._draw_chart(today, status)
            if self._tab() == PATTERNS:
                self._draw_patterns(today)
        if changes.touches(Topic.CHECKINS):
            self.query_one(JournalBrowser).show(self.coach.journal.entries(), zone_of(now))
        if changes.touches(Topic.LETTERS, Topic.PERIOD):
            self._draw_letters(now)
        self.refresh_bindings()

    def _draw_letters(self, now: datetime) -> None:
        attempts = self.coach.period.attempts()
        select, self._select_letter = self._select_letter, None
        self.query_one(LetterShelf).show(
            [(letter, letter_state(letter, attempts, now)) for letter in self.coach.letters.all()],
            sealed_until(attempts, now),
            zone_of(now),
            select=select,
        )

    def _draw_today(self, today: date, status: PeriodStatus, now: datetime) -> None:
        form = self.query_one(CheckInForm)
        started = self._form_source[0] if self._form_source else None
        if form.changed and started is not None and started != today:
            # The day turned (the day-start hour passed) while the person was typing:
            # keep every word, and the check-in goes to the day it was started for.
            self.query_one("#today-heading", Static).update(
                f"{today_heading(started, status)} · [dim]started before the day turned; "
                "it is saved for this day[/dim]"
            )
            return
        entry = self.coach.journal.entry(today)
        form.offer_prompts(self.coach.companion.prompts(now))
        self.query_one("#today-heading", Static).update(today_heading(today, status))
        self.query_one("#today-status", Static).update(today_status(entry, now))
        self._show_today_hint()
        source = (today, entry.current.id if entry else None)
        # Never wipe out typing: refill only for a new day, or when the saved check-in
        # changed (another window) and nothing here has been typed over it.
        if source != self._form_source and (
            self._form_source is None or source[0] != self._form_source[0] or not form.changed
        ):
            values = entry.current.values if entry else None
            form.fill(values)
            new_day = self._form_source is None or self._form_source[0] != today
            self._form_source = source
            saved = values.text if values else ""
            if new_day or self._today_keeper is None:
                self._keep_today(today, saved, checkin_fields(values))
            else:  # saved in another window
                self._today_keeper.saved = saved
                self._today_keeper.saved_fields = checkin_fields(values)

    def _show_today_hint(self) -> None:
        try:
            hint = self.query_one("#today-hint", Static)
        except NoMatches:  # the focus moved while the screen is still being built
            return
        focused = self.focused
        if focused is not None and focused.id == "journal-text" and self._in_form():
            # The words: ↑ ↓ move through the lines here, so only the keys that work.
            hint.update("[dim]Shift+Tab back · Ctrl+S saves · Esc leaves the box[/dim]")
        elif self._in_form():
            hint.update(
                "[dim]Tab next · ↑↓ change the number · Ctrl+S saves · Esc leaves the box[/dim]"
            )
        else:
            hint.update(
                f"[dim]Enter starts your check-in · 2–5 other views · "
                f"d: your day starts at {self.coach.journal.day_start():02d}:00[/dim]"
            )

    def watch_focused(self) -> None:
        """Say what the keys do where the cursor is now."""
        self._show_today_hint()

    def _in_form(self) -> bool:
        focused = self.focused
        try:
            form = self.query_one("#today-form", CheckInForm)
        except NoMatches:
            return False
        return focused is not None and form in focused.ancestors_with_self

    def _draw_chart(self, today: date, status: PeriodStatus) -> None:
        self._chart_for = today
        window = chart_window(status, today, self.coach.journal.day_start())
        last = window.label(window.days)
        zone = zone_of(self.nctui.clock())
        journal = self.coach.journal
        entries = journal.between(window.first_day, last)
        events = self.coach.ledger.on_days(window.first_day, last, zone)
        data = chart_data(window, entries, events, journal.day_start(), zone)
        weeks = weekly_averages(entries, window.first_day, window.last_data_day)
        mood, miss, urge = (trend(weeks, rating) for rating in Rating)
        lines = [f"[b]{mood.sentence}[/b]"]
        if mood.change is not None:
            lines.append(f"[dim]{miss.sentence} {urge.sentence}[/dim]")
        if not data.series[Rating.MOOD]:
            lines = ["[b]No check-ins in this period yet.[/b] Each one adds a day to the chart."]
        self.query_one("#trend", Static).update("\n".join(lines))
        self.query_one("#weeks", Static).update(weeks_table(weeks))
        self.query_one(MoodChart).show(data)

    def _draw_patterns(self, today: date) -> None:
        self._patterns_for = today
        self.query_one(PatternsView).show(self.coach.companion.patterns())

    def _tick(self) -> None:
        if self._current_day() != self._today:
            self.load()

    def on_screen_resume(self) -> None:
        """Coming back after the day turned: every view is for the new day."""
        if self._current_day() != self._today:
            self.load()

    # -- views -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Each view's keys only in that view, and only when they can do something.

        False hides a key; None shows it greyed out, as a hint that it exists here.
        """
        if action in JOURNAL_ACTIONS:
            return self._tab() == JOURNAL_TAB and self._journal_key_works(action)
        if action in LETTER_ACTIONS:
            return self._tab() == LETTERS and self._letter_key_works(action)
        if action in {"start_checkin", "save_checkin"}:
            return self._tab() == TODAY and not self._in_form()
        if action == "clear_search":
            return (
                self._tab() == JOURNAL_TAB
                and not is_text_box(self.focused)
                and bool(self.query_one(JournalBrowser).search_text)
            )
        return super().check_action(action, parameters)

    def _journal_key_works(self, action: str) -> bool | None:
        if self.query_one(JournalBrowser).highlighted_day is None and not self._any_day():
            return False  # no day yet: nothing to edit, so not offered at all
        entry = self._highlighted_entry()
        works = entry is not None and (action == "edit" or entry.edited)
        return works or None

    def _any_day(self) -> bool:
        return bool(self.coach.journal.entries())

    def _letter_key_works(self, action: str) -> bool | None:
        if action != "write" and not self.coach.letters.all():
            return False  # no letter yet: nothing to seal or open, so not offered at all
        chosen = self.query_one(LetterShelf).highlighted
        state = None if chosen is None else chosen[1]
        if action == "seal":
            return state is LetterState.DRAFT or None
        if action == "open_letter":
            return state in {LetterState.SEALED, LetterState.READY} or None
        return True

    def action_view(self, name: str) -> None:
        """Show one of the four views."""
        tabs = self.query_one(TabbedContent)
        if tabs.active == name:
            self._view_shown(name)
            return
        # Out of the view being left first: Textual would move the focus to a neighbour
        # inside the hidden view, and that view would come straight back.
        self.set_focus(None)
        tabs.active = name  # TabActivated follows, and calls _view_shown

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
        self._view_shown(event.pane.id or TODAY)

    def _view_shown(self, name: str) -> None:
        if name == TODAY:
            if not self._in_form():
                self.set_focus(None)
        elif name == CHART:
            today = self._current_day()
            if self._chart_for != today:  # drawn only when what it shows has changed
                self._draw_chart(today, self.coach.period.status())
            # Not a text box: the view keys still work, and ↑ ↓ scroll a small screen.
            self.set_focus(self.query_one(".chart-page"))
        elif name == JOURNAL_TAB:
            browser = self.query_one(JournalBrowser)
            browser.focus_search() if self._search_next else browser.focus_list()
            self._search_next = False
        elif name == LETTERS:
            self.query_one(LetterShelf).focus_list()
        elif name == PATTERNS:
            today = self._current_day()
            if self._patterns_for != today:
                self._draw_patterns(today)
            # Not a text box: the view keys still work, and ↑ ↓ scroll a small screen.
            self.set_focus(self.query_one(".patterns-page"))
        self._show_today_hint()
        self.refresh_bindings()

    @on(OptionList.OptionHighlighted)
    def _highlight_moved(self, _event: OptionList.OptionHighlighted) -> None:
        # Edit, History, Seal and Open depend on what is highlighted.
        self.refresh_bindings()

    # -- today's check-in --------------------------------------------------------------

    def action_start_checkin(self) -> None:
        """Put the cursor in the check-in: the mood, or the journal once rated."""
        self.query_one(CheckInForm).focus_start()

    def action_save_checkin(self) -> None:
        """Save today's check-in, or say what it still needs."""
        self.query_one(CheckInForm).action_submit()

    @on(CheckInForm.Submitted, "#today-form")
    def _today_submitted(self, event: CheckInForm.Submitted) -> None:
        event.stop()
        # The form's own day: the day may have turned since the typing started.
        day = self._form_day()
        first = self.coach.journal.entry(day) is None
        if self._save_checkin(day, event.values):
            # What was typed is now saved: the form is clean again, for today.
            self.query_one(CheckInForm).fill(event.values)
            if self._today_keeper is not None:
                self._today_keeper.settled(event.values.text, checkin_fields(event.values))
            self._form_source = (day, None)
            self.set_focus(None)
            if first:
                self.notify("Checked in. Thank you for taking a moment for yourself.")
            else:
                self.notify("Saved. The earlier version is kept in the journal's history.")

    def _save_checkin(self, day: date, values: CheckInValues) -> bool:
        if self.coach.journal.check_in(day, values) is None:
            self.notify("Nothing has changed since the last save, so there is nothing new to keep.")
            return False
        return True

    def _keep_today(self, day: date, saved: str, saved_fields: dict[str, str]) -> None:
        """Keep the Today form (numbers and words) for `day` as a draft, after offering
        back any draft left for it (or for a day whose check-in was never saved)."""
        if self._today_keeper is not None:
            self._today_keeper.stop()
        label = (
            "today's check-in"
            if day == self._current_day()
            else f"your check-in for {long_day(day)}"
        )
        keeper = DraftKeeper(self.nctui, checkin_editor(day), label, saved, saved_fields)
        self._today_keeper = keeper
        self._offer_today(keeper)

    @work(group="today-draft", exclusive=True)
    async def _offer_today(self, keeper: DraftKeeper) -> None:
        strays = [draft for draft in self.coach.drafts.all() if self._unsaved_day(draft, keeper)]
        taken = await take_back(
            self.nctui,
            keeper.editor,
            keeper.saved,
            strays,
            NOT_SAVED_BEFORE,
            saved_fields=keeper.saved_fields,
            describe=ratings_line,
        )
        if keeper is not self._today_keeper:
            return  # the form moved on to another day meanwhile
        if taken.stored is not None:
            form = self.query_one(CheckInForm)
            form.set_typed(taken.text, taken.fields)
            # Back where the check-in goes on (after the words, if there are any): not
            # left on the tabs, where letters and digits are keys.
            self.action_view(TODAY)
            form.focus_text() if taken.text.strip() else form.focus_start()
        keeper.start(taken.stored, taken.fields)

    def _unsaved_day(self, draft: Draft, keeper: DraftKeeper) -> bool:
        """A check-in draft for another day that has no check-in: its form is gone."""
        day = checkin_day_of(draft.editor)
        return (
            day is not None
            and draft.editor != keeper.editor
            and self.coach.journal.entry(day) is None
        )

    @on(CheckInForm.Edited, "#today-form")
    def _today_typed(self, event: CheckInForm.Edited) -> None:
        if self._today_keeper is not None:
            self._today_keeper.typed(event.form.text, event.form.fields)

    def action_day_start(self) -> None:
        """Choose the hour the day starts at."""
        self.app.push_screen(
            DayStartScreen(self.coach.journal.day_start()), callback=self._day_start_chosen
        )

    def _day_start_chosen(self, hour: int | None) -> None:
        if hour is not None and self.coach.journal.set_day_start(hour):
            self.notify(f"Your day now starts at {hour:02d}:00.")

    # -- drafts waiting elsewhere ----------------------------------------------------------

    def _mention_waiting_drafts(self) -> None:
        """Say where words left unsaved are offered back, when that is not right here."""
        places = []
        for draft in self.coach.drafts.all():
            day = checkin_day_of(draft.editor)
            if day is not None and self.coach.journal.entry(day) is not None:
                if day != self._form_day():
                    places.append(f"{long_day(day)} (3, then e on that day)")
            elif draft.editor == NEW_LETTER_EDITOR or letter_id_of(draft.editor):
                letter = self._letter(letter_id_of(draft.editor))
                if letter is not None and self._is_draft_letter(letter.id, self.nctui.clock()):
                    places.append("a letter draft (4, then Enter on it)")
                else:
                    places.append("a new letter (4, then w)")
        if places:
            self.notify(
                "Words you had not saved are kept for you: "
                + "; ".join(dict.fromkeys(places))
                + ".",
                title="Waiting for you",
                timeout=12,
            )

    def _letter(self, letter_id: str | None) -> Letter | None:
        return None if letter_id is None else self.coach.letters.get(letter_id)

    # -- the journal -------------------------------------------------------------------

    def _highlighted_entry(self) -> DayEntry | None:
        day = self.query_one(JournalBrowser).highlighted_day
        return None if day is None else self.coach.journal.entry(day)

    def action_search(self) -> None:
        """Search the journal's text."""
        if self._tab() == JOURNAL_TAB:
            self.query_one(JournalBrowser).focus_search()
        else:
            self._search_next = True
            self.action_view(JOURNAL_TAB)

    def action_clear_search(self) -> None:
        """Show every day again."""
        self.query_one(JournalBrowser).clear_search()

    def action_edit(self) -> None:
        """Edit the highlighted day; the version it had stays in its history."""
        entry = self._highlighted_entry()
        if entry is None:
            return
        if entry.day == self._form_day():
            # Today's form is this day's editor: one place for its words, and its draft.
            self.action_view(TODAY)
            self.query_one(CheckInForm).focus_text()
            return
        self._edit(entry)

    @work(group="edit", exclusive=True)
    async def _edit(self, entry: DayEntry) -> None:
        editor = checkin_editor(entry.day)
        taken = await take_back(
            self.nctui,
            editor,
            entry.current.text,
            saved_fields=checkin_fields(entry.current.values),
            describe=ratings_line,
        )
        values = await self.app.push_screen_wait(
            EditCheckInScreen(
                entry,
                taken.text if taken.stored is not None else None,
                taken.stored,
                taken.fields,
            )
        )
        if values is not None and self._save_checkin(entry.day, values):
            self.notify(f"Saved {long_day(entry.day)}. The earlier version is kept (v).")
        self.coach.drafts.forget(editor)

    def action_versions(self) -> None:
        """Every version of the highlighted day."""
        entry = self._highlighted_entry()
        if entry is not None:
            self.app.push_screen(EntryHistoryScreen(entry, zone_of(self.nctui.clock())))

    @on(OptionList.OptionSelected, "#journal-days")
    def _day_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    # -- letters -----------------------------------------------------------------------

    def _until(self) -> str:
        return seal_note(sealed_until(self.coach.period.attempts(), self.nctui.clock()))

    @work(group="letter", exclusive=True)
    async def action_write(self) -> None:
        """Write a new letter (going on with one left unsaved, if the person wants)."""
        now = self.nctui.clock()
        strays = [
            draft
            for draft in self.coach.drafts.all()
            if (letter_id := letter_id_of(draft.editor)) is not None
            and not self._is_draft_letter(letter_id, now)
        ]
        taken = await take_back(self.nctui, NEW_LETTER_EDITOR, "", strays, SEALED_SINCE)
        result = await self.app.push_screen_wait(
            LetterEditorScreen(
                taken.text, self._until(), editor=NEW_LETTER_EDITOR, stored=taken.stored
            )
        )
        if result is not None:
            letter = self.coach.letters.write(result.text, seal=result.seal)
            # Highlighted once the list shows it, so s seals it straight away.
            self._select_letter = letter.id
            self._letter_saved(result.seal)
        self.coach.drafts.forget(NEW_LETTER_EDITOR)

    def _is_draft_letter(self, letter_id: str, now: datetime) -> bool:
        letter = self._letter(letter_id)
        attempts = self.coach.period.attempts()
        return letter is not None and letter_state(letter, attempts, now) is LetterState.DRAFT

    def _letter_saved(self, sealed: bool) -> None:
        if sealed:
            until = sealed_until(self.coach.period.attempts(), self.nctui.clock())
            when = f"until {moment_text(until)}" if until else "until your next period is over"
            self.notify(f"Sealed {when}. Well done for putting it into words.", title="Sealed")
        else:
            self.notify("Kept as a draft. Enter on it goes on writing.", title="Draft kept")

    @on(OptionList.OptionSelected, "#letter-list")
    def _letter_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = self.query_one(LetterShelf).highlighted
        if chosen is None:
            return
        letter, state = chosen
        if state is LetterState.DRAFT:
            self._continue(letter)
        elif state in {LetterState.SEALED, LetterState.READY}:
            self.action_open_letter()

    @work(group="letter", exclusive=True)
    async def _continue(self, letter: Letter) -> None:
        editor = letter_editor(letter.id)
        taken = await take_back(self.nctui, editor, letter.text)
        result = await self.app.push_screen_wait(
            LetterEditorScreen(
                taken.text, self._until(), editor=editor, saved=letter.text, stored=taken.stored
            )
        )
        kept = None
        if result is not None:
            kept = self.coach.letters.redraft(letter.id, result.text, seal=result.seal)
        if kept is not None and kept.id != letter.id:
            # Sealed in another window meanwhile: its words stay as sealed; these new
            # ones became a letter of their own.
            self._select_letter = kept.id
            self.notify(
                "That letter was sealed in another window meanwhile, so these words are "
                "kept as a new letter.",
                title="Kept as a new letter",
            )
        elif kept is not None and result is not None:
            self._letter_saved(result.seal)
        self.coach.drafts.forget(editor)

    @work(group="letter", exclusive=True)
    async def action_seal(self) -> None:
        """Seal the highlighted draft; words added to it and not saved yet are sealed
        with it, after saying so."""
        chosen = self.query_one(LetterShelf).highlighted
        if chosen is None or chosen[1] is not LetterState.DRAFT:
            return
        letter = chosen[0]
        editor = letter_editor(letter.id)
        pending = self.coach.drafts.find(editor)
        if pending is None or not worth_keeping(pending.text, letter.text):
            if self.coach.letters.seal(letter.id) is not None:
                self._letter_saved(sealed=True)
            return
        sure = await self.app.push_screen_wait(
            ConfirmScreen(
                "Seal it with the words you added?",
                f"You added to this letter {written_when(pending.updated_at, self.nctui.clock())}"
                ", and those words are not saved yet. Sealing now seals the letter with "
                "them. To read them first, press Enter on the letter instead.",
                yes="Seal with them",
                no="Not now",
            )
        )
        if not sure:
            return
        kept = self.coach.letters.redraft(letter.id, clean_text(pending.text), seal=True)
        self.coach.drafts.forget(editor)
        if kept is not None:
            self._select_letter = kept.id
            self._letter_saved(sealed=True)

    @work
    async def action_open_letter(self) -> None:
        """Open the highlighted letter: at once when it is due, after a gentle question if early."""
        chosen = self.query_one(LetterShelf).highlighted
        if chosen is None:
            return
        letter, state = chosen
        if state is LetterState.SEALED:
            sure = await self.app.push_screen_wait(
                ConfirmScreen(
                    "Open this letter early?",
                    "You sealed it to read once your period is over, when it may feel "
                    "different. Opening it now is all right if you need it; it cannot be "
                    "sealed again, and nothing is sent.",
                    yes="Open it now",
                    no="Keep it sealed",
                )
            )
            if not sure:
                return
        elif state is not LetterState.READY:
            return
        if self.coach.letters.open(letter.id, early=state is LetterState.SEALED) is not None:
            self.notify("Opened. Take your time with it.", title="Letter opened")
