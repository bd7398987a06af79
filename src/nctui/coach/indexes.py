"""The two long histories, indexed: the ledger by time, the check-ins by day.

Years of events and check-ins are parsed once; a new one is slotted into place, so a
keypress never sorts or scans the whole history again, and a question about some days
(the chart's weeks, today's check-in) looks only at those days.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from nctui.coach.records import Records
from nctui.domain.checkin import CheckIn, DayEntry, day_entries
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.storage.checkin_store import CHECKINS, checkin_from_doc
from nctui.storage.ledger_store import EVENTS, event_from_doc, logged_last

if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    from nctui.storage.repository import Repository


def _at(event: LedgerEvent) -> datetime:
    return event.at


class LedgerIndex:
    """Every event, in the order they happened, with what the screens ask of them."""

    def __init__(self, repository: Repository) -> None:
        self.records = Records(repository, EVENTS, event_from_doc)
        self._ordered: list[LedgerEvent] | None = None
        self._contacts: list[datetime] | None = None
        self._extended: set[str] | None = None

    def touched(self, doc_id: str, added: Mapping[str, Any] | None) -> None:
        """Follow one changed document; a new event is slotted into place."""
        built = self.records.built
        old, new = self.records.touched(doc_id, added)
        if not built and added is not None:
            # Not all parsed yet, but the contacts may be kept: parse just this one.
            new = self.records.parsed(added)
        if old is not None or (new is None and added is None):
            # Events are only ever added; anything else is rare enough to rebuild.
            self._ordered = self._contacts = self._extended = None
            return
        if new is None:
            return  # added, but it does not parse: nothing to show
        if self._ordered is not None:
            # After any event at the same moment, as a stable sort of the stored order puts it.
            bisect.insort_right(self._ordered, new, key=_at)
        if self._contacts is not None and new.kind is Kind.CONTACT:
            bisect.insort_right(self._contacts, new.at)
        if self._extended is not None and new.kind is Kind.EXTENSION and new.detail:
            self._extended.add(new.detail)

    def drop(self) -> None:
        """Forget everything (another window's changes were taken in)."""
        self.records.drop()
        self._ordered = self._contacts = self._extended = None

    def ordered(self) -> Sequence[LedgerEvent]:
        """Every event, in the order they happened. Read only."""
        if self._ordered is None:
            self._ordered = sorted(self.records.by_id.values(), key=_at)
        return self._ordered

    def between(self, low: datetime, high: datetime) -> list[LedgerEvent]:
        """The events from `low` up to (not including) `high`, in the order they happened."""
        ordered = self.ordered()
        first = bisect.bisect_left(ordered, low, key=_at)
        last = bisect.bisect_left(ordered, high, key=_at)
        return list(ordered[first:last])

    def since(self, moment: datetime) -> list[LedgerEvent]:
        """The events from `moment` on."""
        ordered = self.ordered()
        return list(ordered[bisect.bisect_left(ordered, moment, key=_at) :])

    def contact_times(self) -> list[datetime]:
        """When each contact the person started happened, in order.

        Asked for on the dashboard, drawn first: before the whole ledger is needed, only
        the contacts are found and read.
        """
        if self._contacts is None:
            if self.records.built:
                self._contacts = [e.at for e in self.ordered() if e.kind is Kind.CONTACT]
            else:
                contacts = self.records.where("kind", Kind.CONTACT.value)
                self._contacts = sorted(event.at for event in contacts)
        return list(self._contacts)

    def setbacks_since(self, moment: datetime) -> list[LedgerEvent]:
        """Slips and contact from `moment` on, in order: for today's card, drawn on the
        first screen, so before the whole ledger is needed only those are read."""
        kinds = {Kind.SLIP, Kind.CONTACT}
        if self.records.built:
            return [event for event in self.since(moment) if event.kind in kinds]
        found = [event for kind in kinds for event in self.records.where("kind", kind.value)]
        return sorted((event for event in found if event.at >= moment), key=_at)

    def recent(self, count: int) -> list[LedgerEvent]:
        """The `count` most recently logged events, in the order they happened."""
        if count <= 0:
            return []
        if self.records.built:
            events = list(self.records.by_id.values())
            # Of two logged in the same second, the one stored later counts as later.
            chosen = heapq.nlargest(
                count, range(len(events)), key=lambda i: (events[i].logged_at, i)
            )
            latest = [events[index] for index in sorted(chosen)]
        else:  # only the stamps are read, and only the chosen few parsed
            docs = logged_last(self.records.documents(), count)
            latest = [e for e in map(self.records.parsed, docs) if e is not None]
        return sorted(latest, key=_at)

    def extended_after(self, check_id: str) -> bool:
        """Whether the period was already extended after the check with this id."""
        if self._extended is None:
            self._extended = {
                e.detail for e in self.ordered() if e.kind is Kind.EXTENSION and e.detail
            }
        return check_id in self._extended


class JournalIndex:
    """Every check-in, gathered by day, with every version kept."""

    def __init__(self, repository: Repository) -> None:
        self.records = Records(repository, CHECKINS, checkin_from_doc)
        self._by_day: dict[date, DayEntry] | None = None
        self._days: list[date] | None = None
        self._entries: tuple[DayEntry, ...] | None = None

    def touched(self, doc_id: str, added: Mapping[str, Any] | None) -> None:
        """Follow one changed document; a new version joins its day."""
        old, new = self.records.touched(doc_id, added)
        if old is not None or new is None:
            self._by_day = self._days = self._entries = None
            return
        if self._by_day is not None and self._days is not None:
            self._add(new, self._by_day, self._days)
            self._entries = None

    @staticmethod
    def _add(checkin: CheckIn, by_day: dict[date, DayEntry], days: list[date]) -> None:
        entry = by_day.get(checkin.day)
        if entry is None:
            bisect.insort(days, checkin.day)
            by_day[checkin.day] = DayEntry(checkin.day, (checkin,))
        else:
            # The version saved last is the one in force, as `day_entries` has it.
            by_day[checkin.day] = DayEntry(checkin.day, (*entry.versions, checkin))

    def drop(self) -> None:
        """Forget everything (another window's changes were taken in)."""
        self.records.drop()
        self._by_day = self._days = self._entries = None

    def _index(self) -> tuple[dict[date, DayEntry], list[date]]:
        if self._by_day is None or self._days is None:
            entries = day_entries(self.records.by_id.values())
            self._by_day = {entry.day: entry for entry in entries}
            self._days = [entry.day for entry in entries]
        return self._by_day, self._days

    def entries(self) -> tuple[DayEntry, ...]:
        """Every day with a check-in, oldest first; the same object until one changes."""
        if self._entries is None:
            by_day, days = self._index()
            self._entries = tuple(by_day[day] for day in days)
        return self._entries

    def entry(self, day: date) -> DayEntry | None:
        """The check-in of `day`, with its versions, if there is one.

        Before the whole journal is needed (the dashboard asks about today), only that
        day's versions are found and read.
        """
        if self._by_day is None:
            versions = self.records.where("day", day.isoformat())
            return DayEntry(day, tuple(versions)) if versions else None
        return self._by_day.get(day)

    def checked_in(self, day: date) -> bool:
        """Whether `day` has a check-in."""
        return self.entry(day) is not None

    def between(self, first: date, last: date) -> list[DayEntry]:
        """The days from `first` to `last` that have a check-in, oldest first."""
        by_day, days = self._index()
        low = bisect.bisect_left(days, first)
        high = bisect.bisect_right(days, last)
        return [by_day[day] for day in days[low:high]]
