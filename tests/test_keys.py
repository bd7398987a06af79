"""Every key the help lists does what the help says, on every screen, from every view
and every focus.

The keys come from `listed_bindings`, the very list the help screen shows, so a key
added later cannot be left out: a key whose action has no expectation here fails the
test until one is written. A key the help marks "(not right now)" must do nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, OptionList, TabbedContent

from nctui.domain.clock import ManualClock
from nctui.domain.intake import EndedBy, Ending, Goal, IntakeAnswers, LooseEnd, YesNo
from nctui.domain.ledger import Kind
from nctui.domain.recommendation import IntakeRecord, recommend
from nctui.storage.intake_store import intake_op
from nctui.storage.readiness_store import CHECKS
from nctui.storage.repository import Repository
from nctui.ui.app import NctuiApp, listed_bindings
from nctui.ui.key_rules import is_text_box
from nctui.ui.screens.activity_forms import AddActivityForm, DoneForm, PlanForm
from nctui.ui.screens.checkin_editor import EditCheckInScreen
from nctui.ui.screens.confirm import ConfirmScreen
from nctui.ui.screens.day_start import DayStartScreen
from nctui.ui.screens.entry_history import EntryHistoryScreen
from nctui.ui.screens.help import HelpScreen
from nctui.ui.screens.hidden import HiddenScreen
from nctui.ui.screens.history import HistoryScreen
from nctui.ui.screens.letter_editor import LetterEditorScreen
from nctui.ui.screens.log_event import LogEventScreen
from nctui.ui.screens.sos import SosScreen
from nctui.ui.widgets.checkin_form import CheckInForm
from nctui.ui.widgets.day_card import DayCard
from tests.helpers import AppFactory, notices, stored
from tests.seeds import seed_journal, seed_plan

ANSWERS = IntakeAnswers(
    contact_stopped=date(2026, 11, 23),
    together_months=18,
    ending=Ending.AMICABLE,
    ended_by=EndedBy.MUTUAL,
    stay_friends=YesNo.NO,
    seeing_someone=YesNo.NO,
    single_issue=YesNo.NO,
    loose_ends=(LooseEnd.BELONGINGS,),
    other_loose_end="",
    goal=Goal.HEAL,
)

Place = Callable[[Pilot[None], NctuiApp], Awaitable[None]]
"""Brings the app to one view and focus of a screen, from wherever it is."""


@dataclass
class Before:
    """How things stood just before a key was pressed."""

    mode: str
    view: str
    focused: Widget | None
    data: int
    """How many change notices the coach had given: a key that saves adds one."""
    state: Any
    exits: int


@dataclass
class Screen:
    """A screen under test: how to read its view, what its own keys do, and its places."""

    mode: str
    view: Callable[[NctuiApp], str]
    first_view: Callable[[NctuiApp, Before], None]
    checks: dict[str, Callable[[NctuiApp, Before], None]]
    state: Callable[[NctuiApp], Any] = lambda _app: None
    """Anything else a key may change (a value typed, a tick), to see it did nothing."""
    seen: set[str] = field(default_factory=set)


def _focused_id(app: NctuiApp) -> str | None:
    return getattr(app.focused, "id", None)


def _focused_id_of(before: Before) -> str | None:
    return getattr(before.focused, "id", None)


def _modal(app: NctuiApp, kind: type) -> bool:
    return isinstance(app.screen, kind)


def _global_check(action: str, screen: Screen) -> Callable[[NctuiApp, Before], None] | None:
    """What the keys that work anywhere do."""
    if action.startswith("go("):
        target = action[4:-2]

        def went(app: NctuiApp, before: Before) -> None:
            assert app.current_mode == target and not app.screen.is_modal
            if target == before.mode:
                screen.first_view(app, before)

        return went
    return {
        "help": lambda app, _b: _assert(_modal(app, HelpScreen)),
        "sos": lambda app, _b: _assert(_modal(app, SosScreen)),
        "quit": lambda _app, before: _assert(_exits(_app) == before.exits + 1),
        "quit_key": lambda _app, before: _assert(_exits(_app) == before.exits + 1),
        "command_palette": lambda app, _b: _assert(_modal(app, CommandPalette)),
        "hide": lambda app, _b: _assert(_modal(app, HiddenScreen)),
        "leave_box": lambda app, before: _assert(
            is_text_box(before.focused) and not is_text_box(app.focused)
        ),
    }.get(action)


def _assert(condition: bool) -> None:
    assert condition


def _exits(app: NctuiApp) -> int:
    return int(getattr(app, "_exits_asked", 0))


async def _reset(pilot: Pilot[None], app: NctuiApp, place: Place) -> None:
    """Close whatever a key opened, then go back to `place`."""
    while app.screen.is_modal or isinstance(app.screen, HiddenScreen):
        app.pop_screen()
        await pilot.pause()
    await place(pilot, app)
    await pilot.pause()


async def keys_do_what_the_help_says(
    pilot: Pilot[None], app: NctuiApp, screen: Screen, places: dict[str, Place]
) -> None:
    """Press every key the help lists in each place, and check each did its job."""

    def ask_exit(*_args: object, **_kwargs: object) -> None:
        app._exits_asked = _exits(app) + 1  # type: ignore[attr-defined]

    app.exit = ask_exit  # type: ignore[method-assign]
    heard = notices(app)
    problems: list[str] = []
    for name, place in places.items():
        await _reset(pilot, app, place)
        listed = [
            (active.binding.key, active.binding.action, active.enabled)
            for _section, active in listed_bindings(app.screen)
        ]
        assert listed, name
        for key, action, _enabled in listed:
            await _reset(pilot, app, place)
            # Asked again: an earlier key may have changed what this one can do (a letter
            # sealed by s cannot be sealed again), and the help would say so.
            now_listed = {
                active.binding.key: active.enabled
                for _section, active in listed_bindings(app.screen)
            }
            if key not in now_listed:
                continue
            enabled = now_listed[key]
            before = Before(
                app.current_mode,
                screen.view(app),
                app.focused,
                len(heard),
                screen.state(app),
                _exits(app),
            )
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            screen.seen.add(action)
            try:
                if not enabled:
                    # Listed as "(not right now)": nothing at all may happen.
                    assert not app.screen.is_modal and app.current_mode == before.mode
                    assert screen.view(app) == before.view and len(heard) == before.data
                    assert screen.state(app) == before.state
                    continue
                check = _global_check(action, screen) or screen.checks.get(action)
                assert check is not None, "no expectation written for this key"
                check(app, before)
            except AssertionError as error:
                problems.append(f"{name}: {key} ({action}, enabled={enabled}): {error}")
    del app.exit
    assert not problems, "\n".join(problems)


# -- home ------------------------------------------------------------------------------


async def test_home_keys(make_app: AppFactory) -> None:
    def first(app: NctuiApp, _before: Before) -> None:
        menu = app.screen.query_one("#menu", OptionList)
        assert app.focused is menu and menu.highlighted == 0

    home = Screen("home", lambda _app: "home", first, {})

    async def menu(pilot: Pilot[None], app: NctuiApp) -> None:
        app.switch_mode("home")
        await pilot.pause()
        app.screen.query_one("#menu", OptionList).highlighted = 2

    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await keys_do_what_the_help_says(pilot, app, home, {"menu": menu})
    assert {"go('home')", "go('journal')", "help", "sos", "quit", "quit_key"} <= home.seen


# -- countdown -------------------------------------------------------------------------


def _countdown() -> Screen:
    def logs(kind: str) -> Callable[[NctuiApp, Before], None]:
        def check(app: NctuiApp, _before: Before) -> None:
            assert isinstance(app.screen, LogEventScreen) and app.screen.kind is Kind(kind)

        return check

    checks: dict[str, Callable[[NctuiApp, Before], None]] = {
        f"log('{kind}')": logs(kind) for kind in ("urge", "slip", "contact", "allowed", "sign")
    }
    checks["history"] = lambda app, _b: _assert(_modal(app, HistoryScreen))
    checks["card"] = lambda app, before: _assert(_card_open(app) is not before.state)

    def first(app: NctuiApp, _before: Before) -> None:
        assert app.screen.query_one(".page").scroll_y == 0

    return Screen("countdown", lambda _app: "dashboard", first, checks, _card_open)


def _card_open(app: NctuiApp) -> bool | None:
    """Whether today's card shows whole (None away from the dashboard)."""
    if app.current_mode != "countdown" or app.screen.is_modal:
        return None
    return app.screen.query_one(DayCard).expanded


