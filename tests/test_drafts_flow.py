"""Nothing typed is lost: words not saved yet survive a quit, a closed terminal and a
crash as drafts, and are offered back when their editor opens again."""

from __future__ import annotations

import os
import signal
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Static

from nctui.domain.clock import ManualClock
from nctui.domain.drafts import NEW_LETTER_EDITOR, SOS_REASONS_EDITOR
from nctui.storage.checkin_store import CHECKINS
from nctui.storage.draft_store import DRAFTS, draft_op
from nctui.storage.letter_store import LETTERS, load_letters, redraft_op
from nctui.storage.ops import Op
from nctui.storage.repository import Repository
from nctui.storage.settings import SETTINGS_TABLE
from nctui.ui.app import NctuiApp
from nctui.ui.screens.checkin_editor import EditCheckInScreen
from nctui.ui.screens.confirm import ConfirmScreen
from nctui.ui.screens.draft_offer import DraftOfferScreen
from nctui.ui.screens.journal import JournalScreen
from nctui.ui.screens.letter_editor import LetterEditorScreen
from nctui.ui.screens.sos import SosScreen
from nctui.ui.widgets.text_input import TextBox
from nctui.ui.widgets.writing import WritingBox
from tests.conftest import LONDON
from tests.helpers import AppFactory, screen_text, squash, stored, take_in_changes
from tests.seeds import DRAFT_TEXT, seed_journal, seed_plan

TODAY = "checkin:2026-11-26"


def _showing(app: NctuiApp, kind: type) -> bool:
    return isinstance(app.screen, kind)


def _drafts(data_dir: Path) -> dict[str, str]:
    """The drafts in the data file, by editor."""
    return {doc["editor"]: doc["text"] for doc in stored(data_dir, DRAFTS)}


async def _type(pilot: Any, text: str) -> None:
    await pilot.press(*text)


async def _to_letters(pilot: Any) -> None:
    await pilot.press("j")
    await pilot.pause()
    await pilot.press("4")
    await pilot.pause()


