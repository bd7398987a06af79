"""Fixtures shared by every test.

Autouse fixtures keep the person's real data folder and the real clock out of every
test: the data folder points into the test's tmp_path, and the system clock is frozen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from nctui.domain import clock as clock_module
from nctui.domain.clock import ManualClock
from nctui.storage import sealing
from nctui.storage.crypto.cost import ScryptCost
from nctui.storage.repository import Repository
from nctui.ui.app import NctuiApp, create_app

LONDON = ZoneInfo("Europe/London")
FROZEN_NOW = datetime(2026, 11, 26, 9, 30, tzinfo=LONDON)


@pytest.fixture(autouse=True)
def _isolate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may read or write the real data folder, or see the real time."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("NCTUI_DATA_DIR", str(home / "data"))
    monkeypatch.setattr(clock_module, "system_clock", lambda: FROZEN_NOW)


CHEAP_KEY_COST = ScryptCost(n=16, r=1, p=1)
"""The key cost tests make keys with: a few microseconds, where the default takes a
quarter second. Only new keys use it; the default itself is never lowered."""


@pytest.fixture(autouse=True)
def _cheap_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every key a test makes (a passphrase set, encryption turned on) is cheap."""
    monkeypatch.setattr(sealing, "NEW_KEY_COST", CHEAP_KEY_COST)


@pytest.fixture
def clock() -> ManualClock:
    """A clock stopped at Thursday 26 November 2026, 09:30 in London."""
    return ManualClock(FROZEN_NOW)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The data folder, inside the fake home so screens show it as ~/data every run."""
    return tmp_path / "home" / "data"


@pytest.fixture
def repository(data_dir: Path, clock: ManualClock) -> Iterator[Repository]:
    """A repository on the test's data folder, closed (writer stopped) afterwards."""
    opened = Repository.open(data_dir, clock)
    yield opened
    opened.close()


@pytest.fixture
def make_app(data_dir: Path, clock: ManualClock) -> Iterator[Callable[[], NctuiApp]]:
    """Build apps the way `nctui` does, with animation off so screens are steady."""
    apps: list[NctuiApp] = []

    def build() -> NctuiApp:
        app = create_app(data_dir, clock)
        app.animation_level = "none"
        app.cursor_blink = False
        app.poll_seconds = 0  # tests look for other windows' changes by hand
        apps.append(app)
        return app

    yield build
    for app in apps:
        app.coach.file.close()
