"""A screen looks the same whichever screens were opened before it.

Textual keeps a screen's stylesheet once it has been read, for every screen after it: a
rule meant for one screen that names a class another screen also uses changes that
other screen, but only after the first one has been shown.
"""

from __future__ import annotations

from pathlib import Path

from nctui.domain.clock import ManualClock
from tests.helpers import AppFactory
from tests.seeds import seed_plan


async def _question_look(make_app: AppFactory, keys: list[str]) -> tuple[str, ...]:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        title = app.screen.query_one("#quiz .question-title")
        hint = app.screen.query_one("#quiz .question-hint")
        return (str(title.rich_style), str(hint.rich_style), str(hint.styles.margin))


async def test_the_quiz_questions_look_the_same_after_the_intake_was_opened(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=50, length=45, complete=True)
    straight = await _question_look(make_app, ["r"])
    after_intake = await _question_look(make_app, ["i", "escape", "r"])
    assert after_intake == straight
