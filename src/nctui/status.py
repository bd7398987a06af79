"""`nctui status`: one line about the period, for shell prompts and tmux status bars.

It reads without locking or writing anything, so it works while the app is open
elsewhere, and it never loads Textual or TinyDB. A shell prompt pays for it every
time, so it first reads the small summary the app keeps beside the data file
(`storage.status_summary`), and reads the whole file only when that summary is not
of the file as it is now. Either way the answer comes from the same domain rules.
"""

from __future__ import annotations

import os
import stat
from datetime import datetime

from nctui.domain.period import State, final_day_words, period_status
from nctui.domain.runs import record
from nctui.storage.status_summary import read_summary

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from nctui.domain.period import Attempt, PeriodStatus
    from nctui.storage.period_inputs import DayInputs, StatusInputs

DATA_FILE_NAME = "nctui.json"
"""The data file's name, as `storage.location` gives it (a test checks they agree)."""


def status_report(
    data_dir: str | os.PathLike[str], now: datetime, *, today: bool = True
) -> dict[str, Any]:
    """The period's state as plain data: the keys of `nctui status --json`. Without
    `today`, the day's keys (`checked_in_today`, `card`) are left out: the plain line
    does not use them, and the cards cost it a third more.

    Raises StorageError (with a message for a person) when the data file cannot be read.
    """
    path = os.path.join(data_dir, DATA_FILE_NAME)  # noqa: PTH118 - see status_summary
    inputs = read_summary(path)
    if inputs is None:
        if sealed(path):
            return locked_report(today=today)
        inputs = read_whole(path)
    return report_of(*inputs, now, today=today)


SEALED_MAGIC = b"\x89SEALED\n"
"""An encrypted file's first bytes, as `storage.crypto.header` writes them (a test checks
they agree): reading that module would load hashlib, costly for a shell prompt."""
LOCKED = "locked"
"""The state of an encrypted data file without a status summary: nothing more is said."""


def sealed(path: str) -> bool:
    """Whether the data file at `path` is encrypted, by its first bytes alone (no key,
    no cryptography library). A missing or unreadable file is not."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # noqa: PTH116 - see status_summary
            return False  # a pipe would make the read wait forever
        with open(path, "rb") as handle:  # noqa: PTH123
            return handle.read(len(SEALED_MAGIC)) == SEALED_MAGIC
    except OSError:
        return False


def locked_report(*, today: bool = True) -> dict[str, Any]:
    """The report of an encrypted file: `"state": "locked"`, every other key null."""
    keys = [
        "day",
        "length_days",
        "days_left",
        "ends_today",
        "start",
        "end",
        "current_run_days",
        "longest_run_days",
    ]
    if today:
        keys += ["checked_in_today", "card"]
    return {"state": LOCKED, **dict.fromkeys(keys)}


def read_whole(path: str) -> StatusInputs:
    """What the status is worked out from, read from the whole data file at `path`."""
    from pathlib import Path

    from nctui.storage.atomic_file import read_file
    from nctui.storage.migrations import check_data
    from nctui.storage.period_inputs import status_inputs

    data = read_file(Path(path)) or {}
    if data:
        check_data(data, Path(path))
    return status_inputs(data)


def report_of(
    attempts: list[Attempt],
    contacts: list[datetime],
    day: DayInputs,
    now: datetime,
    *,
    today: bool = True,
) -> dict[str, Any]:
    """The report for these inputs, as of `now` (with the day's keys when `today`)."""
    status = period_status(attempts, now)
    runs = record(attempts, contacts, now)
    active = status.state is not State.NO_PLAN
    report: dict[str, Any] = {
        "state": status.state.value,
        "day": status.day if active else None,
        "length_days": status.length_days if active else None,
        "days_left": status.days_left if active else None,
        "ends_today": status.ends_today if active else None,
        "start": status.start.isoformat(timespec="seconds") if status.start else None,
        "end": status.end.isoformat(timespec="seconds") if status.end else None,
        "current_run_days": runs.current_run_days if active else None,
        "longest_run_days": runs.longest_run_days if active else None,
    }
    if today:
        report.update(_today(status, day, now))
    return report


def _today(status: PeriodStatus, day: DayInputs, now: datetime) -> dict[str, object]:
    """`checked_in_today` and `card` (both null with no plan, like the numbers)."""
    if status.state is State.NO_PLAN:
        return {"checked_in_today": None, "card": None}
    from datetime import date

    from nctui.domain.checkin import DEFAULT_DAY_START_HOUR
    from nctui.domain.daily import SETBACK_REACH, daily_summary
    from nctui.domain.ledger import Kind, LedgerEvent

    setbacks, checkins, hour = day
    reach = now - SETBACK_REACH
    recent = [
        LedgerEvent(f"recent-{number}", Kind(kind), at, at, restarted=restarted)
        for number, (kind, at, restarted) in enumerate(setbacks)
        if at >= reach
    ]
    done = {date.fromisoformat(text) for text in checkins}
    start_hour = DEFAULT_DAY_START_HOUR if hour is None else hour
    return daily_summary(status, recent, done, now, start_hour)


def status_line(report: dict[str, Any]) -> str:
    """The report as one short line."""
    if report["state"] == LOCKED:
        return LOCKED
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
    import json  # only when asked for: it costs the plain line a fifth of its time

    return json.dumps(report, ensure_ascii=False)


__all__ = [
    "LOCKED",
    "locked_report",
    "read_whole",
    "report_of",
    "sealed",
    "status_json",
    "status_line",
    "status_report",
]
