"""The SOS card's line about the people to talk to instead, with the keys for them."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import Static

from nctui.domain.trusted import TrustedPerson, talk_line


def trusted_text(people: Sequence[TrustedPerson]) -> Text:
    """ "Talk to Sam instead · 07700 900123", a line each, then the keys; with no one
    yet, an invitation to add someone."""
    if not people:
        return Text.assemble(
            "Is there someone you trust to talk to instead? ", ("w", "bold"), " adds them."
        )
    lines = Text()
    for person in people:
        lines.append(talk_line(person) + "\n", style="bold")
    keys = []
    if any(person.reach for person in people):
        keys.append("p copies " + ("a number" if len(people) > 1 else "the number"))
    keys.append("w changes who")
    lines.append(" · ".join(keys), style="dim")
    return lines


class TrustedLine(Static):
    """Given the people by the screen (`show`); their words are shown as plain text."""

    DEFAULT_CSS = """
    TrustedLine {
        height: auto;
        padding-left: 2;
        margin-top: 1;
        color: $text;
    }
    """

    def show(self, people: Sequence[TrustedPerson]) -> None:
        """Show these people."""
        self.update(trusted_text(people))
