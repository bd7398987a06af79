"""The dashboard from the keyboard: every ledger action, the restart choice, history."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Input, OptionList

from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind
from nctui.ui.app import NctuiApp
from nctui.ui.screens.countdown import CountdownScreen
from nctui.ui.screens.history import HistoryScreen
from nctui.ui.screens.log_event import LogEventScreen
from tests.helpers import AppFactory, screen_text, stored
from tests.seeds import seed_plan


def _dialog(app: NctuiApp) -> LogEventScreen:
    assert isinstance(app.screen, LogEventScreen)
    return app.screen


async def test_opens_on_the_dashboard_once_there_is_a_plan(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=11.1)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CountdownScreen)
        shown = screen_text(app)
        assert "Day 12 of 45 · 33 days left" in shown
        assert "Next milestone: 2 weeks, in 3 days" in shown


async def test_urge_resisted_with_a_note(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("u")
        await pilot.pause()
        assert _dialog(app).kind is Kind.URGE
        await pilot.press(*"walked it off", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CountdownScreen)
        assert "Urge resisted" in screen_text(app)
    (event,) = stored(data_dir, "events")
    assert event["kind"] == "urge"
    assert event["note"] == "walked it off"
    assert event["at"] == "2026-11-26T09:30:00+00:00"


async def test_a_slip_with_its_kind_and_an_earlier_time(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # checked their social media
        await pilot.pause()
        when = app.focused
        assert isinstance(when, Input)
        when.value = "yesterday 22:10"
        await pilot.press("enter", "enter")
        await pilot.pause()
    (event,) = stored(data_dir, "events")
    assert (event["kind"], event["detail"]) == ("slip", "social_media")
    assert event["at"] == "2026-11-25T22:10:00+00:00"


async def test_contact_restarts_the_period_by_default(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=10)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.query_one("#restart", OptionList).highlighted == 0
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Day 1 of 45 · 44 days left" in screen_text(app)
    attempts = stored(data_dir, "attempts")
    assert [a.get("end_reason") for a in sorted(attempts, key=lambda a: a["start"])] == [
        "contact",
        None,
    ]
    (event,) = stored(data_dir, "events")
    assert event["kind"] == "contact" and event["restarted"] is True


async def test_contact_can_keep_the_dates(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=10)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("down", "enter")  # keep the dates
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = screen_text(app)
        assert "Day 11 of 45" in shown
        assert "Current run   0 days" in shown
    assert len(stored(data_dir, "attempts")) == 1
    assert "restarted" not in stored(data_dir, "events")[0]


async def test_allowed_contact_and_a_sign_never_restart(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=10)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        for key in ("o", "e"):
            await pilot.press(key)
            await pilot.pause()
            await pilot.press("down", "enter", "ctrl+s")
            await pilot.pause()
        assert "Day 11 of 45" in screen_text(app)
    events = stored(data_dir, "events")
    assert [(e["kind"], e["detail"]) for e in events] == [
        ("allowed", "finances"),
        ("sign", "social_activity"),
    ]
    assert len(stored(data_dir, "attempts")) == 1


async def test_bad_ledger_input_is_named_and_nothing_is_saved(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=2)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("end", "enter")  # something else
        await pilot.pause()
        when = app.screen.query_one("#when", Input)
        note = app.screen.query_one("#note", Input)
        for typed_when, typed_note, message, focused in [
            ("2026-11-27 10:00", "", "has not come yet", when),
            ("2026-11-20 10:00", "", "before this period started", when),
            ("now", "", "a few words on what it was", note),
            ("now", "x" * 20_000, "20,000 / 2,000 characters", note),
            ("teatime", "", "Try “now”", when),
        ]:
            when.value, note.value = typed_when, typed_note
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert message in screen_text(app).replace("\n", " ") or message in str(
                app.screen.query_one(".question-error").render()
            ), message
            assert app.focused is focused
            assert isinstance(app.screen, LogEventScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CountdownScreen)
        app.coach.file.flush()
    assert stored(data_dir, "events") == []


async def test_history_lists_attempts_and_events(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=4, events=((Kind.URGE, 1, None, "called Sam"),))
    app = make_app()
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        assert _showing(app, HistoryScreen)
        assert "called Sam" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert _showing(app, CountdownScreen)


async def test_the_period_completes_and_stays_complete(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=44.9, length=45)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        assert "Day 45 of 45 · last day" in screen_text(app)
        clock.advance(timedelta(hours=3))
        app.screen.tick()  # type: ignore[attr-defined]
        await pilot.pause()
        assert "Period complete" in screen_text(app)
        app.coach.file.flush()
        clock.advance(timedelta(days=-10))  # a clock set back
        app.screen.tick(full=True)  # type: ignore[attr-defined]
        await pilot.pause()
        assert "Period complete" in screen_text(app)
    (attempt,) = stored(data_dir, "attempts")
    assert attempt["end_reason"] == "complete"


async def test_no_plan_invites_the_intake_and_logging_waits(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        shown = screen_text(app)
        assert "There is no period running yet" in shown
        # No hint for a key that does nothing yet: it says what comes first.
        assert "u logs" not in shown
        assert "Nothing logged yet." in shown and "A plan comes first: i." in shown
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, CountdownScreen)


async def test_with_a_plan_the_hint_to_log_fits_the_panel(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end")
        await pilot.pause()
        shown = screen_text(app)
        assert "Nothing logged yet." in shown and "u logs an urge you resisted." in shown


async def test_a_milestone_is_celebrated_once(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=7.2, celebrated=False)
    app = make_app()
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        titles = [n.message for n in app._notifications]
        assert any("A full week" in text for text in titles)
        app.check_period()
        await pilot.pause()
        assert sum("A full week" in n.message for n in app._notifications) == 1


async def test_a_milestone_long_past_is_noted_without_a_word(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    # Day 11, never opened since the plan: "a full week" (4 days ago) would ring false.
    seed_plan(data_dir, clock, days_ago=11.1, celebrated=False)
    app = make_app()
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        assert not any(n.title == "A moment to notice" for n in app._notifications)
        noted = {
            doc["value"]
            for doc in app.coach.repository.table("settings").all()
            if str(doc["id"]).startswith("milestone:")
        }
        assert noted == {7}  # recorded, so it is not brought up later either


def _showing(app: NctuiApp, kind: type) -> bool:
    return isinstance(app.screen, kind)


async def test_the_dashboard_shows_time_for_you_and_what_is_next(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    from nctui.domain.activities import Category, DoneEntry, Plan
    from nctui.storage.activity_store import done_op, plan_op
    from nctui.storage.repository import Repository

    seed_plan(data_dir, clock, days_ago=10)
    now = clock()
    repository = Repository.open(data_dir, clock)
    repository.apply(
        done_op(
            DoneEntry("d1", "k1", "Pottery taster", Category.HOBBIES, now - timedelta(days=2), 150)
        )
    )
    repository.apply(
        done_op(
            DoneEntry("d0", "k0", "Before the period", Category.CITY, now - timedelta(days=30), 600)
        )
    )
    tomorrow = (now + timedelta(days=1)).date()
    repository.apply(plan_op(Plan("p1", "k2", "Dance class", Category.HOBBIES, tomorrow, now)))
    repository.close()
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "2h 30m spent on your own life this period" in shown
        assert "next: Dance class, tomorrow" in shown


async def test_the_highlighted_kind_is_the_choice_and_letters_go_to_the_note(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e", "down", "down")  # a sign: the third kind, no Enter
        await pilot.pause()
        await pilot.press(*"at the gym")  # typed while the list has the cursor
        await pilot.press("ctrl+s")
        await pilot.pause()
    (event,) = stored(data_dir, "events")
    assert (event["detail"], event["note"]) == ("ran_into", "at the gym")


async def test_contact_after_the_period_has_no_restart_to_offer(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=50, length=45, complete=True)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert not app.screen.query("#restart")
        await pilot.press("ctrl+s")
        await pilot.pause()
    (event,) = stored(data_dir, "events")
    assert event["kind"] == "contact"
    assert "restarted" not in event


async def test_recently_shows_the_words_of_something_else(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3, events=((Kind.SLIP, 0.1, "other", "Drove by [it]"),))
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Slip: Drove by [it]" in shown
        assert "Something else" not in shown


async def test_on_the_last_day_the_end_comes_before_the_next_milestone(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    # Day 21 of 21: the 3-week milestone and the end are the same moment.
    seed_plan(data_dir, clock, days_ago=20.5, length=21)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Day 21 of 21" in shown
        assert "Next: the end of your period" in shown
        assert "Next milestone" not in shown


async def test_the_period_choice_is_marked_without_colour(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=10)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        menu = app.screen.query_one("#restart", OptionList)
        prompts = [str(option.prompt) for option in menu.options]
        assert [p[0] for p in prompts] == ["●", "○"]
        await pilot.press("down")
        await pilot.pause()
        prompts = [str(option.prompt) for option in menu.options]
        assert [p[0] for p in prompts] == ["○", "●"]
        assert prompts[1].endswith("Keep the dates; just log it")
