"""Small helpers shared by the UI tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import pytest
from textual import events
from textual.app import App
from textual.pilot import Pilot

from nctui.coach import Changes
from nctui.ui.app import NctuiApp

AppFactory = Callable[[], NctuiApp]
"""The `make_app` fixture: builds an app on the test's data folder and frozen clock."""

SnapCompare = Callable[..., bool]
"""The `snap_compare` fixture of pytest-textual-snapshot."""

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
"""The two terminal sizes every screen's snapshots are taken at."""


def screen_text(app: App[Any]) -> str:
    """What the active screen shows right now, as plain text, one line per row."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text.rstrip() for strip in strips)


def squash(text: str) -> str:
    """Text with runs of white space made single, for matching wrapped phrases."""
    return " ".join(text.split())


def stored(data_dir: Path, table: str) -> list[dict[str, Any]]:
    """One table's documents as they are in the data file, in the order they were added."""
    data = json.loads((data_dir / "nctui.json").read_text())
    return list(data.get(table, {}).values())


_HEARD: WeakKeyDictionary[NctuiApp, list[Changes]] = WeakKeyDictionary()


def notices(app: NctuiApp) -> list[Changes]:
    """Every change notice the app's coach has given since this was first asked."""
    heard = _HEARD.get(app)
    if heard is None:
        heard = _HEARD[app] = []
        app.coach.listen(heard.append)
    return heard


async def take_in_changes(app: NctuiApp, pilot: Pilot[None]) -> None:
    """Have the app look for another window's changes now, and take them in (the poll
    that runs every few seconds, by hand)."""
    app._poll_storage()
    await app.workers.wait_for_complete([w for w in app.workers if w.group == "reload"])
    await pilot.pause()


async def burst(pilot: Pilot[None], *keys: str) -> None:
    """Send keys as a fast typist or a paste of keystrokes does: all queued at once,
    before the app has handled the first."""
    driver = pilot.app._driver
    assert driver is not None
    for key in keys:
        character = key if len(key) == 1 else {"space": " ", "tab": "\t"}.get(key)
        event = events.Key(key, character)
        event.set_sender(pilot.app)
        driver.send_message(event)
    for _ in range(6):
        await pilot.pause()
