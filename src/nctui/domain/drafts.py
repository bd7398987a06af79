"""Words being written but not saved yet, kept as drafts and offered back.

Each open editor (today's check-in, a day being edited, a letter, the SOS reasons)
keeps its text as a draft a moment after typing pauses and when nctui closes, so a
quit, a closed terminal or a crash never loses it. A draft is not a journal version or
a letter: it becomes one only when the person saves it. Saving or discarding forgets
it, so the data file holds no more than the words still waiting.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from nctui.domain.humanize import day_text
from nctui.domain.text import clean_text

SOS_REASONS_EDITOR = "sos-reasons"
NEW_LETTER_EDITOR = "letter:new"
_CHECKIN = "checkin:"
_LETTER = "letter:"
_EVENT = "event:"
PREVIEW_LINES = 6
PREVIEW_WIDTH = 72


@dataclass(frozen=True)
class Draft:
    """The unsaved words of one editor, and when they were last typed."""

    id: str
    editor: str
    """Which editor they belong to: "checkin:2026-11-24", "letter:new", "letter:<id>",
    "sos-reasons", "event:slip"."""
    text: str
    updated_at: datetime
    fields: Mapping[str, str] = field(default_factory=dict)
    """The rest of the form, as typed or chosen: a check-in's numbers, an event's kind
    and time. Empty for an editor that is only words."""


def checkin_editor(day: date) -> str:
    """The editor of `day`'s check-in (today's form, or the dialog for an earlier day)."""
    return f"{_CHECKIN}{day.isoformat()}"


def letter_editor(letter_id: str | None) -> str:
    """The editor of a letter: a new one (None), or the draft letter with this id."""
    return NEW_LETTER_EDITOR if letter_id is None else f"{_LETTER}{letter_id}"


def event_editor(kind: str) -> str:
    """The dialog that logs one kind of event to the ledger ("event:slip")."""
    return f"{_EVENT}{kind}"


def event_kind_of(editor: str) -> str | None:
    """The kind of event an editor logs; None for any other editor."""
    return editor.removeprefix(_EVENT) or None if editor.startswith(_EVENT) else None


def checkin_day_of(editor: str) -> date | None:
    """The day a check-in editor is for; None for any other editor."""
    if not editor.startswith(_CHECKIN):
        return None
    try:
        return date.fromisoformat(editor.removeprefix(_CHECKIN))
    except ValueError:
        return None


def letter_id_of(editor: str) -> str | None:
    """The letter an editor continues; None for a new letter or any other editor."""
    if not editor.startswith(_LETTER) or editor == NEW_LETTER_EDITOR:
        return None
    return editor.removeprefix(_LETTER) or None


def worth_keeping(
    text: str,
    saved: str,
    fields: Mapping[str, str] | None = None,
    saved_fields: Mapping[str, str] | None = None,
) -> bool:
    """Whether a form holds something to keep: words, or a part of it filled in, that
    differ from what is saved already.

    White space at either end does not count, as saving drops it anyway. Only the parts
    the form holds now are compared: one it no longer shows (the question of words
    since emptied) is nothing to keep.
    """
    cleaned = clean_text(text)
    if cleaned and cleaned != clean_text(saved):
        return True
    now, kept = _trimmed(fields), _trimmed(saved_fields)
    before = {name: kept.get(name, "") for name in now}
    return any(now.values()) and now != before


def _trimmed(fields: Mapping[str, str] | None) -> dict[str, str]:
    return {name: value.strip() for name, value in (fields or {}).items()}


def written_when(moment: datetime, now: datetime) -> str:
    """ "earlier today at 14:05", "yesterday at 21:40", "on Tue 24 Nov at 21:40".

    Both are read in the zone of `now`, the person's local time.
    """
    local = moment.astimezone(now.tzinfo)
    day, today = local.date(), now.date()
    if day == today:
        return f"earlier today at {local:%H:%M}"
    if day == today - timedelta(days=1):
        return f"yesterday at {local:%H:%M}"
    shown = day_text(day) if day.year != today.year else f"{day:%a} {day.day} {day:%b}"
    return f"on {shown} at {local:%H:%M}"


def offer_text(draft: Draft, now: datetime, elsewhere: str | None = None) -> str:
    """What the offer of a draft says; `elsewhere` says where the words go now, when the
    editor they were written in has gone (a letter sealed in another window, say)."""
    when = written_when(draft.updated_at, now)
    if elsewhere is not None:
        return f"You were writing this {when}. {elsewhere}"
    return f"You were writing this {when}, and it was not saved yet. It is kept here for you."


def preview(text: str) -> str:
    """The first few lines of a draft, each cut to a readable width, to recognise it by."""
    lines = text.strip().splitlines()
    shown = [
        line if len(line) <= PREVIEW_WIDTH else line[: PREVIEW_WIDTH - 1].rstrip() + "…"
        for line in lines[:PREVIEW_LINES]
    ]
    if len(lines) > PREVIEW_LINES:
        more = len(lines) - PREVIEW_LINES
        shown.append(f"… and {more} more line{'' if more == 1 else 's'}")
    return "\n".join(shown)


def kept_note(labels: Sequence[str]) -> str:
    """What to say on quitting with words not saved: they are kept as drafts.

    `labels` name what was being written: "your letter", "today's journal entry".
    """
    if not labels:
        return ""
    names = list(dict.fromkeys(labels))
    if len(names) == 1:
        return (
            f"Kept as a draft, not saved yet: {names[0]}. "
            "nctui offers it back when you open it again."
        )
    return (
        f"Kept as drafts, not saved yet: {', '.join(names[:-1])} and {names[-1]}. "
        "nctui offers them back when you open them again."
    )
