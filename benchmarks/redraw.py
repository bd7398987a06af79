"""How long a saved change takes to show on screen, against a bare Textual app's redraw.

nctui: the countdown on 10 years of sample history, after every screen has been opened
once (so each is mounted and could redraw), then one logged urge. Bare: a one-Static
app whose text changes. Both measured in the same process, from the change until the
screen is idle again, so the figure is what a person waits after a keypress that saves.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Static

from nctui.domain.clock import fixed_clock
from nctui.domain.ledger import Kind
from nctui.storage.sample import write_sample_history
from nctui.ui.app import create_app

SIZE = (100, 40)


class _Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("0", id="count")


async def _median_ms(pilot: Pilot[None], change: Callable[[int], None], repeat: int) -> float:
    await pilot.pause()
    samples = []
    for index in range(repeat):
        started = time.perf_counter()
        change(index)
        await pilot.pause()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


async def _bare(repeat: int) -> float:
    app = _Bare()
    async with app.run_test(size=SIZE) as pilot:
        count = app.query_one("#count", Static)
        return await _median_ms(pilot, lambda index: count.update(str(index)), repeat)


async def _nctui(now: datetime, years: float, repeat: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        write_sample_history(data_dir, now, years)
        app = create_app(data_dir, fixed_clock(now))
        async with app.run_test(size=SIZE) as pilot:
            for key in "hiajrc":  # every screen mounted; the countdown on show
                await pilot.press("escape", key)  # out of any text box first
                await pilot.pause()

            def log_urge(_index: int) -> None:
                if app.coach.ledger.log(Kind.URGE) is None:
                    raise SystemExit("the sample history has no period to log an urge in")

            return await _median_ms(pilot, log_urge, repeat)


def redraw(now: datetime, years: float, repeat: int) -> None:
    """Print the comparison."""
    bare = asyncio.run(_bare(repeat))
    nctui = asyncio.run(_nctui(now, years, repeat))
    print(f"\nA saved change until the screen is idle again: {repeat} changes each, medians")
    print(f"  bare Textual app, one Static updated           {bare:7.1f} ms")
    print(f"  nctui countdown, {years:g} years, every screen open  {nctui:7.1f} ms")
    print(f"  ratio nctui/bare: {nctui / bare:.2f}x")
