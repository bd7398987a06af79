"""The ledger: everything that happened during the period, kept for good.

Events are only ever added. Each has a kind, the moment it happened (which the person
may set), the moment it was logged, an optional detail from a fixed list, and an
optional note in the person's own words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from nctui.domain.errors import AnswerError
from nctui.domain.text import NOTE_MAX_CHARS, clean_text, one_line, too_long

SUMMARY_WIDTH = 80


SOS_SOURCE = "sos"
"""The `source` of an urge logged by closing the SOS card with "I'm OK"."""


class Kind(StrEnum):
    """What kind of thing happened."""

    URGE = "urge"
    """An urge to get in touch, resisted."""
    SLIP = "slip"
    CONTACT = "contact"
    """Contact the person started."""
    ALLOWED = "allowed"
    """Contact for one of the legitimate reasons."""
    SIGN = "sign"
    """A sign from them that no contact is working."""
    EXTENSION = "extension"
    """The person added days to their period after a readiness check."""


LOG_TITLES: dict[Kind, str] = {
    Kind.URGE: "Log an urge you resisted",
    Kind.SLIP: "Log a slip",
    Kind.CONTACT: "Log contact you started",
    Kind.ALLOWED: "Log allowed contact",
    Kind.SIGN: "Log a sign from them",
    Kind.EXTENSION: "Extend the period",
}

TAGGED_KINDS: frozenset[Kind] = frozenset({Kind.URGE, Kind.SLIP})
"""The kinds of event that offer trigger tags."""

KIND_TITLES: dict[Kind, str] = {
    Kind.URGE: "Urge resisted",
    Kind.SLIP: "Slip",
    Kind.CONTACT: "Contact I started",
    Kind.ALLOWED: "Allowed contact",
    Kind.SIGN: "Sign from them",
    Kind.EXTENSION: "Period extended",
}

SLIPS: dict[str, str] = {
    "social_media": "Checked their social media",
    "asked_friends": "Asked friends for news of them",
    "drunk_message": "Texted or called after drinking",
    "bitter_post": "Posted something bitter",
    "romanticised": "Romanticised the past",
    "other": "Something else",
}

ALLOWED_REASONS: dict[str, str] = {
    "property": "Returning or collecting belongings",
    "finances": "Closing joint accounts, bills or subscriptions",
    "emergency": "An emergency they needed to know about",
    "major_event": "Wishing them well on a major event",
    "apology": "Apologising for something I did",
}

SIGNS: dict[str, str] = {
    "texted_first": "They texted first",
    "social_activity": "Sudden likes or comments on my posts",
    "ran_into": "We ran into each other and they reached out",
    "asked_friends": "They asked mutual friends about me",
    "missing_posts": "Their posts suggest they miss me",
    "special_occasion": "A message on a special occasion",
}

DETAILS: dict[Kind, dict[str, str]] = {
    Kind.SLIP: SLIPS,
    Kind.ALLOWED: ALLOWED_REASONS,
    Kind.SIGN: SIGNS,
}

LOGGING: dict[Kind, str] = {
    Kind.URGE: "the urge you were logging",
    Kind.SLIP: "the slip you were logging",
    Kind.CONTACT: "the contact you were logging",
    Kind.ALLOWED: "the allowed contact you were logging",
    Kind.SIGN: "the sign from them you were logging",
}
"""What an unfinished log of each kind is called, in a note about words kept for it."""


def draft_line(kind: Kind, fields: Mapping[str, str]) -> str:
    """What an unsaved log holds besides its note, in a line:
    "Texted or called after drinking · when: 21:30"."""
    parts = []
    detail = DETAILS.get(kind, {}).get(fields.get("detail", ""))
    if detail:
        parts.append(detail)
    when = fields.get("when", "").strip()
    if when and when.lower() != "now":
        parts.append(f"when: {when}")
    return " · ".join(parts)


def in_sentence(label: str) -> str:
    """A list label read inside a sentence: only its first letter made small, so "I"
    stays a capital ("apologising for something I did")."""
    return label[:1].lower() + label[1:]


ALLOWED_TIPS = (
    "Keep it short and practical: what is needed, when, and where.",
    "Stick to the one reason; leave the relationship out of it.",
    "Write it first, wait a few minutes, then send it.",
    "End kindly, and log it here so your history stays whole.",
)


@dataclass(frozen=True)
class LedgerEvent:
    """One thing that happened."""

    id: str
    kind: Kind
    at: datetime
    logged_at: datetime
    detail: str | None = None
    note: str = ""
    attempt_id: str | None = None
    restarted: bool = False
    """For contact: whether it restarted the period."""
    triggers: tuple[str, ...] = ()
    """Trigger tag keys for an urge or a slip (`nctui.domain.triggers`), in the list's order."""
    source: str | None = None
    """Where it was logged from, when not the ledger keys: "sos" for the SOS card."""

    @property
    def title(self) -> str:
        """The event as one short line: its kind, and its detail if it has one."""
        detail = DETAILS.get(self.kind, {}).get(self.detail or "")
        return f"{KIND_TITLES[self.kind]}: {detail}" if detail else KIND_TITLES[self.kind]

    @property
    def summary(self) -> str:
        """The event as one short line in the person's terms: for "something else", the
        words they wrote, since the list's name for it says nothing."""
        if self.detail == "other" and self.note.strip():
            return f"{KIND_TITLES[self.kind]}: {one_line(self.note, SUMMARY_WIDTH)}"
        return self.title


