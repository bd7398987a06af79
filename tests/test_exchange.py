"""Export and import: what goes out comes back the same, and two copies merge into
their union, whichever is merged into which."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nctui.coach import Coach
from nctui.coach.exchange.export import Format, export_bytes, export_json, into_exports
from nctui.coach.exchange.importing import CannotImport, import_file
from nctui.domain.checkin import CheckInValues
from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind
from tests.conftest import FROZEN_NOW
from tests.seeds import seed_plan


@contextmanager
def opened(data_dir: Path, clock: ManualClock) -> Iterator[Coach]:
    coach = Coach.open(data_dir, clock)
    try:
        yield coach
    finally:
        assert coach.file.close() is None


def exported(data_dir: Path, clock: ManualClock) -> bytes:
    with opened(data_dir, clock) as coach:
        return export_json(coach)


def imported(data_dir: Path, clock: ManualClock, source: Path) -> list[str]:
    with opened(data_dir, clock) as coach:
        return import_file(coach, source)


def by_id(data_dir: Path, clock: ManualClock) -> dict[str, dict[str, dict[str, Any]]]:
    tables = json.loads(exported(data_dir, clock))["tables"]
    return {name: {doc["id"]: doc for doc in docs} for name, docs in tables.items()}


def history(data_dir: Path, clock: ManualClock) -> None:
    seed_plan(data_dir, clock, days_ago=10)
    with opened(data_dir, clock) as coach:
        coach.ledger.log(Kind.URGE, note="Walked it off.")
        coach.journal.check_in(date(2026, 11, 25), CheckInValues(6, 4, 3, "A calm day."))
        coach.letters.write("Things I never said.", seal=False)


def test_export_then_import_into_an_empty_folder_exports_the_same_bytes(
    tmp_path: Path, clock: ManualClock
) -> None:
    history(tmp_path / "a", clock)
    first = exported(tmp_path / "a", clock)
    (tmp_path / "out.json").write_bytes(first)

    said = imported(tmp_path / "b", clock, tmp_path / "out.json")

    assert said[0].startswith("Added: ")
    assert exported(tmp_path / "b", clock) == first
    assert json.loads(first)["format_version"] == 1


def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    tmp_path: Path, clock: ManualClock
) -> None:
    history(tmp_path / "a", clock)
    (tmp_path / "out.json").write_bytes(exported(tmp_path / "a", clock))
    imported(tmp_path / "b", clock, tmp_path / "out.json")
    once = exported(tmp_path / "b", clock)

    said = imported(tmp_path / "b", clock, tmp_path / "out.json")

    assert said == [f"Nothing to add: everything in {tmp_path / 'out.json'} is already here."]
    assert exported(tmp_path / "b", clock) == once


def diverged(tmp_path: Path, clock: ManualClock) -> tuple[Path, Path]:
    """Two folders with one shared history, then different events, check-ins and
    letters on each (and the shared draft rewritten on both)."""
    shared = tmp_path / "shared"
    history(shared, clock)
    with opened(shared, clock) as coach:
        draft = coach.letters.all()[0].id
    one, two = tmp_path / "one", tmp_path / "two"
    shutil.copytree(shared, one)
    shutil.copytree(shared, two)
    clock.advance(timedelta(hours=1))
    with opened(one, clock) as coach:
        coach.ledger.log(Kind.SLIP, detail="social_media")
        coach.journal.check_in(date(2026, 11, 26), CheckInValues(5, 5, 5, "Laptop day."))
        coach.letters.write("Sealed on the laptop.", seal=True)
        coach.letters.redraft(draft, "Things I never said, take two.", seal=False)
    clock.advance(timedelta(hours=1))
    with opened(two, clock) as coach:
        coach.ledger.log(Kind.SIGN, detail="reached_out")
        coach.journal.check_in(date(2026, 11, 24), CheckInValues(3, 7, 6, "Desk day."))
        coach.letters.write("A draft on the desktop.", seal=False)
        coach.letters.redraft(draft, "Things I never said, desktop version.", seal=False)
    return one, two


def test_two_diverged_copies_merge_into_their_union_in_either_order(
    tmp_path: Path, clock: ManualClock
) -> None:
    one, two = diverged(tmp_path, clock)
    one_tables, two_tables = by_id(one, clock), by_id(two, clock)
    (tmp_path / "one.json").write_bytes(exported(one, clock))
    (tmp_path / "two.json").write_bytes(exported(two, clock))
    into_one, into_two = tmp_path / "into-one", tmp_path / "into-two"
    shutil.copytree(one, into_one)
    shutil.copytree(two, into_two)

    imported(into_one, clock, tmp_path / "two.json")
    imported(into_two, clock, tmp_path / "one.json")

    merged = by_id(into_one, clock)
    assert merged == by_id(into_two, clock)
    for table in ("events", "checkins", "letters"):
        assert set(merged[table]) == set(one_tables[table]) | set(two_tables[table])
    assert len(merged["events"]) == 3  # the shared urge, the slip, the sign
    (draft,) = [doc for doc in merged["letters"].values() if "earlier" in doc]
    assert draft["text"] == "Things I never said, desktop version."  # saved last
    assert draft["earlier"] == ["Things I never said.", "Things I never said, take two."]


def test_a_merge_keeps_a_backup_of_the_data_as_it_was(tmp_path: Path, clock: ManualClock) -> None:
    one, two = diverged(tmp_path, clock)
    before = (one / "nctui.json").read_bytes()
    (tmp_path / "two.json").write_bytes(exported(two, clock))

    said = imported(one, clock, tmp_path / "two.json")

    (backup,) = (one / "backups").glob("*-before-import.json")
    assert backup.read_bytes() == before
    assert backup.stat().st_mode & 0o777 == 0o600
    assert (one / "backups").stat().st_mode & 0o777 == 0o700
    assert f"Your data as it was before is kept in {backup}." in said


def test_a_dry_run_says_what_it_would_add_by_kind_and_changes_nothing(
    tmp_path: Path, clock: ManualClock
) -> None:
    one, two = diverged(tmp_path, clock)
    before = (one / "nctui.json").read_bytes()
    (tmp_path / "two.json").write_bytes(exported(two, clock))

    with opened(one, clock) as coach:
        said = import_file(coach, tmp_path / "two.json", dry_run=True)

    assert said[0] == "Would add: 1 ledger event, 1 check-in, 1 letter."
    assert said[1] == "Would update: 1 letter."
    assert said[-1] == "Nothing was changed (--dry-run)."
    assert (one / "nctui.json").read_bytes() == before
    assert not (one / "backups").exists() or not list((one / "backups").glob("*import*"))


def test_an_entry_whose_id_is_taken_by_a_different_one_is_kept_beside_it_once(
    tmp_path: Path, clock: ManualClock
) -> None:
    history(tmp_path / "a", clock)
    document = json.loads(exported(tmp_path / "a", clock))
    (event,) = document["tables"]["events"]
    event["kind"] = "slip"
    (tmp_path / "clash.json").write_text(json.dumps(document))

    said = imported(tmp_path / "a", clock, tmp_path / "clash.json")
    again = imported(tmp_path / "a", clock, tmp_path / "clash.json")

    kinds = sorted(doc["kind"] for doc in by_id(tmp_path / "a", clock)["events"].values())
    assert kinds == ["slip", "urge"]
    assert "both are kept" in " ".join(said)
    assert again[0].startswith("Nothing to add")


def test_the_markdown_export_leaves_sealed_letters_out_unless_asked(
    tmp_path: Path, clock: ManualClock
) -> None:
    history(tmp_path, clock)
    with opened(tmp_path, clock) as coach:
        coach.letters.write("Kept for later.", seal=True)
        plain = export_bytes(coach, Format.MARKDOWN).decode()
        sealed = export_bytes(coach, Format.MARKDOWN, include_sealed=True).decode()

    assert "Kept for later." not in plain
    assert "1 sealed letter left out" in plain
    assert "> Kept for later." in sealed
    assert "(sealed)" in sealed
    for words in ("> Walked it off.", "> A calm day.", "> Things I never said.", "Period 1"):
        assert words in plain


def test_the_csv_export_has_one_row_a_check_in_day_and_one_an_event(
    tmp_path: Path, clock: ManualClock
) -> None:
    history(tmp_path, clock)
    with opened(tmp_path, clock) as coach:
        coach.journal.check_in(
            date(2026, 11, 25), CheckInValues(7, 4, 3, "Edited, better.", prompt="What helped?")
        )
        coach.ledger.log(Kind.SLIP, detail="social_media", triggers=("lonely", "late_night"))
        rows = export_bytes(coach, Format.CSV).decode().splitlines()
        markdown = export_bytes(coach, Format.MARKDOWN).decode()

    assert rows[0] == "record,date,time,kind,detail,mood,miss_them,urge,set_off_by,question,text"
    assert rows[1:] == [
        'check-in,2026-11-25,09:30,,,7,4,3,,What helped?,"Edited, better."',
        "event,2026-11-26,09:30,urge,,,,,,,Walked it off.",
        "event,2026-11-26,09:30,slip,Checked their social media,,,,Lonely · Late at night,,",
    ]
    assert "Set off by: Lonely · Late at night" in markdown


def test_a_file_that_is_not_nctuis_is_refused_and_nothing_changes(
    tmp_path: Path, clock: ManualClock
) -> None:
    history(tmp_path / "a", clock)
    before = (tmp_path / "a" / "nctui.json").read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text('{"users": {"1": {"name": "x"}}}')

    with opened(tmp_path / "a", clock) as coach:
        try:
            import_file(coach, bad)
        except CannotImport as error:
            message = str(error)
        else:
            raise AssertionError("a file that is not nctui's was imported")

    assert "does not hold nctui's data" in message
    assert (tmp_path / "a" / "nctui.json").read_bytes() == before


ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("event"), st.sampled_from(list(Kind)[:5]), st.text(max_size=30)),
        st.tuples(
            st.just("checkin"),
            st.integers(0, 20),
            st.tuples(st.integers(1, 10), st.integers(0, 10), st.integers(0, 10)),
            st.text(max_size=30),
        ),
        st.tuples(st.just("letter"), st.booleans(), st.text(min_size=1, max_size=30)),
        st.tuples(st.just("later"), st.integers(1, 72)),
    ),
    max_size=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ACTIONS)
def test_any_history_survives_export_and_import_unchanged(
    actions: list[tuple[Any, ...]],
) -> None:
    clock = ManualClock(FROZEN_NOW)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        seed_plan(root / "a", clock, days_ago=25)
        with opened(root / "a", clock) as coach:
            for action in actions:
                if action[0] == "event":
                    coach.ledger.log(action[1], note=action[2])
                elif action[0] == "checkin":
                    day = clock().date() - timedelta(days=action[1])
                    mood, miss, urge = action[2]
                    coach.journal.check_in(day, CheckInValues(mood, miss, urge, action[3]))
                elif action[0] == "letter":
                    coach.letters.write(action[2], seal=action[1])
                else:
                    clock.advance(timedelta(hours=action[1]))
        first = exported(root / "a", clock)
        (root / "out.json").write_bytes(first)
        imported(root / "b", clock, root / "out.json")

        assert exported(root / "b", clock) == first


def test_text_with_half_a_utf16_pair_still_goes_out_and_back(
    tmp_path: Path, clock: ManualClock
) -> None:
    seed_plan(tmp_path / "a", clock, days_ago=3)
    with opened(tmp_path / "a", clock) as coach:
        coach.ledger.log(Kind.URGE, note="odd \ud800 mark")
        live = export_json(coach)  # as typed, before any read from the file
    (tmp_path / "out.json").write_bytes(live)

    said = imported(tmp_path / "b", clock, tmp_path / "out.json")

    assert said[0].startswith("Added: ")
    notes = [doc.get("note") for doc in by_id(tmp_path / "b", clock)["events"].values()]
    assert notes == ["odd \ufffd mark"]  # shown as every read of the data file shows it


def test_the_markdown_export_shows_the_question_a_check_ins_words_answered(
    tmp_path: Path, clock: ManualClock
) -> None:
    history(tmp_path, clock)
    with opened(tmp_path, clock) as coach:
        values = CheckInValues(6, 4, 2, "The quiet evenings.", prompt="What felt hard today?")
        coach.journal.check_in(date(2026, 11, 26), values)
        text = export_bytes(coach, Format.MARKDOWN).decode()

    question = text.index("Question: *What felt hard today?*")
    assert question < text.index("> The quiet evenings.")
    assert "Question:" not in text[: text.index("### ")]  # only under a check-in


def test_a_second_export_the_same_day_keeps_its_extension(
    tmp_path: Path, clock: ManualClock
) -> None:
    history(tmp_path, clock)
    with opened(tmp_path, clock) as coach:
        names = [
            into_exports(coach, fmt, b"x").name
            for fmt in (Format.JSON, Format.JSON, Format.JSON, Format.MARKDOWN, Format.MARKDOWN)
        ]
        names.append(into_exports(coach, Format.CSV, b"x").name)

    assert names == [
        "nctui-export-2026-11-26.json",
        "nctui-export-2026-11-26-2.json",
        "nctui-export-2026-11-26-3.json",
        "nctui-export-2026-11-26.md",
        "nctui-export-2026-11-26-2.md",
        "nctui-export-2026-11-26.csv",
    ]


def test_after_importing_older_events_recently_still_shows_the_newest(
    tmp_path: Path, clock: ManualClock
) -> None:
    seed_plan(tmp_path / "a", clock, days_ago=40)
    with opened(tmp_path / "a", clock) as coach:
        coach.ledger.log(Kind.URGE, note="mine, today")
    older = ManualClock(clock() - timedelta(days=20))
    seed_plan(tmp_path / "b", older, days_ago=10)
    with opened(tmp_path / "b", older) as coach:
        for hour in range(20):  # more than a few, so they fill the end of the table
            coach.ledger.log(Kind.URGE, older() - timedelta(hours=hour), note=f"old {hour}")
        (tmp_path / "old.json").write_bytes(export_json(coach))
    imported(tmp_path / "a", clock, tmp_path / "old.json")

    with opened(tmp_path / "a", clock) as coach:
        unbuilt = [event.note for event in coach.ledger.recent(4)]
        coach.ledger.events()  # the whole ledger read, as the history does
        built = [event.note for event in coach.ledger.recent(4)]

    assert unbuilt[-1] == built[-1] == "mine, today"
    assert unbuilt == built
