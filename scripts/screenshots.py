"""Write an SVG of each screen into screenshots/, with a frozen clock and sample data.

Usage: uv run python scripts/screenshots.py

Each picture starts from a fresh temporary data folder holding a few weeks of made-up
history, so the pictures are the same on every machine and every run.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from textual.pilot import Pilot

from nctui.domain.clock import fixed_clock
from nctui.ui.app import create_app

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout's devtools
from devtools.sample import write_sample_history

OUT = Path(__file__).resolve().parent.parent / "screenshots"
NOW = datetime(2026, 11, 26, 20, 15, tzinfo=ZoneInfo("Europe/London"))
SIZE = (100, 30)

SHOTS: Sequence[tuple[str, str, Sequence[str]]] = (
    ("countdown", "Countdown: the dashboard", ()),
    ("sos", "SOS: slowing the moment down", ("exclamation_mark",)),
    ("log-slip", "Logging a slip", ("s",)),
    ("history", "History: every attempt and event", ("v",)),
    ("home", "Home", ("h",)),
    ("hidden", "F12: everything hidden at once, mid-sentence", ("s", *"a private note", "f12")),
    ("help", "Every key, on the help screen", ("c", "question_mark")),
    ("intake", "Intake: the start checklist", ("i",)),
    ("intake-question", "Intake: one question at a time", ("i", "_", "n")),
    (
        "intake-plan",
        "Intake: the plan and every reason for it",
        # Retake, keeping every earlier answer (Enter twice for years and months).
        ("i", "_", "n", "_", *("enter", "_") * 10),
    ),
    # Down to an idea already done, so its note and time show under the list.
    ("activities", "Activities: ideas, plans and time reclaimed", ("a", "_", *("down",) * 3)),
    ("journal", "Check-in & journal: today's check-in", ("j",)),
    ("day-card", "Today's card, opened whole", ("k",)),
    ("journal-patterns", "Check-in & journal: your patterns", ("j", "_", "5")),
    (
        "sos-people",
        "SOS: someone to talk to instead",
        ("exclamation_mark", "_", "w", "_", *"Sam", "tab", *"07700 900123", "ctrl+s", "_", "end"),
    ),
    ("journal-chart", "Check-in & journal: the mood chart and weekly averages", ("j", "_", "2")),
    ("journal-entries", "Check-in & journal: reading and searching", ("j", "_", "3", "down")),
    ("journal-letters", "Check-in & journal: letters you will not send", ("j", "_", "4", "down")),
    ("readiness", "Ready to reach out?: one statement at a time", ("r", "_", "down", "down")),
    (
        "readiness-verdict",
        "Ready to reach out?: not yet, and why",
        ("r", "_", *("home", "down", "down", "down", "enter", "_") * 9),
    ),
)

LATER: dict[str, timedelta] = {"readiness-message": timedelta(days=40)}
"""Shots taken with the clock moved on, here past the end of the sample period."""

SHOTS = (
    *SHOTS,
    (
        "readiness-message",
        "Ready to reach out?: the first-message check",
        (
            *("r", "_", *("end", "enter", "_") * 9, "m", "_"),
            *"Hi! I miss you so much. Can we try again? Please answer",
        ),
    ),
)


def shoot(name: str, title: str, keys: Sequence[str]) -> Path:
    """Run the app headless in a fresh sample folder, press `keys`, save the screen."""
    with tempfile.TemporaryDirectory() as home:
        os.environ["HOME"] = home  # paths then read ~/..., the same everywhere
        data_dir = Path(home) / ".local" / "share" / "nctui"
        write_sample_history(data_dir, NOW, years=0.1)
        app = create_app(data_dir, fixed_clock(NOW + LATER.get(name, timedelta(0))))
        app.animation_level = "none"
        app.cursor_blink = False

        pictures: list[str] = []

        async def pilot(driver: Pilot[object]) -> None:
            await driver.pause()
            for key in keys:  # "_" waits for the screen to settle, as in snapshot tests
                await (driver.pause() if key == "_" else driver.press(key))
            await driver.pause()
            await driver.wait_for_scheduled_animations()
            app.clear_notifications()  # greetings would cover the screen being shown
            await driver.pause()
            pictures.append(app.export_screenshot(title=f"nctui · {title}"))
            app.exit()

        app.run(headless=True, size=SIZE, auto_pilot=pilot)
    target = OUT / f"{name}.svg"
    target.write_text(pictures[0], encoding="utf-8")
    return target


def main() -> None:
    """Write every screenshot and list them."""
    OUT.mkdir(exist_ok=True)
    for name, title, keys in SHOTS:
        print(shoot(name, title, keys).relative_to(OUT.parent))


if __name__ == "__main__":
    main()
