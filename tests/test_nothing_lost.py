"""Nothing you write is lost: every unsaved part of a form (numbers, choices, notes)
survives a quit, a closed terminal and Esc pressed in a hurry, and comes back where the
person left it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from nctui.domain.clock import ManualClock
from nctui.storage.draft_store import DRAFTS, draft_op
from nctui.storage.repository import Repository
from nctui.ui.app import NctuiApp
from nctui.ui.screens.draft_offer import DraftOfferScreen
from nctui.ui.screens.journal import JournalScreen
from nctui.ui.widgets.writing import WritingBox
from tests.helpers import AppFactory, stored
from tests.seeds import seed_journal

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
