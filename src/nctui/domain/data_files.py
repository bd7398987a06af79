"""Reading and checking the plain data files shipped in `nctui/data`.

The day cards and the journal prompts are written as TOML so they can be read and edited
as text. A broken entry is a mistake in nctui itself: it is reported with the file, the
entry and the reason, as a `CatalogueError`, never as a half-read list.

The day card is drawn on the first screen, where parsing TOML (and loading the TOML
parser) costs more than drawing the card: so each TOML file is also shipped as the same
tables in JSON beside it (`cards.toml.json`), written ahead by `devtools/data_json.py`
and read instead when it is there. A test checks each copy still matches its TOML.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

from nctui.domain.errors import CatalogueError

__all__ = [
    "CatalogueError",
    "entries",
    "json_copy_path",
    "key_field",
    "shipped_entries",
    "shipped_text",
    "text_field",
]

JSON_COPY_SUFFIX = ".json"


def shipped_text(name: str) -> str:
    """The text of one file in `nctui/data`."""
    from importlib import resources  # noqa: PLC0415 - only when a TOML file is read

    return resources.files("nctui").joinpath("data", name).read_text("utf-8")


def json_copy_path(name: str) -> str:
    """Where the JSON copy of the TOML file `name` in `nctui/data` is shipped."""
    # Beside the package's own files, as importlib.resources finds them for an installed
    # nctui, without loading it (nor pathlib) on the way to the first screen.
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # noqa: PTH100, PTH120
    return os.path.join(package, "data", name + JSON_COPY_SUFFIX)  # noqa: PTH118


def shipped_entries(name: str, table: str) -> list[Mapping[str, Any]]:
    """Every `[[table]]` entry of the TOML file `name` in `nctui/data`, checked as
    `entries` checks them: read from its JSON copy, else from the TOML itself."""
    try:
        with open(json_copy_path(name), encoding="utf-8") as copy:  # noqa: PTH123
            tables = json.load(copy)
    except (OSError, ValueError):  # no copy (or a broken one): the TOML, only more slowly
        return entries(shipped_text(name), table, name)
    if not isinstance(tables, Mapping):
        return entries(shipped_text(name), table, name)
    return checked_entries(tables.get(table), table, name)


def entries(text: str, table: str, source: str) -> list[Mapping[str, Any]]:
    """Every `[[table]]` entry of a TOML text; CatalogueError if it cannot be read."""
    import tomllib  # noqa: PLC0415 - the first screen reads the JSON copy instead

    try:
        found = tomllib.loads(text).get(table)
    except tomllib.TOMLDecodeError as problem:
        raise CatalogueError(f"{source}: unreadable TOML: {problem}") from None
    return checked_entries(found, table, source)


def checked_entries(found: Any, table: str, source: str) -> list[Mapping[str, Any]]:
    """`found` as the list of `[[table]]` entries it should be; else CatalogueError."""
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