async def test_todays_words_survive_ctrl_q_and_are_offered_back(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, today=False)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("enter", "6", "enter", "3", "enter", "2", "enter")
        await _type(pilot, "A slow morning.")
        await pilot.press("ctrl+q")
        await pilot.pause()
    # Said once the app has closed, where it cannot be missed; no question asked.
    assert app.goodbye == (
        "Kept as a draft, not saved yet: today's check-in. "
        "nctui offers it back when you open it again."
    )
    assert _drafts(data_dir) == {TODAY: "A slow morning."}
    assert not [doc for doc in stored(data_dir, CHECKINS) if doc["day"] == "2026-11-26"]

    clock.advance(timedelta(hours=3))
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        assert _showing(app, DraftOfferScreen)
        shown = squash(screen_text(app))
        assert "You were writing this earlier today at 09:30" in shown
        assert "A slow morning." in shown
        await pilot.press("enter")  # "Keep going", the choice already focused
        await pilot.pause()
        assert _showing(app, JournalScreen)
        box = app.screen.query_one(WritingBox)
        assert box.text == "A slow morning."
        assert app.focused is box
        assert box.cursor_location == box.document.end  # new words go after the old
        await _type(pilot, " Better now.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.coach.file.flush()
        # Saved, the draft has done its job: gone, and the check-in has the words.
        assert _drafts(data_dir) == {}
        (saved,) = [doc for doc in stored(data_dir, CHECKINS) if doc["day"] == "2026-11-26"]
        assert saved["text"] == "A slow morning. Better now."
        await pilot.press("ctrl+q")
    assert app.goodbye is None  # nothing unsaved: nothing to say


async def test_discarding_the_offer_forgets_the_words(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, today=False)
    repository = Repository.open(data_dir, clock)
    repository.apply(draft_op(TODAY, "Not this.", clock() - timedelta(days=2)))
    assert repository.close() is None
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        said = str(app.screen.query_one(".dialog-text", Static).content)
        assert said.startswith("You were writing this on Tue 24 Nov at 09:30")
        await pilot.press("escape")  # Esc keeps, like "Keep going": nothing lost in a hurry
        await pilot.pause()
        assert app.screen.query_one(WritingBox).text == "Not this."
    assert _drafts(data_dir) == {TODAY: "Not this."}
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("left", "enter")  # "Discard them"
        await pilot.pause()
        assert _showing(app, JournalScreen)
        assert app.screen.query_one(WritingBox).text == ""
        app.coach.file.flush()
        assert _drafts(data_dir) == {}


async def test_a_new_letter_survives_a_quit_and_becomes_a_letter_only_when_kept(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await _to_letters(pilot)
        await pilot.press("w")
        await pilot.pause()
        await _type(pilot, "Dear you,")
        await pilot.press("ctrl+q")
    assert app.goodbye is not None and "not saved yet: your letter." in app.goodbye
    assert _drafts(data_dir) == {NEW_LETTER_EDITOR: "Dear you,"}
    assert "Dear you," not in [doc["text"] for doc in stored(data_dir, LETTERS)]

    app = make_app()
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await _to_letters(pilot)
        assert "a new letter (4, then w)" in " ".join(n.message for n in app._notifications)
        await pilot.press("w")
        await pilot.pause()
        assert _showing(app, DraftOfferScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert _showing(app, LetterEditorScreen)
        await _type(pilot, " I am all right.")
        await pilot.press("escape")  # keep it as a letter draft
        await pilot.pause()
        app.coach.file.flush()
        assert _drafts(data_dir) == {}
        texts = [letter.text for letter in app.coach.letters.all()]
        assert "Dear you, I am all right." in texts
        # The new letter is the highlighted one, so s seals it straight away.
        await pilot.press("s")
        await pilot.pause()
        app.coach.file.flush()
        (kept,) = [doc for doc in stored(data_dir, LETTERS) if doc["text"].startswith("Dear")]
        assert "sealed" in kept


async def test_going_on_with_a_letter_draft_and_q_from_a_dialog(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await _to_letters(pilot)
        await pilot.press("enter")  # the draft letter
        await pilot.pause()
        assert _showing(app, LetterEditorScreen)
        await _type(pilot, " And more.")
        # F2 opens SOS over the letter; q there quits nctui.
        await pilot.press("f2")
        await pilot.pause()
        assert _showing(app, SosScreen)
        await pilot.press("q")
        await pilot.pause()
    letter_id = next(doc["id"] for doc in stored(data_dir, LETTERS) if doc["text"] == DRAFT_TEXT)
    assert _drafts(data_dir) == {f"letter:{letter_id}": DRAFT_TEXT + " And more."}
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await _to_letters(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert _showing(app, DraftOfferScreen)
        await pilot.press("enter")
        await pilot.pause()
        box = app.screen.query_one(WritingBox)
        assert box.text == DRAFT_TEXT + " And more."
        await pilot.press("ctrl+s")  # sealed: a version of the letter now
        await pilot.pause()
        app.coach.file.flush()
        assert _drafts(data_dir) == {}
        (doc,) = [doc for doc in stored(data_dir, LETTERS) if doc["id"] == letter_id]
        assert doc["text"] == DRAFT_TEXT + " And more." and "sealed" in doc


async def test_words_for_a_letter_sealed_meanwhile_can_start_a_new_one(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    repository = Repository.open(data_dir, clock)
    (draft,) = [letter for letter in load_letters(repository) if letter.sealed_at is None]
    repository.apply(draft_op(f"letter:{draft.id}", "Words for later.", clock()))
    # Sealed in another window before those words were saved: their editor is gone.
    repository.apply(redraft_op(draft, draft.text, clock(), seal=True))
    assert repository.close() is None
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await _to_letters(pilot)
        await pilot.press("w")
        await pilot.pause()
        assert _showing(app, DraftOfferScreen)
        said = str(app.screen.query_one(".dialog-text", Static).content)
        assert said == (
            "You were writing this earlier today at 09:30. The letter you were adding to "
            "has been sealed since, so these words can start a new one."
        )
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(WritingBox).text == "Words for later."
        app.coach.file.flush()
        assert _drafts(data_dir) == {NEW_LETTER_EDITOR: "Words for later."}


async def test_words_for_a_day_never_saved_go_into_today(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=5)
    repository = Repository.open(data_dir, clock)
    repository.apply(draft_op("checkin:2026-11-24", "Late night words.", clock()))
    assert repository.close() is None
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        said = str(app.screen.query_one(".dialog-text", Static).content)
        assert said.endswith("never saved, so these words can go into today's.")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(WritingBox).text == "Late night words."
        app.coach.file.flush()
        assert _drafts(data_dir) == {TODAY: "Late night words."}


async def test_an_earlier_day_being_edited_is_kept_and_offered_on_edit(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("3", "down", "down", "e")  # Mon 23 Nov
        await pilot.pause()
        assert _showing(app, EditCheckInScreen)
        await _type(pilot, "Added later.")
        await pilot.press("escape")  # "Leave without saving?"
        await pilot.pause()
        assert _showing(app, ConfirmScreen)
        await pilot.press("q")  # q from the dialog quits: the words are kept
    assert _drafts(data_dir) == {"checkin:2026-11-23": "Added later."}
    app = make_app()
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.press("j")
        await pilot.pause()
        waiting = " ".join(n.message for n in app._notifications)
        assert "Monday 23 November 2026 (3, then e on that day)" in waiting
        await pilot.press("3", "down", "down", "e")
        await pilot.pause()
        assert _showing(app, DraftOfferScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert _showing(app, EditCheckInScreen)
        assert app.screen.query_one(WritingBox).text == "Added later."
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.coach.file.flush()
        assert _drafts(data_dir) == {}
        days = [doc for doc in stored(data_dir, CHECKINS) if doc["day"] == "2026-11-23"]
        assert days[-1]["text"] == "Added later."


async def test_rewritten_sos_reasons_survive_and_are_saved_once_kept(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=5)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("exclamation_mark", "e")
        await pilot.pause()
        box = app.screen.query_one("#sos-reasons-edit", TextBox)
        assert box.cursor_location == box.document.end  # new words after the old ones
        await _type(pilot, " I deserve calm.")
        await pilot.press("ctrl+q")
    (reasons,) = _drafts(data_dir).values()
    assert reasons.endswith(" I deserve calm.")
    assert app.goodbye is not None and "not saved yet: your reasons." in app.goodbye
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("exclamation_mark", "e")
        await pilot.pause()
        assert _showing(app, DraftOfferScreen)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")  # keep the reasons: saved at once
        await pilot.pause()
        app.coach.file.flush()
        assert _drafts(data_dir) == {}
        settings = {doc["id"]: doc["value"] for doc in stored(data_dir, SETTINGS_TABLE)}
        assert settings["sos_reasons"] == reasons.strip()
        assert SOS_REASONS_EDITOR not in _drafts(data_dir)


async def test_words_are_kept_once_typing_pauses_not_at_every_key(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    app.draft_pause_seconds = 0.3
    writes: list[Op] = []
    typed = "Twenty-two keys typed"
    async with app.run_test(size=(100, 32)) as pilot:
        await _to_letters(pilot)
        await pilot.press("w")
        await pilot.pause()
        apply = app.coach.repository.apply

        def counted(op: Op) -> None:
            writes.append(op)
            apply(op)

        app.coach.repository.apply = counted  # type: ignore[method-assign]
        await _type(pilot, typed)
        for _ in range(100):  # the pause ends on the app's own timer
            if app.coach.drafts.find(NEW_LETTER_EDITOR) is not None:
                break
            await pilot.pause(0.05)
        draft = app.coach.drafts.find(NEW_LETTER_EDITOR)
        assert draft is not None and draft.text == typed
        # One write for the whole burst (two at most on a machine stalled mid-typing),
        # never one per key: each write rewrites the whole data file.
        assert 1 <= len(writes) <= 2 < len(typed)


async def test_nothing_typed_stores_nothing(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await _to_letters(pilot)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("space", "enter", "space")  # white space only
        await pilot.press("ctrl+q")
    assert app.goodbye is None
    assert _drafts(data_dir) == {}


async def test_a_twenty_thousand_character_paste_is_kept_and_one_more_refused(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    page = "x" * 19_999 + "."
    async with app.run_test(size=(100, 32)) as pilot:
        await _to_letters(pilot)
        await pilot.press("w")
        await pilot.pause()
        box = app.screen.query_one(WritingBox)
        box.post_message(events.Paste(page))
        await pilot.pause()
        assert len(box.text) == 20_000
        box.post_message(events.Paste("!!"))  # past the limit: refused, nothing changes
        await pilot.pause()
        message = squash(str(app.screen.query_one(".question-error", Static).content))
        assert "a letter holds up to 20,000, so it was not added" in message
        assert len(box.text) == 20_000
        await pilot.press("ctrl+q")
    assert _drafts(data_dir) == {NEW_LETTER_EDITOR: page}


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP on this system")
async def test_a_closed_terminal_keeps_the_words_and_writes_them_out(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await _to_letters(pilot)
        await pilot.press("w")
        await pilot.pause()
        await _type(pilot, "Written just before the window closed.")
        # Before the pause after typing ends: only the hang-up can keep these words.
        assert app.coach.drafts.find(NEW_LETTER_EDITOR) is None
        os.kill(os.getpid(), signal.SIGHUP)
        await pilot.pause()
        # On disk already, before the app has finished closing.
        assert _drafts(data_dir) == {NEW_LETTER_EDITOR: "Written just before the window closed."}
    # As shells report a process ended by a hang-up: 128 + 1.
    assert app.return_code == 129
    assert app.goodbye == (
        "Kept as a draft, not saved yet: your letter. nctui offers it back when you open it again."
    )


async def test_a_crash_keeps_the_words(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()

    def broken() -> None:
        raise RuntimeError("a bug in nctui")

    with pytest.raises(RuntimeError, match="a bug in nctui"):
        async with app.run_test(size=(100, 32)) as pilot:
            await _to_letters(pilot)
            await pilot.press("w")
            await pilot.pause()
            await _type(pilot, "Still here after the crash.")
            app.call_later(broken)
            await pilot.pause()
    app.coach.file.close()
    assert _drafts(data_dir) == {NEW_LETTER_EDITOR: "Still here after the crash."}


@pytest.mark.parametrize(
    "keys",
    [
        pytest.param(["c", "u"], id="log-event"),
        pytest.param(["c", "v"], id="history"),
        pytest.param(["question_mark"], id="help"),
        pytest.param(["exclamation_mark"], id="sos"),
        pytest.param(["j", "d"], id="day-start"),
        pytest.param(["j", "3", *["down"] * 11, "v"], id="versions"),
        pytest.param(["j", "4", "down", "o"], id="open-early"),
        pytest.param(["j", "4", "w"], id="letter"),
        pytest.param(["a", "p"], id="plan-activity"),
        pytest.param(["ctrl+p"], id="palette"),
    ],
)
async def test_ctrl_q_leaves_cleanly_from_every_dialog(
    make_app: AppFactory, data_dir: Path, clock: ManualClock, keys: list[str]
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        assert app.screen.is_modal
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert app.coach.file.unsaved == 0


def test_a_real_process_keeps_the_words_on_kill_hup(data_dir: Path, clock: ManualClock) -> None:
    pytest.importorskip("pty")
    if not hasattr(signal, "SIGHUP"):
        pytest.skip("no SIGHUP on this system")
    from tests.terminal import Terminal

    # The process runs on the real clock, so its plan starts from the real day.
    seed_journal(data_dir, ManualClock(datetime.now(LONDON)))
    with Terminal([sys.executable, "-m", "nctui", "--data-dir", str(data_dir)]) as term:
        term.wait_for("Countdown")
        term.send("j")
        term.wait_for("4 Letters")
        term.send("4")
        term.wait_for("Draft")
        term.send("w")
        term.wait_for("A letter you will not send")
        term.send("Hangup")
        term.wait_for("Hangup")
        term.hang_up()
        assert term.wait_exit() == 129
    assert _drafts(data_dir) == {NEW_LETTER_EDITOR: "Hangup"}


async def test_a_letter_sealed_in_another_window_while_writing_keeps_both(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await _to_letters(pilot)
        await pilot.press("enter")  # go on with the draft letter
        await pilot.pause()
        (draft,) = [letter for letter in app.coach.letters.all() if not letter.sealed_at]
        # Meanwhile another window seals it as it was, and this one takes that in.
        other = Repository.open(data_dir, clock)
        other.apply(redraft_op(draft, draft.text, clock(), seal=True))
        other.close()
        await take_in_changes(app, pilot)
        await _type(pilot, " Written here.")
        await pilot.press("escape")
        await pilot.pause()
        app.coach.file.flush()
        texts = {doc["text"]: doc for doc in stored(data_dir, LETTERS)}
        assert "sealed" in texts[DRAFT_TEXT]  # the sealed words are as they were sealed
        assert "sealed" not in texts[DRAFT_TEXT + " Written here."]
        assert any("kept as a new letter" in n.message for n in app._notifications)
        assert _drafts(data_dir) == {}
