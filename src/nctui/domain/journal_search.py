"""Searching the journal: every word of the query, in any order, any case."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from nctui.domain.checkin import DayEntry
from nctui.domain.text import one_line

SNIPPET_CHARS = 70


@dataclass(frozen=True)
class Match:
    """A day whose journal text holds every word searched for."""

    day: date
    snippet: str
    """One line of the text around the first word found."""
    earlier_version: bool
    """True when only an earlier version of the day's text matches."""


def _words(query: str) -> list[str]:
    return query.casefold().split()


def _snippet(text: str, word: str, width: int) -> str:
    flat = " ".join(text.split())
    found = flat.casefold().find(word)
    start = max(0, found - width // 3)
    if start:
        # Begin at a word boundary, and say that something came before.
        space = flat.rfind(" ", 0, start)
        start = space + 1 if space >= 0 else start
        return "…" + one_line(flat[start:], width - 1)
    return one_line(flat, width)


def search(entries: Iterable[DayEntry], query: str, width: int = SNIPPET_CHARS) -> list[Match]:
    """Days whose text (with the question it answers) holds every word in `query`,
    newest first.

    The current text is searched first; a day whose current text does not match but
    an earlier version does is still found, and marked, so nothing written is out of
    reach. An empty query finds nothing.
    """
    words = _words(query)
    if not words:
        return []
    matches = []
    for entry in sorted(entries, key=lambda item: item.day, reverse=True):
        for version in reversed(entry.versions):
            # The question answered is searched too: "what did I write about my body?"
            searched = f"{version.prompt} {version.text}" if version.prompt else version.text
            folded = searched.casefold()
            if all(word in folded for word in words):
                shown = version.text if words[0] in version.text.casefold() else searched
                matches.append(
                    Match(
                        entry.day,
                        _snippet(shown, words[0], width),
                        earlier_version=version is not entry.current,
                    )
                )
                break
    return matches
