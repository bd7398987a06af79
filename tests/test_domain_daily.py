"""What the status line says about today: today's card and today's check-in."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from nctui.domain.cards import Occasion, deck, today_card
from nctui.domain.daily import daily_summary
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.domain.period import Attempt, period_status

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 26, 9, 30, tzinfo=LONDON)


def test_with_no_plan_there_is_no_check_in_to_count_but_a_card_for_starting() -> None:
    summary = daily_summary(period_status([], NOW), [], {date(2026, 11, 26)}, NOW, 4)
    assert summary["checked_in_today"] is None
    assert summary["card"] in {card.title for card in deck().turns[Occasion.NO_PLAN]}


def test_the_card_is_the_apps_and_the_check_in_counts_by_the_day_start_hour() -> None:
    status = period_status([Attempt("a", NOW - timedelta(days=4.1), 30)], NOW)
    summary = daily_summary(status, [], {date(2026, 11, 26)}, NOW, 4)
    assert summary == {
        "checked_in_today": True,
        "card": deck().by_day[(Occasion.DAY, 5)].title,
    }
    # Before 11:00 with the day starting then, it is still the 25th.
    assert daily_summary(status, [], {date(2026, 11, 26)}, NOW, 11)["checked_in_today"] is False
    assert daily_summary(status, [], {date(2026, 11, 25)}, NOW, 11)["checked_in_today"] is True


def test_a_slip_changes_the_card_as_it_does_in_the_app() -> None:
    status = period_status([Attempt("a", NOW - timedelta(days=4.1), 30)], NOW)
    slip = LedgerEvent("s", Kind.SLIP, NOW - timedelta(hours=2), NOW, "social_media")
    summary = daily_summary(status, [slip], set(), NOW, 4)
    assert summary["card"] == today_card(status, [slip], NOW, 4).title
    assert summary["card"] in {card.title for card in deck().turns[Occasion.SLIP]}
