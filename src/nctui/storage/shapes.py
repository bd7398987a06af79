"""The shape of every table's entries, declared once, and the check of a whole file.

Every entry read from the file (on opening, on reloading another window's changes, by
`nctui status`) passes its table's declaration before anything else sees it. An entry
that does not fit (a hand edit: a number where a date should be) is left out alone;
its text comes back with control characters as visible symbols, so text from the file
can never drive the terminal. Adding a table is one declaration and one entry in TABLES.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from typing import Any

from nctui.domain.frozen import frozen
from nctui.storage.atomic_file import RawData
from nctui.storage.fields import (
    Check,
    Fields,
    Maybe,
    WrongEntry,
    any_json,
    choice,
    day,
    flag,
    ident,
    list_of,
    map_of,
    moment,
    number,
    ref,
    row,
    text,
)

LONGEST_DAYS = 36_500
"""No period, plan or extension runs longer than a hundred years."""

# Each table's declaration is built on first use, importing the domain words it needs
# there: `nctui status` reads two tables, and must not load the rest of the domain.
# ruff: noqa: PLC0415


def _meta() -> Fields:
    # Only the version is read (before anything else, by `migrations`); the rest is
    # left unchecked, so an odd creation time never costs the file its version mark.
    return Fields(schema_version=number(1))


def _attempts() -> Fields:
    from nctui.domain.period import EndReason

    return Fields(
        id=ident,
        start=moment,
        length_days=number(1, LONGEST_DAYS),
        intake_id=Maybe(ref),
        ended_at=Maybe(moment),
        end_reason=Maybe(choice(EndReason)),
    )


def _events() -> Fields:
    from nctui.domain.ledger import Kind

    return Fields(
        id=ident,
        kind=choice(Kind),
        at=moment,
        logged=Maybe(moment),
        detail=Maybe(text()),
        note=Maybe(text()),
        attempt=Maybe(ref),
        restarted=Maybe(flag),
        # `triggers` and `source` are left to `event_from_doc`, which reads odd values
        # leniently: a hand-edited tag must not cost the person the event itself.
    )


def _intakes() -> Fields:
    from nctui.domain.intake import EndedBy, Ending, Goal, LooseEnd, YesNo

    return Fields(
        id=ident,
        taken_at=moment,
        answers=Fields(
            contact_stopped=day,
            together_months=number(0, 12 * 150),
            ending=choice(Ending),
            ended_by=choice(EndedBy),
            stay_friends=choice(YesNo),
            seeing_someone=choice(YesNo),
            single_issue=choice(YesNo),
            loose_ends=list_of(choice(LooseEnd)),
            other_loose_end=Maybe(text()),
            goal=choice(Goal),
        ),
        recommendation=Fields(
            days=number(1, LONGEST_DAYS),
            reasons=list_of(row(text(), text(), number(), flag)),
            helps=list_of(text()),
            warnings=list_of(text()),
        ),
        chosen_days=number(1, LONGEST_DAYS),
    )


def _checklist() -> Fields:
    return Fields(id=ident, done=flag, at=Maybe(moment))


def _checkins() -> Fields:
    from nctui.domain.checkin import SCALES, Rating

    def rating(which: Rating) -> Check:
        return number(SCALES[which].low, SCALES[which].high)

    return Fields(
        id=ident,
        day=day,
        mood=rating(Rating.MOOD),
        miss=rating(Rating.MISS),
        urge=rating(Rating.URGE),
        text=Maybe(text()),
        at=moment,
        # `prompt` and `prompt_id` are read leniently by `checkin_from_doc`: an odd
        # question must not cost the person the day's check-in.
    )


def _own_activities() -> Fields:
    from nctui.domain.activities import Category

    return Fields(
        id=ident, name=text(blank=False), category=choice(Category), added_at=Maybe(moment)
    )


def _activity_plans() -> Fields:
    from nctui.domain.activities import Category

    return Fields(
        id=ident,
        activity=ref,
        name=text(blank=False),
        category=choice(Category),
        day=day,
        made_at=moment,
        dropped_at=Maybe(moment),
    )


def _activity_done() -> Fields:
    from nctui.domain.activities import MAX_MINUTES, Category

    return Fields(
        id=ident,
        activity=ref,
        name=text(blank=False),
        category=choice(Category),
        at=moment,
        minutes=number(1, MAX_MINUTES),
        note=Maybe(text()),
        plan=Maybe(ref),
    )


def _letters() -> Fields:
    return Fields(
        id=ident,
        written=moment,
        text=text(),
        sealed=Maybe(moment),
        opened=Maybe(moment),
        early=Maybe(flag),
        earlier=Maybe(list_of(text())),
        updated=Maybe(moment),
    )


def _readiness() -> Fields:
    from nctui.domain.readiness import Verdict

    return Fields(
        id=ident,
        at=moment,
        answers=map_of(number()),
        score=number(),
        verdict=choice(Verdict),
        reasons=list_of(text()),
        extension_days=Maybe(number(0, LONGEST_DAYS)),
    )


def _settings() -> Fields:
    # A setting's type depends on the setting: `read_setting` compares it with its default.
    return Fields(id=ident, value=any_json)


def _drafts() -> Fields:
    # Text being written, kept until it is saved or thrown away.
    return Fields(
        id=ident, editor=ident, text=text(), updated_at=moment, fields=Maybe(map_of(text()))
    )


TABLES: Mapping[str, Callable[[], Fields]] = {
    "meta": _meta,
    "attempts": _attempts,
    "events": _events,
    "intakes": _intakes,
    "checklist": _checklist,
    "checkins": _checkins,
    "own_activities": _own_activities,
    "activity_plans": _activity_plans,
    "activity_done": _activity_done,
    "letters": _letters,
    "readiness": _readiness,
    "settings": _settings,
    "drafts": _drafts,
}
"""Every table nctui keeps, and the declaration of its entries' shape."""


