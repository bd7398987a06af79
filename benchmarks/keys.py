"""How long a key takes to show on screen, and coming back to a screen, on 10 years of data.

Each key is pressed through Textual's Pilot, and timed from the press to the frames
painted because of it (each frame is rendered to terminal output, as a real terminal
would need): the first frame, when the key's answer shows, and the last, when the
screen has settled (Textual paints at most 60 frames a second, and a change that moves
things about takes a few frames to settle). Also shown: the time until the Pilot finds
the app idle, which sleeps in 20 ms steps and so hides what the app itself costs.
Animations are off (as in the snapshot tests): a tab's sliding underline goes on
painting for a while after the view is already there. The bare app is a one-Static
Textual app whose text changes on a key, measured the same way.

Typical keys per screen: on the countdown, u opens the urge dialog and Ctrl+S saves it
(the dashboard redraws); on the journal, switching views and moving in the list of days;
on the activities, moving in the list and stepping through the categories.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Static

from devtools.sample import write_sample_history
from nctui.cli import open_app
from nctui.domain.clock import fixed_clock

SIZE = (100, 40)
KEYS: dict[str, tuple[str, Sequence[str]]] = {
    "countdown": ("c", ("u", "ctrl+s")),
    "journal": ("j", ("2", "3", "down", "down", "4", "1")),
    "activities": ("a", ("down", "down", "right", "down", "left", "up")),
}
"""Each screen's key, then the keys pressed on it in turn."""


class Timing(NamedTuple):
    """One key's figures, in milliseconds."""

    first: float
    """Until the first frame painted after the key: its answer shows."""
    settled: float
    """Until the last frame painted because of it."""
    idle: float


class _Bare(App[None]):
    BINDINGS = [Binding("space", "count", "Count")]  # noqa: RUF012 - a one-off app

    count = 0

    def compose(self) -> ComposeResult:
        yield Static("0", id="count")

    def action_count(self) -> None:
        self.count += 1
        self.query_one("#count", Static).update(str(self.count))


class Frames:
    """When each frame was painted: wraps the app's display step."""

    def __init__(self, app: App[Any]) -> None:
        self.times: list[float] = []
        display = app._display

        def painted(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is None:
                return
            # Headless apps skip turning a frame into terminal output: do it, as a terminal must.
            render = getattr(renderable, "render_segments", None)
            if render is not None:
                render(app.console)
            self.times.append(time.perf_counter())

        app._display = painted  # type: ignore[method-assign]

    async def press(self, pilot: Pilot[Any], key: str) -> Timing | None:
        """How long pressing `key` takes to show; None if nothing was painted."""
        return await self.timed(pilot, lambda: pilot.press(key))

    async def timed(self, pilot: Pilot[Any], act: Callable[[], Awaitable[object]]) -> Timing | None:
        """Milliseconds from `act` to its first and last frames, and until the Pilot finds
        the app idle again; None if nothing was painted."""
        await pilot.pause()
        started = time.perf_counter()
        await act()
        await pilot.pause()
        idle = time.perf_counter()
        frames = [moment for moment in self.times if moment >= started]
        if not frames:
            return None
        return Timing(
            (min(frames) - started) * 1000,
            (max(frames) - started) * 1000,
            (idle - started) * 1000,
        )


def p95(samples: Sequence[float]) -> float:
    """The 95th percentile (the slowest one in twenty)."""
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def line(name: str, samples: Sequence[Timing], target: str) -> str:
    """One row of figures: first frame median and p95, settled median and p95, idle."""
    first = [sample.first for sample in samples]
    settled = [sample.settled for sample in samples]
    idle = statistics.median(sample.idle for sample in samples)
    return (
        f"  {name:<22} {len(samples):>7} {statistics.median(first):7.1f} {p95(first):7.1f}"
        f" {statistics.median(settled):9.1f} {p95(settled):7.1f} {idle:7.1f}   {target}"
    )


async def _bare(presses: int) -> list[Timing]:
    app = _Bare()
    async with app.run_test(size=SIZE) as pilot:
        frames = Frames(app)
        return [t for _ in range(presses) if (t := await frames.press(pilot, "space")) is not None]


async def _nctui(data_dir: Path, now: datetime, rounds: int) -> dict[str, list[Timing]]:
    app = open_app(data_dir, fixed_clock(now))  # as `nctui` starts: see nctui.startup
    app.cursor_blink = False
    app.animation_level = "none"  # a tab's sliding underline is motion, not waiting
    async with app.run_test(size=SIZE) as pilot:
        frames = Frames(app)
        for key in "hiajrc":  # every screen mounted once
            await pilot.press("escape", key)
            await pilot.pause()
        timings: dict[str, list[Timing]] = {}
        for name, (screen_key, keys) in KEYS.items():
            await pilot.press("escape", screen_key)
            samples = timings.setdefault(name, [])
            for _ in range(rounds):
                for key in keys:
                    timing = await frames.press(pilot, key)
                    if timing is not None:
                        samples.append(timing)
        for name, key in (("activities", "a"), ("journal", "j")):
            samples = timings.setdefault(f"return to {name}", [])
            for _ in range(rounds):
                await pilot.press("escape", "c")
                timing = await frames.press(pilot, key)
                if timing is not None:
                    samples.append(timing)
        return timings


def keys(now: datetime, years: float, rounds: int) -> None:
    """Print key-to-painted times per screen, and the time to return to a screen."""
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        write_sample_history(data_dir, now, years)
        nctui = asyncio.run(_nctui(data_dir, now, rounds))
    bare = asyncio.run(_bare(rounds * 3))
    heading = (
        f"  {'':<22} {'presses':>7} {'first frame':>15} {'settled':>17} {'idle':>7}\n"
        f"  {'':<22} {'':>7} {'median':>7} {'p95':>7} {'median':>9} {'p95':>7} {'median':>7}"
    )
    print(f"\nA key until it shows on screen, {years:g} years of history (ms)")
    print(heading)
    print(line("bare app, one Static", bare, ""))
    for name, samples in nctui.items():
        if not name.startswith("return"):
            print(line(name, samples, "(target: p95 <= 33 ms)"))
    print("\nComing back to a screen from the countdown (ms)")
    print(heading)
    for name, samples in nctui.items():
        if name.startswith("return"):
            print(line(name, samples, "(target: <= 100 ms)"))
