"""The ledger: logging what happened, and the events the screens show."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo

from nctui.coach.core import Core
from nctui.domain.ledger import TAGGED_KINDS, Kind, LedgerEvent
from nctui.domain.period import State, period_status
from nctui.domain.triggers import check_triggers
from nctui.storage.ledger_store import log_event_ops
from nctui.storage.ops import new_id

DAY_START_MARGIN = timedelta(days=1)
"""A check-in day runs into the next morning: events that late still belong to it."""


class Ledger:
    """Every event logged, never overwritten."""

    def __init__(self, core: Core) -> None:
        self._core = core

    def log(
        self,
        kind: Kind,
        at: datetime | None = None,
        *,
        detail: str | None = None,
        note: str = "",
        restart: bool = False,
        triggers: Sequence[str] = (),
        source: str | None = None,
    ) -> LedgerEvent | None:
        """Log an event that happened at `at` (else now), in the current period.

        Contact may restart a running period (`restart`): the attempt closes at the
        moment of contact and a new one of the same length starts there. Trigger tags
        (`triggers`, urges and slips only) must be on the list, else AnswerError;
        `source` says where it was logged from ("sos"). Returns the event as logged
        (`restarted` says whether it restarted), or None with no period to log it in.
        """
        tags = check_triggers(triggers) if kind in TAGGED_KINDS else ()
        now = self._core.clock()
        status = period_status(self._core.model.attempts(), now)
        if status.attempt is None:
            return None
        running = status.attempt if status.state is State.ACTIVE else None
        event = LedgerEvent(
            new_id(),
            kind,
            at or now,
            now,
            detail=detail,
            note=note,
            attempt_id=status.attempt.id,
            restarted=restart and running is not None,
            triggers=tags,
            source=source,
        )
        self._core.apply(log_event_ops(event, running, event.restarted))
        return event

    def events(self) -> Sequence[LedgerEvent]:
        """Every event, in the order they happened. Read only."""
        return self._core.model.ledger.ordered()

    def recent(self, count: int) -> list[LedgerEvent]:
        """The `count` most recently logged events, in the order they happened."""
        return self._core.model.ledger.recent(count)

    def contact_times(self) -> list[datetime]:
        """When each contact the person started happened, in order."""
        return self._core.model.ledger.contact_times()

    def on_days(self, first: date, last: date, zone: tzinfo) -> list[LedgerEvent]:
        """The events of the days from `first` to `last` (local days, running into the
        next morning as a check-in day does), in the order they happened; perhaps a few
        more at either end, for the caller to place on its own days."""
        low = datetime.combine(first, time(0), zone)
        high = datetime.combine(last + timedelta(days=1), time(0), zone) + DAY_START_MARGIN
        return self._core.model.ledger.between(low, high)

    def since(self, moment: datetime) -> list[LedgerEvent]:
        """The events from `moment` on, in the order they happened."""
        return self._core.model.ledger.since(moment)
