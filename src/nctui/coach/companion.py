"""The daily companion: today's card, journal prompts, the person's patterns, and the
trusted people shown on the SOS card."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from nctui.coach.core import Core
from nctui.coach.journal import Journal
from nctui.domain.cards import Card, today_card
from nctui.domain.checkin import checkin_day
from nctui.domain.daily import SETBACK_REACH
from nctui.domain.ledger import LedgerEvent
from nctui.domain.period import State, local, period_status, zone_of
from nctui.storage.settings import setting_op

if TYPE_CHECKING:
    from nctui.domain.patterns import Patterns
    from nctui.domain.prompts import Prompt
    from nctui.domain.trusted import TrustedPerson

# The prompts, patterns and trusted people are imported on first use (noqa: PLC0415
# below): the dashboard, drawn first, shows only today's card.

TRUSTED = "trusted_people"


class Companion:
    """A few words for each day, questions to write about, and what the ledger shows."""

    def __init__(self, core: Core, journal: Journal) -> None:
        self._core = core
        self._journal = journal

    def _recent(self, now: datetime) -> Iterable[LedgerEvent]:
        return self._core.model.ledger.setbacks_since(now - SETBACK_REACH)

    def card(self, now: datetime | None = None) -> Card:
        """Today's card, by the domain's rule (`nctui.domain.cards`)."""
        now = now or self._core.clock()
        status = period_status(self._core.model.attempts(), now)
        return today_card(status, self._recent(now), now, self._journal.day_start())

    def prompts(self, now: datetime | None = None) -> tuple[Prompt, ...]:
        """Today's journal prompts: the card's question first, then the pool."""
        from nctui.domain.prompts import prompts_for  # noqa: PLC0415

        now = now or self._core.clock()
        return prompts_for(self.card(now), self._journal.today(now))

    def patterns(self, now: datetime | None = None) -> Patterns:
        """When urges and slips come, over the running or the last period (else the
        whole ledger), counted by check-in days."""
        from nctui.domain.patterns import find_patterns  # noqa: PLC0415 - on first use

        now = now or self._core.clock()
        zone = zone_of(now)
        hour = self._journal.day_start()
        today = checkin_day(local(now, zone), hour)
        status = period_status(self._core.model.attempts(), now)
        events = self._core.model.ledger.ordered()
        if status.start is not None:
            first = checkin_day(local(status.start, zone), hour)
        elif events:
            first = checkin_day(local(events[0].at, zone), hour)
        else:
            first = today
        last = today
        if status.state is State.COMPLETE and status.end is not None:
            last = min(today, checkin_day(local(status.end, zone), hour))
        first = min(first, last)
        return find_patterns(
            events,
            self._journal.between(first, last),
            first,
            last,
            zone,
            day_start_hour=hour,
        )

    def trusted(self) -> tuple[TrustedPerson, ...]:
        """The people to talk to instead (none, one or two)."""
        from nctui.domain.trusted import people_from  # noqa: PLC0415

        return people_from(self._core.model.setting_value(TRUSTED))

    def set_trusted(self, people: Iterable[TrustedPerson]) -> bool:
        """Keep these people (at most two); False when nothing changed."""
        from nctui.domain.trusted import people_from, people_value  # noqa: PLC0415

        value = people_value(people)
        if tuple(people_from(value)) == self.trusted():
            return False
        self._core.apply(setting_op(TRUSTED, value))
        return True
