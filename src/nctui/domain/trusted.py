"""The trusted people: one or two names the person can turn to instead, and how to
reach them. Shown on the SOS card, a key away."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from nctui.domain.errors import AnswerError
from nctui.domain.frozen import frozen
from nctui.domain.text import clean_text

MAX_PEOPLE = 2
NAME_MAX_CHARS = 40
REACH_MAX_CHARS = 80


@frozen
class TrustedPerson:
    """Someone to talk to instead, and how to reach them (a number, a handle: free text)."""

    name: str
    reach: str = ""


def check_person(name: str, reach: str) -> TrustedPerson | None:
    """One person, cleaned; None when both are empty (no one there); else AnswerError."""
    name = " ".join(clean_text(name).split())
    reach = " ".join(clean_text(reach).split())
    if not name and not reach:
        return None
    if not name:
        raise AnswerError("A name, please, so the SOS card can say who to talk to.")
    if len(name) > NAME_MAX_CHARS:
        raise AnswerError(f"A name holds up to {NAME_MAX_CHARS} characters; this has {len(name)}.")
    if len(reach) > REACH_MAX_CHARS:
        raise AnswerError(
            f"How to reach them holds up to {REACH_MAX_CHARS} characters; this has {len(reach)}."
        )
    return TrustedPerson(name, reach)


def people_value(people: Iterable[TrustedPerson]) -> list[dict[str, str]]:
    """People as the setting stores them."""
    return [{"name": person.name, "reach": person.reach} for person in people][:MAX_PEOPLE]


def people_from(value: Any) -> tuple[TrustedPerson, ...]:
    """People from the stored setting. A hand edit may leave odd values: entries that are
    not a name (with text for how to reach them) are passed over, never an error."""
    if not isinstance(value, list):
        return ()
    found: list[TrustedPerson] = []
    for item in value:
        if not isinstance(item, Mapping):
            continue
        name, reach = item.get("name"), item.get("reach", "")
        if isinstance(name, str) and name.strip():
            found.append(
                TrustedPerson(name.strip(), reach.strip() if isinstance(reach, str) else "")
            )
    return tuple(found[:MAX_PEOPLE])


def talk_line(person: TrustedPerson) -> str:
    """ "Talk to Sam instead · 07700 900123"."""
    return f"Talk to {person.name} instead" + (f" · {person.reach}" if person.reach else "")
