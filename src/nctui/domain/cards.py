"""The day card: a few lines for today, chosen by a rule from where the person is.

Each card says what many people feel around this point, one small thing to do today,
and a question to write about. The cards live in `nctui/data/cards.toml`, each tagged
with the guide section it draws on, and are checked as they load.

Which card shows (`card_for`), first match wins:

1. No plan: the no-plan cards, taking turns by date.
2. Period over: the card written for that many days after its last day (the day it
   ended and the day after have one), else the other "over" cards, taking turns.
3. A restart, or a slip (including contact that kept the dates), today or on the check-in
   day before: the restart or slip cards, taking turns by day, the newest event deciding.
4. The final day of the period, then the day before it.
5. The card written for this day number (every day from 1 to 30, then weekly to 90,
   then the later milestones).
6. Any other day: the "ongoing" cards, taking turns by day.

`card_day` turns what the dashboard already has (the period status, the ledger, the
clock and the day-start hour) into the plain values `card_for` needs; `today_card` does
both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum
from functools import cache
from typing import Any

from nctui.domain.checkin import checkin_day
from nctui.domain.data_files import (
    CatalogueError,
    entries,
    key_field,
    shipped_entries,
    text_field,
)
from nctui.domain.frozen import frozen
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.domain.period import PeriodStatus, State, local, zone_of

CARDS_FILE = "cards.toml"
TITLE_MAX_CHARS = 40
FIELD_MAX_CHARS = 160
"""Two sentences at most: three fields and a title fit a small panel at 80x24."""

FEEL_LABEL = "Around now"
DO_LABEL = "Today"
ASK_LABEL = "To write about"


class Occasion(StrEnum):
    """What a card is for."""

    DAY = "day"
    """A day of the period, by its number (`days`)."""
    ONGOING = "ongoing"
    """Any day without a card of its own, in turn."""
    NEAR_END = "near-end"
    """The day before the final day."""
    FINAL = "final"
    """The last day of the period."""
    OVER = "over"
    """After the period ended; `days`, if given, counts days since its last day (0 for
    the day it ended, 1 for the day after)."""
    SLIP = "slip"
    """The day of a slip and the day after."""
    RESTART = "restart"
    """The day the period started again after contact, and the day after."""
    NO_PLAN = "no-plan"
    """No period yet."""


WITH_DAYS: frozenset[Occasion] = frozenset({Occasion.DAY, Occasion.OVER})
"""The occasions whose cards may name days."""


class Section(StrEnum):
    """The part of the guide a card or prompt draws on."""

    WHAT_IT_IS = "what-it-is"
    HEALING = "healing"
    BENEFITS = "benefits"
    STARTING = "starting"
    AVOID = "avoid"
    SPENDING_TIME = "spending-time"
    ALLOWED_CONTACT = "allowed-contact"
    HOW_LONG = "how-long"
    RISKS = "risks"
    SIGNS = "signs"
    ENDING = "ending"
    NO_GUARANTEES = "no-guarantees"


SECTION_TITLES: dict[Section, str] = {
    Section.WHAT_IT_IS: "What no contact is",
    Section.HEALING: "Time to heal",
    Section.BENEFITS: "What it gives you",
    Section.STARTING: "Starting well",
    Section.AVOID: "What to avoid",
    Section.SPENDING_TIME: "Spending the time",
    Section.ALLOWED_CONTACT: "Allowed contact",
    Section.HOW_LONG: "How long",
    Section.RISKS: "The risks",
    Section.SIGNS: "Signs from them",
    Section.ENDING: "When it ends",
    Section.NO_GUARANTEES: "No guarantees",
}


@frozen
class Card:
    """One day card."""

    id: str
    occasion: Occasion
    days: tuple[int, ...]
    title: str
    feel: str
    """What many people feel around this point."""
    do: str
    """One small thing to do today."""
    ask: str
    """A question to write about; also today's journal prompt."""
    section: Section


@frozen
class Deck:
    """Every card, with the lookups `card_for` needs."""

    cards: tuple[Card, ...]
    by_day: Mapping[tuple[Occasion, int], Card]
    turns: Mapping[Occasion, tuple[Card, ...]]
    """The cards that take turns, for each occasion (those without days)."""

    def card(self, card_id: str) -> Card | None:
        """The card with this id, if there is one."""
        return next((card for card in self.cards if card.id == card_id), None)


