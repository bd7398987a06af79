"""The places a person can go, each with one key. Bindings, the home menu, the help
screen and the command palette are all built from this one list."""

from __future__ import annotations

from nctui.domain.frozen import frozen


@frozen
class Destination:
    """A top-level screen and how to reach it."""

    name: str
    key: str
    label: str
    """Short name for the footer."""
    title: str
    """The screen's own heading."""
    summary: str
    """One line on what the screen is for."""


HOME = Destination("home", "h", "Home", "Home", "The start page, with a way to every screen.")
INTAKE = Destination(
    "intake", "i", "Intake", "Intake", "A few questions, then a plan for how long, and why."
)
COUNTDOWN = Destination(
    "countdown", "c", "Countdown", "Countdown", "Where you are in your period, and what happened."
)
ACTIVITIES = Destination(
    "activities", "a", "Activities", "Activities", "Things to fill the time that are just for you."
)
JOURNAL = Destination(
    "journal", "j", "Journal", "Check-in & journal", "How today feels, your journal and letters."
)
READINESS = Destination(
    "readiness", "r", "Ready?", "Ready to reach out?", "At the end: whether, when and how."
)

DESTINATIONS: tuple[Destination, ...] = (HOME, INTAKE, COUNTDOWN, ACTIVITIES, JOURNAL, READINESS)


def destination(name: str) -> Destination:
    """The destination called `name`."""
    for item in DESTINATIONS:
        if item.name == name:
            return item
    raise KeyError(name)
