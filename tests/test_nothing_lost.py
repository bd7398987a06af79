"""Nothing you write is lost: every unsaved part of a form (numbers, choices, notes)
survives a quit, a closed terminal and Esc pressed in a hurry, and comes back where the
person left it."""

from __future__ import annotations

import os
import signal
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from nctui.domain.clock import ManualClock
from nctui.storage.checkin_store import CHECKINS
from nctui.storage.draft_store import DRAFTS, draft_op
from nctui.storage.letter_store import LETTERS
from nctui.storage.repository import Repository
from nctui.ui.app import NctuiApp
from nctui.ui.screens.checkin_editor import EditCheckInScreen
from nctui.ui.screens.confirm import ConfirmScreen
from nctui.ui.screens.countdown import CountdownScreen
from nctui.ui.screens.draft_offer import DraftOfferScreen
from nctui.ui.screens.journal import JournalScreen
from nctui.ui.screens.log_event import LogEventScreen
from nctui.ui.widgets.writing import WritingBox
from tests.helpers import AppFactory, screen_text, squash, stored
from tests.seeds import DRAFT_TEXT, seed_journal, seed_plan

TODAY = "checkin:2026-11-26"


def _drafts(data_dir: Path) -> dict[str, dict[str, Any]]:
    """The drafts in the data file, by editor."""
    return {doc["editor"]: doc for doc in stored(data_dir, DRAFTS)}


