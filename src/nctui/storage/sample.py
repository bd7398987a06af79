"""Made-up history for screenshots, demos and the benchmarks. Never used on real data.

The generator is seeded, so the same arguments always give the same file.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from nctui.storage.atomic_file import RawData, atomic_write_bytes, encode
from nctui.storage.location import DATA_FILE_NAME, prepare_data_dir
from nctui.storage.migrations import new_data
from nctui.storage.ops import new_id
from nctui.storage.sample_activities import sample_activity_tables

JOURNAL_LINES = (
    "Woke up early and went for a walk before work.",
    "Saw a song title that reminded me of them. Let it pass.",
    "Had dinner with Sam. Laughed more than I expected to.",
    "Hard evening. Wrote instead of texting.",
    "Started the pottery class. My bowl is a disaster and I love it.",
    "Thought about the trip we never took. Booked a weekend away with my sister.",
    "Muted their stories for good.",
    "Slept badly, but the morning run helped.",
)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _journal(rng: random.Random) -> str:
    return " ".join(rng.choice(JOURNAL_LINES) for _ in range(rng.randint(1, 6)))


def sample_history(now: datetime, years: float, *, seed: int = 7) -> RawData:
    """`years` of plausible history ending at `now`: attempts, events and check-ins."""
    rng = random.Random(seed)
    data = new_data(now - timedelta(days=365 * years))
    tables: dict[str, list[dict[str, Any]]] = {"attempts": [], "events": [], "checkins": []}
    day = now - timedelta(days=round(365 * years))
    while day < now:
        length = rng.choice((30, 60, 90))
        attempt = {"id": new_id(), "start": _iso(day), "length_days": length}
        tables["attempts"].append(attempt)
        run = rng.randint(5, length)
        for offset in range(run):
            moment = day + timedelta(days=offset, hours=rng.randint(7, 22))
            if moment >= now:
                break
            for _ in range(rng.choices((0, 1, 2, 3), weights=(3, 4, 2, 1))[0]):
                tables["events"].append(
                    {"id": new_id(), "kind": "urge", "at": _iso(moment), "attempt": attempt["id"]}
                )
            if rng.random() < 0.85:
                checkin: dict[str, Any] = {
                    "id": new_id(),
                    "day": moment.date().isoformat(),
                    "mood": rng.randint(2, 9),
                    "miss": rng.randint(0, 10),
                    "urge": rng.randint(0, 10),
                    "at": _iso(moment),
                }
                if rng.random() < 0.4:
                    checkin["text"] = _journal(rng)
                tables["checkins"].append(checkin)
        day += timedelta(days=run)
        tables["events"].append(
            {"id": new_id(), "kind": "contact", "at": _iso(day), "attempt": attempt["id"]}
        )
    tables.update(sample_activity_tables(now))
    for name, docs in tables.items():
        data[name] = {str(index): doc for index, doc in enumerate(docs, start=1)}
    return data


def write_sample_history(data_dir: Path, now: datetime, years: float) -> Path:
    """Write a data file holding `years` of sample history; return its path."""
    prepare_data_dir(data_dir)
    path = data_dir / DATA_FILE_NAME
    atomic_write_bytes(path, encode(sample_history(now, years)))
    return path
