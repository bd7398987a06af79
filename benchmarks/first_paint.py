"""Child process for the start-up benchmark: start one app headless, say when it painted.

Usage: python benchmarks/first_paint.py (nctui DATA_DIR | bare)

Both apps are started and stopped the same way, so their difference is nctui's own
start-up work: its imports, opening and reading the data file, and building its screen.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Static

PAINTED = "painted"


class BareApp(App[None]):
    """The smallest Textual app worth comparing with: one Static."""

    def compose(self) -> ComposeResult:
        yield Static("Hello")


async def _report_first_paint(pilot: Pilot[object]) -> None:
    # pause() returns once the first screen is composed, laid out and refreshed.
    await pilot.pause()
    print(PAINTED, flush=True)
    pilot.app.exit()


def main() -> None:
    """Run the app named on the command line until its first paint."""
    app: App[None]
    if sys.argv[1] == "bare":
        app = BareApp()
    else:
        from nctui.domain.clock import fixed_clock
        from nctui.ui.app import create_app

        now = datetime(2026, 11, 26, 9, 30, tzinfo=ZoneInfo("Europe/London"))
        app = create_app(Path(sys.argv[2]), fixed_clock(now))
    app.run(headless=True, size=(100, 30), auto_pilot=_report_first_paint)


if __name__ == "__main__":
    main()
