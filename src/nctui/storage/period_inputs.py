"""What `nctui status` is worked out from: the attempts, the times of contacts, and the
few facts behind today's card and check-in.

One reading of the data for both places that need it: `nctui status` reading the whole
file, and the writer keeping the status summary (`status_summary`) beside it, so the
two can never disagree about which entries count.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from nctui.domain.checkin import LATEST_DAY_START_HOUR
from nctui.domain.ledger import Kind
from nctui.domain.period import Attempt
from nctui.storage.attempt_store import ATTEMPTS, attempts_from
from nctui.storage.ledger_store import EVENTS, event_from_doc
from nctui.storage.migrations import RawData
from nctui.storage.records import parse_all
from nctui.storage.shapes import entries

# The names `storage.settings` and `storage.checkin_store` use (a test checks they
# agree): those modules load TinyDB, which the status line never does.
SETTINGS_TABLE, CHECKINS, DAY_START = "settings", "checkins", "day_start_hour"

RECENT_CHECKINS = 3
"""How many of the latest check-in days are kept: today's, if done, is the latest."""

Setback = tuple[str, datetime, bool]
"""A slip or contact: its kind's value, when it happened, and whether it restarted."""
DayInputs = tuple[list[Setback], list[str], int | None]
"""The slips and contacts, the latest check-in days (ISO dates, newest first), and the
day-start hour when one was chosen."""


StatusInputs = tuple[list[Attempt], list[datetime], DayInputs]
"""The attempts (oldest first, at most one running), the times of contacts the person
started (in stored order), and the day's inputs."""


def status_inputs(data: RawData) -> StatusInputs:
    """Everything `nctui status` needs from `data`."""
    attempts = attempts_from(entries(ATTEMPTS, data.get(ATTEMPTS, {}).values()))
    day = day_inputs(data)
    return attempts, contacts_of(day[0]), day


def contacts_of(setbacks: list[Setback]) -> list[datetime]:
    """The times of the contacts among `setbacks`, in their order."""
    return [at for kind, at, _ in setbacks if kind == Kind.CONTACT]


def day_inputs(data: RawData) -> DayInputs:
    """What today's card and `checked_in_today` are worked out from."""
    latest = _latest_days(data)
    found = [doc for doc in _docs(data, SETTINGS_TABLE) if doc.get("id") == DAY_START]
    hour = next((doc.get("value") for doc in entries(SETTINGS_TABLE, found)), None)
    if type(hour) is not int or not 0 <= hour <= LATEST_DAY_START_HOUR:
        hour = None
    return _setbacks(data), latest, hour


def _latest_days(data: RawData) -> list[str]:
    # Newest first, checking only as many as it takes: every save pays for this.
    docs = [doc for doc in _docs(data, CHECKINS) if type(doc.get("day")) is str]
    docs.sort(key=lambda doc: doc["day"], reverse=True)
    latest: list[str] = []
    for doc in docs:
        if doc["day"] not in latest and next(entries(CHECKINS, [doc]), None) is not None:
            latest.append(doc["day"])
            if len(latest) == RECENT_CHECKINS:
                break
    return latest


def _setbacks(data: RawData) -> list[Setback]:
    # Only slips and contact matter; skipping the rest before checking keeps a long history fast.
    docs = [doc for doc in _docs(data, EVENTS) if doc.get("kind") in {Kind.CONTACT, Kind.SLIP}]
    events = parse_all(entries(EVENTS, docs), event_from_doc)
    return [(event.kind.value, event.at, event.restarted) for event in events]


def _docs(data: RawData, table: str) -> list[dict[str, Any]]:
    # Any stored value: the entries are checked after this first cheap look.
    return [doc for doc in data.get(table, {}).values() if type(doc) is dict]
