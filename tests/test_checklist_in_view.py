"""The start checklist keeps the highlighted step in view, so Space ticks what shows."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.geometry import Region

from nctui.ui.widgets.start_checklist import ChecklistList
from tests.helpers import AppFactory
from tests.test_controls_in_view import intake_checklist, settle


def _highlighted_rows(checklist: ChecklistList) -> Region:
    """Where the highlighted step (its title and how-to lines) is on the screen."""
    index = checklist.highlighted
    assert index is not None
    checklist._update_lines()
    top = checklist._index_to_line[index]
    height = checklist._heights[index]
    content = checklist.scrollable_content_region
    return Region(content.x, content.y + top - int(checklist.scroll_y), content.width, height)


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (60, 20)], ids=str)
async def test_the_highlighted_step_is_always_in_view(
    size: tuple[int, int], make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await intake_checklist(pilot)
        await settle(pilot)
        checklist = app.screen.query_one(ChecklistList)
        page = app.screen.query_one("#page", VerticalScroll)
        assert app.focused is checklist
        steps = set()
        for press in ["down", "space"] * checklist.option_count + ["up", "space"] * 3:
            steps.add(checklist.highlighted)
            rows = _highlighted_rows(checklist)
            shown = page.scrollable_content_region.intersection(checklist.scrollable_content_region)
            assert shown.contains_region(rows), (
                f"step {checklist.highlighted} at {tuple(rows)} is out of view"
            )
            await pilot.press(press)
            await settle(pilot)
        assert len(steps) == checklist.option_count - 1  # every step but the timeline
        assert len(app.coach.intake.ticks()) >= checklist.option_count - 1


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=str)
async def test_the_highlight_brings_the_page_back_after_the_wheel_scrolled_it(
    size: tuple[int, int], make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await intake_checklist(pilot)
        await settle(pilot)
        checklist = app.screen.query_one(ChecklistList)
        page = app.screen.query_one("#page", VerticalScroll)
        for press, scroll in (("down", page.scroll_end), ("up", page.scroll_home)):
            await pilot.press("end" if press == "down" else "home")
            scroll(animate=False)  # the mouse wheel moves the page, not the highlight
            await settle(pilot)
            for _ in range(3):
                await pilot.press(press)
                await settle(pilot)
                shown = page.scrollable_content_region.intersection(
                    checklist.scrollable_content_region
                )
                rows = _highlighted_rows(checklist)
                assert shown.contains_region(rows), (
                    f"step {checklist.highlighted} at {tuple(rows)} is out of view"
                )


async def test_help_on_the_checklist_lists_its_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await intake_checklist(pilot)
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert type(app.screen).__name__ == "HelpScreen"
        rows = app.screen.rows  # type: ignore[attr-defined]
        listed = {row.keys.lower(): row.description.lower() for row in rows}
        for key in ("space", "enter", "↑↓"):
            assert any(key in keys for keys in listed), f"help does not list {key}: {listed}"
        assert any("tick" in words for words in listed.values())