_UNDECLARED = Fields()
"""A table this nctui does not know (added by hand, say): kept, with no field checked."""


@cache
def shape_of(table: str) -> Fields:
    """The shape `table`'s entries must have."""
    declare = TABLES.get(table)
    return _UNDECLARED if declare is None else declare()


def entries(table: str, docs: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """The documents of `table` that fit its shape, as the screens should see them."""
    shape = shape_of(table)
    for doc in docs:
        try:
            yield shape(doc)
        except WrongEntry:
            continue


@frozen
class Inspection:
    """A whole file checked entry by entry."""

    shown: RawData
    """Every entry that fits, as the screens should see it."""
    left_out: Mapping[str, tuple[str, ...]]
    """By table, the document numbers of entries that do not fit."""
    source: RawData

    @property
    def whole(self) -> bool:
        """Every entry fits."""
        return not self.left_out

    def kept(self) -> RawData:
        """The file as it should be written: the entries that fit, as they were stored."""
        return {
            table: {
                key: doc for key, doc in docs.items() if key not in self.left_out.get(table, ())
            }
            for table, docs in self.source.items()
        }

    def describe(self) -> str:
        """What was left out, for a person: "1 entry in your log and 2 letters"."""
        parts = []
        for table, keys in self.left_out.items():
            # A table nctui does not know (added by hand) can only go by its own name.
            one, many = TABLE_WORDS.get(table, (f"entry in {table!r}", f"entries in {table!r}"))
            parts.append(f"{len(keys)} {one if len(keys) == 1 else many}")
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]

    @property
    def count(self) -> int:
        """How many entries were left out, in all."""
        return sum(len(keys) for keys in self.left_out.values())


TABLE_WORDS = {
    "events": ("entry in your log", "entries in your log"),
    "checkins": ("check-in", "check-ins"),
    "letters": ("letter", "letters"),
    "intakes": ("set of intake answers", "sets of intake answers"),
    "checklist": ("checklist tick", "checklist ticks"),
    "attempts": ("no-contact period", "no-contact periods"),
    "own_activities": ("activity of your own", "activities of your own"),
    "activity_plans": ("planned activity", "planned activities"),
    "activity_done": ("done activity", "done activities"),
    "readiness": ("readiness check", "readiness checks"),
    "drafts": ("unsaved draft", "unsaved drafts"),
    "settings": ("setting", "settings"),
}
"""Each table's entries in the words a person knows them by: one, several."""


def inspect(data: RawData) -> Inspection:
    """Check every entry of `data` (whose tables are known to be objects)."""
    shown: RawData = {}
    left_out: dict[str, tuple[str, ...]] = {}
    for table, docs in data.items():
        shape = shape_of(table)
        changed: dict[str, dict[str, Any]] = {}
        wrong: list[str] = []
        for key, doc in docs.items():
            try:
                checked = shape(doc)
            except WrongEntry:
                wrong.append(key)
                continue
            if checked is not doc:
                changed[key] = checked
        if wrong:
            left_out[table] = tuple(wrong)
        if not (wrong or changed):
            shown[table] = docs  # the stored table itself: no copy of years of history
            continue
        skip = set(wrong)
        shown[table] = {key: changed.get(key, doc) for key, doc in docs.items() if key not in skip}
    return Inspection(shown, left_out, data)