async def _keys(pilot: Any, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def _box(app: NctuiApp) -> WritingBox:
    return app.screen.query_one(WritingBox)


async def test_keep_going_puts_the_cursor_back_after_the_last_word(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, today=False)
    repository = Repository.open(data_dir, clock)
    repository.apply(draft_op(TODAY, "A slow morning.", clock() - timedelta(hours=1)))
    assert repository.close() is None
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _keys(pilot, "j")
        assert isinstance(app.screen, DraftOfferScreen)
        await _keys(pilot, "enter")  # Keep going
        assert isinstance(app.screen, JournalScreen)
        box = _box(app)
        assert app.focused is box
        assert box.cursor_location == box.document.end
        # Letters are words again, not view keys or commands.
        await _keys(pilot, *" 2 views", "q")
        assert isinstance(app.screen, JournalScreen)
        assert box.text == "A slow morning. 2 viewsq"
        await pilot.press("ctrl+q")


def _ratings(app: NctuiApp) -> tuple[str, str, str]:
    mood, miss, urge = (
        app.screen.query_one(f"#rating-{name}", Input).value for name in ("mood", "miss", "urge")
    )
    return mood, miss, urge


async def test_the_numbers_of_an_unsaved_check_in_survive_ctrl_q(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, today=False)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _keys(pilot, "j", "enter", "6", "enter", "3", "enter")
        await pilot.press("ctrl+q")
    assert "today's check-in" in (app.goodbye or "")
    assert _drafts(data_dir)[TODAY]["fields"] == {"mood": "6", "miss": "3", "urge": ""}

    clock.advance(timedelta(hours=1))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _keys(pilot, "j")
        assert isinstance(app.screen, DraftOfferScreen)
        assert "Mood 6 · Missing them 3" in squash(screen_text(app))
        await _keys(pilot, "enter")
        assert _ratings(app) == ("6", "3", "")
        # Back where the check-in goes on: the one number still to give.
        assert app.focused is app.screen.query_one("#rating-urge", Input)
        await _keys(pilot, "2", "ctrl+s")
        app.coach.file.flush()
        (saved,) = [doc for doc in stored(data_dir, CHECKINS) if doc["day"] == "2026-11-26"]
        assert (saved["mood"], saved["miss"], saved["urge"]) == (6, 3, 2)
        assert _drafts(data_dir) == {}
        await pilot.press("ctrl+q")
    assert app.goodbye is None


async def test_a_changed_number_on_an_earlier_day_survives_ctrl_q(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _keys(pilot, "j", "3", "down", "down", "e")  # Mon 23 Nov
        assert isinstance(app.screen, EditCheckInScreen)
        before = _ratings(app)
        await _keys(pilot, "shift+tab", "shift+tab", "shift+tab", "ctrl+u", "4")
        await pilot.press("ctrl+q")
    assert _drafts(data_dir)["checkin:2026-11-23"]["fields"]["mood"] == "4"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _keys(pilot, "j", "3", "down", "down", "e")
        assert isinstance(app.screen, DraftOfferScreen)
        await _keys(pilot, "enter")
        assert isinstance(app.screen, EditCheckInScreen)
        assert before[0] != "4"
        assert _ratings(app) == ("4", *before[1:])
        await pilot.press("ctrl+q")


def _note(app: NctuiApp) -> Input:
    return app.screen.query_one("#note", Input)


async def test_a_ledger_note_survives_ctrl_q_and_is_offered_back(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _keys(pilot, "c", "s", "down", "down")  # a slip: texted after drinking
        await _keys(pilot, "enter", "ctrl+u", *"21:30", "enter")
        await _keys(pilot, *"Wine with Sam, then the old thread")
        await pilot.press("ctrl+q")
    assert "the slip you were logging" in (app.goodbye or "")
    kept = _drafts(data_dir)["event:slip"]
    assert kept["text"] == "Wine with Sam, then the old thread"
    assert kept["fields"]["detail"] == "drunk_message"
    assert kept["fields"]["when"] == "21:30"

    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        waiting = " ".join(n.message for n in app._notifications)
        assert "the slip you were logging (s)" in waiting
        await _keys(pilot, "s")
        assert isinstance(app.screen, DraftOfferScreen)
        assert "Texted or called after drinking" in squash(screen_text(app))
        await _keys(pilot, "enter")
        assert isinstance(app.screen, LogEventScreen)
        note = _note(app)
        assert note.value == "Wine with Sam, then the old thread"
        assert app.screen.query_one("#when", Input).value == "21:30"
        assert app.focused is note and note.cursor_position == len(note.value)
        assert app.screen.region.contains_region(note.region)  # in view, not below the fold
        await _keys(pilot, *".", "ctrl+s")
        event = app.coach.ledger.recent(1)[0]
        assert (event.detail, event.note) == (
            "drunk_message",
            "Wine with Sam, then the old thread.",
        )
        app.coach.file.flush()
        assert _drafts(data_dir) == {}
        await pilot.press("ctrl+q")
    assert app.goodbye is None


async def test_esc_asks_before_throwing_a_note_away(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _keys(pilot, "c", "u", *"Scrolled back through our photos for an hour", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await _keys(pilot, "escape")  # the safe answer: back to the note
        assert isinstance(app.screen, LogEventScreen)
        assert _note(app).value == "Scrolled back through our photos for an hour"
        await _keys(pilot, "escape", "left", "enter")  # "Throw it away"
        assert isinstance(app.screen, CountdownScreen)
        app.coach.file.flush()
        assert "event:urge" not in _drafts(data_dir)
        # A few words matter too: "called him a liar" is asked about like a page.
        await _keys(pilot, "u", *"called him a liar", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await _keys(pilot, "escape")
        assert _note(app).value == "called him a liar"
        # An empty note, or only spaces, has nothing to lose: Esc just closes.
        await _keys(pilot, *["backspace"] * 17, *"   ", "escape")
        assert isinstance(app.screen, CountdownScreen)
        await pilot.press("ctrl+q")
    assert app.goodbye is None


async def test_the_sos_wait_and_allowed_reason_survive_ctrl_q(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=3)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _keys(pilot, "exclamation_mark", "plus", "plus", "y", "enter")  # belongings
        await pilot.press("ctrl+q")
    assert "Logged as allowed contact: returning or collecting belongings." in (app.goodbye or "")
    app.coach.file.close()
    assert [(e["kind"], e["detail"]) for e in stored(data_dir, "events")] == [
        ("allowed", "property")
    ]
    app = make_app()
    assert app.coach.settings.sos_delay() == 20


async def test_sealing_a_letter_with_unsaved_words_asks_and_seals_them_too(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _keys(pilot, "j", "4", "enter")  # the draft letter
        await _keys(pilot, *" And more.")
        await pilot.press("ctrl+q")
    letter_id = next(doc["id"] for doc in stored(data_dir, LETTERS) if doc["text"] == DRAFT_TEXT)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _keys(pilot, "j", "4", "s")
        assert isinstance(app.screen, ConfirmScreen)
        assert "not saved yet" in squash(screen_text(app))
        await _keys(pilot, "escape")  # not now: nothing sealed, the words still kept
        assert app.coach.letters.get(letter_id).sealed_at is None  # type: ignore[union-attr]
        await _keys(pilot, "s", "right", "enter")  # seal, with the words
        letter = app.coach.letters.get(letter_id)
        assert letter is not None and letter.sealed_at is not None
        assert letter.text == DRAFT_TEXT + " And more."
        app.coach.file.flush()
        assert _drafts(data_dir) == {}
        await pilot.press("ctrl+q")


@pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="no SIGTERM on this system")
async def test_asked_to_stop_keeps_the_words_and_exits_as_shells_expect(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _keys(pilot, "c", "u", *"Wanted to call")
        os.kill(os.getpid(), signal.SIGTERM)
        await pilot.pause()
    assert app.return_code == 128 + signal.SIGTERM
    assert "Kept as a draft, not saved yet: the urge you were logging." in (app.goodbye or "")
    app.coach.file.close()
    assert _drafts(data_dir)["event:urge"]["text"] == "Wanted to call"


async def test_asked_to_stop_with_nothing_unsaved_says_nothing(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        os.kill(os.getpid(), signal.SIGTERM)
        await pilot.pause()
    assert app.return_code == 128 + signal.SIGTERM
    assert app.goodbye is None
