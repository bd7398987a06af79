"""Each screen updates the parts that show the kind of record that changed, and leaves
the rest alone; a screen not on show catches up when the person comes back to it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from nctui.domain.activity_catalogue import catalogue
from nctui.domain.checkin import CheckInValues
from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind
from nctui.ui.app import NctuiApp
from nctui.ui.widgets.activity_summary import ReclaimedChart
from nctui.ui.widgets.journal_browser import JournalBrowser
from nctui.ui.widgets.letter_shelf import LetterShelf
from tests.helpers import AppFactory, screen_text, squash
from tests.seeds import seed_journal, seed_plan

SWIM = next(activity for activity in catalogue() if activity.key == "swim")


def calls_to(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[object]:
    """Count the calls to `owner.name` from now on (it still does its work)."""
    made: list[object] = []
    original: Callable[..., Any] = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        made.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counted)
    return made


def _text(app: NctuiApp, selector: str) -> str:
    return squash(app.screen.query_one(selector, Static).render().plain)  # type: ignore[union-attr]


async def _go(pilot: Pilot[None], key: str) -> None:
    await pilot.press("escape", key)
    await pilot.pause()


async def _reads(pilot: Pilot[None], *spies: list[object]) -> tuple[int, ...]:
    """How many calls each spy saw while the app caught up with a change just made."""
    before = [len(spy) for spy in spies]
    await pilot.pause()
    return tuple(len(spy) - count for spy, count in zip(spies, before, strict=True))


async def test_the_dashboard_redraws_only_what_shows_the_change(
    make_app: AppFactory, data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_plan(data_dir, clock, days_ago=12)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        assert app.current_mode == "countdown"
        recent = calls_to(monkeypatch, app.coach.ledger, "recent")
        activities = calls_to(monkeypatch, app.coach.activities, "log")
        checked_in = calls_to(monkeypatch, app.coach.journal, "checked_in_today")
        spies = (recent, activities, checked_in)
        # Kinds the dashboard does not show: nothing is read again.
        app.coach.drafts.keep("letter:new", "Dear")
        app.coach.letters.write("Dear you", seal=False)
        assert await _reads(pilot, *spies) == (0, 0, 0)
        # An urge logged elsewhere (the SOS, say): the record and the recent events.
        app.coach.ledger.log(Kind.URGE, note="rode it out")
        assert await _reads(pilot, *spies) == (1, 0, 1)
        assert "Urge resisted" in _text(app, "#recent")
        # Time given to an activity: only the line about it.
        app.coach.activities.done(SWIM, 45)
        assert await _reads(pilot, *spies) == (0, 1, 0)
        assert "45m spent on your own life" in _text(app, "#for-you")
        # Today's check-in: the record's last line.
        app.coach.journal.check_in(app.coach.journal.today(), CheckInValues(6, 5, 4, ""))
        assert await _reads(pilot, *spies) == (0, 0, 1)
        assert "Check-in done today" in _text(app, "#record")


async def test_a_restart_redraws_the_countdown_itself(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=12, length=45)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        assert "Day 13 of 45" in squash(screen_text(app))
        app.coach.ledger.log(Kind.CONTACT, clock() - timedelta(hours=1), restart=True)
        await pilot.pause()
        assert "Day 1 of 45" in squash(screen_text(app))


async def test_the_journal_redraws_the_view_that_shows_the_change(
    make_app: AppFactory, data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_journal(data_dir, clock, today=False)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _go(pilot, "j")
        screen = app.screen
        days = calls_to(monkeypatch, screen.query_one(JournalBrowser), "show")
        shelf = calls_to(monkeypatch, screen.query_one(LetterShelf), "show")
        app.coach.ledger.log(Kind.URGE)
        app.coach.activities.done(SWIM, 20)
        assert await _reads(pilot, days, shelf) == (0, 0)
        app.coach.letters.write("Dear you", seal=True)
        assert await _reads(pilot, days, shelf) == (0, 1)
        app.coach.journal.check_in(app.coach.journal.today(), CheckInValues(7, 4, 3, "Fine."))
        assert await _reads(pilot, days, shelf) == (1, 0)
        assert "Checked in at 09:30" in squash(screen_text(app))


async def test_the_activities_follow_activities_and_nothing_else(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _go(pilot, "a")
        everything = calls_to(monkeypatch, app.coach.activities, "all")
        app.coach.journal.check_in(app.coach.journal.today(), CheckInValues(7, 4, 3, ""))
        app.coach.settings.set_sos_delay(5)
        assert await _reads(pilot, everything) == (0,)
        app.coach.activities.done(SWIM, 90)
        assert await _reads(pilot, everything) == (1,)
        chart = app.screen.query_one(ReclaimedChart)
        assert "1h 30m" in squash(chart.render().plain)


async def test_a_screen_away_catches_up_on_return_and_only_when_it_must(
    make_app: AppFactory, data_dir: Path, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_plan(data_dir, clock, days_ago=12)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await _go(pilot, "a")
        await _go(pilot, "c")
        everything = calls_to(monkeypatch, app.coach.activities, "all")
        app.coach.ledger.log(Kind.URGE)  # not shown there: coming back reads nothing
        await pilot.pause()
        await _go(pilot, "a")
        assert everything == []
        await _go(pilot, "c")
        app.coach.activities.done(SWIM, 25)  # shown there: drawn on return, not before
        await pilot.pause()
        assert everything == []
        await _go(pilot, "a")
        assert len(everything) == 1
        assert "25m" in squash(app.screen.query_one(ReclaimedChart).render().plain)


async def test_the_checklist_follows_ticks_made_elsewhere(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        app.coach.intake.choose_plan(*_intake(app), 45, clock())
        await _go(pilot, "i")
        before = _text(app, "#checklist-count")
        app.coach.intake.tick("mute_social", True)
        await pilot.pause()
        assert _text(app, "#checklist-count") != before


def _intake(app: NctuiApp) -> tuple[Any, Any]:
    from nctui.domain.intake import EndedBy, Ending, Goal, IntakeAnswers, YesNo
    from nctui.domain.recommendation import recommend

    answers = IntakeAnswers(
        contact_stopped=app.clock().date(),
        together_months=10,
        ending=Ending.BAD,
        ended_by=EndedBy.THEM,
        stay_friends=YesNo.NO,
        seeing_someone=YesNo.NO,
        single_issue=YesNo.NO,
        loose_ends=(),
        other_loose_end="",
        goal=Goal.HEAL,
    )
    return answers, recommend(answers)
