"""The status summary the writer keeps beside the data file, and `nctui status` reading it.

The summary must give exactly the answers the whole file gives, for any history and any
clock, and must never be used once the data file is no longer the one it summarises.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nctui.cli import main
from nctui.domain.checkin import CheckInValues
from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.domain.period import EndReason
from nctui.status import read_whole, report_of, status_line, status_report
from nctui.storage.attempt_store import ATTEMPTS
from nctui.storage.checkin_store import checkin_op, day_start_op
from nctui.storage.ledger_store import event_op
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.ops import Insert, new_id
from nctui.storage.records import stamp
from nctui.storage.repository import Repository
from nctui.storage.status_summary import read_summary, summary_path
from tests.seeds import seed_plan

ZONES = [ZoneInfo(name) for name in ("Europe/London", "America/New_York", "Australia/Lord_Howe")]
# Each a few days from a daylight-saving change in one of the zones above.
BASES = [
    datetime(2026, 3, 27, 23, 30, tzinfo=ZoneInfo("Europe/London")),
    datetime(2026, 10, 30, 1, 30, tzinfo=ZoneInfo("America/New_York")),
    datetime(2026, 4, 3, 12, 0, tzinfo=ZoneInfo("Australia/Lord_Howe")),
]


def _path(data_dir: Path) -> str:
    return str(data_dir / DATA_FILE_NAME)


def _line(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--data-dir", str(data_dir), "status"]) == 0
    return capsys.readouterr().out.strip()


def test_the_writer_keeps_a_private_summary_that_status_uses(data_dir: Path, clock) -> None:
    seed_plan(data_dir, clock, days_ago=11.1, events=((Kind.CONTACT, 3, None, "I miss her"),))
    summary = Path(summary_path(data_dir / DATA_FILE_NAME))
    assert summary.stat().st_mode & 0o777 == 0o600
    assert read_summary(_path(data_dir)) is not None
    assert status_report(data_dir, clock()) == report_of(*read_whole(_path(data_dir)), clock())
    # Dates and lengths only: no words the person wrote.
    assert b"miss" not in summary.read_bytes()


def test_a_hand_edit_in_place_makes_status_read_the_whole_file(data_dir: Path, clock, capsys):
    seed_plan(data_dir, clock, days_ago=11.1, length=45)
    assert _line(data_dir, capsys) == "Day 12 of 45 · 33 days left"
    path = data_dir / DATA_FILE_NAME
    before = path.stat()
    # Same size, same file: only its modification time tells the edit apart (a person
    # saves it seconds after the app did).
    stored = path.read_bytes()
    edited = stored.replace(b'"length_days":45', b'"length_days":60')
    assert edited != stored
    path.write_bytes(edited)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 2_000_000_000))
    assert path.stat().st_size == before.st_size
    assert read_summary(str(path)) is None
    assert _line(data_dir, capsys) == "Day 12 of 60 · 48 days left"


def test_a_file_replaced_by_an_editor_makes_status_read_it(data_dir: Path, clock, capsys):
    seed_plan(data_dir, clock, days_ago=11.1, length=45)
    path = data_dir / DATA_FILE_NAME
    data = json.loads(path.read_text(encoding="utf-8"))
    (attempt,) = data[ATTEMPTS].values()
    attempt["length_days"] = 90
    edited = data_dir / "edited.json"
    edited.write_text(json.dumps(data, indent=2), encoding="utf-8")
    edited.replace(path)
    assert read_summary(str(path)) is None
    assert _line(data_dir, capsys) == "Day 12 of 90 · 78 days left"


def test_a_damaged_or_foreign_summary_is_never_used(data_dir: Path, clock, capsys):
    seed_plan(data_dir, clock, days_ago=11.1, length=45)
    summary = Path(summary_path(data_dir / DATA_FILE_NAME))
    text = summary.read_text(encoding="ascii")
    for broken in (text[: len(text) // 2], text.replace("attempt", "attempt x"), "\xff", ""):
        summary.write_text(broken, encoding="latin-1")
        assert read_summary(_path(data_dir)) is None
        assert _line(data_dir, capsys) == "Day 12 of 45 · 33 days left"


def _moment(base: datetime, hours: float) -> datetime:
    # Stored as the app stores it: the wall clock of the zone with that moment's offset.
    return (base + timedelta(hours=hours)).astimezone(base.tzinfo)


attempt_specs = st.lists(
    st.tuples(
        st.integers(-3000, 3000),  # start, hours from the base
        st.integers(1, 120),  # length in days
        st.one_of(st.none(), st.tuples(st.integers(0, 3000), st.sampled_from(EndReason))),
        st.sampled_from(["plan-a", "plan-b", None]),
    ),
    max_size=4,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    base=st.sampled_from(BASES),
    attempts=attempt_specs,
    contacts=st.lists(st.tuples(st.integers(-3000, 6000), st.booleans()), max_size=5),
    slips=st.lists(st.integers(-3000, 6000), max_size=4),
    checkins=st.lists(st.integers(-200, 300), max_size=5),  # days from the base
    day_start=st.one_of(st.none(), st.integers(0, 12)),
    urges=st.integers(1, 3),  # at least one change, so the file is written
    clocks=st.lists(
        st.tuples(st.floats(-4000, 8000, allow_nan=False), st.sampled_from(ZONES)),
        min_size=1,
        max_size=6,
    ),
)
def test_summary_and_whole_file_give_the_same_answers(
    base: datetime,
    attempts: list[tuple[int, int, tuple[int, EndReason] | None, str | None]],
    contacts: list[tuple[int, bool]],
    slips: list[int],
    checkins: list[int],
    day_start: int | None,
    urges: int,
    clocks: list[tuple[float, ZoneInfo]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        repository = Repository.open(data_dir, ManualClock(base))
        for start, length, end, plan in attempts:
            doc: dict[str, object] = {
                "id": new_id(),
                "start": stamp(_moment(base, start)),
                "length_days": length,
            }
            if plan is not None:
                doc["intake_id"] = plan
            if end is not None:
                doc["ended_at"] = stamp(_moment(base, start + end[0]))
                doc["end_reason"] = end[1].value
            repository.apply(Insert(ATTEMPTS, doc))
        happened = [
            *((Kind.CONTACT, hours, restarted) for hours, restarted in contacts),
            *((Kind.SLIP, hours, False) for hours in slips),
            *((Kind.URGE, hours, False) for hours in range(urges)),
        ]
        for kind, hours, restarted in happened:
            at = _moment(base, hours)
            event = LedgerEvent(new_id(), kind, at, at, None, "words", restarted=restarted)
            repository.apply(event_op(event))
        for days in checkins:
            day = (base + timedelta(days=days)).date()
            repository.apply(checkin_op(day, CheckInValues(5, 5, 5, "words"), base))
        if day_start is not None:
            repository.apply(day_start_op(day_start))
        assert repository.close() is None
        summarised = read_summary(_path(data_dir))
        assert summarised is not None
        whole = read_whole(_path(data_dir))
        for later, zone in clocks:
            now = (base + timedelta(hours=later)).astimezone(zone)
            from_summary = report_of(*summarised, now)
            assert from_summary == report_of(*whole, now)
            assert status_line(from_summary) == status_line(status_report(data_dir, now))
