"""The dashboard: the live countdown, the record so far, and one key per thing to log."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.markup import escape
from textual.widget import Widget
from textual.widgets import ProgressBar, Static

from nctui.coach import Changes, Topic
from nctui.domain.activities import ActivityLog, hours_text, next_planned, time_reclaimed
from nctui.domain.drafts import event_editor, event_kind_of
from nctui.domain.humanize import countdown_text, day_text, moment_text, plural, time_text
from nctui.domain.ledger import LOGGING, Kind, LedgerEvent, draft_line
from nctui.domain.milestones import describe_days, next_milestone
from nctui.domain.period import PeriodStatus, State, final_day_words, zone_of
from nctui.domain.runs import Record
from nctui.ui.drafts import TakenBack, take_back
from nctui.ui.navigation import ACTIVITIES, COUNTDOWN, INTAKE, JOURNAL, READINESS
from nctui.ui.screens.base import NctuiScreen
from nctui.ui.widgets.day_card import CARD_KEY, DayCard
from nctui.ui.widgets.figlet import FigletText
from nctui.ui.widgets.text_update import set_text

if TYPE_CHECKING:
    from nctui.ui.screens.log_event import LogEventScreen, LoggedEvent

LOG_GROUP = Binding.Group("Log")
COUNTDOWN_FONTS = ("ansi_shadow", "big", "small", "future")
RECENT_EVENTS = 4
KEYS: dict[Kind, str] = {
    Kind.URGE: "u",
    Kind.SLIP: "s",
    Kind.CONTACT: "t",
    Kind.ALLOWED: "o",
    Kind.SIGN: "e",
}
"""The key that logs each kind, as the bindings below say."""

THANKS: dict[Kind, str] = {
    Kind.URGE: "Logged. Each urge you ride out makes the next one a little smaller.",
    Kind.SLIP: "Logged. A slip is not the end of anything; today still counts.",
    Kind.CONTACT: "Logged. Be gentle with yourself; a new start is still a start.",
    Kind.ALLOWED: "Logged as allowed contact. Keep it brief, then come back to your days.",
    Kind.SIGN: "Logged. Whatever it means, your plan is still yours.",
}


def headline(status: PeriodStatus) -> str:
    """ "Day 12 of 45 · 33 days left", or what to say when there is no running period."""
    if status.state is State.NO_PLAN:
        return "No plan yet"
    if status.state is State.COMPLETE:
        return f"Period complete · {plural(status.length_days, 'day')}"
    if status.days_left == 0 and status.end is not None:
        left = final_day_words(status.end, status.ends_today)
    else:
        left = f"{plural(status.days_left, 'day')} left"
    return f"Day {status.day} of {status.length_days} · {left}"


def record_text(done: Record) -> str:
    """The record panel's lines."""
    return (
        "[b]Your record[/b]\n"
        f"Current run   {plural(done.current_run_days, 'day')}\n"
        f"Longest run   {plural(done.longest_run_days, 'day')}\n"
        f"In all        {plural(done.total_days, 'day')}\n"
        f"Attempts      {done.attempts}"
    )


def checkin_line(done: bool) -> str:
    """The record panel's last line: today's check-in, said quietly either way."""
    return f"Check-in      {'done today' if done else f'not yet · {JOURNAL.key}'}"


def recent_text(events: list[LedgerEvent], now: datetime, *, can_log: bool = True) -> str:
    """The last few events, newest first; with none, how to log one, or (with no plan
    to log against) what comes first."""
    lines = ["[b]Recently[/b]"]
    zone = zone_of(now)
    for event in reversed(events[-RECENT_EVENTS:]):
        lines.append(f"{time_text(event.at.astimezone(zone))}  {escape(event.summary)}")
    if len(lines) == 1:
        lines.append("Nothing logged yet.")
        lines.append(
            "u logs an urge you resisted." if can_log else f"A plan comes first: {INTAKE.key}."
        )
    return "\n".join(lines)


def for_you_text(log: ActivityLog, status: PeriodStatus, now: datetime) -> str:
    """Time given to your own life this period, and the next thing planned."""
    minutes = time_reclaimed(log.done, since=status.start).total_minutes
    upcoming = next_planned(log.plans, log.done, now)
    spent = f"[b]{hours_text(minutes)}[/b] spent on your own life this period"
    if upcoming is None:
        if minutes:
            return spent
        return f"Nothing planned for yourself yet: [b]{ACTIVITIES.key}[/b] has ideas."
    next_up = f"{escape(upcoming.name)}, {_soon(upcoming.day, now.date())}"
    return f"{spent} · next: {next_up}" if minutes else f"Next for you: {next_up}"


def _soon(day: date, today: date) -> str:
    # Short, so the line fits one row at 80 columns: the year only when it is not this one.
    if day == today:
        return "today"
    if day == today + timedelta(days=1):
        return "tomorrow"
    return f"{day:%a} {day.day} {day:%b}" if day.year == today.year else day_text(day)