_CLOCK = r"(\d{1,2}):(\d{2})"
_AGO = re.compile(r"^(\d{1,4})\s*(m|min|mins|minutes?|h|hrs?|hours?)\s+ago$")


FUTURE_GRACE = timedelta(minutes=1)
"""How far ahead a logged time may be: another device's clock may run a little fast."""


def _at_time(day: datetime, hour: int, minute: int, text: str) -> datetime:
    if hour > 23 or minute > 59:
        raise AnswerError(f"{text} is not a time of day. Use 24-hour time, like 21:30.")
    wall = day.replace(tzinfo=None).replace(hour=hour, minute=minute, second=0, microsecond=0)
    return wall.replace(tzinfo=day.tzinfo)


def parse_event_time(text: str, now: datetime) -> datetime:
    """When something happened: "now", "21:30", "yesterday 21:30", "2 hours ago",
    "45 min ago" or "2026-11-20 21:30"."""
    cleaned = " ".join(text.strip().lower().split())
    if cleaned in {"", "now"}:
        return now
    if match := re.fullmatch(_CLOCK, cleaned):
        at = _at_time(now, int(match[1]), int(match[2]), text.strip())
        # "21:30" typed in the morning means last night, not tonight; a minute ahead is
        # only a clock running fast, as in `check_event`.
        if at <= now + FUTURE_GRACE:
            return at
        return _at_time(now - timedelta(days=1), at.hour, at.minute, text)
    if match := re.fullmatch(r"yesterday " + _CLOCK, cleaned):
        return _at_time(now - timedelta(days=1), int(match[1]), int(match[2]), text.strip())
    if match := _AGO.match(cleaned):
        amount = int(match[1])
        unit = timedelta(hours=1) if match[2].startswith("h") else timedelta(minutes=1)
        return now - amount * unit
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2}) " + _CLOCK, cleaned):
        year, month, day, hour, minute = (int(part) for part in match.groups())
        try:
            wall = datetime(year, month, day, tzinfo=now.tzinfo)
        except ValueError:
            raise AnswerError(f"{text.strip()} is not a real date.") from None
        return _at_time(wall, hour, minute, text.strip())
    raise AnswerError(
        "Try “now”, a time like 21:30, “yesterday 21:30”, “2 hours ago” or “2026-11-20 21:30”."
    )


def check_event(  # noqa: PLR0917 - every part of an event is checked together
    kind: Kind,
    detail: str | None,
    note: str,
    at: datetime,
    now: datetime,
    period_start: datetime | None,
) -> str:
    """The cleaned note, once the event is known to make sense; else AnswerError."""
    if at > now + FUTURE_GRACE:
        raise AnswerError("That time has not come yet. Log things once they have happened.")
    if period_start is not None and at < period_start:
        raise AnswerError(
            "That is before this period started, so it cannot go in it. Check the day and the time."
        )
    options = DETAILS.get(kind)
    if options is not None and detail not in options:
        raise AnswerError("Choose what it was from the list.")
    cleaned = clean_text(note)
    if len(cleaned) > NOTE_MAX_CHARS:
        raise AnswerError(
            f"{too_long('note', len(cleaned), NOTE_MAX_CHARS)} "
            "The journal is the place for longer writing."
        )
    if detail == "other" and not cleaned:
        raise AnswerError("You chose “something else”: a few words on what it was, please.")
    return cleaned