async def _dashboard(pilot: Pilot[None], app: NctuiApp) -> None:
    app.switch_mode("countdown")
    await pilot.pause()
    app.screen.query_one(".page").scroll_end(animate=False)


async def test_countdown_keys_with_a_plan(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=12)
    screen = _countdown()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await keys_do_what_the_help_says(pilot, app, screen, {"running": _dashboard})
    assert {"log('urge')", "log('sign')", "history", "go('countdown')"} <= screen.seen


async def test_countdown_keys_without_a_plan_and_once_complete(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    screen = _countdown()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await keys_do_what_the_help_says(pilot, app, screen, {"no plan": _dashboard})
    assert not any(action.startswith("log(") for action in screen.seen)  # not listed at all
    seed_plan(data_dir, clock, days_ago=50, length=45, complete=True)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await keys_do_what_the_help_says(pilot, app, screen, {"complete": _dashboard})


# -- check-in & journal ----------------------------------------------------------------


def _tab(app: NctuiApp) -> str:
    if app.current_mode != "journal" or app.screen.is_modal:
        return ""
    return app.screen.query_one(TabbedContent).active


def _journal() -> Screen:
    def view(name: str) -> Callable[[NctuiApp, Before], None]:
        return lambda app, _b: _assert(_tab(app) == name and not is_text_box(app.focused))

    def saved_or_said(app: NctuiApp, before: Before) -> None:
        # An empty form cannot be saved: it says what it needs and puts the cursor there.
        form = app.screen.query_one("#today-form")
        assert form.has_class("-invalid") or len(notices(app)) > before.data

    def stepped(app: NctuiApp, before: Before) -> None:
        assert _focused_id(app) == "rating-mood" and before.state != _journal_state(app)

    def edits(app: NctuiApp, _before: Before) -> None:
        assert _modal(app, EditCheckInScreen) or (
            _tab(app) == "today" and _focused_id(app) == "journal-text"
        )

    def sealed(app: NctuiApp, before: Before) -> None:
        assert len(notices(app)) > before.data
        app.coach.file.flush()
        assert sum("sealed" in doc for doc in stored(app.coach.file.folder, "letters")) == 2

    def other_question(app: NctuiApp, before: Before) -> None:
        form = app.screen.query_one(CheckInForm)
        assert before.state[2] != form.prompt and _focused_id(app) == _focused_id_of(before)

    def cleared(app: NctuiApp, _before: Before) -> None:
        assert app.screen.query_one("#journal-search", Input).value == ""
        assert _focused_id(app) == "journal-days"

    checks: dict[str, Callable[[NctuiApp, Before], None]] = {
        "view('today')": view("today"),
        "view('chart')": view("chart"),
        "view('journal')": lambda app, _b: _assert(_tab(app) == "journal"),
        "view('letters')": lambda app, _b: _assert(_tab(app) == "letters"),
        "view('patterns')": view("patterns"),
        "start_checkin": lambda app, _b: _assert(_focused_id(app) == "rating-mood"),
        "save_checkin": saved_or_said,
        "submit": saved_or_said,
        "step(1)": stepped,
        "step(-1)": stepped,
        "search": lambda app, _b: _assert(_focused_id(app) == "journal-search"),
        "clear": cleared,
        "clear_search": cleared,
        "edit": edits,
        "versions": lambda app, _b: _assert(_modal(app, EntryHistoryScreen)),
        "write": lambda app, _b: _assert(_modal(app, LetterEditorScreen)),
        "seal": sealed,
        "open_letter": lambda app, _b: _assert(_modal(app, ConfirmScreen)),
        "day_start": lambda app, _b: _assert(_modal(app, DayStartScreen)),
        "prompt(1)": other_question,
        "prompt(-1)": other_question,
    }
    return Screen(
        "journal",
        _tab,
        lambda app, _b: _assert(_tab(app) == "today"),
        checks,
        _journal_state,
    )


def _journal_state(app: NctuiApp) -> Any:
    if app.current_mode != "journal" or app.screen.is_modal:
        return None
    return (
        app.screen.query_one("#rating-mood", Input).value,
        app.screen.query_one("#journal-search", Input).value,
        app.screen.query_one(CheckInForm).prompt,
    )


def _journal_place(view: str, focus: str | None = None, search: str = "") -> Place:
    async def place(pilot: Pilot[None], app: NctuiApp) -> None:
        app.switch_mode("journal")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#journal-search", Input).value = search
        screen.query_one("#rating-mood", Input).value = ""
        screen.action_view(view)  # type: ignore[attr-defined]
        await pilot.pause()
        screen.set_focus(None if focus is None else screen.query_one(f"#{focus}"))
        await pilot.pause()

    return place


async def test_journal_keys_from_every_view_and_focus(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, today=False)
    screen = _journal()
    app = make_app()
    places = {
        "today": _journal_place("today"),
        "today, in the mood box": _journal_place("today", "rating-mood"),
        "today, in the journal box": _journal_place("today", "journal-text"),
        "chart": _journal_place("chart"),
        "journal list": _journal_place("journal", "journal-days"),
        "journal list, found": _journal_place("journal", "journal-days", search="sea"),
        "journal search": _journal_place("journal", "journal-search", search="sea"),
        "letters": _journal_place("letters", "letter-list"),
        "patterns": _journal_place("patterns", "patterns-page"),
    }
    async with app.run_test(size=(100, 32)) as pilot:
        await keys_do_what_the_help_says(pilot, app, screen, places)
    assert {
        "view('today')",
        "start_checkin",
        "step(1)",
        "submit",
        "clear",
        "clear_search",
        "edit",
        "write",
        "seal",
        "go('journal')",
        "leave_box",
        "view('patterns')",
        "prompt(1)",
    } <= screen.seen


# -- activities ------------------------------------------------------------------------


def _activities() -> Screen:
    def state(app: NctuiApp) -> Any:
        if app.current_mode != "activities" or app.screen.is_modal:
            return None
        screen: Any = app.screen
        return (screen.category, screen._find.value, screen._list.highlighted_key)

    def moved(app: NctuiApp, before: Before) -> None:
        assert state(app) != before.state

    def first(app: NctuiApp, _before: Before) -> None:
        assert state(app)[:2] == (None, "") and _focused_id(app) == "activity-list"

    checks: dict[str, Callable[[NctuiApp, Before], None]] = {
        "plan": lambda app, _b: _assert(_modal(app, PlanForm)),
        "select": lambda app, _b: _assert(_modal(app, PlanForm)),
        "done": lambda app, _b: _assert(_modal(app, DoneForm)),
        "add": lambda app, _b: _assert(_modal(app, AddActivityForm)),
        "drop_plan": lambda app, _b: _assert(_modal(app, ConfirmScreen)),
        "surprise": lambda app, _b: _assert(
            app.screen._surprise == app.screen._list.highlighted_key is not None  # type: ignore[attr-defined]
        ),
        "step_category(-1)": moved,
        "step_category(1)": moved,
        "screen.step_category(-1)": moved,
        "screen.step_category(1)": moved,
        "find": lambda app, _b: _assert(_focused_id(app) == "activity-find"),
        "to_list": lambda app, _b: _assert(_focused_id(app) == "activity-list"),
        "clear_find": lambda app, _b: _assert(state(app)[1] == ""),
    }
    return Screen("activities", lambda _app: "list", first, checks, state)


def _activities_place(focus: str, find: str = "") -> Place:
    async def place(pilot: Pilot[None], app: NctuiApp) -> None:
        app.switch_mode("activities")
        await pilot.pause()
        screen: Any = app.screen
        screen.set_category(None)
        screen._find.value = find
        await pilot.pause()
        screen.set_focus(screen.query_one(f"#{focus}"))
        await pilot.pause()

    return place


async def test_activities_keys_from_the_list_and_the_find_box(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    screen = _activities()
    app = make_app()
    places = {
        "list": _activities_place("activity-list"),
        "list, found": _activities_place("activity-list", find="walk"),
        "find box": _activities_place("activity-find", find="walk"),
    }
    async with app.run_test(size=(100, 32)) as pilot:
        await keys_do_what_the_help_says(pilot, app, screen, places)
    assert {"plan", "done", "surprise", "add", "find", "clear_find", "go('activities')"} <= (
        screen.seen
    )


# -- intake ----------------------------------------------------------------------------


def _intake() -> Screen:
    def view(app: NctuiApp) -> str:
        if app.current_mode != "intake" or app.screen.is_modal:
            return ""
        screen: Any = app.screen
        if screen.view == "questions":
            return f"question {screen.query_one('#questionnaire')._index}"
        return str(screen.view)

    def state(app: NctuiApp) -> Any:
        if view(app) == "question 7":
            return tuple(app.screen.query_one("#loose-ends").selected)  # type: ignore[attr-defined]
        if view(app) != "checklist":
            return None
        highlighted = app.screen.query_one("#checklist", OptionList).highlighted
        return str(app.screen.query_one("#checklist-count").render()), highlighted

    def first(app: NctuiApp, before: Before) -> None:
        assert view(app) == ("checklist" if before.view == "checklist" else before.view)

    def went_back(app: NctuiApp, before: Before) -> None:
        if before.view == "plan":  # back from the plan: the last question, answers kept
            assert view(app) == "question 8"
            return
        assert view(app) == f"question {int(before.view.split()[1]) - 1}"

    def ticked(app: NctuiApp, before: Before) -> None:
        assert state(app) != before.state or len(notices(app)) > before.data

    def moved(app: NctuiApp, before: Before) -> None:
        assert state(app)[1] != before.state[1]

    def tick_list(app: NctuiApp, before: Before) -> None:
        assert before.view == "question 7" and view(app) == "question 8"

    checks: dict[str, Callable[[NctuiApp, Before], None]] = {
        "back": went_back,
        "retake": lambda app, _b: _assert(view(app) == "question 0"),
        "copy_draft": lambda app, _b: _assert(app.clipboard.startswith("Hi. I've been thinking")),
        "select": ticked,
        "cursor_up": moved,
        "cursor_down": moved,
        "done": tick_list,
    }
    return Screen("intake", view, first, checks, state)


def _intake_question(index: int) -> Place:
    async def place(pilot: Pilot[None], app: NctuiApp) -> None:
        app.switch_mode("intake")
        await pilot.pause()
        screen: Any = app.screen
        if screen.view != "questions":
            screen.action_retake()
            await pilot.pause()
        wizard = screen.query_one("#questionnaire")
        wizard._show(index)
        await pilot.pause()
        await pilot.pause()

    return place


async def _checklist(pilot: Pilot[None], app: NctuiApp) -> None:
    app.switch_mode("intake")
    await pilot.pause()
    screen: Any = app.screen
    if screen.view != "checklist":
        screen._show_checklist()
        await pilot.pause()
    screen.query_one("#checklist").focus()


async def _plan(pilot: Pilot[None], app: NctuiApp) -> None:
    app.switch_mode("intake")
    await pilot.pause()
    screen: Any = app.screen
    if screen.view != "plan":
        screen._show_plan(ANSWERS)
        await pilot.pause()
        await pilot.pause()


async def test_intake_keys_on_the_questions_the_plan_and_the_checklist(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    screen = _intake()
    app = make_app()
    places = {
        "first question": _intake_question(0),
        "a question with choices": _intake_question(2),
        "things to sort out": _intake_question(7),
        "the plan": _plan,
    }
    async with app.run_test(size=(100, 40)) as pilot:
        await keys_do_what_the_help_says(pilot, app, screen, places)
    attempt = seed_plan(data_dir, clock, days_ago=3)
    repository = Repository.open(data_dir, clock)
    repository.apply(intake_op(IntakeRecord("i1", attempt.start, ANSWERS, recommend(ANSWERS), 45)))
    assert repository.close() is None
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await keys_do_what_the_help_says(pilot, app, screen, {"checklist": _checklist})
    assert {"back", "done", "retake", "copy_draft", "select", "go('intake')"} <= screen.seen


# -- readiness -------------------------------------------------------------------------


def _readiness() -> Screen:
    def view(app: NctuiApp) -> str:
        if app.current_mode != "readiness" or app.screen.is_modal:
            return ""
        return str(app.screen.view)  # type: ignore[attr-defined]

    def first(app: NctuiApp, before: Before) -> None:
        checks = stored(app.coach.file.folder, CHECKS) if app.coach.file.flush() == [] else []
        assert view(app) == ("result" if checks else before.view)

    def went_back(app: NctuiApp, before: Before) -> None:
        assert view(app) == "quiz" and app.screen.query_one("#quiz")._index == 1  # type: ignore[attr-defined]

    checks: dict[str, Callable[[NctuiApp, Before], None]] = {
        "retake": lambda app, _b: _assert(view(app) == "quiz"),
        "extend": lambda app, _b: _assert(_modal(app, ConfirmScreen)),
        "message": lambda app, _b: _assert(view(app) == "message"),
        "letters": lambda app, _b: _assert(view(app) == "letters"),
        "result": lambda app, _b: _assert(view(app) == "result"),
        "back": went_back,
    }
    return Screen("readiness", view, first, checks)


def _readiness_place(view: str, focus_box: bool = False) -> Place:
    async def place(pilot: Pilot[None], app: NctuiApp) -> None:
        app.switch_mode("readiness")
        await pilot.pause()
        screen: Any = app.screen
        if view == "quiz":
            screen._show_quiz()
            await pilot.pause()
            await pilot.pause()
            screen.query_one("#quiz")._show(2)
        elif view == "result":
            screen._show_result()
        elif view == "message":
            screen._show_message_check()
        elif view == "letters":
            screen._show_result()
            await pilot.pause()
            screen.action_letters()
        await pilot.pause()
        await pilot.pause()
        if view == "message" and not focus_box:
            screen.set_focus(None)
        await pilot.pause()

    return place


async def _rate_all(pilot: Pilot[None], rating: int) -> None:
    await pilot.press("r")
    await pilot.pause()
    for _ in range(9):
        await pilot.press("home", *["down"] * rating, "enter")
        await pilot.pause()


async def test_readiness_keys_when_ready(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, days_ago=50)
    screen = _readiness()
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await _rate_all(pilot, 4)
        places = {
            "result": _readiness_place("result"),
            "quiz": _readiness_place("quiz"),
            "message check, typing": _readiness_place("message", focus_box=True),
            "message check": _readiness_place("message"),
            "letters": _readiness_place("letters"),
        }
        await keys_do_what_the_help_says(pilot, app, screen, places)
    assert {"retake", "message", "letters", "result", "back", "go('readiness')"} <= screen.seen


async def test_readiness_keys_when_not_yet(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=50, length=45, complete=True)
    screen = _readiness()
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await _rate_all(pilot, 2)
        await keys_do_what_the_help_says(pilot, app, screen, {"result": _readiness_place("result")})
    assert "extend" in screen.seen
    clock.advance(timedelta(0))
