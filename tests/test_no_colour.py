"""With NO_COLOR set, nothing that matters rests on colour alone: states and lines
differ in shape too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from nctui.domain.clock import ManualClock
from tests.helpers import AppFactory, screen_text
from tests.seeds import seed_journal


@pytest.fixture(autouse=True)
def _no_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")


def _mark_before(text: str, label: str) -> str:
    """The three cells drawn just before `label` on its line (a tick box, say)."""
    line = next(line for line in text.splitlines() if label in line)
    start = line.index(label)
    return line[start - 4 : start - 1]


async def _to_loose_ends(pilot: Pilot[None]) -> None:
    await pilot.press("i")
    await pilot.pause()
    await pilot.press("enter", "3", "enter", "enter")  # today, 3 years
    await pilot.pause()
    for _ in range(5):  # kindly, I did, friends, someone new, one issue
        await pilot.press("enter")
        await pilot.pause()


async def test_ticked_and_unticked_things_to_sort_out_differ_in_shape(
    make_app: AppFactory,
) -> None:
    app = make_app()
    assert app.no_color
    async with app.run_test(size=(100, 40)) as pilot:
        await _to_loose_ends(pilot)
        await pilot.press("space")  # tick the first: belongings
        await pilot.pause()
        shown = screen_text(app)
        ticked = _mark_before(shown, "Belongings to return or collect")
        unticked = _mark_before(shown, "Pets")
        assert ticked.strip() and unticked.strip()
        assert ticked != unticked, "a ticked box looks like an unticked one"


BRAILLE = {chr(code) for code in range(0x2800, 0x2900)} - {"\u2800"}
BLOCKS = set("▀▄▌▐▖▗▘▙▚▛▜▝▞▟█")


async def test_the_mood_chart_lines_differ_in_shape(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        app.screen.query_one(TabbedContent).active = "chart"
        for _ in range(3):
            await pilot.pause()
        shown = screen_text(app)
        legend = next(line for line in shown.splitlines() if "missing them" in line)
        samples = re.findall(r"(\S+) (?:mood|missing them|urge)", legend)
        assert len(samples) == 3, legend
        assert len(set(samples)) == 3, f"the legend draws the lines alike: {legend}"
        plot = shown.split(legend)[0]
        for family, name in ((BRAILLE, "mood"), (BLOCKS, "missing them"), ({"·"}, "urge")):
            assert family & set(plot), f"no line drawn for {name} in its own shape"
