"""The Activities screen from the keyboard: browse, find, surprise, add, plan, done, and
every bad answer the issue lists."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from nctui.domain.activities import Category, DoneEntry
from nctui.domain.activity_catalogue import catalogue
from nctui.domain.clock import ManualClock
from nctui.storage.activity_store import done_op
from nctui.storage.repository import Repository
from nctui.ui.app import NctuiApp
from nctui.ui.screens.activities import ActivitiesScreen
from nctui.ui.screens.activity_forms import ActivityForm, AddActivityForm, DoneForm, PlanForm
from nctui.ui.screens.confirm import ConfirmScreen
from nctui.ui.screens.help import HelpScreen
from nctui.ui.widgets.activity_list import ActivityList
from nctui.ui.widgets.activity_summary import NextUp, ReclaimedChart
from tests.helpers import AppFactory, screen_text, squash, stored, take_in_changes


async def _type(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text)


async def open_activities(pilot: Pilot[None]) -> ActivitiesScreen:
    """Go to the screen and return it."""
    await pilot.press("a")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ActivitiesScreen)
    return screen


def _list(screen: ActivitiesScreen) -> ActivityList:
    return screen.query_one(ActivityList)


def _listed(screen: ActivitiesScreen) -> list[str]:
    """The ids of the activities listed (category titles left out)."""
    options = _list(screen).options
    return [str(option.id) for option in options if not option.disabled]


def _category(screen: ActivitiesScreen) -> Category | None:
    """The category on show (read afresh, so mypy does not narrow it between keys)."""
    return screen.category


def _active(app: App[Any]) -> object:
    """The screen on show (typed loosely, so mypy does not narrow it between keys)."""
    return app.screen


def _message(app: NctuiApp) -> str:
    form = app.screen
    assert isinstance(form, ActivityForm)
    return str(form.query_one("#form-message", Static).content)


def _side(screen: ActivitiesScreen) -> str:
    """What the side panel says: next up, then time reclaimed."""
    panels = (screen.query_one(NextUp), screen.query_one(ReclaimedChart))
    return squash(" ".join(panel.render().plain for panel in panels))


async def _browse(pilot: Pilot[None], screen: ActivitiesScreen) -> None:
    """→ walks the categories, ← walks back to all of them."""
    app = screen.app
    await pilot.press("right")
    assert _category(screen) is Category.HOBBIES
    await pilot.press("right")
    assert _category(screen) is Category.TRIP
    trips = {a.key for a in catalogue() if a.category is Category.TRIP}
    assert set(_listed(screen)) == trips
    assert "Take a day trip on your own" in screen_text(app)
    assert "Join a casual sports league" not in screen_text(app)
    await pilot.press("left", "left")
    assert _category(screen) is None


async def _find(pilot: Pilot[None], screen: ActivitiesScreen) -> None:
    """/ puts the cursor in the box; the list narrows with every key; Esc clears it."""
    ideas = _list(screen)
    await pilot.press("slash")
    assert screen.app.focused is screen.query_one("#activity-find")
    await _type(pilot, "pot")
    assert _listed(screen) == ["pottery-taster"]
    await pilot.press("enter")
    assert screen.app.focused is ideas
    assert ideas.highlighted_key == "pottery-taster"
    await pilot.press("escape")  # on the list, Esc clears the search
    await pilot.pause()
    assert len(_listed(screen)) == len(catalogue())
    assert ideas.highlighted_key == "pottery-taster"  # the cursor stays put


async def _surprise(pilot: Pilot[None], screen: ActivitiesScreen) -> None:
    """A random idea from those on show, badged, and never the same one twice running."""
    ideas = _list(screen)
    screen.rng = random.Random(5)
    await pilot.press("s")
    first = ideas.highlighted_key
    assert first in {a.key for a in catalogue()}
    assert "✦ Surprise" in screen_text(screen.app)
    await pilot.press("s")
    assert ideas.highlighted_key not in {None, first}
    await pilot.press("down")
    assert "✦ Surprise" not in screen_text(screen.app)  # the badge stays with the pick


async def _add_own(pilot: Pilot[None], screen: ActivitiesScreen) -> None:
    """n, a name, Enter, a kind, Enter: the new idea is listed and under the cursor."""
    app = screen.app
    await pilot.press("n")
    await pilot.pause()
    assert isinstance(app.screen, AddActivityForm)
    await _type(pilot, "Learn to juggle")
    await pilot.press("enter")  # to the list of kinds
    assert isinstance(app.focused, OptionList)
    await pilot.press("enter")  # New hobbies, the first
    await pilot.pause()
    assert _active(app) is screen
    own_key = _list(screen).highlighted_key
    assert own_key is not None
    assert own_key.startswith("own-")
    assert "your own idea" in screen_text(app)


async def _plan_today(pilot: Pilot[None], screen: ActivitiesScreen) -> None:
    """p, Enter: planned for today, shown in the list and as next up."""
    app = screen.app
    await pilot.press("p")
    await pilot.pause()
    assert isinstance(app.screen, PlanForm)
    assert app.screen.query_one("#plan-day", Input).value == "today"
    await pilot.press("enter")
    await pilot.pause()
    assert _active(app) is screen
    assert "Planned for Thu 26 Nov 2026." in screen_text(app)
    assert "Thu 26 Nov · today Learn to juggle" in _side(screen)


async def _log_done(pilot: Pilot[None], screen: ActivitiesScreen) -> None:
    """d, how long (the usual time is filled in), a note: time reclaimed goes up."""
    app = screen.app
    await pilot.press("d")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, DoneForm)
    assert "This completes your plan for Thu 26 Nov 2026." in screen_text(app)
    time_box = form.query_one("#done-time", Input)
    assert time_box.value == "1h"
    time_box.value = ""
    await _type(pilot, "1h 30m")
    await pilot.press("enter")
    assert app.focused is form.query_one("#done-note", Input)
    await _type(pilot, "Dropped the ball a lot")
    await pilot.press("enter")
    await pilot.pause()
    assert _active(app) is screen
    side = _side(screen)
    assert "Nothing planned yet." in side
    assert "Hobbies" in side
    assert "In all 1h 30m" in side
    assert "“Dropped the ball a lot”" in screen_text(app)


async def test_browse_find_surprise_add_plan_and_done(make_app: AppFactory, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_activities(pilot)
        assert app.focused is _list(screen)
        assert _list(screen).highlighted_key == catalogue()[0].key
        assert len(_listed(screen)) == len(catalogue())
        await _browse(pilot, screen)
        await _find(pilot, screen)
        await _surprise(pilot, screen)
        await _add_own(pilot, screen)
        await _plan_today(pilot, screen)
        await _log_done(pilot, screen)
        app.coach.file.flush()

    (own,) = stored(data_dir, "own_activities")
    assert own["name"] == "Learn to juggle"
    assert own["category"] == "hobbies"
    (plan,) = stored(data_dir, "activity_plans")
    assert plan["activity"] == f"own-{own['id']}"
    assert plan["day"] == "2026-11-26"
    (done,) = stored(data_dir, "activity_done")
    assert done["minutes"] == 90
    assert done["note"] == "Dropped the ball a lot"
    assert done["plan"] == plan["id"]


async def test_bad_names_get_a_message_and_keep_focus(make_app: AppFactory, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_activities(pilot)
        await pilot.press("n")
        await pilot.pause()
        name_box = app.screen.query_one("#own-name", Input)
        for typed, message in [
            ("", "Give it a name"),
            ("a" * 500, "60 characters or fewer; this one has 500"),
            ("  go for a SWIM ", "“Go for a swim” is already in the list, under Mind and body"),
        ]:
            name_box.value = typed
            await pilot.press("enter")
            await pilot.pause()
            assert message in _message(app), typed
            assert app.focused is name_box
        await pilot.press("escape")  # cancel: nothing is added
        await pilot.pause()
        assert isinstance(app.screen, ActivitiesScreen)
        app.coach.file.flush()
    assert stored(data_dir, "own_activities") == []


async def test_bad_durations_get_a_message_and_keep_focus(
    make_app: AppFactory, data_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_activities(pilot)
        await pilot.press("d")
        await pilot.pause()
        time_box = app.screen.query_one("#done-time", Input)
        for typed, message in [
            ("-2h", "cannot be below zero"),
            ("10000 hours", "more than a week"),
            ("", "How long did it take"),
            ("a while", "Try a time like"),
        ]:
            time_box.value = typed
            await pilot.press("enter")
            await pilot.pause()
            assert message in _message(app), typed
            assert app.focused is time_box
        time_box.value = "-1"  # a bad time also stops the note's Enter from saving
        app.screen.query_one("#done-note", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "below zero" in _message(app)
        assert app.focused is time_box
        app.coach.file.flush()
    assert stored(data_dir, "activity_done") == []


async def test_a_past_day_is_flagged_and_a_bad_one_refused(
    make_app: AppFactory, data_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_activities(pilot)
        await pilot.press("p")
        await pilot.pause()
        day_box = app.screen.query_one("#plan-day", Input)
        for typed, message in [
            ("whenever", "Try today, tomorrow"),
            ("2026-02-30", "2026-02-30 is not a real date"),
            ("", "Which day"),
        ]:
            day_box.value = typed
            await pilot.press("enter")
            await pilot.pause()
            assert message in _message(app), typed
            assert app.focused is day_box
        day_box.value = "2026-11-20"
        await pilot.press("enter")
        await pilot.pause()
        assert "Fri 20 Nov 2026 has already passed" in _message(app)
        assert app.screen.query_one("#form").has_class("-flagged")
        assert stored(data_dir, "activity_plans") == []
        await pilot.press("enter")  # the second Enter plans it anyway
        await pilot.pause()
        assert _active(app) is screen
        assert "passed 20 Nov" in screen_text(app)
        assert "1 earlier plan still open" in _side(screen)
        app.coach.file.flush()
    (plan,) = stored(data_dir, "activity_plans")
    assert plan["day"] == "2026-11-20"


async def test_a_plan_can_be_dropped_and_stays_in_the_file(
    make_app: AppFactory, data_dir: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_activities(pilot)
        await pilot.press("x")  # nothing planned yet: nothing to drop
        await pilot.pause()
        assert _active(app) is screen
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#plan-day", Input).value = "tomorrow"
        await pilot.press("enter")
        await pilot.pause()
        assert "Fri 27 Nov · tomorrow" in _side(screen)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert "Nothing planned yet." in _side(screen)
        app.coach.file.flush()
    (plan,) = stored(data_dir, "activity_plans")
    assert plan["day"] == "2026-11-27"
    assert plan["dropped_at"] == "2026-11-26T09:30:00+00:00"


async def test_nothing_found_offers_to_add_it(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_activities(pilot)
        await pilot.press("right", "right")  # trips
        await pilot.press("slash")
        await _type(pilot, "free")
        assert "Other categories have" in squash(screen_text(app))
        screen.query_one("#activity-find", Input).value = "knitting"
        await pilot.pause()
        assert "Nothing matches “knitting”" in squash(screen_text(app))
        await pilot.press("enter", "n")
        await pilot.pause()
        assert isinstance(app.screen, AddActivityForm)
        assert app.screen.query_one("#own-name", Input).value == "knitting"
        kinds = app.screen.query_one("#own-category", OptionList)
        assert kinds.highlighted == list(Category).index(Category.TRIP)


async def test_changes_from_another_window_show_up(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_activities(pilot)
        assert "Nothing logged yet." in _side(screen)
        swim = next(a for a in catalogue() if a.key == "swim")
        entry = DoneEntry("elsewhere", swim.key, swim.name, swim.category, app.clock(), 45)
        other = Repository.open(data_dir, clock)
        other.apply(done_op(entry))
        other.close()
        await take_in_changes(app, pilot)
        assert "In all 45m" in _side(screen)


async def test_letters_go_into_the_find_box_not_to_the_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_activities(pilot)
        await pilot.press("slash")
        await _type(pilot, "spa d")
        assert isinstance(app.screen, ActivitiesScreen)  # "d" did not open the Done form
        assert screen.query_one("#activity-find", Input).value == "spa d"
        assert _listed(screen) == ["spa-day"]
        await pilot.press("escape")  # leaves the box for the list, keeping the search
        assert app.focused is _list(screen)
        assert _listed(screen) == ["spa-day"]


async def test_help_lists_every_key_of_the_screen(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_activities(pilot)
        await pilot.press("slash", "s", "p", "a", "enter")  # a search, so Esc can clear it
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        described = {row.description.split(" — ")[0] for row in app.screen.rows}
        for label in (
            "Plan",
            "Done",
            "Surprise",
            "Add",
            "Find",
            "Previous category",
            "Next category",
            "Drop plan",
            "Clear find",
        ):
            assert label in described, label


async def test_the_key_bar_fits_80_columns(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_activities(pilot)
        bar = screen_text(app).splitlines()[-1]
        for key in ("p Plan", "d Done", "s Surprise", "n Add", "/ Find", "? Help", "q Quit"):
            assert key in bar, key


async def test_names_with_brackets_are_shown_as_typed(make_app: AppFactory) -> None:
    app = make_app()
    name = "[b]Juggle[/b] [/] like a [red]pro"
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        screen = await open_activities(pilot)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#own-name", Input).value = name
        await pilot.press("enter", "enter")
        await pilot.pause()
        await pilot.press("p", "enter")
        await pilot.pause()
        assert _active(app) is screen
        assert name in screen_text(app)
        assert name in _side(screen)
        # A notice must not read the name as markup: "[/]" alone would crash it.
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert f"Planned\n{name}: planned for today." in toasts
