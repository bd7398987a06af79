"""Each activity row carries one mark: ○ fresh, ◷ planned, ✓ done, never twice."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from nctui.domain.activities import Activity, ActivityStatus, Category, DoneEntry
from nctui.ui.widgets.activity_list import activity_row

TODAY = date(2026, 11, 26)


def _done(times: int) -> ActivityStatus:
    entry = DoneEntry(
        "d",
        "own:pots",
        "Pottery",
        Category.HOBBIES,
        datetime(2026, 11, 20, tzinfo=UTC),
        60,
    )
    return ActivityStatus(done=(entry,) * times)


@pytest.mark.parametrize("times", [1, 3])
def test_a_done_idea_shows_the_tick_once(times: int) -> None:
    activity = Activity("own:pots", "Pottery", Category.HOBBIES)
    row = activity_row(activity, _done(times), TODAY, plain=True)
    shown = f"{row.left.plain} {row.right.plain}"
    assert shown.count("✓") == 1, shown
    if times > 1:
        assert "3" in shown
