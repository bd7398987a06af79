"""Made-up activities for the sample history: a few things done, one of the person's own
ideas, and plans for the coming days. Never used on real data."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from nctui.domain.activities import OWN_KEY_PREFIX, Category, DoneEntry, Plan
from nctui.domain.activity_catalogue import catalogue
from nctui.storage.activity_store import (
    ACTIVITY_DONE,
    ACTIVITY_PLANS,
    OWN_ACTIVITIES,
    done_doc,
    plan_doc,
)

OWN_ID = "sample-own-1"
OWN_NAME = "Learn to make fresh pasta"

# (days before now, activity key, minutes, note)
DONE: tuple[tuple[int, str, int, str], ...] = (
    (12, "call-old-friend", 50, "Talked to Priya for ages. Why did we stop?"),
    (9, "pottery-taster", 150, "My bowl is lopsided and I love it."),
    (6, "phone-free-walk", 75, ""),
    (4, "museum-solo", 180, "Nobody to hurry me along. Bliss."),
    (2, "coffee-catch-up", 90, ""),
    (1, "first-run", 30, "Slow, but I went."),
)
# (days after now, activity key)
PLANS: tuple[tuple[int, str], ...] = ((2, "dance-class"), (5, "weekend-with-friends"))


def sample_activity_tables(now: datetime) -> dict[str, list[dict[str, Any]]]:
    """Documents for the activity tables, as of `now`."""
    by_key = {activity.key: activity for activity in catalogue()}
    evening = time(18, 0)
    done: list[dict[str, Any]] = []
    for index, (days_ago, key, minutes, note) in enumerate(DONE, start=1):
        activity = by_key[key]
        day = (now - timedelta(days=days_ago)).date()
        at = datetime.combine(day, evening, tzinfo=now.tzinfo)
        entry = DoneEntry(
            f"sample-done-{index}", key, activity.name, activity.category, at, minutes, note
        )
        done.append(done_doc(entry))
    plans = []
    for index, (days_ahead, key) in enumerate(PLANS, start=1):
        activity = by_key[key]
        day = (now + timedelta(days=days_ahead)).date()
        plan = Plan(f"sample-plan-{index}", key, activity.name, activity.category, day, now)
        plans.append(plan_doc(plan))
    own = {
        "id": OWN_ID,
        "name": OWN_NAME,
        "category": Category.HOBBIES.value,
        "added_at": now.isoformat(timespec="seconds"),
    }
    plans.append(
        plan_doc(
            Plan(
                "sample-plan-own",
                OWN_KEY_PREFIX + OWN_ID,
                OWN_NAME,
                Category.HOBBIES,
                (now + timedelta(days=9)).date(),
                now,
            )
        )
    )
    return {OWN_ACTIVITIES: [own], ACTIVITY_PLANS: plans, ACTIVITY_DONE: done}
