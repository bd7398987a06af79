"""`nctui status`: one line about the period, for shell prompts and tmux status bars.

It reads the data file without locking or writing anything, so it works while the app
is open elsewhere, and it never loads Textual or TinyDB, so it stays quick.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from nctui.domain.checkin import DEFAULT_DAY_START_HOUR, LATEST_DAY_START_HOUR, checkin_day
from nctui.domain.daily import SETBACK_REACH, daily_summary
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.domain.period import (
    PeriodStatus,
    State,
    final_day_words,
    local,
    period_status,
    zone_of,
)
from nctui.domain.runs import record
from nctui.storage.atomic_file import RawData, read_file
from nctui.storage.attempt_store import ATTEMPTS, attempts_from
from nctui.storage.ledger_store import EVENTS, event_from_doc
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.migrations import check_data
from nctui.storage.records import parse_all
from nctui.storage.shapes import entries

# The names `storage.settings` and `storage.checkin_store` use (a test checks they
# agree): those modules load TinyDB, which the status line never does.
SETTINGS_TABLE, CHECKINS, DAY_START = "settings", "checkins", "day_start_hour"


def status_report(data_dir: Path, now: datetime) -> dict[str, Any]:
    """The period's state as plain data: the keys of `nctui status --json`."""
    path = data_dir / DATA_FILE_NAME
    data = read_file(path) or {}
    if data:
        check_data(data, path)
    attempts = attempts_from(entries(ATTEMPTS, data.get(ATTEMPTS, {}).values()))
    # Only contacts matter here; skipping the rest before checking keeps a long history fast.
    setback_docs = [doc for doc in data.get(EVENTS, {}).values() if _is_setback(doc)]
    setbacks = parse_all(entries(EVENTS, setback_docs), event_from_doc)
    contact_times = [event.at for event in setbacks if event.kind is Kind.CONTACT]
    status = period_status(attempts, now)
    runs = record(attempts, contact_times, now)
    active = status.state is not State.NO_PLAN
    return {
        "state": status.state.value,
        "day": status.day if active else None,
        "length_days": status.length_days if active else None,
        "days_left": status.days_left if active else None,
        "ends_today": status.ends_today if active else None,
        "start": status.start.isoformat(timespec="seconds") if status.start else None,
        "end": status.end.isoformat(timespec="seconds") if status.end else None,
        "current_run_days": runs.current_run_days if active else None,
        "longest_run_days": runs.longest_run_days if active else None,
        **_today(data, status, setbacks, now),
    }


def _is_setback(doc: Any) -> bool:
    # Any stored value: the entries are checked after this first cheap look.
    return type(doc) is dict and doc.get("kind") in {Kind.CONTACT, Kind.SLIP}


def _today(
    data: RawData, status: PeriodStatus, setbacks: list[LedgerEvent], now: datetime
) -> dict[str, object]:
    """`checked_in_today` and `card` (both null with no plan, like the numbers)."""
    if status.state is State.NO_PLAN:
        return {"checked_in_today": None, "card": None}
    found = _only(data, SETTINGS_TABLE, "id", DAY_START)
    hour = found[0].get("value") if found else None
    if type(hour) is not int or not 0 <= hour <= LATEST_DAY_START_HOUR:
        hour = DEFAULT_DAY_START_HOUR
    today = checkin_day(local(now, zone_of(now)), hour)
    done = {today} if _only(data, CHECKINS, "day", today.isoformat()) else set()
    recent = [event for event in setbacks if event.at >= now - SETBACK_REACH]
    return daily_summary(status, recent, done, now, hour)


def _only(data: RawData, table: str, field: str, value: str) -> list[dict[str, Any]]:
    # A cheap look first, then the shape check on the few entries found.
    docs = (doc for doc in data.get(table, {}).values() if type(doc) is dict)
    return list(entries(table, [doc for doc in docs if doc.get(field) == value]))


def status_line(report: dict[str, Any]) -> str:
    """The report as one short line."""
    state = State(report["state"])
    if state is State.NO_PLAN:
        return "No plan yet · run nctui to make one"
    if state is State.COMPLETE:
        return f"Period complete · {report['length_days']} days · ready check when you are"
    left = report["days_left"]
    if left == 0:
        left_text = final_day_words(datetime.fromisoformat(report["end"]), report["ends_today"])
    else:
        left_text = f"{left} day{'s' if left != 1 else ''} left"
    return f"Day {report['day']} of {report['length_days']} · {left_text}"


def status_json(report: dict[str, Any]) -> str:
    """The report as one line of JSON."""
    return json.dumps(report, ensure_ascii=False)


__all__ = ["PeriodStatus", "status_json", "status_line", "status_report"]
