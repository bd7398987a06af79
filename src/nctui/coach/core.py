"""What every part of the coach shares: the data, the clock, the read model, and the
notice of what changed after each change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from nctui.coach.changes import Changes, Topic
from nctui.coach.read_model import CHECKLIST, CHECKS, INTAKES, LETTERS, ReadModel
from nctui.domain.clock import Clock
from nctui.storage.activity_store import ACTIVITY_DONE, ACTIVITY_PLANS, OWN_ACTIVITIES
from nctui.storage.attempt_store import ATTEMPTS
from nctui.storage.checkin_store import CHECKINS, DAY_START
from nctui.storage.draft_store import DRAFTS
from nctui.storage.ledger_store import EVENTS
from nctui.storage.lookup import touched
from nctui.storage.settings import SETTINGS_TABLE

if TYPE_CHECKING:
    from nctui.storage.ops import Op
    from nctui.storage.repository import Repository

Listener = Callable[[Changes], None]

TOPICS: dict[str, Topic] = {
    ATTEMPTS: Topic.PERIOD,
    EVENTS: Topic.LEDGER,
    CHECKINS: Topic.CHECKINS,
    LETTERS: Topic.LETTERS,
    OWN_ACTIVITIES: Topic.ACTIVITIES,
    ACTIVITY_PLANS: Topic.ACTIVITIES,
    ACTIVITY_DONE: Topic.ACTIVITIES,
    INTAKES: Topic.INTAKE,
    CHECKLIST: Topic.CHECKLIST,
    CHECKS: Topic.READINESS,
    SETTINGS_TABLE: Topic.SETTINGS,
    DRAFTS: Topic.DRAFTS,
}
"""The kind of record each table holds."""


def changes_of(op: Op) -> Changes:
    """What a change changes, as screens see it."""
    topics: set[Topic] = set()
    days: set[date] = set()
    attempts: set[str] = set()
    for doc in touched(op):
        topic = TOPICS.get(doc.table)
        if topic is None:
            continue
        if topic is Topic.SETTINGS and doc.id == DAY_START:
            topic = Topic.DAY_START
        topics.add(topic)
        added = doc.added or {}
        if topic is Topic.PERIOD:
            attempts.add(doc.id)
        elif topic is Topic.LEDGER and isinstance(added.get("attempt"), str):
            attempts.add(added["attempt"])
        elif topic is Topic.CHECKINS and isinstance(added.get("day"), str):
            days.add(date.fromisoformat(added["day"]))
    return Changes(frozenset(topics), frozenset(days), frozenset(attempts))


class Core:
    """The repository, the clock and the read model, and who hears of changes."""

    def __init__(self, repository: Repository, clock: Clock) -> None:
        self.repository = repository
        self.clock = clock
        self.model = ReadModel(repository)
        self._listeners: list[Listener] = []

    def apply(self, op: Op) -> Changes:
        """Make a change: in memory at once (the disk in the background), in the read
        model, and in a notice to everyone listening."""
        self.repository.apply(op)
        self.model.applied(op)
        changes = changes_of(op)
        self.announce(changes)
        return changes

    def announce(self, changes: Changes) -> None:
        """Tell every listener what changed."""
        for listener in list(self._listeners):
            listener(changes)

    def listen(self, listener: Listener) -> None:
        """Have `listener` hear of every change from now on."""
        self._listeners.append(listener)

    def stop_listening(self, listener: Listener) -> None:
        """`listener` hears of no more changes."""
        if listener in self._listeners:
            self._listeners.remove(listener)
