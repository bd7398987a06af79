"""Made-up history for screenshots, demos and the benchmarks. Never used on real data.

The history is built with the same functions the app uses to save, so it always has
the shape real data has. The generator is seeded: the same arguments give the same file.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from devtools.sample_activities import sample_activity_tables
from nctui.domain.checkin import CheckInValues, checkin_day
from nctui.domain.clock import system_clock
from nctui.domain.intake import EndedBy, Ending, Goal, IntakeAnswers, LooseEnd, YesNo
from nctui.domain.ledger import ALLOWED_REASONS, SIGNS, SLIPS, Kind, LedgerEvent
from nctui.domain.milestones import newest_reached
from nctui.domain.period import Attempt, EndReason, add_calendar_days
from nctui.domain.recommendation import IntakeRecord, recommend
from nctui.storage.atomic_file import RawData, atomic_write_bytes, encode
from nctui.storage.attempt_store import close_attempt_op, new_attempt_op
from nctui.storage.checkin_store import CHECKINS, checkin_op
from nctui.storage.intake_store import intake_op, tick_op
from nctui.storage.ledger_store import event_op
from nctui.storage.letter_store import new_letter_op
from nctui.storage.location import DATA_FILE_NAME, prepare_data_dir
from nctui.storage.migrations import new_data
from nctui.storage.ops import Insert, Op, new_id
from nctui.storage.records import moment
from nctui.storage.settings import setting_op
from nctui.storage.tinydb_storage import memory_db

URGE_NOTES = (
    "Went for a walk instead.",
    "Wrote it in my notes app and deleted it.",
    "Called my sister.",
    "Saw our song on the radio. Breathed through it.",
)
JOURNAL_LINES = (
    "Woke up early and went for a walk before work.",
    "Saw a song title that reminded me of them. Let it pass.",
    "Had dinner with Sam. Laughed more than I expected to.",
    "Hard evening. Wrote instead of texting.",
    "Started the pottery class. My bowl is a disaster and I love it.",
    "Thought about the trip we never took. Booked a weekend away with my sister.",
    "Muted their stories for good.",
    "Slept badly, but the morning run helped.",
)

SEALED_LETTER = (
    "I keep writing you messages in my head, so here is one on paper instead.\n\n"
    "I miss the ordinary things most. I am also starting to see how tired I was."
)
DRAFT_LETTER = "There are things I never said, and I want to say them here first."
EDIT_LINE = " Later: read this back and felt calmer."

SAMPLE_ANSWERS = IntakeAnswers(
    contact_stopped=date(2026, 1, 1),
    together_months=38,
    ending=Ending.BAD,
    ended_by=EndedBy.THEM,
    stay_friends=YesNo.NO,
    seeing_someone=YesNo.UNSURE,
    single_issue=YesNo.NO,
    loose_ends=(LooseEnd.BELONGINGS,),
    other_loose_end="",
    goal=Goal.HEAL,
)


class _History:
    """Collects the changes that make up a made-up history."""

    def __init__(self, rng: random.Random, now: datetime) -> None:
        self.rng = rng
        self.now = now
        self.ops: list[Op] = []

    def event(self, kind: Kind, at: datetime, attempt: str, **fields: Any) -> None:
        self.ops.append(event_op(LedgerEvent(new_id(), kind, at, at, attempt_id=attempt, **fields)))

    def day(self, moment: datetime, attempt: str, offset: int) -> None:
        rng = self.rng
        for _ in range(rng.choices((0, 1, 2, 3), weights=(3, 4, 2, 1))[0]):
            when = moment + timedelta(minutes=rng.randint(0, 600))
            if when < self.now:
                note = rng.choice(URGE_NOTES) if rng.random() < 0.3 else ""
                self.event(Kind.URGE, when, attempt, note=note, triggers=_tags(when))
        roll = rng.random()
        if roll < 0.06:
            self.event(Kind.SLIP, moment, attempt, detail=rng.choice(list(SLIPS)[:-1]))
        elif roll < 0.08:
            self.event(Kind.SIGN, moment, attempt, detail=rng.choice(list(SIGNS)))
        elif roll < 0.09:
            self.event(Kind.ALLOWED, moment, attempt, detail=rng.choice(list(ALLOWED_REASONS)))
        if rng.random() < 0.85:
            self.checkin(moment, offset)

    def checkin(self, moment: datetime, offset: int) -> None:
        # Feelings drift better over a period, with good and bad days along the way.
        rng = self.rng
        lift = min(offset, 60) / 12
        text = ""
        if rng.random() < 0.4:
            picks = [rng.choice(JOURNAL_LINES) for _ in range(rng.randint(1, 6))]
            # Repeats dropped after the same draws, so the rest of the history stays as it
            # was: a person does not write the same sentence twice in a day.
            text = " ".join(dict.fromkeys(picks))
        values = CheckInValues(
            mood=_clamp(round(3.5 + lift + rng.uniform(-1.5, 1.5)), 1, 10),
            miss=_clamp(round(8 - lift + rng.uniform(-1.5, 1.5)), 0, 10),
            urge=_clamp(round(7 - lift + rng.uniform(-2, 2)), 0, 10),
            text=text,
        )
        self.ops.append(checkin_op(checkin_day(moment), values, moment))


def _tags(when: datetime) -> tuple[str, ...]:
    # From the time alone, not the random draws, so the rest of the history stays as it was.
    if when.hour >= 21 or when.hour < 2:
        return ("late_night", "lonely")
    if 16 <= when.hour < 19:
        return ("bored", "lonely") if when.weekday() >= 5 else ("bored",)
    if when.weekday() >= 5:
        return ("place_song",)
    return ()


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def sample_history(now: datetime, years: float, *, seed: int = 7) -> RawData:
    """`years` of plausible history ending at `now`.

    Periods run one after another; most end early with a contact that restarts them, a
    few complete. Every day has some urges resisted and a check-in, and now and then a
    slip, a sign from them or an allowed contact. The last period is still running.
    """
    zone = now.tzinfo
    assert zone is not None
    rng = random.Random(seed)
    history = _History(rng, now)
    start = now - timedelta(days=round(365 * years))
    record = IntakeRecord(new_id(), start, SAMPLE_ANSWERS, recommend(SAMPLE_ANSWERS), 90)
    history.ops += [intake_op(record), tick_op("hide_number", True, start)]
    while True:
        length = rng.choice((30, 45, 60, 90))
        attempt = Attempt(new_id(), start, length, record.id)
        history.ops.append(_attempt_op(attempt))
        end = add_calendar_days(start, length, zone)
        lasts = rng.randint(3, length + 10)
        stop = add_calendar_days(start, lasts, zone)
        for offset in range(min(lasts, length)):
            moment = add_calendar_days(start, offset, zone).replace(hour=8)
            if moment >= now:
                return _finish(history.ops, start, now)
            history.day(moment, attempt.id, offset)
        if stop >= now:
            return _finish(history.ops, start, now)
        if lasts >= length:
            history.ops.append(close_attempt_op(attempt, end, EndReason.COMPLETE))
            start = stop  # a few quiet days after completing, then a new plan
        else:
            history.event(Kind.CONTACT, stop, attempt.id, restarted=True)
            history.ops.append(close_attempt_op(attempt, stop, EndReason.CONTACT))
            start = stop


def _attempt_op(attempt: Attempt) -> Insert:
    op = new_attempt_op(attempt.start, attempt.length_days, attempt.intake_id)
    return Insert(op.table, {**op.doc, "id": attempt.id})


def _finish(ops: list[Op], start: datetime, now: datetime) -> RawData:
    # The person has already seen the greetings for the milestones passed so far.
    running = [op for op in ops if isinstance(op, Insert) and op.table == "attempts"][-1]
    reached = newest_reached((now - moment(running.doc["start"])).days, 0)
    if reached:
        ops.append(setting_op(f"milestone:{running.doc['id']}", reached))
    for table, docs in sample_activity_tables(now).items():
        ops.extend(Insert(table, doc) for doc in docs)
    _letters_and_an_edit(ops, moment(running.doc["start"]), now)
    db = memory_db(new_data(start))
    # New documents first, table by table in one go, then every change in order: the
    # same result as applying each op in turn (changes only touch documents added
    # before them), in a fraction of the time for years of history.
    inserts: dict[str, list[dict[str, Any]]] = {}
    for op in ops:
        if isinstance(op, Insert):
            inserts.setdefault(op.table, []).append(dict(op.doc))
    for table, docs in inserts.items():
        db.table(table).insert_multiple(docs)
    for op in ops:
        if not isinstance(op, Insert):
            op.apply(db)
    data: RawData | None = db.storage.read()
    assert data is not None
    return data


def _letters_and_an_edit(ops: list[Op], start: datetime, now: datetime) -> None:
    # One letter sealed early in the running period, one still a draft, and the latest
    # journal entry edited once, so every state the journal shows is in the sample.
    written = min(now, start + timedelta(days=2, hours=13))
    ops.append(new_letter_op(SEALED_LETTER, written, seal=True))
    ops.append(new_letter_op(DRAFT_LETTER, min(now, written + timedelta(days=3)), seal=False))
    with_text = [
        op for op in ops if isinstance(op, Insert) and op.table == CHECKINS and op.doc.get("text")
    ]
    if with_text:
        doc = with_text[-1].doc
        edited = CheckInValues(doc["mood"], doc["miss"], doc["urge"], doc["text"] + EDIT_LINE)
        at = moment(doc["at"]) + timedelta(hours=11)
        ops.append(checkin_op(date.fromisoformat(doc["day"]), edited, min(now, at)))


def write_sample_history(data_dir: Path, now: datetime, years: float) -> Path:
    """Write a data file holding `years` of sample history; return its path."""
    prepare_data_dir(data_dir)
    path = data_dir / DATA_FILE_NAME
    atomic_write_bytes(path, encode(sample_history(now, years)))
    return path


def main(argv: list[str] | None = None) -> int:
    """`python -m devtools.sample DIR [--years N]`: a folder of sample history to try the app on."""
    parser = argparse.ArgumentParser(
        prog="python -m devtools.sample",
        description="Write made-up history into a new data folder, to try nctui on.",
    )
    parser.add_argument("folder", type=Path, help="a data folder with no nctui.json yet")
    parser.add_argument("--years", type=float, default=0.25, help="how much history (0.25)")
    args = parser.parse_args(argv)
    if not 0 < args.years <= 20:
        parser.error("--years takes a number above 0 and up to 20")
    if (args.folder / DATA_FILE_NAME).exists():
        parser.error(f"{args.folder} already holds a data file; sample history never replaces one")
    path = write_sample_history(args.folder, system_clock(), args.years)
    print(f"Wrote {path}. Try it: uv run nctui --data-dir {args.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
