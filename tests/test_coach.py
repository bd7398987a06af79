"""The coach: each intent makes its change and says what changed; each read says what
a screen shows. Driven without any screen, as every later feature will drive it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from nctui.coach import Changes, Coach, Topic
from nctui.coach.readiness import Extension
from nctui.domain.activities import Category
from nctui.domain.activity_catalogue import catalogue
from nctui.domain.checkin import CheckInValues
from nctui.domain.clock import ManualClock
from nctui.domain.intake import EndedBy, Ending, Goal, IntakeAnswers, LooseEnd, YesNo
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.domain.letters import LetterState, letter_state
from nctui.domain.milestones import COMPLETE_WORDS, words_for
from nctui.domain.period import EndReason, State
from nctui.domain.readiness import STATEMENTS
from nctui.domain.recommendation import recommend
from nctui.storage.ledger_store import event_op
from nctui.storage.ops import Insert
from nctui.storage.repository import Repository
from tests.helpers import stored
from tests.seeds import SEALED_TEXT, seed_journal, seed_plan

TOKYO = ZoneInfo("Asia/Tokyo")
ANSWERS = IntakeAnswers(
    contact_stopped=date(2026, 11, 20),
    together_months=30,
    ending=Ending.AMICABLE,
    ended_by=EndedBy.ME,
    stay_friends=YesNo.NO,
    seeing_someone=YesNo.NO,
    single_issue=YesNo.NO,
    loose_ends=(LooseEnd.BELONGINGS,),
    other_loose_end="",
    goal=Goal.HEAL,
)


@pytest.fixture
def opened(data_dir: Path, clock: ManualClock) -> Iterator[tuple[Coach, list[Changes]]]:
    """A coach on the test's folder, and every notice it gives."""
    coach = Coach.open(data_dir, clock)
    heard: list[Changes] = []
    coach.listen(heard.append)
    yield coach, heard
    coach.file.close()


def _topics(heard: list[Changes]) -> list[set[Topic]]:
    return [set(changes.topics) for changes in heard]


def _reopen(coach: Coach, data_dir: Path, clock: ManualClock) -> Coach:
    """The same folder read fresh, as the next run would."""
    assert coach.file.flush() == []
    return Coach.open(data_dir, clock)


# -- the period and the ledger ----------------------------------------------------------


def test_without_a_plan_nothing_is_logged(opened: tuple[Coach, list[Changes]]) -> None:
    coach, heard = opened
    assert not coach.period.has_plan()
    assert coach.period.status().state is State.NO_PLAN
    assert coach.ledger.log(Kind.URGE) is None
    assert heard == []


