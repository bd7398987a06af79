"""The status summary: what `nctui status` needs, kept beside the data file.

`nctui status` runs before every shell prompt, so it must not read and decode years
of history each time. The writer (`Repository`) keeps this small file beside the data
file after each write: the attempts, the times of slips and contacts, the latest
check-in days and the day-start hour, the only inputs of the status line and of
`--json`'s card, stamped with the identity of the data file it was made from (inode,
modification time in nanoseconds, size). `nctui status` uses it only while the data
file still has that identity; a hand edit, a copy from elsewhere or an older nctui's
write changes the stamp, and the status line is worked out from the whole file again.

It holds dates, lengths and plan numbers only, never anything a person wrote: a plan's
id is replaced by its number in the file, which keeps the one thing that matters (two
attempts of one plan or of two). Reading it needs no JSON, regular expressions or
dataclasses, which are most of what a status line would otherwise cost.
"""

from __future__ import annotations

import os
from datetime import datetime

from nctui.domain.period import Attempt, EndReason

TYPE_CHECKING = False
if TYPE_CHECKING:
    from nctui.storage.period_inputs import DayInputs, Setback, StatusInputs

SUFFIX = ".status"
"""Added to the data file's name: nctui.json.status."""
_HEADER = "nctui status summary 2"
_END = "end"
_NONE = "-"


def summary_path(data_path: str | os.PathLike[str]) -> str:
    """Where the summary of the data file at `data_path` is kept."""
    return os.fspath(data_path) + SUFFIX


def _stamp(info: os.stat_result) -> str:
    return f"file {info.st_ino} {info.st_mtime_ns} {info.st_size}"


def summary_bytes(attempts: list[Attempt], day: DayInputs, info: os.stat_result) -> bytes:
    """The summary of a data file whose identity is `info`, holding `attempts` and `day`
    (as `status_inputs` gives them)."""
    plans: dict[str, str] = {}
    lines = [_HEADER, _stamp(info)]
    for attempt in attempts:
        plan = _NONE
        if attempt.intake_id is not None:
            plan = plans.setdefault(attempt.intake_id, str(len(plans)))
        ended = _NONE if attempt.ended_at is None else attempt.ended_at.isoformat()
        reason = _NONE if attempt.end_reason is None else attempt.end_reason.value
        start = attempt.start.isoformat()
        lines.append(f"attempt {start} {int(attempt.length_days)} {ended} {reason} {plan}")
    setbacks, checkins, hour = day
    lines.extend(f"setback {kind} {at.isoformat()} {int(again)}" for kind, at, again in setbacks)
    lines.extend(f"checkin {text}" for text in checkins)
    if hour is not None:
        lines.append(f"daystart {hour}")
    lines.append(_END)
    return ("\n".join(lines) + "\n").encode("ascii")


def read_summary(data_path: str) -> StatusInputs | None:
    """What the summary holds for the data file at `data_path` (as `status_inputs` gives
    it), or None when there is no summary of the file as it is now (or it cannot be read)."""
    # os rather than pathlib: importing pathlib would cost the status line a third more.
    try:
        info = os.stat(data_path)  # noqa: PTH116
        with open(summary_path(data_path), encoding="utf-8") as handle:  # noqa: PTH123
            lines = handle.read().split("\n")
    except (OSError, ValueError):
        return None
    if lines[:2] != [_HEADER, _stamp(info)] or lines[-2:] != [_END, ""]:
        return None
    attempts: list[Attempt] = []
    setbacks: list[Setback] = []
    checkins: list[str] = []
    hour: int | None = None
    try:
        for line in lines[2:-2]:
            kind, _, rest = line.partition(" ")
            if kind == "setback":
                setbacks.append(_setback(rest))
            elif kind == "attempt":
                attempts.append(_attempt(len(attempts), rest))
            elif kind == "checkin":
                checkins.append(rest)
            elif kind == "daystart":
                hour = int(rest)
            else:
                return None
    except ValueError:
        return None
    contacts = [at for what, at, _ in setbacks if what == "contact"]
    return attempts, contacts, (setbacks, checkins, hour)


def _setback(text: str) -> Setback:
    kind, at, restarted = text.split(" ")
    if kind not in {"slip", "contact"} or restarted not in {"0", "1"}:
        raise ValueError("not a summarised slip or contact")
    return kind, _moment(at), restarted == "1"


def _attempt(number: int, text: str) -> Attempt:
    start, length, ended, reason, plan = text.split(" ")
    return Attempt(
        id=str(number),
        start=_moment(start),
        length_days=int(length),
        intake_id=None if plan == _NONE else plan,
        ended_at=None if ended == _NONE else _moment(ended),
        end_reason=None if reason == _NONE else EndReason(reason),
    )


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError("a summarised time lacks its UTC offset")
    return moment
