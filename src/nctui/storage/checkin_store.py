"""Daily check-ins and the "my day starts at" setting, as stored.

Every save of a check-in is a new document, one per version, so an edit never
overwrites what was there: the day's current check-in is its latest version. Two
copies of nctui saving the same day both add a version; neither is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from nctui.domain.checkin import (
    CheckIn,
    CheckInValues,
    DayEntry,
    Rating,
    day_entries,
)
from nctui.storage.ops import Insert, Put, new_id
from nctui.storage.records import moment, parse_all, stamp
from nctui.storage.settings import setting_op

if TYPE_CHECKING:
    from nctui.storage.repository import Repository

CHECKINS = "checkins"
DAY_START = "day_start_hour"


def checkin_from_doc(doc: Mapping[str, Any]) -> CheckIn:
    """One version of a check-in from its stored document (of the shape `shapes` declares)."""
    return CheckIn(
        id=doc["id"],
        day=date.fromisoformat(doc["day"]),
        mood=doc[Rating.MOOD],
        miss=doc[Rating.MISS],
        urge=doc[Rating.URGE],
        text=doc.get("text") or "",
        at=moment(doc["at"]),
        prompt=_text_or_blank(doc.get("prompt")),
        prompt_id=_text_or_blank(doc.get("prompt_id")),
    )


def _text_or_blank(value: Any) -> str:
    # A hand edit may leave a number where the question was: the check-in still counts.
    return value if isinstance(value, str) else ""


def checkin_op(day: date, values: CheckInValues, at: datetime) -> Insert:
    """The change that saves a version of `day`'s check-in; an empty text is left out."""
    doc: dict[str, Any] = {
        "id": new_id(),
        "day": day.isoformat(),
        "mood": values.mood,
        "miss": values.miss,
        "urge": values.urge,
        "at": stamp(at),
    }
    if values.text:
        doc["text"] = values.text
    if values.text and values.prompt:
        doc["prompt"] = values.prompt
        doc["prompt_id"] = values.prompt_id
    return Insert(CHECKINS, doc)


def load_checkins(repository: Repository) -> list[CheckIn]:
    """Every saved version, in the order saved."""
    return parse_all(repository.documents(CHECKINS), checkin_from_doc)


def load_entries(repository: Repository) -> list[DayEntry]:
    """Every day with a check-in, oldest first, each with all its versions."""
    return day_entries(load_checkins(repository))


def day_start_op(hour: int) -> Put:
    """The change that sets the hour the day starts at."""
    return setting_op(DAY_START, hour)
