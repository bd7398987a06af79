"""Every entry is checked when it is read: a wrong one is left out alone, never a crash."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.storage.ledger_store import event_op, load_events
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.repository import Repository
from nctui.storage.settings import read_setting
from nctui.storage.shapes import TABLE_WORDS
from tests.helpers import AppFactory, stored

META = {"1": {"schema_version": 1, "created_at": "2026-11-01T09:00:00+00:00"}}


def _event(doc_id: str, **fields: Any) -> dict[str, Any]:
    return {"id": doc_id, "kind": "urge", "at": "2026-11-20T10:00:00+00:00", **fields}


def _write(data_dir: Path, data: dict[str, Any] | bytes) -> bytes:
    data_dir.mkdir(parents=True, exist_ok=True)
    payload = data if isinstance(data, bytes) else json.dumps(data).encode()
    (data_dir / DATA_FILE_NAME).write_bytes(payload)
    return payload


def _aside(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob(f"{DATA_FILE_NAME}.corrupt-*"))


def _log_urge(repository: Repository, clock: ManualClock, doc_id: str = "new") -> None:
    now = clock()
    repository.apply(event_op(LedgerEvent(doc_id, Kind.URGE, now, now)))


@pytest.mark.parametrize("detail", [["a", "list"], {"an": "object"}, 7, True])
def test_an_event_with_a_wrong_detail_is_left_out_alone(
    data_dir: Path, clock: ManualClock, detail: object
) -> None:
    original = _write(
        data_dir,
        {"meta": META, "events": {"1": _event("kept"), "2": _event("odd", detail=detail)}},
    )
    repository = Repository.open(data_dir, clock)
    assert [event.id for event in load_events(repository)] == ["kept"]
    assert [event.title for event in load_events(repository)]
    assert repository.report.salvaged
    assert repository.report.damage == "1 entry in your log"
    _log_urge(repository, clock)
    assert repository.close() is None

    assert [doc["id"] for doc in stored(data_dir, "events")] == ["kept", "new"]
    (aside,) = _aside(data_dir)
    assert aside.read_bytes() == original
    # Kept aside once: the next start finds nothing wrong and sets nothing more aside.
    again = Repository.open(data_dir, clock)
    again.close()
    assert again.report.moved_aside is None
    assert _aside(data_dir) == [aside]


async def test_an_event_with_a_list_detail_never_stops_the_app(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    now = clock().isoformat()
    attempt = {"id": "a1", "start": (clock() - timedelta(days=3)).isoformat(), "length_days": 30}
    _write(
        data_dir,
        {
            "meta": META,
            "attempts": {"1": attempt},
            "events": {"1": _event("odd", at=now, detail=["x"], attempt="a1")},
        },
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("v")  # the whole history
        await pilot.pause()
        assert app.screen.id != "_default"
        assert app._exception is None


def test_a_document_number_that_is_not_a_number_does_not_stop_saving(
    data_dir: Path, clock: ManualClock
) -> None:
    _write(data_dir, {"meta": META, "events": {"abc": _event("by hand"), "7": _event("seven")}})
    repository = Repository.open(data_dir, clock)
    assert repository.table("events").all()  # TinyDB reads every document number
    _log_urge(repository, clock)
    assert repository.flush() == []
    assert repository.close() is None
    events = json.loads((data_dir / DATA_FILE_NAME).read_text())["events"]
    assert sorted(doc["id"] for doc in events.values()) == ["by hand", "new", "seven"]
    assert all(key.isdigit() for key in events)


def test_a_document_number_edited_while_open_does_not_stop_saving(
    data_dir: Path, clock: ManualClock
) -> None:
    repository = Repository.open(data_dir, clock)
    _log_urge(repository, clock, "first")
    repository.flush()
    path = data_dir / DATA_FILE_NAME
    data = json.loads(path.read_text())
    data["events"] = {"first": data["events"]["1"]}
    path.write_text(json.dumps(data))
    _log_urge(repository, clock, "second")
    assert repository.flush() == []
    repository.close()
    assert sorted(doc["id"] for doc in stored(data_dir, "events")) == ["first", "second"]


def test_deeply_nested_json_is_moved_aside_not_a_crash(data_dir: Path, clock: ManualClock) -> None:
    original = _write(data_dir, b"[" * 200_000)
    repository = Repository.open(data_dir, clock)
    repository.close()
    assert repository.report.moved_aside is not None
    assert repository.report.moved_aside.read_bytes() == original
    assert "JSON" in (repository.report.damage or "")


def test_a_deeply_nested_value_in_one_entry_leaves_out_that_entry(
    data_dir: Path, clock: ManualClock
) -> None:
    # Readable, but nested too deep to be written back safely from a busy thread.
    deep: Any = "bottom"
    for _ in range(900):
        deep = [deep]
    _write(
        data_dir,
        {"meta": META, "events": {"1": _event("kept"), "2": _event("deep", extra=deep)}},
    )
    repository = Repository.open(data_dir, clock)
    _log_urge(repository, clock)
    assert repository.close() is None
    assert [doc["id"] for doc in stored(data_dir, "events")] == ["kept", "new"]


def test_a_byte_order_mark_is_read_as_the_data_it_starts(
    data_dir: Path, clock: ManualClock
) -> None:
    payload = json.dumps({"meta": META, "events": {"1": _event("kept")}}).encode()
    _write(data_dir, b"\xef\xbb\xbf" + payload)
    repository = Repository.open(data_dir, clock)
    assert repository.report.moved_aside is None
    assert [event.id for event in load_events(repository)] == ["kept"]
    _log_urge(repository, clock)
    repository.close()
    assert not (data_dir / DATA_FILE_NAME).read_bytes().startswith(b"\xef\xbb\xbf")
    assert [doc["id"] for doc in stored(data_dir, "events")] == ["kept", "new"]
    assert _aside(data_dir) == []


def test_control_characters_in_stored_text_are_read_as_visible_symbols(
    data_dir: Path, clock: ManualClock
) -> None:
    note = "calm\x1b[2J\x1b]52;c;aGk=\x07 down\tnow\nnext line"
    _write(
        data_dir,
        {
            "meta": META,
            "events": {"1": _event("e", note=note)},
            "settings": {"1": {"id": "sos_reasons", "value": "mine\x1b[7m"}},
        },
    )
    repository = Repository.open(data_dir, clock)
    (event,) = load_events(repository)
    assert event.note == "calm␛[2J␛]52;c;aGk=␇ down    now\nnext line"
    assert read_setting(repository, "sos_reasons", "") == "mine␛[7m"
    assert repository.report.moved_aside is None  # odd text is not damage
    repository.close()


@pytest.mark.parametrize(
    ("table", "doc"),
    [
        ("attempts", {"id": "a", "start": "yesterday", "length_days": 30}),
        ("attempts", {"id": "a", "start": "2026-11-01T09:00:00", "length_days": 30}),
        ("attempts", {"id": "a", "start": "2026-11-01T09:00:00+00:00", "length_days": "30"}),
        ("attempts", {"id": "a", "start": "2026-11-01T09:00:00+00:00", "length_days": 0}),
        ("attempts", {"id": "a", "start": "9999-12-31T09:00:00+00:00", "length_days": 30}),
        (
            "checkins",
            {
                "id": "c",
                "day": "2026-11-01",
                "mood": 11,
                "miss": 1,
                "urge": 1,
                "at": "2026-11-01T09:00:00+00:00",
            },
        ),
        (
            "checkins",
            {
                "id": "c",
                "day": "2026-13-01",
                "mood": 1,
                "miss": 1,
                "urge": 1,
                "at": "2026-11-01T09:00:00+00:00",
            },
        ),
        ("events", {**_event("e"), "id": 7}),
        ("events", _event("e", kind="shout")),
        ("events", _event("e", restarted="yes")),
        ("letters", {"id": "l", "written": "2026-11-01T09:00:00+00:00", "text": ["x"]}),
        ("checklist", {"id": 3, "done": True}),
        ("settings", {"id": "theme"}),
    ],
)
def test_each_wrong_field_leaves_out_its_entry_and_keeps_the_rest(
    data_dir: Path, clock: ManualClock, table: str, doc: dict[str, Any]
) -> None:
    data: dict[str, Any] = {"meta": META, "events": {"1": _event("kept")}}
    data.setdefault(table, {})["9"] = doc
    _write(data_dir, data)
    repository = Repository.open(data_dir, clock)
    repository.close()
    assert repository.report.damage == f"1 {TABLE_WORDS[table][0]}"
    assert "_" not in repository.report.damage and "'" not in repository.report.damage
    assert doc not in stored(data_dir, table)
    assert _event("kept") in stored(data_dir, "events")


def test_an_odd_creation_time_keeps_the_version_mark(data_dir: Path, clock: ManualClock) -> None:
    _write(data_dir, {"meta": {"1": {"schema_version": 1, "created_at": 7}}, "events": {}})
    repository = Repository.open(data_dir, clock)
    repository.close()
    assert repository.report.damage is None
    assert repository.report.migrated_from is None
