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
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from textual.app import App
    from textual.pilot import Pilot

PAINTED = "painted"


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


async def _report_first_paint(pilot: Pilot[object]) -> None:
    # pause() returns once the first screen is composed, laid out and refreshed.
    await pilot.pause()
    print(PAINTED, peak_rss_kib() or "", flush=True)
    pilot.app.exit()


def main() -> None:
    """Run the app named on the command line until its first paint."""
    from nctui.startup import pause_collection

    app: App[None]
    if sys.argv[1] == "nctui":
        from nctui.cli import open_app
        from nctui.domain.clock import fixed_clock

        now = datetime(2026, 11, 26, 9, 30, tzinfo=ZoneInfo("Europe/London"))
        app = open_app(Path(sys.argv[2]), fixed_clock(now))
    else:
        if sys.argv[1] == "bare-paused":
            pause_collection()
        app = _bare_app()
    app.run(headless=True, size=(100, 30), auto_pilot=_report_first_paint)


if __name__ == "__main__":
    main()
