"""What a status line says about today beside the period: today's card and whether
today's check-in is done. One function, so the app and `nctui status` agree."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, datetime, timedelta

from nctui.domain.cards import Deck, today_card
from nctui.domain.checkin import checkin_day
from nctui.domain.ledger import LedgerEvent
from nctui.domain.period import PeriodStatus, State, local, zone_of

SETBACK_REACH = timedelta(days=3)
"""Slips and contact further back than this never change today's card (the rule looks
at two check-in days): only these need reading."""


def daily_summary(
    status: PeriodStatus,
    setbacks: Iterable[LedgerEvent],
    checkin_days: Collection[date],
    now: datetime,
    day_start_hour: int,
    *,
    cards: Deck | None = None,
) -> dict[str, object]:
    """`checked_in_today` (None with no plan, as the other period fields are) and `card`,
    today's card title. `setbacks` need only hold the slips and contact of the last
    few days: nothing older changes the card."""
    today = checkin_day(local(now, zone_of(now)), day_start_hour)
    checked = None if status.state is State.NO_PLAN else today in checkin_days
    card = today_card(status, setbacks, now, day_start_hour, cards)
    return {"checked_in_today": checked, "card": card.title}
