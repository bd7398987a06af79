"""Activities: the person's own ideas, their plans, and the time given to them."""

from __future__ import annotations

from datetime import date

from nctui.coach.core import Core
from nctui.domain.activities import (
    Activity,
    ActivityLog,
    ActivityStatus,
    Category,
    DoneEntry,
    Plan,
    plan_to_complete,
)
from nctui.storage.activity_store import (
    done_op,
    drop_plan_op,
    new_own_activity,
    new_plan,
    own_activity_op,
    plan_op,
)
from nctui.storage.ops import new_id


class Activities:
    """Ideas to do, plans for them, and what was done; only ever added to."""

    def __init__(self, core: Core) -> None:
        self._core = core

    def log(self) -> ActivityLog:
        """The person's own activities, plans and done entries."""
        return self._core.model.activity_log()

    def statuses(self) -> dict[str, ActivityStatus]:
        """Where each activity with a plan or a done entry stands. Read only."""
        return self._core.model.activity_statuses()

    def all(self) -> list[Activity]:
        """Every activity: the catalogue, then the person's own."""
        # Imported here: the dashboard, drawn first, never lists the catalogue.
        from nctui.domain.activity_catalogue import catalogue  # noqa: PLC0415

        return [*catalogue(), *self.log().own]

    def next_plan(self, activity: Activity) -> Plan | None:
        """The plan that doing `activity` would complete: its earliest open one."""
        return plan_to_complete(activity.key, self.log())

    def plan(self, activity: Activity, day: date) -> Plan:
        """Plan to do `activity` on `day`."""
        plan = new_plan(activity, day, self._core.clock())
        self._core.apply(plan_op(plan))
        return plan

    def done(self, activity: Activity, minutes: int, note: str = "") -> DoneEntry:
        """Log `activity` done just now; it completes its earliest open plan."""
        plan = self.next_plan(activity)
        entry = DoneEntry(
            id=new_id(),
            activity_key=activity.key,
            name=activity.name,
            category=activity.category,
            at=self._core.clock(),
            minutes=minutes,
            note=note,
            plan_id=None if plan is None else plan.id,
        )
        self._core.apply(done_op(entry))
        return entry

    def add_own(self, name: str, category: Category) -> Activity:
        """Add an idea of the person's own."""
        activity = new_own_activity(name, category)
        self._core.apply(own_activity_op(activity, self._core.clock()))
        return activity

    def drop_plan(self, plan: Plan) -> None:
        """Drop a plan; it stays in the history, marked dropped."""
        self._core.apply(drop_plan_op(plan, self._core.clock()))
