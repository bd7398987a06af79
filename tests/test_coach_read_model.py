"""The read model never drifts: after any sequence of intents (and another window's
changes taken in), what it holds equals a fresh parse of the same data."""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule

from nctui.coach import Coach
from nctui.coach.read_model import ReadModel
from nctui.domain.activities import Category, statuses
from nctui.domain.activity_catalogue import catalogue
from nctui.domain.checkin import CheckInValues
from nctui.domain.clock import ManualClock
from nctui.domain.intake import EndedBy, Ending, Goal, IntakeAnswers, YesNo
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.domain.readiness import STATEMENTS
from nctui.domain.recommendation import recommend
from nctui.storage.activity_store import load_activity_log
from nctui.storage.attempt_store import load_attempts
from nctui.storage.checkin_store import load_entries
from nctui.storage.draft_store import load_drafts
from nctui.storage.intake_store import load_intakes, load_ticks
from nctui.storage.ledger_store import event_from_doc, load_events
from nctui.storage.letter_store import load_letters
from nctui.storage.readiness_store import load_checks
from nctui.storage.records import parse_all
from nctui.storage.repository import Repository
from nctui.storage.settings import read_setting

START = datetime(2026, 11, 26, 9, 30, tzinfo=ZoneInfo("Europe/London"))
IDEAS = catalogue()[:4]
LOGGED = (Kind.URGE, Kind.SLIP, Kind.CONTACT, Kind.ALLOWED, Kind.SIGN)
DETAILS = {Kind.SLIP: "social_media", Kind.ALLOWED: "property"}


def _answers(days_before: int) -> IntakeAnswers:
    return IntakeAnswers(
        contact_stopped=(START - timedelta(days=days_before)).date(),
        together_months=20,
        ending=Ending.BAD,
        ended_by=EndedBy.THEM,
        stay_friends=YesNo.NO,
        seeing_someone=YesNo.UNSURE,
        single_issue=YesNo.NO,
        loose_ends=(),
        other_loose_end="",
        goal=Goal.HEAL,
    )


def _recent(repository: Repository, count: int) -> list[LedgerEvent]:
    """The `count` most recently logged events, read the long way: the last few stored,
    by when they were logged (the order stored breaks a tie), in the order they happened."""
    newest = load_events_in_stored_order(repository)[-count * 3 :]
    latest = sorted(newest, key=lambda event: event.logged_at)[-count:]
    return sorted(latest, key=lambda event: event.at)


def load_events_in_stored_order(repository: Repository) -> list[LedgerEvent]:
    """Every event that parses, in the order stored."""
    return parse_all(repository.documents("events"), event_from_doc)


