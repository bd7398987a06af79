"""Journal prompts: today's question, and others to step through.

Today's prompt is the day card's question. The pool in `nctui/data/prompts.toml` holds
more, each tagged with the guide section it draws on like the cards. `prompts_for` puts
today's question first, then the whole pool starting at a place that moves on each
day, so "another prompt" gives the same order all day and a different one tomorrow.

A prompt has a stable id so that an entry can say which one it answered: pool prompts
have their own, a card's question is `card-` and the card's id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from typing import Any

from nctui.domain.cards import FIELD_MAX_CHARS, Card, Section
from nctui.domain.data_files import (
    CatalogueError,
    entries,
    key_field,
    shipped_entries,
    text_field,
)
from nctui.domain.frozen import frozen

PROMPTS_FILE = "prompts.toml"
CARD_PREFIX = "card-"


@frozen
class Prompt:
    """One question to write about."""

    id: str
    text: str
    section: Section


def card_prompt(card: Card) -> Prompt:
    """A day card's question, as a prompt."""
    return Prompt(f"{CARD_PREFIX}{card.id}", card.ask, card.section)


_FIELDS = frozenset({"id", "text", "section"})


def _prompt(entry: Mapping[str, Any], index: int) -> Prompt:
    prompt_id = key_field(entry, f"{PROMPTS_FILE}, prompt {index}")
    where = f"{PROMPTS_FILE}, prompt {prompt_id!r}"
    if prompt_id.startswith(CARD_PREFIX):
        raise CatalogueError(f"{where}: ids starting {CARD_PREFIX!r} belong to the cards")
    unknown = set(entry) - _FIELDS
    if unknown:
        raise CatalogueError(f"{where}: unknown field {sorted(unknown)[0]!r}")
    text = text_field(entry, "text", where, FIELD_MAX_CHARS)
    if not text.endswith("?"):
        raise CatalogueError(f"{where}: a prompt must be a question")
    try:
        section = Section(str(entry.get("section")))
    except ValueError:
        known = ", ".join(section.value for section in Section)
        raise CatalogueError(f"{where}: 'section' must be one of {known}") from None
    return Prompt(prompt_id, text, section)


def parse_prompts(text: str) -> tuple[Prompt, ...]:
    """The pool from the prompts file's TOML text, checked: unique ids and questions."""
    return pool_of(entries(text, "prompt", PROMPTS_FILE))


def pool_of(found: Sequence[Mapping[str, Any]]) -> tuple[Prompt, ...]:
    """The pool from the prompts file's `[[prompt]]` entries (each known to be a table),
    checked: unique ids and questions."""
    pool = tuple(_prompt(entry, index) for index, entry in enumerate(found, 1))
    seen_ids: set[str] = set()
    seen_texts: set[str] = set()
    for prompt in pool:
        if prompt.id in seen_ids:
            raise CatalogueError(f"{PROMPTS_FILE}: the id {prompt.id!r} is used twice")
        if prompt.text.lower() in seen_texts:
            raise CatalogueError(f"{PROMPTS_FILE}, prompt {prompt.id!r}: the same question twice")
        seen_ids.add(prompt.id)
        seen_texts.add(prompt.text.lower())
    return pool


@cache
def prompt_pool() -> tuple[Prompt, ...]:
    """The prompts shipped with nctui (read once, then kept)."""
    return pool_of(shipped_entries(PROMPTS_FILE, "prompt"))


def prompts_for(card: Card, day: date, pool: Sequence[Prompt] | None = None) -> tuple[Prompt, ...]:
    """Today's prompts in order: the card's question, then the pool from a place set by
    `day` (the check-in day). A pool question the same as the card's is left out."""
    pool = tuple(prompt_pool() if pool is None else pool)
    first = card_prompt(card)
    others = [prompt for prompt in pool if prompt.text.lower() != first.text.lower()]
    if not others:
        return (first,)
    start = day.toordinal() % len(others)
    return (first, *others[start:], *others[:start])


def next_prompt(sequence: Sequence[Prompt], current_id: str | None, step: int = 1) -> Prompt:
    """The prompt `step` places after `current_id` in `sequence`, going round (a step of -1
    goes back). An id not in the sequence, or None, counts as before the first."""
    if not sequence:
        raise ValueError("no prompts to choose from")
    ids = [prompt.id for prompt in sequence]
    index = ids.index(current_id) if current_id in ids else -1
    if index == -1 and step < 0:
        index = 0
    return sequence[(index + step) % len(sequence)]