def test_an_urge_is_logged_in_the_running_period(
    data_dir: Path, clock: ManualClock, opened: tuple[Coach, list[Changes]]
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    coach = Coach.open(data_dir, clock)
    heard: list[Changes] = []
    coach.listen(heard.append)
    event = coach.ledger.log(Kind.URGE, note="walked it off")
    assert event is not None
    running = coach.period.running()
    assert running is not None
    assert (event.kind, event.at, event.attempt_id, event.restarted) == (
        Kind.URGE,
        clock(),
        running.id,
        False,
    )
    assert coach.ledger.recent(4) == [event]
    assert heard == [Changes(frozenset({Topic.LEDGER}), attempts=frozenset({running.id}))]
    again = _reopen(coach, data_dir, clock)
    assert list(again.ledger.events()) == [event]
    again.file.close()
    coach.file.close()


def test_contact_that_restarts_closes_the_period_and_starts_one_as_long(
    data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=10, length=30)
    coach = Coach.open(data_dir, clock)
    heard: list[Changes] = []
    coach.listen(heard.append)
    at = clock() - timedelta(hours=3)
    event = coach.ledger.log(Kind.CONTACT, at, restart=True)
    assert event is not None and event.restarted
    first, second = coach.period.attempts()
    assert (first.ended_at, first.end_reason) == (at, EndReason.CONTACT)
    assert (second.start, second.length_days, second.ended_at) == (at, 30, None)
    assert coach.ledger.contact_times() == [at]
    assert coach.period.record().attempts == 2
    (notice,) = heard
    assert notice.topics == {Topic.LEDGER, Topic.PERIOD}
    assert notice.attempts == {first.id, second.id}
    coach.file.close()


def test_contact_once_the_period_is_complete_never_restarts_it(
    data_dir: Path, clock: ManualClock
) -> None:
    attempt = seed_plan(data_dir, clock, days_ago=50, length=45, complete=True)
    coach = Coach.open(data_dir, clock)
    event = coach.ledger.log(Kind.CONTACT, restart=True)
    assert event is not None and not event.restarted and event.attempt_id == attempt.id
    assert len(coach.period.attempts()) == 1
    coach.file.close()


def test_events_come_back_in_the_order_they_happened(data_dir: Path, clock: ManualClock) -> None:
    seed_plan(data_dir, clock, days_ago=10)
    coach = Coach.open(data_dir, clock)
    hour_ago = clock() - timedelta(hours=1)
    late = coach.ledger.log(Kind.URGE, hour_ago)
    clock.advance(timedelta(minutes=1))
    early = coach.ledger.log(Kind.SLIP, hour_ago - timedelta(days=2), detail="social_media")
    clock.advance(timedelta(minutes=1))
    same = coach.ledger.log(Kind.URGE, hour_ago)
    assert list(coach.ledger.events()) == [early, late, same]
    assert coach.ledger.since(hour_ago - timedelta(days=1)) == [late, same]
    # The most recently logged, whenever they happened.
    assert coach.ledger.recent(2) == [early, same]
    # Logged in the same second, the order logged decides which are the most recent.
    clock.advance(timedelta(minutes=1))
    first = coach.ledger.log(Kind.URGE, hour_ago)
    second = coach.ledger.log(Kind.SIGN, hour_ago)
    assert coach.ledger.recent(2) == [first, second]
    coach.file.close()


def test_the_dashboard_is_answered_without_reading_the_whole_history(
    data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, today=False)
    coach = Coach.open(data_dir, clock)
    model = coach._core.model
    assert coach.period.record().contacts == 0
    assert not coach.journal.checked_in_today()
    assert [event.kind for event in coach.ledger.recent(1)] == [Kind.URGE]
    # Changes made meanwhile are followed, still without reading everything.
    at = clock() - timedelta(hours=2)
    contact = coach.ledger.log(Kind.CONTACT, at, restart=True)
    coach.journal.check_in(coach.journal.today(), CheckInValues(6, 5, 4, ""))
    assert coach.ledger.contact_times() == [at]
    assert coach.ledger.recent(1) == [contact]
    assert coach.journal.checked_in_today()
    assert not model.ledger.records.built and not model.journal.records.built
    assert coach.period.record().contacts == 1
    coach.file.close()


def test_the_chart_reads_only_the_events_of_its_days(data_dir: Path, clock: ManualClock) -> None:
    repository = Repository.open(data_dir, clock)
    start = datetime(2026, 11, 1, 12, 0, tzinfo=TOKYO)
    for offset in (-40, -2, 0, 5, 9, 12):
        at = start + timedelta(days=offset)
        repository.apply(event_op(LedgerEvent(f"e{offset}", Kind.URGE, at, at)))
    repository.apply(Insert("events", {"id": "odd", "at": 7}))  # a hand edit: passed over
    repository.close()
    coach = Coach.open(data_dir, clock)
    found = coach.ledger.on_days(date(2026, 11, 1), date(2026, 11, 10), TOKYO)
    coach.file.close()
    assert [event.id for event in found] == ["e0", "e5", "e9"]


def test_time_passing_completes_the_period_once_and_greets_a_milestone_once(
    data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3.2, length=8, celebrated=False)
    coach = Coach.open(data_dir, clock)
    heard: list[Changes] = []
    coach.listen(heard.append)
    assert coach.period.catch_up() == [words_for(3)]
    assert coach.period.catch_up() == []  # celebrated once
    clock.advance(timedelta(days=4))  # a week
    assert coach.period.catch_up() == [words_for(7)]
    clock.advance(timedelta(days=1))  # past the end
    assert coach.period.catch_up() == [COMPLETE_WORDS]
    assert coach.period.catch_up() == []
    assert _topics(heard) == [{Topic.SETTINGS}, {Topic.SETTINGS}, {Topic.PERIOD}]
    clock.advance(timedelta(days=-5))  # a clock set back: still complete
    assert coach.period.status().state is State.COMPLETE
    coach.file.close()


def test_a_milestone_passed_long_ago_is_noted_without_a_word(
    data_dir: Path, clock: ManualClock
) -> None:
    attempt = seed_plan(data_dir, clock, days_ago=10, celebrated=False)
    coach = Coach.open(data_dir, clock)
    assert coach.period.catch_up() == []  # a week was ten days ago: no cheering now
    assert coach.file.flush() == []
    settings = {doc["id"]: doc["value"] for doc in stored(data_dir, "settings")}
    assert settings == {f"milestone:{attempt.id}": 7}
    coach.file.close()


# -- check-ins and the journal ------------------------------------------------------------


def test_a_check_in_adds_a_version_and_says_which_day(
    opened: tuple[Coach, list[Changes]], clock: ManualClock
) -> None:
    coach, heard = opened
    today = coach.journal.today()
    assert not coach.journal.checked_in_today()
    first = coach.journal.check_in(today, CheckInValues(5, 6, 4, "A slow day."))
    assert first is not None and first.day == today
    assert coach.journal.check_in(today, CheckInValues(5, 6, 4, "A slow day.")) is None
    clock.advance(timedelta(hours=2))
    second = coach.journal.check_in(today, CheckInValues(6, 6, 4, "A slow day, then a walk."))
    entry = coach.journal.entry(today)
    assert entry is not None and entry.versions == (first, second)
    assert coach.journal.checked_in_today()
    assert coach.journal.entries() == (entry,)
    assert heard == [Changes(frozenset({Topic.CHECKINS}), days=frozenset({today}))] * 2
    with pytest.raises(ValueError, match="Mood goes from 1 to 10"):
        coach.journal.check_in(today, CheckInValues(0, 6, 4, ""))  # would not read back


def test_the_day_start_moves_today(opened: tuple[Coach, list[Changes]], clock: ManualClock) -> None:
    coach, heard = opened
    clock.set(clock().replace(hour=3))
    assert coach.journal.day_start() == 4
    assert coach.journal.today() == clock().date() - timedelta(days=1)
    assert coach.journal.set_day_start(2)
    assert not coach.journal.set_day_start(2)  # already so: nothing to change
    assert coach.journal.today() == clock().date()
    assert _topics(heard) == [{Topic.DAY_START}]


def test_days_between_come_from_the_index(data_dir: Path, clock: ManualClock) -> None:
    seed_journal(data_dir, clock)
    coach = Coach.open(data_dir, clock)
    entries = coach.journal.entries()
    first, last = entries[3].day, entries[10].day
    assert coach.journal.between(first, last) == [e for e in entries if first <= e.day <= last]
    assert coach.journal.period_trend().change == 3.5
    coach.file.close()


# -- letters --------------------------------------------------------------------------------


def test_a_letter_is_written_redrafted_sealed_and_opened_early(
    data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=5)
    coach = Coach.open(data_dir, clock)
    heard: list[Changes] = []
    coach.listen(heard.append)
    draft = coach.letters.write("Dear you", seal=False)
    assert coach.letters.all() == [draft]
    assert coach.letters.redraft(draft.id, "Dear you", seal=False) is None  # nothing new
    redrafted = coach.letters.redraft(draft.id, "Dear you, again", seal=False)
    assert redrafted is not None and redrafted.earlier == ("Dear you",)
    sealed = coach.letters.seal(draft.id)
    assert sealed is not None and sealed.sealed_at == clock()
    assert coach.letters.seal(draft.id) is None  # sealed already
    state = letter_state(sealed, coach.period.attempts(), clock())
    assert state is LetterState.SEALED
    assert coach.letters.open_due() == []  # not due: the period runs on
    opened_early = coach.letters.open(draft.id, early=True)
    assert opened_early is not None and opened_early.opened_early
    assert coach.letters.open(draft.id, early=True) is None
    assert _topics(heard) == [{Topic.LETTERS}] * 4
    coach.file.close()


def test_a_draft_sealed_in_another_window_keeps_its_words(
    data_dir: Path, clock: ManualClock
) -> None:
    coach = Coach.open(data_dir, clock)
    draft = coach.letters.write("As it was", seal=False)
    assert coach.file.flush() == []
    other = Coach.open(data_dir, clock)
    assert other.letters.seal(draft.id) is not None
    other.file.close()
    snapshot = coach.file.read_elsewhere()
    assert snapshot is not None and coach.file.take_in(snapshot)
    kept = coach.letters.redraft(draft.id, "As it was, and more", seal=False)
    assert kept is not None and kept.id != draft.id  # a letter of its own
    texts = {letter.text: letter for letter in coach.letters.all()}
    assert texts["As it was"].sealed_at is not None
    coach.file.close()


def test_letters_due_open_together_once_the_period_is_complete(
    data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    coach = Coach.open(data_dir, clock)
    assert coach.letters.to_read() == []
    clock.advance(timedelta(days=16))
    assert [letter.text for letter in coach.letters.to_read()] == [SEALED_TEXT]
    (letter,) = coach.letters.open_due()
    assert letter.opened_at == clock() and not letter.opened_early
    assert coach.letters.open_due() == []
    assert [letter.text for letter in coach.letters.to_read()] == [SEALED_TEXT]
    coach.file.close()


# -- activities -------------------------------------------------------------------------------


def test_a_plan_done_completes_it_and_a_dropped_one_stays(
    opened: tuple[Coach, list[Changes]], clock: ManualClock
) -> None:
    coach, heard = opened
    swim = next(a for a in catalogue() if a.key == "swim")
    plan = coach.activities.plan(swim, clock().date())
    assert coach.activities.next_plan(swim) == plan
    assert coach.activities.statuses()[swim.key].open_plans == (plan,)
    entry = coach.activities.done(swim, 40, "cold water")
    assert entry.plan_id == plan.id and entry.minutes == 40
    assert coach.activities.next_plan(swim) is None
    later = coach.activities.plan(swim, clock().date() + timedelta(days=2))
    coach.activities.drop_plan(later)
    (kept, dropped) = coach.activities.log().plans
    assert kept == plan and dropped.dropped_at == clock()
    own = coach.activities.add_own("Knitting", Category.HOBBIES)
    assert coach.activities.all()[-1] == own and own.is_own
    assert _topics(heard) == [{Topic.ACTIVITIES}] * 5


# -- the intake and the plan --------------------------------------------------------------------


def test_choosing_a_plan_keeps_the_intake_and_replaces_the_running_period(
    data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3, length=30)
    coach = Coach.open(data_dir, clock)
    heard: list[Changes] = []
    coach.listen(heard.append)
    running = coach.intake.would_replace()
    assert running is not None
    assert coach.intake.plan_start(ANSWERS, from_today=True) == clock()
    start = coach.intake.plan_start(ANSWERS)
    assert start.date() == date(2026, 11, 20)
    recommendation = recommend(ANSWERS)
    attempt = coach.intake.choose_plan(ANSWERS, recommendation, 40, start)
    assert (attempt.start, attempt.length_days) == (start, 40)
    by_id = {kept.id: kept for kept in coach.period.attempts()}
    assert by_id.keys() == {running.id, attempt.id}
    assert by_id[running.id].ended_at is not None
    assert by_id[attempt.id] == attempt and coach.period.running() == attempt
    latest = coach.intake.latest()
    assert latest is not None and latest.chosen_days == 40 and attempt.intake_id == latest.id
    coach.intake.tick("belongings", True)
    assert coach.intake.ticks() == {"belongings": True}
    assert _topics(heard) == [{Topic.INTAKE, Topic.PERIOD}, {Topic.CHECKLIST}]
    coach.file.close()


# -- readiness ---------------------------------------------------------------------------------


def test_a_not_yet_check_offers_an_extension_that_can_be_taken_once(
    data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=50, length=45, complete=True)
    coach = Coach.open(data_dir, clock)
    answers = {statement.key: 2 for statement in STATEMENTS} | {"want_them": 4}
    record = coach.readiness.take(answers)
    assert coach.readiness.latest() == record
    assert record.result.extension_days > 0
    offer = coach.readiness.standing(record)
    assert offer.extension is Extension.OFFERED and offer.days == record.result.extension_days
    assert offer.added >= offer.days  # counted from today: the end was days ago
    heard: list[Changes] = []
    coach.listen(heard.append)
    assert coach.readiness.extend(record) == offer
    assert coach.readiness.extend(record) is None  # once only
    assert coach.readiness.standing(record).extension is Extension.DONE
    status = coach.period.status()
    assert status.state is State.ACTIVE and status.end == offer.end
    (extension,) = [e for e in coach.ledger.events() if e.kind is Kind.EXTENSION]
    assert extension.detail == record.id
    assert "45 days completed, then extended: 45 →" in extension.note
    assert _topics(heard) == [{Topic.LEDGER, Topic.PERIOD}]
    coach.file.close()


def test_the_facts_come_from_the_persons_own_data(data_dir: Path, clock: ManualClock) -> None:
    seed_journal(data_dir, clock)
    coach = Coach.open(data_dir, clock)
    facts = coach.readiness.facts()
    assert not facts.period_complete and facts.has_plan
    assert facts.days_left == 14
    assert facts.slips_last_week == 0 and facts.contacts_last_week == 0
    assert facts.mood_change == 3.5
    coach.ledger.log(Kind.SLIP, detail="social_media")
    assert coach.readiness.facts().slips_last_week == 1
    coach.file.close()


# -- settings and drafts -----------------------------------------------------------------------


def test_settings_are_kept_and_an_unchanged_one_is_not_written_again(
    opened: tuple[Coach, list[Changes]],
) -> None:
    coach, heard = opened
    assert coach.settings.theme("nctui") == "nctui"
    assert coach.settings.set_theme("textual-light", "nctui")
    assert not coach.settings.set_theme("textual-light", "nctui")
    assert coach.settings.set_sos_delay(5) and coach.settings.sos_delay() == 5
    assert coach.settings.set_sos_reasons("Mine") and coach.settings.sos_reasons() == "Mine"
    assert _topics(heard) == [{Topic.SETTINGS}] * 3


def test_drafts_are_kept_found_and_forgotten(
    opened: tuple[Coach, list[Changes]], clock: ManualClock
) -> None:
    coach, heard = opened
    coach.drafts.keep("letter:new", "Dear")
    clock.advance(timedelta(minutes=1))
    coach.drafts.keep("sos-reasons", "Because")
    found = coach.drafts.find("letter:new")
    assert found is not None and found.text == "Dear"
    assert [draft.editor for draft in coach.drafts.all()] == ["letter:new", "sos-reasons"]
    coach.drafts.forget("letter:new")
    coach.drafts.forget("letter:new")  # gone already: nothing to do, nothing said
    assert coach.drafts.find("letter:new") is None
    assert _topics(heard) == [{Topic.DRAFTS}] * 3


# -- another window ----------------------------------------------------------------------------


def test_changes_taken_in_from_another_window_say_everything_changed(
    data_dir: Path, clock: ManualClock, opened: tuple[Coach, list[Changes]]
) -> None:
    coach, heard = opened
    assert coach.journal.entries() == ()  # read once, before the other window writes
    other = Coach.open(data_dir, clock)
    other.journal.check_in(clock().date(), CheckInValues(7, 3, 2, "elsewhere"))
    other.file.close()
    assert coach.file.changed_elsewhere()
    snapshot = coach.file.read_elsewhere()
    assert snapshot is not None and coach.file.take_in(snapshot)
    assert heard == [Changes.all()]
    assert [entry.current.text for entry in coach.journal.entries()] == ["elsewhere"]


def test_every_stored_table_has_a_kind_of_record_screens_can_follow() -> None:
    from nctui.coach import read_model
    from nctui.coach.core import TOPICS
    from nctui.storage import intake_store, letter_store, readiness_store
    from nctui.storage.shapes import TABLES

    assert set(TOPICS) == set(TABLES) - {"meta"}
    # Named again where their readers are imported late: the same names.
    assert (read_model.LETTERS, read_model.INTAKES, read_model.CHECKLIST, read_model.CHECKS) == (
        letter_store.LETTERS,
        intake_store.INTAKES,
        intake_store.CHECKLIST,
        readiness_store.CHECKS,
    )


def test_a_listener_that_stops_hears_no_more(opened: tuple[Coach, list[Changes]]) -> None:
    coach, heard = opened
    later: list[Changes] = []
    coach.listen(later.append)
    coach.settings.set_sos_delay(3)
    coach.stop_listening(later.append)
    coach.settings.set_sos_delay(4)
    assert len(later) == 1 and len(heard) == 2
