"""The readable export: a Markdown document a person could print.

Its own words are plain headings and labels; what the person wrote is quoted as they
wrote it. Sealed letters stay out unless asked for, and are then marked sealed.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from nctui.domain.humanize import day_text, plural
from nctui.domain.ledger import LedgerEvent
from nctui.domain.period import Attempt, EndReason, end_of
from nctui.domain.readiness import VERDICT_TITLES
from nctui.domain.triggers import triggers_text

if TYPE_CHECKING:
    from nctui.coach.coach import Coach

ENDINGS = {
    EndReason.COMPLETE: "completed",
    EndReason.CONTACT: "restarted after contact",
    EndReason.NEW_PLAN: "replaced by a new plan",
}


def _quote(text: str) -> list[str]:
    # Every line quoted, so the person's words can never be read as the document's
    # own headings or lists.
    return [f"> {line}".rstrip() for line in text.strip().splitlines()] + [""]


def _inline(text: str) -> str:
    # A question on one line, its Markdown marks escaped, so it reads as it was asked.
    flat = " ".join(text.split())
    return "".join(f"\\{char}" if char in "\\`*_[]<>#|" else char for char in flat)


def _hm(moment: datetime, zone: tzinfo | None) -> str:
    return f"{moment.astimezone(zone):%H:%M}"


def _periods(attempts: list[Attempt], zone: tzinfo, now: datetime) -> list[str]:
    lines = ["## Periods", ""]
    if not attempts:
        return [*lines, "No period planned yet.", ""]
    for number, attempt in enumerate(attempts, start=1):
        start = attempt.start.astimezone(zone)
        end = end_of(attempt, zone)
        if attempt.ended_at is not None and attempt.end_reason is not None:
            ended = attempt.ended_at.astimezone(zone).date()
            how = f"{ENDINGS[attempt.end_reason]} on {day_text(ended)}"
        elif end <= now:
            how = "reached its end"
        else:
            how = "running"
        lines.append(
            f"- Period {number}: from {day_text(start.date())} to {day_text(end.date())}, "
            f"{plural(attempt.length_days, 'day')}; {how}."
        )
    return [*lines, ""]


def _ledger(events: list[LedgerEvent], zone: tzinfo) -> list[str]:
    lines = ["## Ledger", ""]
    if not events:
        return [*lines, "Nothing logged.", ""]
    by_day: dict[date, list[LedgerEvent]] = defaultdict(list)
    for event in sorted(events, key=lambda e: e.at):
        by_day[event.at.astimezone(zone).date()].append(event)
    for day, found in by_day.items():
        lines += [f"### {day_text(day)}", ""]
        for event in found:
            lines.append(f"- {_hm(event.at, zone)} {event.title}")
            if event.triggers:
                lines += ["", f"  Set off by: {_inline(triggers_text(event.triggers))}"]
            if event.note.strip():
                lines += ["", *(f"  {line}".rstrip() for line in _quote(event.note))]
        lines.append("")
    return lines


def export_markdown(coach: Coach, *, include_sealed: bool = False) -> str:
    """The whole history as a Markdown document."""
    now = coach.clock()
    zone = now.tzinfo
    assert zone is not None  # the clock is always time-zone aware
    lines = [
        "# My nctui history",
        "",
        f"Written on {day_text(now.date())}. Every time is local time.",
        "",
        *_periods(coach.period.attempts(), zone, now),
        *_ledger(list(coach.ledger.events()), zone),
        "## Check-ins and journal",
        "",
    ]
    entries = coach.journal.entries()
    if not entries:
        lines += ["No check-ins yet.", ""]
    for entry in entries:
        current = entry.current
        edited = " (edited)" if entry.edited else ""
        lines += [
            f"### {day_text(entry.day)}{edited}",
            "",
            f"Mood {current.mood}, missing them {current.miss}, urge to reach out {current.urge}.",
            "",
        ]
        if current.text.strip():
            if current.prompt.strip():
                lines += [f"Question: *{_inline(current.prompt)}*", ""]
            lines += _quote(current.text)
    lines += ["## Activities done", ""]
    done = sorted(coach.activities.log().done, key=lambda entry: entry.at)
    if not done:
        lines += ["None logged yet.", ""]
    for item in done:
        at = item.at.astimezone(zone)
        lines.append(
            f"- {day_text(at.date())} {at:%H:%M}: {item.name}, {plural(item.minutes, 'minute')}"
        )
        if item.note.strip():
            lines += ["", *(f"  {line}".rstrip() for line in _quote(item.note))]
    lines += ["", "## Readiness checks", ""]
    checks = coach.readiness.checks()
    if not checks:
        lines += ["No readiness check taken yet.", ""]
    for check in checks:
        taken = check.taken_at.astimezone(zone)
        result = check.result
        lines += [
            f"### {day_text(taken.date())} {taken:%H:%M}: {VERDICT_TITLES[result.verdict]}",
            "",
            f"Score {result.score} out of 100.",
            "",
            *(f"- {reason}" for reason in result.reasons),
            "",
        ]
    lines += _letters(coach, zone, include_sealed=include_sealed)
    return "\n".join(lines).rstrip() + "\n"


def _letters(coach: Coach, zone: tzinfo, *, include_sealed: bool) -> list[str]:
    lines = ["## Letters", ""]
    letters = coach.letters.all()
    kept_out = 0
    shown = 0
    for letter in letters:
        sealed = letter.sealed_at is not None and letter.opened_at is None
        if sealed and not include_sealed:
            kept_out += 1
            continue
        shown += 1
        written = letter.written_at.astimezone(zone)
        mark = " (sealed)" if sealed else ""
        lines += [f"### Written {day_text(written.date())}{mark}", "", *_quote(letter.text)]
    if not shown and not kept_out:
        lines += ["No letters.", ""]
    if kept_out:
        lines += [
            f"{plural(kept_out, 'sealed letter')} left out; "
            "`nctui export --format markdown --include-sealed` puts them in.",
            "",
        ]
    return lines