# -- reading the file ------------------------------------------------------------------

_FIELDS = frozenset({"id", "when", "days", "title", "feel", "do", "ask", "section"})


def _days(entry: Mapping[str, Any], occasion: Occasion, where: str) -> tuple[int, ...]:
    raw = entry.get("days", [])
    if not isinstance(raw, list) or not all(
        isinstance(day, int) and not isinstance(day, bool) for day in raw
    ):
        raise CatalogueError(f"{where}: 'days' must be a list of whole numbers")
    if raw and occasion not in WITH_DAYS:
        raise CatalogueError(f"{where}: a {occasion} card takes turns; it cannot name days")
    if occasion is Occasion.DAY and not raw:
        raise CatalogueError(f"{where}: a day card needs 'days'")
    first = 1 if occasion is Occasion.DAY else 0
    if any(day < first for day in raw):
        raise CatalogueError(f"{where}: {occasion} days count from {first}")
    return tuple(raw)


def _card(entry: Mapping[str, Any], index: int) -> Card:
    where = f"{CARDS_FILE}, card {index}"
    card_id = key_field(entry, where)
    where = f"{CARDS_FILE}, card {card_id!r}"
    unknown = set(entry) - _FIELDS
    if unknown:
        raise CatalogueError(f"{where}: unknown field {sorted(unknown)[0]!r}")
    try:
        occasion = Occasion(str(entry.get("when")))
    except ValueError:
        known = ", ".join(occasion.value for occasion in Occasion)
        raise CatalogueError(f"{where}: 'when' must be one of {known}") from None
    try:
        section = Section(str(entry.get("section")))
    except ValueError:
        known = ", ".join(section.value for section in Section)
        raise CatalogueError(f"{where}: 'section' must be one of {known}") from None
    ask = text_field(entry, "ask", where, FIELD_MAX_CHARS)
    if not ask.endswith("?"):
        raise CatalogueError(f"{where}: 'ask' must be a question")
    return Card(
        id=card_id,
        occasion=occasion,
        days=_days(entry, occasion, where),
        title=text_field(entry, "title", where, TITLE_MAX_CHARS),
        feel=text_field(entry, "feel", where, FIELD_MAX_CHARS),
        do=text_field(entry, "do", where, FIELD_MAX_CHARS),
        ask=ask,
        section=section,
    )


def build_deck(cards: Sequence[Card]) -> Deck:
    """A deck from checked cards: unique ids and days, and a card for every occasion."""
    by_day: dict[tuple[Occasion, int], Card] = {}
    turns: dict[Occasion, list[Card]] = {occasion: [] for occasion in Occasion}
    seen: set[str] = set()
    for card in cards:
        if card.id in seen:
            raise CatalogueError(f"{CARDS_FILE}: the id {card.id!r} is used twice")
        seen.add(card.id)
        for day in card.days:
            other = by_day.setdefault((card.occasion, day), card)
            if other is not card:
                raise CatalogueError(
                    f"{CARDS_FILE}: {other.id!r} and {card.id!r} are both for {card.occasion} {day}"
                )
        if not card.days:
            turns[card.occasion].append(card)
    for occasion, pool in turns.items():
        if not pool and occasion is not Occasion.DAY:
            raise CatalogueError(f"{CARDS_FILE}: no {occasion} card to take turns (one is needed)")
    return Deck(tuple(cards), by_day, {occasion: tuple(pool) for occasion, pool in turns.items()})


def parse_deck(text: str) -> Deck:
    """The deck from the cards file's TOML text, checked; else CatalogueError saying why."""
    return deck_of(entries(text, "card", CARDS_FILE))


def deck_of(found: Sequence[Mapping[str, Any]]) -> Deck:
    """The deck from the cards file's `[[card]]` entries (each known to be a table),
    checked; else CatalogueError saying why."""
    return build_deck([_card(entry, index) for index, entry in enumerate(found, 1)])


@cache
def deck() -> Deck:
    """The cards shipped with nctui (read once, then kept), checked as `parse_deck`
    checks them (read from the file's JSON copy: see `nctui.domain.data_files`)."""
    return deck_of(shipped_entries(CARDS_FILE, "card"))


# -- choosing today's card -------------------------------------------------------------


