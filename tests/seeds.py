"""Data put in place before a test starts, written the way the app writes it."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from nctui.domain.checkin import CheckInValues
from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.domain.milestones import newest_reached
from nctui.domain.period import Attempt, EndReason, add_calendar_days
from nctui.storage.attempt_store import close_attempt_op, new_attempt_op
from nctui.storage.checkin_store import checkin_op
from nctui.storage.ledger_store import event_op
from nctui.storage.letter_store import new_letter_op
from nctui.storage.ops import Insert
from nctui.storage.repository import Repository
from nctui.storage.settings import setting_op


def seed_plan(
    data_dir: Path,
    clock: ManualClock,
    *,
    days_ago: float,
    length: int = 45,
    events: tuple[tuple[Kind, float, str | None, str], ...] = (),
    complete: bool = False,
    celebrated: bool = True,
) -> Attempt:
    """A plan that started `days_ago` days before the clock's now, with some events.

    Each event is (kind, days ago, detail, note). Milestones already reached count as
    celebrated unless `celebrated` is False, so no greeting covers the screen.
    """
    now = clock()
    start = now - timedelta(days=days_ago)
    repository = Repository.open(data_dir, clock)
    op = new_attempt_op(start, length, None)
    repository.apply(op)
    attempt = Attempt(str(op.doc["id"]), start, length)
    for kind, ago, detail, note in events:
        at = now - timedelta(days=ago)
        repository.apply(event_op(LedgerEvent(f"e{ago}", kind, at, at, detail, note, attempt.id)))
    if celebrated:
        reached = newest_reached(int(days_ago), 0)
        if reached:
            repository.apply(setting_op(f"milestone:{attempt.id}", reached))
    if complete:
        end = add_calendar_days(start, length, now.tzinfo)  # type: ignore[arg-type]
        repository.apply(close_attempt_op(attempt, end, EndReason.COMPLETE))
    assert repository.close() is None
    return attempt


def seed_restarted(data_dir: Path, clock: ManualClock) -> None:
    """An attempt that ended with contact 5 days ago, and the one that replaced it."""
    now = clock()
    first_start = now - timedelta(days=20)
    contact = now - timedelta(days=5)
    repository = Repository.open(data_dir, clock)
    first = new_attempt_op(first_start, 30, None)
    repository.apply(first)
    attempt = Attempt(str(first.doc["id"]), first_start, 30)
    repository.apply(
        event_op(
            LedgerEvent("c1", Kind.CONTACT, contact, contact, attempt_id=attempt.id, restarted=True)
        )
    )
    repository.apply(close_attempt_op(attempt, contact, EndReason.CONTACT))
    repository.apply(new_attempt_op(contact, 30, None))
    repository.apply(Insert("settings", {"id": "milestone:seeded", "value": 0}))
    assert repository.close() is None


JOURNAL_TEXTS = {
    0: "First day. Deleted the chat from my home screen.",
    3: "Hard evening. Wrote here instead of texting.",
    9: "Dinner with Sam. Laughed more than I expected to.",
    16: "Saw our song on the radio and let it play out.",
    22: "Pottery class. My bowl is a disaster and I love it.",
    28: "Slept well for once. Walked by the sea before work.",
}
JOURNAL_EVENTS = (
    (Kind.URGE, 29.5, None, ""),
    (Kind.URGE, 25.2, None, ""),
    (Kind.SLIP, 24.4, "social_media", ""),
    (Kind.URGE, 20.1, None, ""),
    (Kind.URGE, 14.3, None, ""),
    (Kind.SLIP, 12.6, "asked_friends", ""),
    (Kind.ALLOWED, 9.2, "property", "Picked up my books"),
    (Kind.URGE, 6.1, None, ""),
    (Kind.URGE, 2.2, None, ""),
)


def seed_journal(
    data_dir: Path, clock: ManualClock, *, days_ago: int = 30, today: bool = True
) -> Attempt:
    """A 45-day period started `days_ago` days back, with a check-in on most days.

    Mood drifts up and missing them and the urge drift down, with ups and downs; a few
    days have journal words, one day was edited, and there is a sealed letter and a
    draft. With `today` False, today's check-in is still to do.
    """
    attempt = seed_plan(data_dir, clock, days_ago=days_ago + 0.2, length=45, events=JOURNAL_EVENTS)
    now = clock()
    repository = Repository.open(data_dir, clock)
    wiggle = (0, 1, -1, 1, 0, -1, 2)
    for offset in range(days_ago + 1):
        day = (now - timedelta(days=days_ago - offset)).date()
        if offset % 6 == 5 or (offset == days_ago and not today):
            continue  # a few days missed, as people do
        values = CheckInValues(
            mood=max(1, min(10, 3 + offset // 6 + wiggle[offset % 7])),
            miss=max(0, min(10, 9 - offset // 5 + wiggle[(offset + 3) % 7])),
            urge=max(0, min(10, 8 - offset // 5 - wiggle[(offset + 1) % 7])),
            text=JOURNAL_TEXTS.get(offset, ""),
        )
        at = now - timedelta(days=days_ago - offset, hours=1)
        repository.apply(checkin_op(day, values, at))
        if offset == 16:  # one day edited later the same evening
            edited = CheckInValues(values.mood + 1, values.miss, values.urge, values.text + EDIT)
            repository.apply(checkin_op(day, edited, at + timedelta(hours=10)))
    written = now - timedelta(days=days_ago - 2)
    repository.apply(new_letter_op(SEALED_TEXT, written, seal=True))
    repository.apply(new_letter_op(DRAFT_TEXT, written + timedelta(days=9), seal=False))
    assert repository.close() is None
    return attempt


EDIT = " Afterwards I felt lighter."
SEALED_TEXT = "Sealed words that nobody reads early."
DRAFT_TEXT = "There are things I never said, and I want to say them here first."


def seed_patterns(data_dir: Path, clock: ManualClock) -> Attempt:
    """A 60-day period 40 days in, whose urges come mostly late on Friday and Saturday
    nights (tagged lonely, late at night, a drink), with a few scattered through the
    week, some closed from the SOS card, and a check-in most days with a falling urge."""
    now = clock()
    attempt = seed_plan(data_dir, clock, days_ago=40.4, length=60)
    repository = Repository.open(data_dir, clock)
    zone = now.tzinfo
    start_day = (now - timedelta(days=40)).date()
    count = 0
    for offset in range(40):
        day = start_day + timedelta(days=offset)
        wall = datetime.combine(day, datetime.min.time(), zone)
        moments: list[tuple[datetime, tuple[str, ...], str | None]] = []
        if day.weekday() in {4, 5} and offset < 36:  # Friday and Saturday nights
            moments.append((wall + timedelta(hours=23, minutes=10), ("lonely", "late_night"), None))
            if offset % 3 == 0:
                moments.append((wall + timedelta(hours=24, minutes=40), ("drink",), "sos"))
        if offset % 9 == 4:  # now and then in the afternoon
            moments.append((wall + timedelta(hours=15), ("bored",), None))
        for at, tags, source in moments:
            if at >= now:
                continue
            count += 1
            kind = Kind.SLIP if count % 7 == 0 else Kind.URGE
            event = LedgerEvent(
                f"p{count}",
                kind,
                at,
                at,
                "social_media" if kind is Kind.SLIP else None,
                "",
                attempt.id,
                triggers=tags,
                source=source if kind is Kind.URGE else None,
            )
            repository.apply(event_op(event))
        if offset % 5 != 3:
            values = CheckInValues(
                mood=min(10, 3 + offset // 6),
                miss=max(0, 9 - offset // 5),
                urge=max(0, 8 - offset // 6),
            )
            repository.apply(checkin_op(day, values, wall + timedelta(hours=20)))
    assert repository.close() is None
    return attempt
