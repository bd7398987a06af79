"""How long a saved change takes to show on screen, against a bare Textual app's redraw.

nctui: the countdown on 10 years of sample history, after every screen has been opened
once (so each is mounted and could redraw), then one logged event. Bare: a one-Static
app whose text changes. Both measured in the same process, from the change until the
app is idle again (the writer thread saving the file in the background included), and
until the last frame it paints (what a person sees).
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

from devtools.sample import write_sample_history
from keys import Frames
from nctui.cli import open_app
from nctui.domain.clock import fixed_clock
from nctui.domain.ledger import Kind

SIZE = (100, 40)


class _Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("0", id="count")


async def _median_ms(
    pilot: Pilot[None], change: Callable[[int], None], repeat: int
) -> tuple[float, float]:
    """Median milliseconds from a change until the app is idle, and until its last frame."""
    frames = Frames(pilot.app)
    await pilot.pause()
    idle, painted = [], []
    for index in range(repeat):
        started = time.perf_counter()
        change(index)
        await pilot.pause()
        idle.append(time.perf_counter() - started)
        painted.append(max([t for t in frames.times if t >= started], default=started) - started)
    return statistics.median(idle) * 1000, statistics.median(painted) * 1000


async def _bare(repeat: int) -> tuple[float, float]:
    app = _Bare()
    async with app.run_test(size=SIZE) as pilot:
        count = app.query_one("#count", Static)
        return await _median_ms(pilot, lambda index: count.update(str(index)), repeat)


async def _nctui(now: datetime, years: float, repeat: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        write_sample_history(data_dir, now, years)
        app = open_app(data_dir, fixed_clock(now))  # as `nctui` starts: see nctui.startup
        async with app.run_test(size=SIZE) as pilot:
            for key in "hiajrc":  # every screen mounted; the countdown on show
                await pilot.press("escape", key)  # out of any text box first
                await pilot.pause()

            def log(index: int) -> None:
                # Urges and signs in turn, so the list of recent events shows each one.
                if app.coach.ledger.log((Kind.URGE, Kind.SIGN)[index % 2]) is None:
                    raise SystemExit("the sample history has no period to log an event in")

            return await _median_ms(pilot, log, repeat)


def redraw(now: datetime, years: float, repeat: int) -> None:
    """Print the comparison."""
    bare, bare_painted = asyncio.run(_bare(repeat))
    nctui, nctui_painted = asyncio.run(_nctui(now, years, repeat))
    print(f"\nA saved change until the screen is idle again: {repeat} changes each, medians")
    print(f"  bare Textual app, one Static updated           {bare:7.1f} ms")
    print(f"  nctui countdown, {years:g} years, every screen open  {nctui:7.1f} ms")
    print(f"  ratio nctui/bare: {nctui / bare:.2f}x (target <= 2x)")
    print(
        "  (idle includes the writer thread saving the whole file in the background; "
        "until the last frame is painted:"
    )
    print(f"  bare {bare_painted:.1f} ms, nctui {nctui_painted:.1f} ms)")
