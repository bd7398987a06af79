"""Child process for the start-up benchmark: start one app headless, say when it painted.

Usage: python benchmarks/first_paint.py (nctui DATA_DIR | bare | bare-paused)

The apps are started and stopped the same way, so their difference is nctui's own
start-up work: its imports, opening and reading the data file, and building its screen.
nctui starts as `nctui` itself does (`nctui.cli.open_app`), garbage-collector pause
included; "bare-paused" is the bare app given that same pause, to show what the pause
alone is worth.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import datetime
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from textual.app import App
    from textual.pilot import Pilot

PAINTED = "painted"
PHASES = "phases"
spent: dict[str, float] = {}
"""Seconds spent in each phase of start-up, measured inside this process."""
counted: dict[str, int] = {}


def _timed(module: str, owner: str | None, name: str, phase: str) -> None:
    """Add the time every call of module[.owner].name takes to `phase`."""
    target: Any = import_module(module)
    if owner is not None:
        target = getattr(target, owner)
    original: Callable[..., Any] | None = getattr(target, name, None)
    if original is None:  # an older nctui, without that step: nothing to time
        return

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[phase] = spent.get(phase, 0.0) + time.perf_counter() - started
            counted[phase] = counted.get(phase, 0) + 1

    setattr(target, name, wrapper)


def _since(started: float, phase: str) -> float:
    now = time.perf_counter()
    spent[phase] = spent.get(phase, 0.0) + now - started
    return now


def _bare_app() -> App[None]:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    from nctui.startup import resume_collection

    class BareApp(App[None]):
        """The smallest Textual app worth comparing with: one Static."""

        def compose(self) -> ComposeResult:
            yield Static("Hello")

        def on_mount(self) -> None:
            self.call_after_refresh(resume_collection)

    return BareApp()


def peak_rss_kib() -> int | None:
    """This process's own peak resident memory, or None where the system cannot say.

    Read from /proc rather than from the parent's wait4(): on Linux that figure also
    counts the memory of the benchmark process it was forked from.
    """
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


_running = 0.0


async def _report_first_paint(pilot: Pilot[object]) -> None:
    # pause() returns once the first screen is composed, laid out and refreshed.
    await pilot.pause()
    _since(_running, "run")
    print(PAINTED, peak_rss_kib() or "", flush=True)
    phases = [f"{phase}={seconds * 1000:.2f}" for phase, seconds in spent.items()]
    phases += [f"{phase}#={count}" for phase, count in counted.items()]
    print(PHASES, *phases, flush=True)
    pilot.app.exit()


def main() -> None:
    """Run the app named on the command line until its first paint."""
    global _running  # noqa: PLW0603 - one run per process
    mark = time.perf_counter()
    from nctui.startup import pause_collection

    # Textual's own start: the bare app pays it too.
    import_module("textual.app")
    import_module("textual.widgets")
    mark = _since(mark, "textual_imports")
    _timed("textual.css.stylesheet", "Stylesheet", "parse", "stylesheet")
    app: App[None]
    if sys.argv[1] == "nctui":
        from nctui.cli import open_app
        from nctui.domain.clock import fixed_clock

        import_module("nctui.ui.app")
        mark = _since(mark, "nctui_imports")
        _timed("nctui.storage.opening", None, "read_file", "read_decode")
        _timed("nctui.ui.widgets.figlet", None, "_drawn", "figlet")
        _timed("nctui.storage.opening", None, "inspect", "entries_checked")
        now = datetime(2026, 11, 26, 9, 30, tzinfo=ZoneInfo("Europe/London"))
        app = open_app(Path(sys.argv[2]), fixed_clock(now))
        mark = _since(mark, "open")
    else:
        if sys.argv[1] == "bare-paused":
            pause_collection()
        app = _bare_app()
    _running = mark
    app.run(headless=True, size=(100, 30), auto_pilot=_report_first_paint)


if __name__ == "__main__":
    main()
