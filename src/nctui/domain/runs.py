"""Runs without contact: the current one, the longest, and the total.

A run is a stretch of tracked time with no contact the person started. Contact breaks a
run whether or not it restarted the period (the dates may be kept; the honest count of
days without contact starts again). Allowed contacts never break a run. Time that no
attempt covers (before the first plan, or between a contact and a later plan) is not
counted.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from itertools import pairwise

from nctui.domain.frozen import frozen
from nctui.domain.period import Attempt, EndReason, local, wall_days, zone_of


@frozen
class Run:
    """One stretch without contact."""

    start: datetime
    stop: datetime
    ongoing: bool


@frozen
class Record:
    """The person's record, in whole days."""

    current_run_days: int
    longest_run_days: int
    total_days: int
    attempts: int
    contacts: int


def _covered(attempts: Sequence[Attempt], now: datetime) -> list[tuple[datetime, datetime]]:
    ordered = sorted(attempts, key=lambda attempt: attempt.start)
    spans = []
    for index, attempt in enumerate(ordered):
        following = ordered[index + 1].start if index + 1 < len(ordered) else None
        if attempt.ended_at is None or attempt.end_reason is EndReason.COMPLETE:
            # A finished period keeps counting until something else happens.
            stop = following if following is not None else now
        else:
            stop = attempt.ended_at
        start = min(attempt.start, now)
        spans.append((start, max(start, min(stop, now))))
    merged: list[tuple[datetime, datetime]] = []
    for start, stop in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], stop))
        else:
            merged.append((start, stop))
    return merged


def _implied_contacts(attempts: Sequence[Attempt], zone: tzinfo) -> list[datetime]:
    # Taking the intake again with a later "contact stopped" day says contact happened
    # in between, even if it was never logged. The same day is only a changed plan.
    ordered = sorted(attempts, key=lambda attempt: attempt.start)
    return [
        later.start
        for earlier, later in pairwise(ordered)
        if earlier.end_reason is EndReason.NEW_PLAN
        and local(later.start, zone).date() > local(earlier.start, zone).date()
    ]


def runs(attempts: Sequence[Attempt], contacts: Sequence[datetime], now: datetime) -> list[Run]:
    """Every run, oldest first; the last is ongoing if it reaches `now`."""
    cuts = sorted({*contacts, *_implied_contacts(attempts, zone_of(now))})
    result = []
    for span_start, span_stop in _covered(attempts, now):
        start = span_start
        for cut in cuts:
            if span_start < cut <= span_stop:
                result.append(Run(start, cut, ongoing=False))
                start = cut
        result.append(Run(start, span_stop, ongoing=span_stop >= now))
    return result


def record(attempts: Sequence[Attempt], contacts: Sequence[datetime], now: datetime) -> Record:
    """Current run, longest run and total days without contact."""
    zone = zone_of(now)
    all_runs = runs(attempts, [c for c in contacts if c <= now], now)
    lengths = [wall_days(run.start, run.stop, zone) for run in all_runs]
    current = lengths[-1] if all_runs and all_runs[-1].ongoing else 0
    return Record(
        current_run_days=current,
        longest_run_days=max(lengths, default=0),
        total_days=sum(lengths),
        attempts=len(attempts),
        contacts=len(contacts),
    )