def assert_same_as_fresh(model: ReadModel, repository: Repository) -> None:
    """What `model` holds is what a fresh read model, and the whole-table loads, read now."""
    events = load_events(repository)
    entries = tuple(load_entries(repository))
    contacts = [event.at for event in events if event.kind is Kind.CONTACT]
    # A fresh one answers the dashboard's questions before it has parsed everything.
    glance = ReadModel(repository)
    assert glance.ledger.contact_times() == contacts
    assert glance.ledger.recent(4) == _recent(repository, 4)
    assert all(glance.journal.entry(entry.day) == entry for entry in entries)
    assert not glance.ledger.records.built and not glance.journal.records.built
    fresh = ReadModel(repository)
    assert model.attempts() == fresh.attempts() == load_attempts(repository)
    assert list(model.ledger.ordered()) == list(fresh.ledger.ordered()) == events
    assert model.ledger.contact_times() == fresh.ledger.contact_times() == contacts
    assert model.ledger.recent(4) == fresh.ledger.recent(4) == _recent(repository, 4)
    for event in events:
        if event.kind is Kind.EXTENSION and event.detail:
            assert model.ledger.extended_after(event.detail)
    if events:
        low, high = events[0].at, events[-1].at + timedelta(seconds=1)
        middle = low + (high - low) / 2
        assert model.ledger.between(low, middle) == [e for e in events if low <= e.at < middle]
    assert model.journal.entries() == fresh.journal.entries() == entries
    for entry in entries:
        assert model.journal.entry(entry.day) == entry
        assert model.journal.checked_in(entry.day)
    if entries:
        first, last = entries[0].day, entries[len(entries) // 2].day
        assert model.journal.between(first, last) == [e for e in entries if first <= e.day <= last]
    assert model.letters() == fresh.letters() == load_letters(repository)
    for letter in model.letters():
        assert model.letter(letter.id) == letter
    log = load_activity_log(repository)
    assert model.activity_log() == fresh.activity_log() == log
    assert model.activity_statuses() == statuses(log)
    assert model.intakes() == load_intakes(repository)
    assert model.ticks() == load_ticks(repository)
    assert model.checks() == load_checks(repository)
    assert model.drafts() == load_drafts(repository)
    for key in ("day_start_hour", "sos_delay_minutes"):
        assert model.setting(key, -1) == read_setting(repository, key, -1)
    assert model.setting("theme", "") == read_setting(repository, "theme", "")


class ReadModelMachine(RuleBasedStateMachine):
    """Random intents, with comparisons against a fresh parse at random moments (so the
    read model is sometimes built, sometimes not, when a change arrives)."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="nctui-read-model-"))
        self.clock = ManualClock(START)
        self.coach = Coach.open(self.folder, self.clock)

    def teardown(self) -> None:
        try:
            assert_same_as_fresh(self.coach._core.model, self.coach.repository)
            assert self.coach.file.flush() == []
            reopened = Repository.open(self.folder, self.clock)
            assert_same_as_fresh(self.coach._core.model, reopened)
            reopened.close()
        finally:
            self.coach.file.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    @initialize(days_before=st.integers(0, 20), days=st.integers(3, 60))
    def plan(self, days_before: int, days: int) -> None:
        answers = _answers(days_before)
        intake = self.coach.intake
        intake.choose_plan(answers, recommend(answers), days, intake.plan_start(answers))

    @rule()
    def glance(self) -> None:
        """What the dashboard asks, which may be answered before everything is parsed."""
        self.coach.period.record()
        self.coach.ledger.recent(4)
        self.coach.journal.checked_in_today()

    @rule()
    def compare(self) -> None:
        assert_same_as_fresh(self.coach._core.model, self.coach.repository)

    @rule(hours=st.integers(0, 72))
    def time_passes(self, hours: int) -> None:
        self.clock.advance(timedelta(hours=hours, minutes=7))
        self.coach.period.catch_up()

    @rule(
        kind=st.sampled_from(LOGGED),
        hours_ago=st.integers(0, 200),
        restart=st.booleans(),
    )
    def log(self, kind: Kind, hours_ago: int, restart: bool) -> None:
        at = self.clock() - timedelta(hours=hours_ago)
        self.coach.ledger.log(kind, at, detail=DETAILS.get(kind), note="n", restart=restart)

    @rule(days_ago=st.integers(0, 6), mood=st.integers(1, 10), text=st.sampled_from(["", "a"]))
    def check_in(self, days_ago: int, mood: int, text: str) -> None:
        day = self.coach.journal.today() - timedelta(days=days_ago)
        self.coach.journal.check_in(day, CheckInValues(mood, 5, 5, text))

    @rule(hour=st.integers(0, 12))
    def day_start(self, hour: int) -> None:
        self.coach.journal.set_day_start(hour)

    @rule(seal=st.booleans())
    def write(self, seal: bool) -> None:
        self.coach.letters.write(f"Letter {len(self.coach.letters.all())}", seal=seal)

    @rule(pick=st.integers(0, 9), action=st.sampled_from(["redraft", "seal", "open", "early"]))
    def letter(self, pick: int, action: str) -> None:
        letters = self.coach.letters.all()
        if not letters:
            return
        letter = letters[pick % len(letters)]
        if action == "redraft":
            self.coach.letters.redraft(letter.id, letter.text + " more", seal=False)
        elif action == "seal":
            self.coach.letters.seal(letter.id)
        else:
            self.coach.letters.open(letter.id, early=action == "early")

    @rule()
    def open_due(self) -> None:
        self.coach.letters.open_due()

    @rule(pick=st.integers(0, 3), days=st.integers(-2, 5), action=st.sampled_from("pdx"))
    def activity(self, pick: int, days: int, action: str) -> None:
        idea = IDEAS[pick]
        activities = self.coach.activities
        if action == "p":
            activities.plan(idea, self.clock().date() + timedelta(days=days))
        elif action == "d":
            activities.done(idea, 30 + days, "note" if days > 0 else "")
        elif (plan := activities.next_plan(idea)) is not None:
            activities.drop_plan(plan)

    @rule(name=st.sampled_from(["Knitting", "Choir"]))
    def own(self, name: str) -> None:
        self.coach.activities.add_own(name, Category.HOBBIES)

    @rule(days_before=st.integers(0, 40), days=st.integers(3, 60), today=st.booleans())
    def new_plan(self, days_before: int, days: int, today: bool) -> None:
        answers = _answers(days_before)
        intake = self.coach.intake
        start = intake.plan_start(answers, from_today=today)
        intake.choose_plan(answers, recommend(answers), days, start)

    @rule(key=st.sampled_from(["belongings", "timeline", "mute"]), done=st.booleans())
    def tick(self, key: str, done: bool) -> None:
        self.coach.intake.tick(key, done)

    @rule(rating=st.integers(0, 4))
    def readiness(self, rating: int) -> None:
        answers = {statement.key: rating for statement in STATEMENTS}
        record = self.coach.readiness.take(answers)
        self.coach.readiness.extend(record)

    @rule(minutes=st.integers(1, 20), theme=st.sampled_from(["nctui", "textual-light"]))
    def settings(self, minutes: int, theme: str) -> None:
        self.coach.settings.set_sos_delay(minutes)
        self.coach.settings.set_theme(theme, "nctui")

    @rule(editor=st.sampled_from(["letter:new", "sos-reasons"]), keep=st.booleans())
    def draft(self, editor: str, keep: bool) -> None:
        if keep:
            self.coach.drafts.keep(editor, f"words {self.clock():%H%M}")
        else:
            self.coach.drafts.forget(editor)

    @rule(mood=st.integers(1, 10))
    def another_window(self, mood: int) -> None:
        """Another window checks in; this one takes that in, dropping what it held."""
        assert self.coach.file.flush() == []
        other = Coach.open(self.folder, self.clock)
        other.journal.check_in(other.journal.today(), CheckInValues(mood, 1, 1, "elsewhere"))
        other.file.close()
        snapshot = self.coach.file.read_elsewhere()
        if snapshot is not None:
            self.coach.file.take_in(snapshot)


ReadModelMachine.TestCase.settings = settings(
    max_examples=60, stateful_step_count=40, deadline=None
)
test_the_read_model_equals_a_fresh_parse = ReadModelMachine.TestCase