class CountdownScreen(NctuiScreen):
    """Where a person lands each time during the period."""

    destination = COUNTDOWN

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "log('urge')", "Urge", group=LOG_GROUP, tooltip="an urge you resisted"),
        Binding("s", "log('slip')", "Slip", group=LOG_GROUP, tooltip="a slip"),
        Binding("t", "log('contact')", "Contact", group=LOG_GROUP, tooltip="contact you started"),
        Binding("o", "log('allowed')", "Allowed", group=LOG_GROUP, tooltip="allowed contact"),
        Binding("e", "log('sign')", "Sign", group=LOG_GROUP, tooltip="a sign from them"),
        Binding("v", "history", "History", tooltip="every attempt and event"),
        # With no plan the keys above are hidden; pressed anyway, they say why.
        Binding("u,s,t,o,e", "no_plan", show=False),
        # Not in the bar (the card names it), so the bar fits 80 columns.
        Binding(CARD_KEY, "card", "Card", show=False, tooltip="today's card, whole or folded"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._state: State | None = None

    def compose_body(self) -> Iterable[Widget]:
        """The countdown, then the record and the latest events."""
        with VerticalScroll(classes="page dashboard"):
            yield Static("", id="headline")
            yield FigletText("", fonts=COUNTDOWN_FONTS, by_glyph=True, spare=4, id="clock")
            yield Static("", id="until")
            yield ProgressBar(total=100, show_eta=False, id="progress")
            yield Static("", id="milestone")
            yield Static("", id="invitation")
            yield DayCard(id="day-card")
            with Horizontal(id="panels"):
                yield Static("", id="record")
                yield Static("", id="recent")
            yield Static("", id="for-you")
            yield Static(
                "[b]u[/b] urge resisted · [b]s[/b] slip · [b]t[/b] contact I started · "
                "[b]o[/b] allowed contact · [b]e[/b] sign from them · [b]v[/b] history",
                id="log-hint",
            )

    def on_mount(self) -> None:
        """Draw everything, then tick every second."""
        self.tick(full=True)
        self.set_interval(1.0, self.tick)
        self._mention_waiting_drafts()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Logging needs a plan to log against."""
        no_plan = self._state is None or self._state is State.NO_PLAN
        if action == "log":
            return not no_plan
        if action == "no_plan":
            return no_plan
        return super().check_action(action, parameters)

    def action_no_plan(self) -> None:
        """A log key pressed with no plan: say what comes first."""
        self.notify(
            f"There is no plan yet to log this against. Press {INTAKE.key} for the intake "
            "first: a few questions, then a suggested length."
        )

    # -- drawing -----------------------------------------------------------------------

    def show_changes(self, changes: Changes) -> None:
        """Redraw what shows the changed records: the countdown for the period, the
        record and recent events for the ledger, the check-in line, time for yourself."""
        if changes.touches(Topic.PERIOD):
            self.tick(full=True)
            return
        now = self.nctui.clock()
        status = self.coach.period.status(now)
        if changes.touches(Topic.LEDGER, Topic.CHECKINS, Topic.DAY_START):
            self._draw_record(now)
        if changes.touches(Topic.LEDGER, Topic.DAY_START):
            self._draw_card(now)
        if changes.touches(Topic.LEDGER):
            self._draw_recent(status, now)
        if changes.touches(Topic.ACTIVITIES):
            self._draw_for_you(status, now)

    def tick(self, *, full: bool = False) -> None:
        """Move the countdown on; redraw the rest only when something else changed."""
        now = self.nctui.clock()
        status = self.coach.period.status(now)
        if status.state is not self._state:
            if self._state is not None:
                self.nctui.check_period()
            self._state = status.state
            full = True
            self.set_class(status.state is State.NO_PLAN, "-no-plan")
            self.set_class(status.state is State.COMPLETE, "-complete")
            self.refresh_bindings()
        self._update("#headline", headline(status))
        clock = self.query_one("#clock", FigletText)
        if status.state is State.ACTIVE:
            clock.text = countdown_text(status.remaining)
        elif status.state is State.COMPLETE:
            clock.text = f"{status.length_days} days"
        self.query_one("#progress", ProgressBar).update(progress=round(status.progress * 100))
        if full or now.second == 0:
            self._draw_slow_parts(status, now)

    def _draw_slow_parts(self, status: PeriodStatus, now: datetime) -> None:
        self._update("#until", self._until(status))
        self._update("#milestone", self._milestone(status, now))
        self._update("#invitation", self._invitation(status))
        self._draw_record(now)
        self._draw_recent(status, now)
        self._draw_for_you(status, now)
        self._draw_card(now)

    def _draw_card(self, now: datetime) -> None:
        self.query_one(DayCard).show(self.coach.companion.card(now))

    def _draw_record(self, now: datetime) -> None:
        done = self.coach.journal.checked_in_today(now)
        record_lines = record_text(self.coach.period.record(now))
        self._update("#record", f"{record_lines}\n{checkin_line(done)}")

    def _draw_recent(self, status: PeriodStatus, now: datetime) -> None:
        recent = self.coach.ledger.recent(RECENT_EVENTS)
        can_log = status.state is not State.NO_PLAN
        self._update("#recent", recent_text(recent, now, can_log=can_log))

    def _draw_for_you(self, status: PeriodStatus, now: datetime) -> None:
        self._update("#for-you", for_you_text(self.coach.activities.log(), status, now))

    def _update(self, selector: str, text: str) -> None:
        set_text(self.query_one(selector, Static), text)

    @staticmethod
    def _until(status: PeriodStatus) -> str:
        if status.end is None:
            return ""
        if status.state is State.COMPLETE:
            return f"Ended {moment_text(status.end)}"
        return f"until {moment_text(status.end)}"

    @staticmethod
    def _milestone(status: PeriodStatus, now: datetime) -> str:
        if status.state is not State.ACTIVE:
            return ""
        upcoming = next_milestone(status.elapsed_days, status.length_days)
        if upcoming is None:
            return "Next: the end of your period"
        wait = upcoming - status.elapsed_days
        return f"Next milestone: {describe_days(upcoming)}, in {plural(wait, 'day')}"

    @staticmethod
    def _invitation(status: PeriodStatus) -> str:
        if status.state is State.NO_PLAN:
            return (
                "There is no period running yet.\n\n"
                f"Press [b]{INTAKE.key}[/b] for the intake: a few questions, then a "
                "suggested length with every reason for it."
            )
        if status.state is State.COMPLETE:
            return (
                "You did it. Take a breath and let it land.\n\n"
                f"When you feel ready, press [b]{READINESS.key}[/b] for the readiness check: "
                "whether, when and how to reach out, or to let it be."
            )
        return ""

    # -- actions -----------------------------------------------------------------------

    def action_log(self, kind: str) -> None:
        """Open the dialog for one kind of event (going on with one left unsaved, if the
        person wants)."""
        what = Kind(kind)
        if self.coach.drafts.find(event_editor(kind)) is not None:
            self._offer_log(what)
            return
        # At once, not from a worker: keys typed straight after land in the dialog.
        self.app.push_screen(self._log_screen(what), callback=partial(self._log_closed, what))

    @work(group="log", exclusive=True)
    async def _offer_log(self, what: Kind) -> None:
        taken = await take_back(
            self.nctui,
            event_editor(what.value),
            "",
            describe=lambda fields: draft_line(what, fields),
        )
        logged = await self.app.push_screen_wait(self._log_screen(what, taken))
        self._log_closed(what, logged)

    def _log_screen(self, what: Kind, taken: TakenBack | None = None) -> LogEventScreen:
        from nctui.ui.screens.log_event import LogEventScreen  # noqa: PLC0415 - on first use

        status = self.coach.period.status()
        return LogEventScreen(
            what,
            self.nctui.clock,
            status.start if status.state is State.ACTIVE else None,
            restart_default=status.state is State.ACTIVE,
            note=taken.text if taken else "",
            fields=taken.fields if taken else None,
            stored=taken.stored if taken else None,
        )

    def _log_closed(self, what: Kind, logged: LoggedEvent | None) -> None:
        self._logged(logged)
        self.coach.drafts.forget(event_editor(what.value))

    def _mention_waiting_drafts(self) -> None:
        """Say which logs were left unfinished, and the key that goes on with each."""
        waiting = [
            f"{LOGGING[Kind(kind)]} ({KEYS[Kind(kind)]})"
            for draft in self.coach.drafts.all()
            if (kind := event_kind_of(draft.editor)) in {k.value for k in LOGGING}
        ]
        if waiting:
            self.notify(
                "Words you had not saved are kept for you: " + "; ".join(waiting) + ".",
                title="Waiting for you",
                timeout=12,
            )

    def _logged(self, logged: LoggedEvent | None) -> None:
        if logged is None:
            return
        event = self.coach.ledger.log(
            logged.kind,
            logged.at,
            detail=logged.detail,
            note=logged.note,
            restart=logged.restart,
            triggers=logged.triggers,
        )
        if event is None:
            return
        message = THANKS[logged.kind]
        if logged.kind is Kind.CONTACT and not event.restarted:
            message = "Logged, and your dates stay as they were. Be gentle with yourself."
        if event.restarted:
            message = (
                "Logged, and your period starts again from then. "
                "You have not lost what you learned."
            )
        self.notify(message, title=event.summary)

    def action_card(self) -> None:
        """Open today's card whole, or fold it again."""
        card = self.query_one(DayCard)
        card.expanded = not card.expanded
        if card.expanded:
            self.call_after_refresh(card.scroll_visible)

    def action_history(self) -> None:
        """Open the whole history."""
        from nctui.ui.screens.history import HistoryScreen  # noqa: PLC0415 - on first use

        now = self.nctui.clock()
        coach = self.coach
        done = coach.period.record(now)
        events = list(coach.ledger.events())
        self.app.push_screen(HistoryScreen(coach.period.attempts(), events, done, now))
