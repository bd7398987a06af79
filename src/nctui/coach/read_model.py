"""The read model: every kind of record, parsed once and kept as domain objects.

Built lazily, table by table, the first time a screen asks. Each change this window
makes updates the records it touched (`applied`); another window's changes, taken in
whole, drop everything (`drop`) to be parsed again when next asked. What is worked out
from a table (sorted lists, statuses) is kept until that table changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Any, TypeVar

from nctui.coach.indexes import JournalIndex, LedgerIndex
from nctui.coach.records import Parse, Records
from nctui.domain.activities import ActivityLog, ActivityStatus, statuses
from nctui.domain.drafts import Draft
from nctui.domain.period import Attempt, settled
from nctui.storage.activity_store import (
    ACTIVITY_DONE,
    ACTIVITY_PLANS,
    OWN_ACTIVITIES,
    done_from_doc,
    own_activity_from_doc,
    plan_from_doc,
)
from nctui.storage.attempt_store import ATTEMPTS, attempt_from_doc
from nctui.storage.draft_store import DRAFTS, draft_from_doc
from nctui.storage.lookup import touched
from nctui.storage.settings import SETTINGS_TABLE

if TYPE_CHECKING:
    from nctui.domain.letters import Letter
    from nctui.domain.readiness import CheckRecord
    from nctui.domain.recommendation import IntakeRecord
    from nctui.storage.ops import Op
    from nctui.storage.repository import Repository

LETTERS, INTAKES, CHECKLIST, CHECKS = "letters", "intakes", "checklist", "readiness"
"""Tables the first screen never reads: their readers are imported when first needed
(the same names as in their `storage` modules; a test checks that)."""

T = TypeVar("T")
S = TypeVar("S", int, str)


def later(module: str, name: str) -> Parse[Any]:
    """A reader imported the first time a document is read with it, so start-up pays
    only for the code the first screen reads with."""
    loaded: list[Parse[Any]] = []

    def parse(doc: Mapping[str, Any]) -> Any:
        if not loaded:
            loaded.append(getattr(import_module(module), name))
        return loaded[0](doc)

    return parse


def _value(doc: Any) -> Any:
    return doc["value"]


def _done(doc: Any) -> bool:
    return bool(doc["done"])


class ReadModel:
    """Parsed records of one repository, with what the screens ask of them."""

    def __init__(self, repository: Repository) -> None:
        self.ledger = LedgerIndex(repository)
        self.journal = JournalIndex(repository)
        self._attempts = Records(repository, ATTEMPTS, attempt_from_doc)
        self._letters: Records[Letter] = Records(
            repository, LETTERS, later("nctui.storage.letter_store", "letter_from_doc")
        )
        self._own = Records(repository, OWN_ACTIVITIES, own_activity_from_doc)
        self._plans = Records(repository, ACTIVITY_PLANS, plan_from_doc)
        self._done = Records(repository, ACTIVITY_DONE, done_from_doc)
        self._intakes: Records[IntakeRecord] = Records(
            repository, INTAKES, later("nctui.storage.intake_store", "intake_from_doc")
        )
        self._ticks = Records(repository, CHECKLIST, _done)
        self._checks: Records[CheckRecord] = Records(
            repository, CHECKS, later("nctui.storage.readiness_store", "check_from_doc")
        )
        self._settings: Records[Any] = Records(repository, SETTINGS_TABLE, _value)
        self._drafts = Records(repository, DRAFTS, draft_from_doc)
        self._tables: dict[str, Records[Any] | LedgerIndex | JournalIndex] = {
            records.table: records
            for records in (
                self._attempts,
                self._letters,
                self._own,
                self._plans,
                self._done,
                self._intakes,
                self._ticks,
                self._checks,
                self._settings,
                self._drafts,
            )
        }
        self._tables[self.ledger.records.table] = self.ledger
        self._tables[self.journal.records.table] = self.journal
        self._worked_out: dict[str, tuple[tuple[int, ...], Any]] = {}

    # -- following changes ------------------------------------------------------------

    def applied(self, op: Op) -> None:
        """A change was just applied to the repository: follow each document it touched."""
        for doc in touched(op):
            records = self._tables.get(doc.table)
            if records is not None:
                records.touched(doc.id, doc.added)

    def drop(self) -> None:
        """Forget everything: the repository's copy was replaced by another window's."""
        for records in self._tables.values():
            records.drop()
        self._worked_out.clear()

    def _kept(self, name: str, sources: tuple[Records[Any], ...], work: Callable[[], T]) -> T:
        # Worked out again only once one of its tables has changed.
        versions = tuple(source.version for source in sources)
        kept = self._worked_out.get(name)
        if kept is not None and kept[0] == versions:
            value: T = kept[1]
            return value
        value = work()
        self._worked_out[name] = (versions, value)
        return value

    # -- what the screens ask ----------------------------------------------------------

    def attempts(self) -> list[Attempt]:
        """Every attempt, oldest first, at most one running. Read only."""
        return self._kept(
            "attempts", (self._attempts,), lambda: settled(self._attempts.by_id.values())
        )

    def letters(self) -> list[Letter]:
        """Every letter, oldest first. Read only."""
        return self._kept(
            "letters",
            (self._letters,),
            lambda: sorted(self._letters.by_id.values(), key=lambda letter: letter.written_at),
        )

    def letter(self, letter_id: str) -> Letter | None:
        """The letter with this id, if there is one."""
        return self._letters.by_id.get(letter_id)

    def activity_log(self) -> ActivityLog:
        """The person's own activities, plans and done entries."""
        return self._kept(
            "activity log",
            (self._own, self._plans, self._done),
            lambda: ActivityLog(
                own=tuple(self._own.by_id.values()),
                plans=tuple(sorted(self._plans.by_id.values(), key=lambda plan: plan.made_at)),
                done=tuple(sorted(self._done.by_id.values(), key=lambda entry: entry.at)),
            ),
        )

    def activity_statuses(self) -> dict[str, ActivityStatus]:
        """Where each activity stands (planned, done, when). Read only."""
        return self._kept(
            "statuses",
            (self._own, self._plans, self._done),
            lambda: statuses(self.activity_log()),
        )

    def intakes(self) -> list[IntakeRecord]:
        """Every completed intake, oldest first. Read only."""
        return self._kept(
            "intakes",
            (self._intakes,),
            lambda: sorted(self._intakes.by_id.values(), key=lambda record: record.taken_at),
        )

    def ticks(self) -> dict[str, bool]:
        """Which checklist items are ticked, by item key."""
        return dict(self._ticks.by_id)

    def checks(self) -> list[CheckRecord]:
        """Every readiness check, oldest first. Read only."""
        return self._kept(
            "checks",
            (self._checks,),
            lambda: sorted(self._checks.by_id.values(), key=lambda record: record.taken_at),
        )

    def setting(self, key: str, default: S) -> S:
        """A setting's value, or `default` when it was never set or is of another type
        (a file edited by hand: "ten" for a number of minutes)."""
        value = self._settings.by_id.get(key)
        if isinstance(value, bool) or not isinstance(value, type(default)):
            return default
        return value

    def setting_value(self, key: str) -> Any:
        """A setting's stored value as it is (None when never set), for settings that
        are not a number or a text; the caller reads it leniently."""
        return self._settings.by_id.get(key)

    def drafts(self) -> list[Draft]:
        """Every draft kept, oldest first. Read only."""
        return self._kept(
            "drafts",
            (self._drafts,),
            lambda: sorted(self._drafts.by_id.values(), key=lambda draft: draft.updated_at),
        )

    def draft(self, editor: str) -> Draft | None:
        """The draft kept for `editor`, if there is one."""
        return next((draft for draft in self.drafts() if draft.editor == editor), None)


__all__ = ["ReadModel"]
