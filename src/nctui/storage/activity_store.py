"""The person's own activities, their plans and what they did, as stored.

Everything here is only ever added to. Marking a plan done appends a done entry that
points at the plan; dropping a plan adds a `dropped_at` field to it. So a plan, a note
or a duration, once written, stays in the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from nctui.domain.activities import (
    OWN_KEY_PREFIX,
    Activity,
    ActivityLog,
    Category,
    DoneEntry,
    Plan,
)
from nctui.storage.ops import Insert, Put, new_id
from nctui.storage.records import moment, optional_moment, parse_all, stamp

if TYPE_CHECKING:
    from nctui.storage.repository import Repository

OWN_ACTIVITIES = "own_activities"
ACTIVITY_PLANS = "activity_plans"
ACTIVITY_DONE = "activity_done"


# -- the person's own activities ------------------------------------------------------------


def own_activity_from_doc(doc: Mapping[str, Any]) -> Activity:
    """One of the person's own activities from its stored document (of the shape
    `shapes` declares)."""
    return Activity(
        key=OWN_KEY_PREFIX + doc["id"],
        name=doc["name"],
        category=Category(doc["category"]),
    )


def new_own_activity(name: str, category: Category) -> Activity:
    """A new activity of the person's own, with a fresh key."""
    return Activity(key=OWN_KEY_PREFIX + new_id(), name=name, category=category)


def own_activity_op(activity: Activity, at: datetime) -> Insert:
    """The change that adds one of the person's own activities."""
    if not activity.is_own:
        raise ValueError("only the person's own activities are stored")
    return Insert(
        OWN_ACTIVITIES,
        {
            "id": activity.key.removeprefix(OWN_KEY_PREFIX),
            "name": activity.name,
            "category": activity.category.value,
            "added_at": stamp(at),
        },
    )


# -- plans ---------------------------------------------------------------------------


def plan_from_doc(doc: Mapping[str, Any]) -> Plan:
    """A plan from its stored document (of the shape `shapes` declares)."""
    return Plan(
        id=doc["id"],
        activity_key=doc["activity"],
        name=doc["name"],
        category=Category(doc["category"]),
        day=date.fromisoformat(doc["day"]),
        made_at=moment(doc["made_at"]),
        dropped_at=optional_moment(doc.get("dropped_at")),
    )


def new_plan(activity: Activity, day: date, now: datetime) -> Plan:
    """A fresh plan to do `activity` on `day`."""
    return Plan(new_id(), activity.key, activity.name, activity.category, day, now)


def plan_doc(plan: Plan) -> dict[str, Any]:
    """A plan as stored (also used to write sample data)."""
    doc: dict[str, Any] = {
        "id": plan.id,
        "activity": plan.activity_key,
        "name": plan.name,
        "category": plan.category.value,
        "day": plan.day.isoformat(),
        "made_at": stamp(plan.made_at),
    }
    if plan.dropped_at is not None:
        doc["dropped_at"] = stamp(plan.dropped_at)
    return doc


def plan_op(plan: Plan) -> Insert:
    """The change that adds a plan."""
    return Insert(ACTIVITY_PLANS, plan_doc(plan))


def drop_plan_op(plan: Plan, at: datetime) -> Put:
    """The change that drops a plan: it only adds `dropped_at`, the plan stays."""
    return Put(ACTIVITY_PLANS, {"id": plan.id, "dropped_at": stamp(at)})


# -- done entries ------------------------------------------------------------------------


def done_from_doc(doc: Mapping[str, Any]) -> DoneEntry:
    """A done entry from its stored document (of the shape `shapes` declares)."""
    return DoneEntry(
        id=doc["id"],
        activity_key=doc["activity"],
        name=doc["name"],
        category=Category(doc["category"]),
        at=moment(doc["at"]),
        minutes=doc["minutes"],
        note=doc.get("note") or "",
        plan_id=doc.get("plan"),
    )


def done_doc(entry: DoneEntry) -> dict[str, Any]:
    """A done entry as stored (also used to write sample data)."""
    doc: dict[str, Any] = {
        "id": entry.id,
        "activity": entry.activity_key,
        "name": entry.name,
        "category": entry.category.value,
        "at": stamp(entry.at),
        "minutes": entry.minutes,
    }
    if entry.note:
        doc["note"] = entry.note
    if entry.plan_id is not None:
        doc["plan"] = entry.plan_id
    return doc


def done_op(entry: DoneEntry) -> Insert:
    """The change that records something done."""
    return Insert(ACTIVITY_DONE, done_doc(entry))


# -- everything at once ----------------------------------------------------------------------


def load_activity_log(repository: Repository) -> ActivityLog:
    """The person's own activities, plans and done entries, skipping damaged documents.

    For other screens too: `time_reclaimed(log.done)` and `next_planned(log.plans,
    log.done, now)` from `nctui.domain.activities` work on what this returns.
    """
    own = parse_all(repository.documents(OWN_ACTIVITIES), own_activity_from_doc)
    plans = parse_all(repository.documents(ACTIVITY_PLANS), plan_from_doc)
    done = parse_all(repository.documents(ACTIVITY_DONE), done_from_doc)
    return ActivityLog(
        own=tuple(own),
        plans=tuple(sorted(plans, key=lambda plan: plan.made_at)),
        done=tuple(sorted(done, key=lambda entry: entry.at)),
    )
