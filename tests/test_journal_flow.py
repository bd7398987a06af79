"""Check-in & journal from the keyboard: check in, edit, search, letters, bad input."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Input, Static, TabbedContent

from nctui.coach import Coach
from nctui.domain.checkin import CheckInValues
from nctui.domain.clock import ManualClock
from nctui.domain.ledger import Kind
from nctui.storage.checkin_store import CHECKINS, checkin_op
from nctui.storage.letter_store import LETTERS, load_letters
from nctui.storage.ops import Insert
from nctui.storage.repository import Repository
from nctui.ui.app import NctuiApp
from nctui.ui.screens.checkin_editor import EditCheckInScreen
from nctui.ui.screens.confirm import ConfirmScreen
from nctui.ui.screens.countdown import CountdownScreen
from nctui.ui.screens.day_start import DayStartScreen
from nctui.ui.screens.entry_history import EntryHistoryScreen
from nctui.ui.screens.journal import JournalScreen
from nctui.ui.screens.letter_editor import LetterEditorScreen
from nctui.ui.widgets.keybar import KeyBar
from nctui.ui.widgets.writing import WritingBox
from tests.helpers import AppFactory, screen_text, squash, stored
from tests.seeds import DRAFT_TEXT, EDIT, SEALED_TEXT, seed_journal, seed_plan

TODAY = "2026-11-26"


def _days(app: NctuiApp, day: str) -> list[dict[str, Any]]:
    app.coach.file.flush()
    return [doc for doc in stored(app.coach.file.folder, CHECKINS) if doc["day"] == day]


def _showing(app: NctuiApp, kind: type) -> bool:
    # A function, so mypy does not narrow app.screen for the rest of the test.
    return isinstance(app.screen, kind)


def _error(app: NctuiApp) -> str:
    return squash(str(app.screen.query_one(".question-error", Static).content))


async def _type(pilot: Any, text: str) -> None:
    await pilot.press(*text)


async def test_check_in_for_today_then_edit_it_keeping_both(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, today=False)
    app = make_app()
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.press("j")
        await pilot.pause()
        assert _showing(app, JournalScreen)
        assert "How is today?" in screen_text(app)
        # No box has the cursor yet, so the view keys (digits) cannot land in the mood
        # box; Enter starts the check-in there.
        assert getattr(app.focused, "id", None) is None
        assert "Enter starts your check-in" in screen_text(app)
        await pilot.press("enter")
        assert getattr(app.focused, "id", None) == "rating-mood"
        await pilot.press("6", "enter", "3", "enter", "up", "up", "enter")
        assert isinstance(app.focused, WritingBox)
        await _type(pilot, "Calm day.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (saved,) = _days(app, TODAY)
        assert (saved["mood"], saved["miss"], saved["urge"], saved["text"]) == (
            6,
            3,
            1,
            "Calm day.",
        )
        assert "Checked in at 09:30" in screen_text(app)
        assert any("Checked in" in note.message for note in app._notifications)

        # Edit today's check-in: a new version, the first one kept.
        box = app.screen.query_one(WritingBox)
        box.focus()
        box.move_cursor(box.document.end)
        await _type(pilot, " Then a walk.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        first, second = _days(app, TODAY)
        assert first["text"] == "Calm day."
        assert second["text"] == "Calm day. Then a walk."

        # Saving again with nothing changed adds nothing.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(_days(app, TODAY)) == 2

        # The dashboard says so, quietly.
        await pilot.press("escape", "c")
        await pilot.pause()
        assert _showing(app, CountdownScreen)
        assert "Check-in      done today" in screen_text(app)


async def test_the_key_bar_offers_leave_box_only_while_typing(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, today=False)
    app = make_app()

    def keys() -> str:
        return squash(str(app.screen.query_one(KeyBar).render()))

    async with app.run_test(size=(100, 32)) as pilot:
        assert "Leave box" not in keys()  # the dashboard: nothing to type in
        await pilot.press("j")
        await pilot.pause()
        assert "Leave box" not in keys()  # no box has the cursor on arrival
        await pilot.press("enter")
        assert "Leave box" in keys()  # the mood box
        await pilot.press("6", "enter", "3", "enter", "up", "up", "enter")
        await pilot.pause()
        assert isinstance(app.focused, WritingBox)
        assert "Leave box" in keys()  # the journal entry
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen.focused, WritingBox)
        assert "Leave box" not in keys()


async def test_the_dashboard_says_when_todays_checkin_is_still_to_do(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert "Check-in      not yet · j" in screen_text(app)


async def test_bad_ratings_and_an_empty_checkin_are_named_and_nothing_is_saved(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, today=False)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        saved_before = stored(data_dir, CHECKINS)
        screen = app.screen
        mood, miss, urge = (
            screen.query_one(f"#rating-{name}", Input) for name in ("mood", "miss", "urge")
        )
        for values, message, focused in [
            (("", "", ""), "Nothing to save yet", mood),
            (("11", "3", "2"), "Mood goes from 1 to 10; 11 is outside that", mood),
            (("0", "3", "2"), "Mood goes from 1 to 10; 0 is outside that", mood),
            (("6", "lots", "2"), "Missing them takes a number from 0 to 10", miss),
            (("6", "-2", "2"), "Missing them goes from 0 to 10; -2 is outside that", miss),
            (("6", "3", "7.5"), "Urge to reach out: whole numbers only", urge),
            (("6", "3", ""), "Urge to reach out: choose a number from 0 to 10", urge),
        ]:
            mood.value, miss.value, urge.value = values
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert message in _error(app), message
            assert app.focused is focused
            assert _showing(app, JournalScreen)
        assert _days(app, TODAY) == []
        assert stored(data_dir, CHECKINS) == saved_before


async def test_a_megabyte_entry_is_refused_and_the_text_stays(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, today=False)
    app = make_app()
    megabyte = "word " * 209_716  # 1,048,580 characters
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        box = app.screen.query_one(WritingBox)
        box.focus()
        await _type(pilot, "Kept.")
        # A pasted megabyte is not inserted at all: the box stays quick and keeps its text.
        box.post_message(events.Paste(megabyte))
        await pilot.pause()
        assert box.text == "Kept."
        assert "That paste is 1,048,580 characters" in _error(app)
        assert app.focused is box
        # One typed or loaded past the limit is refused on saving, and stays in the box.
        box.load_text(megabyte)
        for name, value in (("mood", "5"), ("miss", "5"), ("urge", "5")):
            app.screen.query_one(f"#rating-{name}", Input).value = value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "1,048,579 characters; one entry holds up to 20,000" in _error(app)
        assert app.focused is box
        assert len(box.text) == len(megabyte)
        assert _days(app, TODAY) == []


async def test_control_characters_never_reach_the_terminal(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    hostile = "Before\x1b[2J\x1b[31mred\x07\x00\x08after\x1b]0;title\x07 end"
    repository = Repository.open(data_dir, clock)
    # As if written by hand into the file, or by an older nctui: shown, never obeyed.
    repository.apply(
        Insert(
            CHECKINS,
            {
                "id": "hostile",
                "day": "2026-11-25",
                "mood": 5,
                "miss": 5,
                "urge": 5,
                "at": "2026-11-25T21:00:00+00:00",
                "text": hostile,
            },
        )
    )
    assert repository.close() is None
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("escape", "3", "down")
        await pilot.pause()
        shown = screen_text(app)
        assert "Before␛[2J␛[31mred␇␀␈after␛]0;title␇ end" in shown
        assert "\x1b" not in shown and "\x07" not in shown
        assert "3 Journal" in shown and "Wednesday 25 November 2026" in shown
        # Pasting the same into today's journal box drops the controls before they land.
        await pilot.press("1")
        await pilot.pause()
        box = app.screen.query_one(WritingBox)
        box.load_text("")
        box.focus()
        box.post_message(events.Paste(hostile))
        await pilot.pause()
        assert box.text == "Beforeredafter end"
        search = app.screen.query_one("#journal-search", Input)
        search.post_message(events.Paste("sea\x1b[31m\x00"))
        await pilot.pause()
        assert search.value == "sea"


async def test_search_the_journal_and_read_an_entry(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("escape", "slash")
        await pilot.pause()
        assert getattr(app.focused, "id", None) == "journal-search"
        await _type(pilot, "SEA walked")
        await pilot.pause()
        shown = screen_text(app)
        assert "Slept well for once. Walked by the sea" in shown
        assert "Tuesday 24 November 2026" in shown
        assert "Pottery" not in shown
        search = app.screen.query_one("#journal-search", Input)
        search.value = "mountains"
        await pilot.pause()
        assert "Nothing found for “mountains”" in screen_text(app)
        search.value = ""
        await pilot.press("enter")
        await pilot.pause()
        # Browse by date: newest first, the arrows move back (the 25th was missed).
        assert "Thursday 26 November 2026" in screen_text(app)
        await pilot.press("down")
        await pilot.pause()
        assert "Tuesday 24 November 2026" in screen_text(app)


async def test_edit_a_past_day_and_see_every_version(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("escape", "3")
        await pilot.pause()
        await pilot.press("down", "down")  # Mon 23 Nov (the 25th has no check-in)
        await pilot.press("e")
        await pilot.pause()
        assert _showing(app, EditCheckInScreen)
        assert str(app.screen.query_one(".dialog-title", Static).content).endswith(
            "Monday 23 November 2026"
        )
        await _type(pilot, "Added later.")
        # Esc with a change asks first; "Keep editing" goes back to the text.
        await pilot.press("escape")
        await pilot.pause()
        assert _showing(app, ConfirmScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert _showing(app, EditCheckInScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _showing(app, JournalScreen)
        before, after = _days(app, "2026-11-23")
        assert after["text"] == "Added later." and "text" not in before
        await pilot.press("v")
        await pilot.pause()
        assert _showing(app, EntryHistoryScreen)
        shown = screen_text(app)
        assert "Version 2 (current)" in shown and "Version 1" in shown
        assert "Added later." in shown and "(No journal words.)" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert _showing(app, JournalScreen)


async def test_an_edited_day_found_by_its_earlier_words(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("escape", "slash")
        await _type(pilot, "lighter")
        await pilot.pause()
        assert EDIT.strip() in squash(screen_text(app))


async def test_write_a_letter_and_seal_it(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("escape", "4")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert _showing(app, LetterEditorScreen)
        assert "seals it until your period ends, Fri 11 Dec 2026, 04:42" in squash(screen_text(app))
        await pilot.press("ctrl+s")  # empty: refused, nothing saved
        await pilot.pause()
        assert "The letter is empty" in _error(app)
        await _type(pilot, "I hope you are well.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert _showing(app, JournalScreen)
        app.coach.file.flush()
        letters = stored(data_dir, LETTERS)
        (new,) = [doc for doc in letters if doc["text"] == "I hope you are well."]
        assert new["sealed"] == "2026-11-26T09:30:00+00:00"
        shown = screen_text(app)
        assert "✉ Sealed · Thu 26 Nov 2026" in shown
        assert "I hope you are well." not in shown  # sealed words are never shown
        assert any("Sealed until Fri 11 Dec 2026" in n.message for n in app._notifications)


async def test_unseal_early_only_after_a_gentle_question(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("escape", "4")
        await pilot.pause()
        await pilot.press("down")  # the older, sealed letter
        await pilot.pause()
        assert SEALED_TEXT not in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        assert _showing(app, ConfirmScreen)
        assert "Open this letter early?" in screen_text(app)
        await pilot.press("enter")  # the focused choice keeps it sealed
        await pilot.pause()
        assert _showing(app, JournalScreen)
        assert SEALED_TEXT not in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("tab", "enter")  # "Open it now"
        await pilot.pause()
        assert SEALED_TEXT in squash(screen_text(app))
        assert "opened early" in screen_text(app)
        app.coach.file.flush()
    (opened,) = [doc for doc in stored(data_dir, LETTERS) if doc["text"] == SEALED_TEXT]
    assert opened["early"] is True and opened["opened"] == "2026-11-26T09:30:00+00:00"


async def test_a_draft_is_kept_on_escape_and_every_draft_text_stays(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("escape", "4")
        await pilot.pause()
        assert DRAFT_TEXT[:40] in screen_text(app)  # a draft can be read
        await pilot.press("enter")
        await pilot.pause()
        assert _showing(app, LetterEditorScreen)
        await _type(pilot, " More.")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")  # seal it as it is
        await pilot.pause()
        app.coach.file.flush()
    (draft,) = [doc for doc in stored(data_dir, LETTERS) if doc["text"].startswith("There are")]
    assert draft["text"] == DRAFT_TEXT + " More."
    assert draft["earlier"] == [DRAFT_TEXT]
    assert "sealed" in draft


async def test_my_day_starts_at_a_chosen_hour(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    clock.set(clock() + timedelta(hours=17))  # Friday 27 November, 02:30
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        # 02:30 still belongs to Thursday, which is checked in.
        assert "Thursday 26 November 2026" in screen_text(app)
        assert "Checked in at 08:30" in screen_text(app)
        await pilot.press("escape", "d")
        await pilot.pause()
        assert _showing(app, DayStartScreen)
        box = app.screen.query_one(Input)
        for typed, message in (("13", "from 00:00 to 12:00"), ("2:30", "Whole hours only")):
            box.value = typed
            await pilot.press("enter")
            await pilot.pause()
            assert message in _error(app)
            assert app.focused is box
        box.value = "2"
        await pilot.press("enter")
        await pilot.pause()
        assert _showing(app, JournalScreen)
        # With the day starting at 02:00, it is Friday now, not checked in yet.
        shown = screen_text(app)
        assert "Friday 27 November 2026" in shown and "How is today?" in shown
        assert "your day starts at 02:00" in shown


def test_what_the_readiness_quiz_reads(data_dir: Path, clock: ManualClock) -> None:
    seed_journal(data_dir, clock, today=False)
    coach = Coach.open(data_dir, clock)
    try:
        assert not coach.journal.checked_in_today()
        found = coach.journal.period_trend()
        assert found.change == 3.5
        assert found.sentence == "Mood is up 3.5 points on average since your first week."
        # Letters: sealed until a period is complete, then opened together.
        assert coach.letters.open_due() == []
        clock.advance(timedelta(days=15))  # past the end of the 45 days
        assert [letter.text for letter in coach.letters.open_due()] == [SEALED_TEXT]
        opened = {letter.text: letter for letter in load_letters(coach.repository)}
        assert opened[SEALED_TEXT].opened_at == clock()
        assert not opened[SEALED_TEXT].opened_early
        assert opened[DRAFT_TEXT].opened_at is None  # a draft is never opened for you
    finally:
        coach.file.close()


async def test_typing_across_the_day_start_keeps_every_word(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    clock.set(clock().replace(hour=3, minute=58))  # Thursday night, before 04:00
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("enter", "6", "enter", "3", "enter", "2", "enter")
        await _type(pilot, "Up late, writing.")
        clock.set(clock().replace(hour=4, minute=1))  # the day turns mid-sentence
        app.screen._tick()  # type: ignore[attr-defined]
        await pilot.pause()
        assert "Up late, writing." in screen_text(app)
        assert "started before the day turned" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        (saved,) = _days(app, "2026-11-25")  # the day it was started for
        assert saved["text"] == "Up late, writing."
        assert _days(app, TODAY) == []


@pytest.mark.parametrize("size", [(100, 32), (80, 24)])
async def test_contact_and_allowed_contact_on_one_day_both_show_on_the_chart(
    make_app: AppFactory, data_dir: Path, clock: ManualClock, size: tuple[int, int]
) -> None:
    seed_plan(
        data_dir,
        clock,
        days_ago=6,
        events=(
            (Kind.URGE, 2.3, None, ""),
            (Kind.SLIP, 2.2, "social_media", ""),
            (Kind.CONTACT, 2.1, None, ""),
            (Kind.ALLOWED, 2.0, "property", ""),
        ),
    )
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("j", "2")
        await pilot.pause()
        plot = app.screen.query_one("PlotextPlot")
        drawn = "\n".join(strip.text for strip in plot.render_lines(plot.region.reset_offset))
        # Every kind on the same day, each on its own row of the plot (the legend is
        # outside it), so none hides another.
        rows = {
            mark: [n for n, line in enumerate(drawn.splitlines()) if mark in line]
            for mark in "•x●○"
        }
        assert all(len(found) == 1 for found in rows.values()), rows
        assert len({found[0] for found in rows.values()}) == 4


async def test_a_new_letter_is_highlighted_so_s_seals_it(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j", "4")
        await pilot.pause()
        await pilot.press("down")  # the older letter: the new one is written above it
        await pilot.press("w")
        await pilot.pause()
        await _type(pilot, "A short one.")
        await pilot.press("escape")  # kept as a draft
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        app.coach.file.flush()
    (new,) = [doc for doc in stored(data_dir, LETTERS) if doc["text"] == "A short one."]
    assert new["sealed"] == "2026-11-26T09:30:00+00:00"


async def test_esc_clears_the_journal_search(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j", "slash")
        await pilot.pause()
        await _type(pilot, "pottery")
        await pilot.pause()
        assert "Tue 24 Nov 2026" not in screen_text(app)
        await pilot.press("escape")  # in the box: cleared, and back to the days
        await pilot.pause()
        search = app.screen.query_one("#journal-search", Input)
        assert search.value == ""
        assert getattr(app.focused, "id", None) == "journal-days"
        assert "Tue 24 Nov 2026" in screen_text(app)
        # From the list, Esc clears a search left in place with Enter.
        await pilot.press("slash")
        await _type(pilot, "sea")
        await pilot.press("enter")
        await pilot.pause()
        assert search.value == "sea"
        await pilot.press("escape")
        await pilot.pause()
        assert search.value == ""


async def test_a_message_goes_once_its_part_is_fixed(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, today=False)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j", "enter")
        await pilot.pause()
        await pilot.press("1", "1", "ctrl+s")
        await pilot.pause()
        assert "Mood goes from 1 to 10" in _error(app)
        await pilot.press("backspace")  # 1: right now
        await pilot.pause()
        assert _error(app) == ""
        assert not app.screen.query_one(".checkin-form").has_class("-invalid")


async def test_letter_dates_are_shown_in_local_time(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=5)
    repository = Repository.open(data_dir, clock)
    # Written late on the 25th in New York: already the 26th here in London.
    repository.apply(
        Insert(LETTERS, {"id": "ny", "written": "2026-11-25T23:30:00-05:00", "text": "Hi."})
    )
    assert repository.close() is None
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j", "4")
        await pilot.pause()
        shown = screen_text(app)
        assert "✎ Draft · Thu 26 Nov 2026" in shown
        assert "Wed 25 Nov" not in shown


async def test_the_journal_box_opens_with_the_cursor_after_the_words(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    repository = Repository.open(data_dir, clock)
    repository.apply(checkin_op(clock().date(), CheckInValues(5, 5, 5, "Morning words."), clock()))
    assert repository.close() is None
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j", "enter")
        await pilot.pause()
        box = app.screen.query_one(WritingBox)
        assert app.focused is box  # every number is there: Enter goes to the words
        await _type(pilot, " Evening.")
        assert box.text == "Morning words. Evening."


async def test_every_number_key_from_every_view(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, today=False)
    app = make_app()
    views = {"1": "today", "2": "chart", "3": "journal", "4": "letters", "5": "patterns"}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        tabs = app.screen.query_one(TabbedContent)
        mood = app.screen.query_one("#rating-mood", Input)
        for start, view in views.items():
            for digit in "1234567890":
                await pilot.press(start)
                await pilot.pause()
                assert tabs.active == view
                await pilot.press(digit)
                await pilot.pause()
                # 1 to 5 switch views from anywhere; the others do nothing at all.
                assert tabs.active == views.get(digit, view), (start, digit)
                assert mood.value == ""
        # In the mood box, digits are a rating; Esc leaves it and 4 is Letters again.
        await pilot.press("1", "enter", "4", "2")
        assert mood.value == "42"
        assert tabs.active == "today"
        await pilot.press("escape", "4")
        await pilot.pause()
        assert tabs.active == "letters"