class Setback(StrEnum):
    """Something recent that today's card should speak to."""

    SLIP = "slip"
    RESTART = "restart"


@frozen
class CardDay:
    """Everything that decides today's card, as plain values."""

    state: State
    day: int = 0
    """Day N of a running period, as the dashboard shows it."""
    days_to_end: int | None = None
    """A running period: calendar days from today to its last day (0 on the last day)."""
    days_over: int = 0
    """A finished period: days since its last day (0 if it ended today, 1 the day after)."""
    setback: Setback | None = None
    """A running period: a slip or restart today or on the check-in day before."""
    ordinal: int = 0
    """Today's date as `date.toordinal()`: turns taken where no day is counted."""


def _turn(pool: tuple[Card, ...], number: int) -> Card:
    return pool[number % len(pool)]


def card_for(today: CardDay, cards: Deck | None = None) -> Card:
    """Today's card, by the rule in this module's docstring (always one, never None)."""
    cards = cards or deck()
    turns = cards.turns
    if today.state is State.NO_PLAN:
        return _turn(turns[Occasion.NO_PLAN], today.ordinal)
    if today.state is State.COMPLETE:
        days_over = max(0, today.days_over)
        written = cards.by_day.get((Occasion.OVER, days_over))
        return written or _turn(turns[Occasion.OVER], days_over)
    return _running_card(today, cards)


def _running_card(today: CardDay, cards: Deck) -> Card:
    turns = cards.turns
    day = max(1, today.day)
    if today.setback is Setback.RESTART:
        return _turn(turns[Occasion.RESTART], day - 1)  # day 1 is the restart's own day
    if today.setback is Setback.SLIP:
        return _turn(turns[Occasion.SLIP], day)
    if today.days_to_end == 0:
        return _turn(turns[Occasion.FINAL], day)
    if today.days_to_end == 1:
        return _turn(turns[Occasion.NEAR_END], day)
    return cards.by_day.get((Occasion.DAY, day)) or _turn(turns[Occasion.ONGOING], day)


def last_day_of(end: datetime, zone: tzinfo) -> datetime:
    """The last moment inside a period that ends at `end`, in `zone` (a period ending at
    midnight has its last day before it)."""
    return local(end, zone) - timedelta(microseconds=1)


def recent_setback(
    events: Iterable[LedgerEvent], now: datetime, day_start_hour: int
) -> Setback | None:
    """A slip or contact on today's or yesterday's check-in day, the newest one deciding.

    Contact that restarted the period is a restart; contact that kept the dates, a slip.
    """
    zone = zone_of(now)
    today = checkin_day(local(now, zone), day_start_hour)
    newest: LedgerEvent | None = None
    for event in events:
        if event.kind not in {Kind.SLIP, Kind.CONTACT} or event.at > now:
            continue
        if (today - checkin_day(local(event.at, zone), day_start_hour)).days > 1:
            continue
        if newest is None or event.at >= newest.at:
            newest = event
    if newest is None:
        return None
    return Setback.RESTART if newest.restarted else Setback.SLIP


def card_day(
    status: PeriodStatus, events: Iterable[LedgerEvent], now: datetime, day_start_hour: int
) -> CardDay:
    """The plain values for `card_for`, from what the dashboard already holds.

    Day numbers and the last day follow the calendar, as the dashboard's own "Day N" and
    "last day" do; the slip or restart window follows check-in days, so a slip at 1 a.m.
    belongs to the evening before.
    """
    zone = zone_of(now)
    today = local(now, zone).date()
    ordinal = today.toordinal()
    if status.state is State.NO_PLAN or status.end is None:
        return CardDay(State.NO_PLAN, ordinal=ordinal)
    last = last_day_of(status.end, zone).date()
    if status.state is State.COMPLETE:
        return CardDay(State.COMPLETE, days_over=(today - last).days, ordinal=ordinal)
    return CardDay(
        State.ACTIVE,
        day=status.day,
        days_to_end=(last - today).days,
        setback=recent_setback(events, now, day_start_hour),
        ordinal=ordinal,
    )


def today_card(
    status: PeriodStatus,
    events: Iterable[LedgerEvent],
    now: datetime,
    day_start_hour: int,
    cards: Deck | None = None,
) -> Card:
    """Today's card for the dashboard: `card_for(card_day(...))`."""
    return card_for(card_day(status, events, now, day_start_hour), cards)
