"""What the tests of encrypted data share: passphrases, a sentence to look for, and
notes written straight through the coach (a table of their own, read back sorted)."""

from __future__ import annotations

from nctui.coach.coach import Coach
from nctui.storage.ops import Insert, new_id

PASSPHRASE = "blue kettle on the hill"
OTHER = "seven quiet lanterns"
SENTENCE = "I still miss the way she laughed at the station"


def note(coach: Coach, text: str) -> None:
    """Write one note, as any change a person makes."""
    coach.apply(Insert("notes", {"id": new_id(), "note": text}))


def notes(coach: Coach) -> list[str]:
    """Every note the coach holds, sorted."""
    return sorted(doc["note"] for doc in coach.repository.table("notes").all())
