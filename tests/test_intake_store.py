"""Intakes, attempts and checklist ticks survive a round trip through the data file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from nctui.domain.clock import ManualClock
from nctui.domain.intake import EndedBy, Ending, Goal, IntakeAnswers, LooseEnd, YesNo
from nctui.domain.period import EndReason
from nctui.domain.recommendation import IntakeRecord, recommend
from nctui.storage.attempt_store import close_attempt_op, load_attempts, new_attempt_op
from nctui.storage.intake_store import intake_op, latest_intake, load_intakes, load_ticks, tick_op
from nctui.storage.ops import Insert
from nctui.storage.repository import Repository

ANSWERS = IntakeAnswers(
    contact_stopped=date(2026, 11, 24),
    together_months=40,
    ending=Ending.UNEXPECTED,
    ended_by=EndedBy.THEM,
    stay_friends=YesNo.UNSURE,
    seeing_someone=YesNo.YES,
    single_issue=YesNo.NO,
    loose_ends=(LooseEnd.PETS, LooseEnd.OTHER),
    other_loose_end="the car",
    goal=Goal.GET_BACK,
)


def _reopen(data_dir: Path, clock: ManualClock, repository: Repository) -> Repository:
    repository.close()
    return Repository.open(data_dir, clock)


def test_an_intake_comes_back_exactly(data_dir: Path, clock: ManualClock) -> None:
    repository = Repository.open(data_dir, clock)
    record = IntakeRecord("i1", clock(), ANSWERS, recommend(ANSWERS), 60)
    repository.apply(intake_op(record))
    repository = _reopen(data_dir, clock, repository)
    assert load_intakes(repository) == [replace(record, taken_at=record.taken_at)]
    repository.close()


def test_every_intake_is_kept_and_the_latest_wins(data_dir: Path, clock: ManualClock) -> None:
    repository = Repository.open(data_dir, clock)
    first = IntakeRecord("i1", clock(), ANSWERS, recommend(ANSWERS), 60)
    later_answers = replace(ANSWERS, ending=Ending.BAD)
    clock.advance(timedelta(days=3))
    second = IntakeRecord("i2", clock(), later_answers, recommend(later_answers), 90)
    repository.apply(intake_op(second))
    repository.apply(intake_op(first))
    repository = _reopen(data_dir, clock, repository)
    assert [record.id for record in load_intakes(repository)] == ["i1", "i2"]
    latest = latest_intake(repository)
    assert latest is not None
    assert latest.answers.ending is Ending.BAD
    repository.close()


def test_attempts_open_and_close_without_losing_their_start(
    data_dir: Path, clock: ManualClock
) -> None:
    repository = Repository.open(data_dir, clock)
    start = datetime.fromisoformat("2026-11-24T09:30:00+00:00")
    repository.apply(new_attempt_op(start, 45, "i1"))
    (attempt,) = load_attempts(repository)
    repository.apply(close_attempt_op(attempt, clock(), EndReason.NEW_PLAN))
    repository = _reopen(data_dir, clock, repository)
    (closed,) = load_attempts(repository)
    assert closed.start == start
    assert closed.length_days == 45
    assert closed.end_reason is EndReason.NEW_PLAN
    assert closed.ended_at == clock()
    repository.close()


def test_ticks_keep_their_latest_state(data_dir: Path, clock: ManualClock) -> None:
    repository = Repository.open(data_dir, clock)
    repository.apply(tick_op("hide_number", True, clock()))
    repository.apply(tick_op("hide_number", False, clock()))
    repository.apply(tick_op("tell_them", True, clock()))
    repository = _reopen(data_dir, clock, repository)
    assert load_ticks(repository) == {"hide_number": False, "tell_them": True}
    repository.close()


def test_damaged_documents_are_skipped_not_fatal(data_dir: Path, clock: ManualClock) -> None:
    repository = Repository.open(data_dir, clock)
    repository.apply(Insert("attempts", {"id": "a", "start": "not a date", "length_days": 30}))
    repository.apply(
        Insert("attempts", {"id": "b", "start": "2026-11-24T09:30:00", "length_days": 3})
    )
    repository.apply(Insert("attempts", {"id": "c", "length_days": 30}))
    repository.apply(
        Insert("attempts", {"id": "d", "start": "2026-11-24T09:30:00+00:00", "length_days": 0})
    )
    repository.apply(new_attempt_op(clock(), 30, None))
    repository.apply(Insert("intakes", {"id": "broken", "answers": {}}))
    repository.close()  # as if edited by hand: read back when nctui opens the file
    repository = Repository.open(data_dir, clock)
    assert len(load_attempts(repository)) == 1
    assert load_intakes(repository) == []
    repository.close()
