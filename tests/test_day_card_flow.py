"""Today's card on the dashboard: it follows the day, a slip, a restart and the end."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from nctui.domain.cards import Occasion, deck
from nctui.domain.clock import ManualClock
from nctui.ui.app import NctuiApp
from nctui.ui.screens.countdown import CountdownScreen
from nctui.ui.widgets.day_card import DayCard
from tests.helpers import AppFactory, screen_text, squash
from tests.seeds import seed_plan


def _card_title(app: NctuiApp) -> str:
    card = app.screen.query_one(DayCard).card
    assert card is not None
    return card.title


def _titles(occasion: Occasion) -> set[str]:
    return {card.title for card in deck().turns[occasion]}


async def test_the_card_is_the_one_for_the_day_and_moves_on_with_it(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=4.1, length=30)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        day_5 = deck().by_day[(Occasion.DAY, 5)]
        assert f"Today's card · {day_5.title}" in screen_text(app)
        clock.moment += timedelta(days=1)
        screen = app.screen
        assert isinstance(screen, CountdownScreen)
        screen.tick(full=True)
        await pilot.pause()
        assert _card_title(app) == deck().by_day[(Occasion.DAY, 6)].title
        assert deck().by_day[(Occasion.DAY, 6)].title in screen_text(app)


async def test_the_whole_card_opens_and_folds_with_k_and_the_record_stays_whole(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=4.1, length=30)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        folded = screen_text(app)
        card = deck().by_day[(Occasion.DAY, 5)]
        assert "To write about" not in folded
        assert "k the whole card" in folded
        assert "Check-in      not yet · j" in folded  # the record panel is whole at 80x24
        await pilot.press("k")
        await pilot.pause()
        opened = squash(screen_text(app))
        assert "To write about" in opened
        assert squash(card.ask) in opened
        await pilot.press("k")
        await pilot.pause()
        assert "To write about" not in screen_text(app)


async def test_a_slip_today_brings_a_card_about_slips(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=9.1, length=30)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert _card_title(app) not in _titles(Occasion.SLIP)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CountdownScreen)
        assert _card_title(app) in _titles(Occasion.SLIP)
        assert _card_title(app) in screen_text(app)


async def test_a_restart_brings_a_card_for_starting_again(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=9.1, length=30)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("ctrl+s")  # restarting is the choice already made
        await pilot.pause()
        assert "Day 1 of 30" in screen_text(app)
        assert _card_title(app) in _titles(Occasion.RESTART)


async def test_the_last_day_and_the_end_have_their_own_cards(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=29.6, length=30)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert _card_title(app) in _titles(Occasion.FINAL)
    ended = make_app
    clock.moment += timedelta(days=1, hours=2)
    app = ended()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        over = {card.title for card in deck().cards if card.occasion is Occasion.OVER}
        assert _card_title(app) in over


async def test_with_no_plan_the_card_still_has_something_for_today(
    make_app: AppFactory, clock: ManualClock
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert _card_title(app) in _titles(Occasion.NO_PLAN)
