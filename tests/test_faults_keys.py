"""Thousands of random keys through every screen: no error, and the data file stays whole.

The keys are seeded, so a failure can be replayed. Quitting keys are left out (the run
would end); every few dozen keys the run jumps to the next screen, so each is reached
whatever the dice say.
"""

from __future__ import annotations

import json
import random
from datetime import timedelta
from pathlib import Path

import pytest
from textual import events
from textual.app import App

from nctui.domain.clock import ManualClock
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.repository import Repository
from nctui.ui.navigation import DESTINATIONS
from tests.fault_data import full_history, write
from tests.helpers import AppFactory

pytestmark = pytest.mark.faults

SEED = 24_000
BURST = 40
"""Keys pressed between two looks at the app."""

SCREEN_KEYS = ["h", "i", "c", "a", "j", "r"]
PRINTABLE = {
    **{char: char for char in "abcdefghijklmnoprstuvwxyz0123456789ABDEHNPSTX"},  # no q: it quits
    "space": " ",
    "slash": "/",
    "question_mark": "?",
    "exclamation_mark": "!",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "full_stop": ".",
    "comma": ",",
    "colon": ":",
}
KEYBOARD: list[tuple[str, str | None]] = [
    *PRINTABLE.items(),
    *(
        (key, None)
        for key in (
            "enter",
            "escape",
            "tab",
            "shift+tab",
            "up",
            "down",
            "left",
            "right",
            "home",
            "end",
            "pageup",
            "pagedown",
            "backspace",
            "delete",
            "f1",
            "f2",
            "ctrl+s",
            "ctrl+a",
            "ctrl+e",
            "ctrl+k",
            "ctrl+u",
            "ctrl+w",
        )
    ),
]
"""Every kind of key a person presses, but the ones that quit or open other programs."""


def _press(app: App[None], keys: list[tuple[str, str | None]]) -> None:
    # Queued at once, as a fast typist's keys arrive: Pilot.press waits ~50 ms per key.
    for key, char in keys:
        app.post_message(events.Key(key, char))


@pytest.mark.parametrize(("start", "count"), [("empty", 1_500), ("full history", 3_000)])
async def test_random_keys_through_every_screen_never_break_anything(
    make_app: AppFactory, data_dir: Path, clock: ManualClock, start: str, count: int
) -> None:
    if start == "full history":
        write(data_dir, full_history(clock()))
    rng = random.Random(f"{SEED}-{start}")
    app = make_app()
    visited: set[str] = set()
    async with app.run_test(size=(80, 24)) as pilot:
        for burst in range(count // BURST):
            # Leave any text box or dialog, then go to the next screen in turn.
            screen = SCREEN_KEYS[burst % len(SCREEN_KEYS)]
            keys = [rng.choice(KEYBOARD) for _ in range(BURST - 3)]
            _press(app, [("escape", None), ("escape", None), (screen, screen)])
            await pilot.pause()
            visited.add(app.current_mode)
            _press(app, keys)
            await pilot.pause()
            assert app._exception is None, f"after burst {burst}: {[k for k, _ in keys]}"
            assert app.is_running
            clock.advance(timedelta(minutes=rng.randint(0, 90)))  # time passes: days, milestones
    assert visited == {target.name for target in DESTINATIONS}
    assert app.coach.file.close() is None
    json.loads((data_dir / DATA_FILE_NAME).read_text())
    reopened = Repository.open(data_dir, clock)
    reopened.close()
    assert reopened.report.moved_aside is None and reopened.report.damage is None
