"""Reading and checking the plain data files shipped in `nctui/data`.

The day cards and the journal prompts are written as TOML so they can be read and edited
as text. A broken entry is a mistake in nctui itself: it is reported with the file, the
entry and the reason, as a `CatalogueError`, never as a half-read list.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib import resources
from typing import Any

from nctui.domain.activity_catalogue import CatalogueError

__all__ = ["CatalogueError", "entries", "key_field", "shipped_text", "text_field"]


def shipped_text(name: str) -> str:
    """The text of one file in `nctui/data`."""
    return resources.files("nctui").joinpath("data", name).read_text("utf-8")


def entries(text: str, table: str, source: str) -> list[Mapping[str, Any]]:
    """Every `[[table]]` entry of a TOML text; CatalogueError if it cannot be read."""
    try:
        found = tomllib.loads(text).get(table)
    except tomllib.TOMLDecodeError as problem:
        raise CatalogueError(f"{source}: unreadable TOML: {problem}") from None
    if not isinstance(found, list) or not found:
        raise CatalogueError(f"{source}: no [[{table}]] entries")
    for index, entry in enumerate(found, start=1):
        if not isinstance(entry, Mapping):
            raise CatalogueError(f"{source}: {table} number {index} is not a table")
    return found


def key_field(entry: Mapping[str, Any], where: str) -> str:
    """A stable id: lower case letters, digits and hyphens."""
    key = entry.get("id")
    if not isinstance(key, str) or not key:
        raise CatalogueError(f"{where}: every entry needs an id")
    if not all(char.isascii() and (char.isalnum() or char == "-") for char in key):
        raise CatalogueError(f"{where}: bad id {key!r} (letters, digits and hyphens only)")
    if key != key.lower():
        raise CatalogueError(f"{where}: bad id {key!r} (lower case only)")
    return key


def text_field(entry: Mapping[str, Any], name: str, where: str, limit: int) -> str:
    """A required piece of text, one paragraph of at most `limit` characters."""
    value = entry.get(name)
    if not isinstance(value, str) or not value.strip():
        raise CatalogueError(f"{where}: {name!r} is missing or empty")
    text = " ".join(value.split())
    if len(text) > limit:
        raise CatalogueError(
            f"{where}: {name!r} has {len(text)} characters; at most {limit} fit the panel"
        )
    return text
