"""Reading stored documents back into the domain's records, and stored times.

Every document was checked against its table's declared shape when it was read from the
file (`shapes`), so the readers here only convert. `parse_all` still passes over one
that fails to convert, so a gap between a declaration and its reader costs an entry on
screen, never a crash (the fault tests check that there is no such gap).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any, TypeVar

Record = TypeVar("Record")


def parse_all(
    docs: Iterable[Mapping[str, Any]], parse: Callable[[Mapping[str, Any]], Record]
) -> list[Record]:
    """Every document that parses, in stored order."""
    records = []
    for doc in docs:
        try:
            records.append(parse(doc))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return records


def stamp(moment: datetime) -> str:
    """A moment as stored: ISO 8601 with its UTC offset, to the second."""
    if moment.tzinfo is None:
        raise ValueError("stored times must be time-zone aware")
    return moment.isoformat(timespec="seconds")


def moment(text: str) -> datetime:
    """A stored moment read back; it must carry its UTC offset."""
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError(f"no UTC offset in {text!r}")
    return value


def optional_moment(text: str | None) -> datetime | None:
    """A stored moment that may be missing."""
    return None if text is None else moment(text)
