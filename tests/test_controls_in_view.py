"""Every focusable control is fully in view when it has the focus, on every screen and
dialog, in the states that make each tallest, at 80x24 and 60x20.

One table lists the states: a new screen or dialog is one line to add. For each, the
test Tabs through the whole focus chain and checks the focused widget's region lies
inside what the screen shows: inside the terminal and inside every container that
clips it (a widget scrolled out of its container counts as hidden).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from pathlib import Path

import pytest
from textual.app import App
from textual.errors import NoWidget
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, OptionList, TabbedContent

from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind
from nctui.storage.draft_store import draft_op
from nctui.storage.repository import Repository
from nctui.storage.settings import setting_op
from tests.helpers import AppFactory, stored
from tests.privacy_fakes import FakePrivacy
from tests.seeds import seed_journal, seed_patterns, seed_plan

Reach = Callable[[Pilot[None]], Awaitable[None]]
Seed = Callable[[Path, ManualClock], object]

LONG_NOTE = (
    "Saw a photo of us from the summer and sat with it for a long while before "
    "putting the phone face down on the table and going for a walk instead."
)


def hidden_part(widget: Widget) -> str | None:
    """Why `widget` is not fully in view, or None when all of it shows.

    Every cell of its region must be inside the terminal and show the widget itself (or
    a part of it, like its scrollbar): a cell clipped by a scrolling container, or
    covered by a docked bar or another layer, shows something else.
    """
    screen = widget.screen
    region = widget.region
    if region.area == 0:
        return f"{_name(widget)} is not laid out on the screen"
    if not screen.region.contains_region(region):
        return f"{_name(widget)} at {tuple(region)} reaches outside the terminal"
    hidden = 0
    for y in range(region.y, region.bottom):
        for x in range(region.x, region.right):
            try:
                shown, _ = screen.get_widget_at(x, y)
            except NoWidget:
                hidden += 1
                continue
            if shown is not widget and widget not in shown.ancestors:
                hidden += 1
    if hidden:
        return f"{_name(widget)} at {tuple(region)}: {hidden} of {region.area} cells hidden"
    return None


def _name(widget: Widget) -> str:
    return f"{type(widget).__name__}#{widget.id}" if widget.id else type(widget).__name__


async def settle(pilot: Pilot[None]) -> None:
    """Let focus changes, layout and the scrolling they set off finish."""
    for _ in range(3):
        await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


# -- how to reach each state -----------------------------------------------------------


async def keys(pilot: Pilot[None], *pressed: str) -> None:
    """Press keys one at a time, letting each land before the next."""
    for key in pressed:
        await pilot.press(key)
        await pilot.pause()


async def type_in(pilot: Pilot[None], text: str) -> None:
    """Type `text` where the cursor is."""
    await pilot.press(*text)
    await pilot.pause()


def focus(pilot: Pilot[None], selector: str) -> None:
    """Put the cursor in one widget of the active screen (where a key to get there is
    not what is being tested)."""
    pilot.app.screen.query_one(selector).focus()


async def replace_text(pilot: Pilot[None], selector: str, text: str) -> None:
    """Empty a box and type `text` into it."""
    box = pilot.app.screen.query_one(selector, Input)
    box.focus()
    box.value = ""
    await type_in(pilot, text)


async def nothing(pilot: Pilot[None]) -> None:
    """The first screen, as it opens."""
    await pilot.pause()


async def intake_refused_day(pilot: Pilot[None]) -> None:
    await keys(pilot, "i")
    await type_in(pilot, "soon")
    await keys(pilot, "enter")


async def tallest_answers(pilot: Pilot[None], *, other: str = "") -> None:
    """Every question answered so the plan has the most reasons, notes and warnings:
    five years, kindly, I ended it, friends, someone new, one issue, four things to
    sort out, hoping to get back together; contact stopped 60 days ago."""
    await keys(pilot, "i")
    await type_in(pilot, "60 days ago")
    await keys(pilot, "enter")
    await type_in(pilot, "5")
    await keys(pilot, "enter", "enter")
    for _ in range(5):  # amicable, I did, friends yes, someone new yes, one issue yes
        await keys(pilot, "enter")
    await keys(pilot, "space", "down", "space", "down", "space", "down", "space", "down")
    if other:
        await keys(pilot, "space")
    await keys(pilot, "enter")


async def intake_loose_ends_refused(pilot: Pilot[None]) -> None:
    await tallest_answers(pilot, other="yes")  # "something else" with no words


async def intake_tall_plan(pilot: Pilot[None]) -> None:
    await tallest_answers(pilot)
    await keys(pilot, "enter")  # hoping to get back together


async def intake_custom_refused(pilot: Pilot[None]) -> None:
    await intake_tall_plan(pilot)
    await keys(pilot, "end", "up", "enter")  # Another length…
    await type_in(pilot, "5")
    await keys(pilot, "enter")


async def intake_checklist(pilot: Pilot[None]) -> None:
    await intake_tall_plan(pilot)
    await keys(pilot, "enter")


async def intake_replace_confirm(pilot: Pilot[None]) -> None:
    await intake_tall_plan(pilot)
    await keys(pilot, "enter")  # a period is running: asks first


async def countdown(pilot: Pilot[None]) -> None:
    await keys(pilot, "c")


async def log_dialog(pilot: Pilot[None], *, key: str, when: str | None = None) -> None:
    """Open the log dialog for `key`, type a time if given, and try to save."""
    await keys(pilot, "c", key)
    if when is not None:
        await replace_text(pilot, "#when", when)
    await keys(pilot, "ctrl+s")


async def log_slip_without_words(pilot: Pilot[None]) -> None:
    await keys(pilot, "c", "s", "end", "ctrl+s")  # "something else" needs words


async def history(pilot: Pilot[None]) -> None:
    await keys(pilot, "c", "v")


async def sos_allowed(pilot: Pilot[None]) -> None:
    await keys(pilot, "exclamation_mark", "d", "y")


async def sos_editing(pilot: Pilot[None]) -> None:
    await keys(pilot, "exclamation_mark", "d", "e")


async def countdown_card_open(pilot: Pilot[None]) -> None:
    await keys(pilot, "c", "k")


async def trusted_refused(pilot: Pilot[None]) -> None:
    await keys(pilot, "exclamation_mark", "w", "tab")
    await type_in(pilot, "07700 900123")
    await keys(pilot, "tab")
    await type_in(pilot, "x" * 50)
    await keys(pilot, "ctrl+s")  # the first has no name


async def sos_with_people(pilot: Pilot[None]) -> None:
    await keys(pilot, "exclamation_mark", "d")


async def help_on_journal(pilot: Pilot[None]) -> None:
    await keys(pilot, "j")
    pilot.app.screen.set_focus(None)
    await keys(pilot, "question_mark")


async def activities(pilot: Pilot[None]) -> None:
    await keys(pilot, "a")


async def plan_form_past_day(pilot: Pilot[None]) -> None:
    await keys(pilot, "a", "p")
    await type_in(pilot, "2026-11-20")
    await keys(pilot, "enter")


async def done_form_refused(pilot: Pilot[None]) -> None:
    await keys(pilot, "a", "d", "ctrl+u")
    await type_in(pilot, "10000 hours")
    await keys(pilot, "enter")


async def add_form_refused(pilot: Pilot[None]) -> None:
    await keys(pilot, "a", "n")
    await type_in(pilot, "go for a SWIM")
    await keys(pilot, "enter")


async def journal_view(pilot: Pilot[None], *, view: str) -> None:
    """The check-in screen showing one of its views."""
    await keys(pilot, "j")
    pilot.app.screen.query_one(TabbedContent).active = view
    await settle(pilot)


async def checkin_refused(pilot: Pilot[None]) -> None:
    await journal_view(pilot, view="today")
    await replace_text(pilot, "#rating-mood", "11")
    focus(pilot, "#journal-text")
    await type_in(pilot, LONG_NOTE)
    await keys(pilot, "ctrl+s")


async def day_start_refused(pilot: Pilot[None]) -> None:
    await journal_view(pilot, view="today")
    pilot.app.screen.set_focus(None)
    await keys(pilot, "d", "ctrl+u")
    await type_in(pilot, "25:00")
    await keys(pilot, "enter")


async def edit_day_refused(pilot: Pilot[None]) -> None:
    await journal_view(pilot, view="journal")
    await keys(pilot, "e")
    await replace_text(pilot, "#rating-urge", "99")
    await keys(pilot, "ctrl+s")


async def day_versions(pilot: Pilot[None]) -> None:
    await journal_view(pilot, view="journal")
    days = pilot.app.screen.query_one("#journal-days", OptionList)
    edited = (pilot.app.clock() - timedelta(days=14)).date().isoformat()  # type: ignore[attr-defined]
    days.highlighted = days.get_option_index(edited)
    await keys(pilot, "v")


async def letter_refused(pilot: Pilot[None]) -> None:
    await journal_view(pilot, view="letters")
    await keys(pilot, "w", "space", "ctrl+s")  # nothing written yet


async def letter_draft_offered(pilot: Pilot[None]) -> None:
    await journal_view(pilot, view="letters")
    await keys(pilot, "w")  # words kept from last time are offered back first


async def readiness_quiz(pilot: Pilot[None]) -> None:
    await keys(pilot, "r")


async def readiness_verdicts(pilot: Pilot[None]) -> None:
    for _ in range(2):  # two checks, so the earlier one is listed too
        await keys(pilot, "r", "n")
        for index in range(9):
            await keys(pilot, "home", *["down"] * (4 if index == 8 else 2), "enter")


async def message_check(pilot: Pilot[None]) -> None:
    await keys(pilot, "r")
    for _ in range(9):
        await keys(pilot, "end", "enter")
    await keys(pilot, "m")
    await type_in(pilot, "I miss you so much, please call me tonight? I am sorry!! Why did you go")


def _with_a_passphrase(pilot: Pilot[None]) -> None:
    pilot.app.coach.privacy = FakePrivacy("paper boats at dawn")  # type: ignore[attr-defined]


async def lock_missed(pilot: Pilot[None]) -> None:
    _with_a_passphrase(pilot)
    pilot.app.cover.lock()  # type: ignore[attr-defined]
    await pilot.pause()
    await type_in(pilot, "not it")
    await keys(pilot, "enter")
    await pilot.app.workers.wait_for_complete()


async def privacy_dialog(pilot: Pilot[None], *, command: str, typed: tuple[str, ...] = ()) -> None:
    """Open a privacy command from the palette, and type each of `typed` into a box."""
    _with_a_passphrase(pilot)
    await keys(pilot, "ctrl+p")
    await type_in(pilot, command)
    await settle(pilot)
    await keys(pilot, "enter")
    for text in typed:
        await type_in(pilot, text)
        await keys(pilot, "enter")
    await pilot.app.workers.wait_for_complete()


def damaged(data_dir: Path, _clock: ManualClock) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "nctui.json").write_text("{not json")


def running(data_dir: Path, clock: ManualClock) -> None:
    seed_plan(
        data_dir,
        clock,
        days_ago=11.1,
        events=(
            (Kind.URGE, 0.2, None, LONG_NOTE),
            (Kind.SLIP, 1.3, "other", LONG_NOTE),
            (Kind.ALLOWED, 2.1, "property", LONG_NOTE),
            (Kind.SIGN, 3.2, "texted_first", LONG_NOTE),
        ),
    )


def journal_with_a_long_draft(data_dir: Path, clock: ManualClock) -> None:
    seed_journal(data_dir, clock, today=False)
    repository = Repository.open(data_dir, clock)
    repository.apply(draft_op("letter:new", "\n\n".join([LONG_NOTE] * 12), clock()))
    assert repository.close() is None


def running_with_people(data_dir: Path, clock: ManualClock) -> None:
    running(data_dir, clock)
    repository = Repository.open(data_dir, clock)
    people = [{"name": "Sam Taylor-Whitfield", "reach": "07700 900123 (after six)"}] * 2
    repository.apply(setting_op("trusted_people", people))
    assert repository.close() is None


def complete(data_dir: Path, clock: ManualClock) -> None:
    seed_plan(data_dir, clock, days_ago=50, length=45, complete=True)


def journal(data_dir: Path, clock: ManualClock) -> None:
    seed_journal(data_dir, clock, today=False)


@dataclass(frozen=True)
class Case:
    """One screen or dialog in one of its tallest states."""

    name: str
    screen: str
    """The class of the screen or dialog the state is on."""
    reach: Reach
    seed: Seed | None = None
    message: str | None = None
    """A message that must be in view beside the control it is about, when reached."""


ERROR = ".-invalid .question-error"

CASES = [
    Case("home", "HomeScreen", nothing),
    Case("intake: a refused day", "IntakeScreen", intake_refused_day, message=ERROR),
    Case("intake: loose end needs words", "IntakeScreen", intake_loose_ends_refused, message=ERROR),
    Case("intake: plan, every reason", "IntakeScreen", intake_tall_plan),
    Case("intake: another length refused", "IntakeScreen", intake_custom_refused, message=ERROR),
    Case("intake: checklist", "IntakeScreen", intake_checklist),
    Case("intake: replace the period?", "ConfirmScreen", intake_replace_confirm, running),
    Case("countdown", "CountdownScreen", countdown, running),
    Case("countdown: the whole card", "CountdownScreen", countdown_card_open, running),
    Case(
        "log urge: refused",
        "LogEventScreen",
        partial(log_dialog, key="u", when="later"),
        running,
        ERROR,
    ),
    Case("log slip: needs words", "LogEventScreen", log_slip_without_words, running, ERROR),
    Case(
        "log contact: refused",
        "LogEventScreen",
        partial(log_dialog, key="t", when="30 days ago"),
        running,
        ERROR,
    ),
    Case(
        "log allowed: refused",
        "LogEventScreen",
        partial(log_dialog, key="o", when="2027-01-01 10:00"),
        running,
        ERROR,
    ),
    Case(
        "log sign: refused",
        "LogEventScreen",
        partial(log_dialog, key="e", when="30 days ago"),
        running,
        ERROR,
    ),
    Case("history", "HistoryScreen", history, running),
    Case("sos: allowed reasons", "SosScreen", sos_allowed, running),
    Case("sos: editing reasons", "SosScreen", sos_editing, running),
    Case("sos: people to talk to", "SosScreen", sos_with_people, running_with_people),
    Case("people to talk to: refused", "TrustedPeopleScreen", trusted_refused, running, ERROR),
    Case("help", "HelpScreen", help_on_journal, journal),
    Case("notice: damaged file", "NoticeScreen", nothing, damaged),
    Case("activities", "ActivitiesScreen", activities),
    Case("plan form: past day", "PlanForm", plan_form_past_day, message="#form-message"),
    Case("done form: refused", "DoneForm", done_form_refused, message="#form-message"),
    Case("add form: duplicate", "AddActivityForm", add_form_refused, message="#form-message"),
    Case("check-in: refused", "JournalScreen", checkin_refused, journal, ERROR),
    Case("check-in: chart", "JournalScreen", partial(journal_view, view="chart"), journal),
    Case("check-in: journal", "JournalScreen", partial(journal_view, view="journal"), journal),
    Case("check-in: letters", "JournalScreen", partial(journal_view, view="letters"), journal),
    Case(
        "check-in: patterns",
        "JournalScreen",
        partial(journal_view, view="patterns"),
        seed_patterns,
    ),
    Case("day start: refused", "DayStartScreen", day_start_refused, journal, ERROR),
    Case("edit a day: refused", "EditCheckInScreen", edit_day_refused, journal, ERROR),
    Case("versions of a day", "EntryHistoryScreen", day_versions, journal),
    Case("letter: refused", "LetterEditorScreen", letter_refused, journal, ERROR),
    Case(
        "letter: words offered back",
        "DraftOfferScreen",
        letter_draft_offered,
        journal_with_a_long_draft,
    ),
    Case("readiness: quiz", "ReadinessScreen", readiness_quiz, complete),
    Case("readiness: verdicts", "ReadinessScreen", readiness_verdicts, complete),
    Case("readiness: message check", "ReadinessScreen", message_check, complete),
    Case("lock: a miss", "LockScreen", lock_missed, running, "#lock-message"),
    Case(
        "change passphrase: not the same twice",
        "PassphraseDialog",
        partial(
            privacy_dialog,
            command="Change passphrase",
            typed=("paper boats at dawn", "a new long one", "another long one"),
        ),
        running,
        "#passphrase-message",
    ),
    Case(
        "encrypt: wrong passphrase",
        "PassphraseDialog",
        partial(privacy_dialog, command="Encrypt my data", typed=("not it",)),
        running,
        "#passphrase-message",
    ),
    Case(
        "idle minutes: refused",
        "PassphraseDialog",
        partial(privacy_dialog, command="Lock after", typed=("soon",)),
        running,
        "#passphrase-message",
    ),
]

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((60, 20), id="60x20")]


def _in_view_report(app: App[None], what: str) -> list[str]:
    focused = app.screen.focused
    if focused is None:
        return []
    problem = hidden_part(focused)
    return [] if problem is None else [f"{what}: {problem}"]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
async def test_every_focused_control_is_in_view(
    case: Case,
    size: tuple[int, int],
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
) -> None:
    if case.seed is not None:
        case.seed(data_dir, clock)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await case.reach(pilot)
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == case.screen, "the set-up did not reach its state"
        problems = _in_view_report(app, "on arrival")
        if case.message is not None:
            message = screen.query_one(case.message)
            problem = hidden_part(message)
            if problem is not None:
                problems.append(f"the message: {problem}")
        for step in range(len(screen.focus_chain)):
            await pilot.press("tab")
            await settle(pilot)
            assert app.screen is screen, "Tab left the screen"
            problems += _in_view_report(app, f"after {step + 1} Tab")
        assert not problems, "\n".join(problems)


RESIZES = [
    pytest.param(((60, 20), (40, 12), (100, 30)), id="back-to-100x30"),
    pytest.param(((60, 20),), id="to-60x20"),
    pytest.param(((40, 12), (80, 24)), id="to-80x24"),
]


@pytest.mark.parametrize("resizes", RESIZES)
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
async def test_the_focused_control_stays_in_view_when_the_terminal_resizes(
    case: Case,
    resizes: tuple[tuple[int, int], ...],
    make_app: AppFactory,
    data_dir: Path,
    clock: ManualClock,
) -> None:
    if case.seed is not None:
        case.seed(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await case.reach(pilot)
        await settle(pilot)
        screen = app.screen
        for size in resizes:
            await pilot.resize_terminal(*size)
            await settle(pilot)
        assert app.screen is screen
        problems = _in_view_report(app, "after resizing")
        for step in range(len(screen.focus_chain)):
            await pilot.press("tab")
            await settle(pilot)
            problems += _in_view_report(app, f"after {step + 1} Tab")
        assert not problems, "\n".join(problems)


async def test_a_log_dialog_still_saves_after_resizing(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    running(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await log_slip_without_words(pilot)
        for size in ((60, 20), (40, 12), (100, 30)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
        focused = app.screen.focused
        assert isinstance(focused, Input) and focused.id == "note"
        await type_in(pilot, "opened the old photos")
        await keys(pilot, "ctrl+s")
        assert type(app.screen).__name__ == "CountdownScreen"
        app.coach.file.flush()
    notes = [event["note"] for event in stored(data_dir, "events")]
    assert "opened the old photos" in notes
