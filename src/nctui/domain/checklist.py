"""The start-of-no-contact checklist: the guide's steps for starting well, plus the
practical things the intake said must still be sorted out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from nctui.domain.intake import IntakeAnswers, LooseEnd

TIMELINE_KEY = "timeline"


@dataclass(frozen=True)
class ChecklistItem:
    """One thing to do, with a short note on how."""

    key: str
    title: str
    how: str


START_ITEMS: tuple[ChecklistItem, ...] = (
    ChecklistItem(
        "tell_them",
        "Tell them, kindly, that you need space",
        "A short, calm message, so silence is not mistaken for a game. A draft is below.",
    ),
    ChecklistItem(
        "hide_number",
        "Mute or hide their number",
        "Archive the chat too, so it is not the first thing you see.",
    ),
    ChecklistItem(
        "mute_social",
        "Unfollow or mute them on social media",
        "Muting is quieter than blocking, and you can decide about the rest later.",
    ),
    ChecklistItem(
        "ask_friends",
        "Ask shared friends to keep news of them to themselves for now",
        "A simple “I'd rather not hear about them for a while” is enough.",
    ),
    ChecklistItem(
        TIMELINE_KEY,
        "Set your timeline",
        "Done when you choose a length: the countdown keeps it for you.",
    ),
    ChecklistItem(
        "plan_for_you",
        "Plan some time that is just for you",
        "A class, a trip, old friends: the Activities screen has ideas.",
    ),
    ChecklistItem(
        "closure",
        "Put to rest anything you still need to say or do",
        "If something still needs saying, say it before you start, then let it rest.",
    ),
)

LOOSE_END_TODOS: dict[LooseEnd, tuple[str, str]] = {
    LooseEnd.BELONGINGS: (
        "Return or collect belongings",
        "Arrange one quick handover, or ask a friend to do it for you.",
    ),
    LooseEnd.FINANCES: (
        "Close or split joint accounts, bills and subscriptions",
        "Keep the messages brief and practical; this is an allowed reason to be in touch.",
    ),
    LooseEnd.LEASE: (
        "Sort out the lease or the home you share",
        "Agree dates and who pays what, in writing, and keep it to that.",
    ),
    LooseEnd.PETS: (
        "Agree who looks after the pets",
        "Settle who cares for them, and how any handovers will work.",
    ),
    LooseEnd.OTHER: ("Also", "Deal with it in as few, as practical messages as you can."),
}

SETTLED_BY: dict[str, LooseEnd] = {
    "property": LooseEnd.BELONGINGS,
    "finances": LooseEnd.FINANCES,
}
"""The allowed-contact reasons that settle a loose end: once belongings have been
returned (and the contact logged), they are no longer something to sort out."""


def loose_end_key(end: LooseEnd) -> str:
    """The checklist key of a loose end's to-do."""
    return f"loose:{end.value}"


def open_loose_ends(
    items: Iterable[ChecklistItem], ticks: Mapping[str, bool], allowed: Iterable[str | None]
) -> tuple[str, ...]:
    """The loose ends still to sort out: neither ticked off nor settled by an allowed
    contact logged for that reason (`allowed`: the reasons of those contacts)."""
    settled = {loose_end_key(SETTLED_BY[reason]) for reason in allowed if reason in SETTLED_BY}
    return tuple(
        item.title
        for item in items
        if item.key.startswith("loose:") and not ticks.get(item.key) and item.key not in settled
    )


DRAFT_MESSAGE = (
    "Hi. I've been thinking about everything, and I need some space to look after myself "
    "for a while. I won't be in touch for now. It isn't a game and I'm not trying to hurt "
    "you; I just need the time. I hope you're doing OK. Take care."
)


def checklist_for(answers: IntakeAnswers | None) -> tuple[ChecklistItem, ...]:
    """The start steps, then one item per loose end from the latest answers."""
    if answers is None:
        return START_ITEMS
    extra = []
    for end in answers.loose_ends:
        title, how = LOOSE_END_TODOS[end]
        if end is LooseEnd.OTHER:
            # Their own words stand alone ("the car"), so a list of to-dos reads cleanly.
            title = answers.other_loose_end.strip() or "Something else to settle"
        extra.append(ChecklistItem(loose_end_key(end), title, how))
    return START_ITEMS + tuple(extra)
