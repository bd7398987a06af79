"""The catalogue of suggested activities, read from the data file shipped in the package.

The list lives in `nctui/data/activities.toml` so that it can be read and edited as text,
without touching code. It is checked as it loads: a broken entry is a bug in nctui, and
says which entry and why rather than showing a half-empty list.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from nctui.domain.activities import (
    OWN_KEY_PREFIX,
    Activity,
    Category,
    Company,
    Cost,
    Effort,
    Setting,
    Span,
)
from nctui.domain.activity_input import MAX_NAME_LENGTH, name_key
from nctui.domain.errors import CatalogueError

__all__ = ["CATALOGUE_FILE", "CatalogueError", "catalogue", "parse_catalogue"]

CATALOGUE_FILE = "activities.toml"


def _activity(entry: Mapping[str, Any]) -> Activity:
    key = str(entry["key"])
    name = str(entry["name"])
    if not key or key.startswith(OWN_KEY_PREFIX) or key != key.strip().lower():
        raise CatalogueError(f"bad key {key!r}")
    if not name or len(name) > MAX_NAME_LENGTH:
        raise CatalogueError(f"{key}: the name must have 1 to {MAX_NAME_LENGTH} characters")
    try:
        return Activity(
            key=key,
            name=name,
            category=Category(entry["category"]),
            cost=Cost(entry["cost"]),
            span=Span(entry["span"]),
            effort=Effort(entry["effort"]),
            company=Company(entry["company"]),
            setting=Setting(entry["setting"]),
        )
    except (KeyError, ValueError) as problem:
        raise CatalogueError(f"{key}: {problem}") from None


def parse_catalogue(text: str) -> tuple[Activity, ...]:
    """Activities from the catalogue's TOML text, checked: unique keys and names."""
    import tomllib  # noqa: PLC0415 - read when the activities are first shown, not at start

    try:
        entries = tomllib.loads(text)["activity"]
        activities = tuple(_activity(entry) for entry in entries)
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as problem:
        raise CatalogueError(f"unreadable catalogue: {problem}") from None
    seen_keys: set[str] = set()
    seen_names: set[str] = set()
    for activity in activities:
        if activity.key in seen_keys:
            raise CatalogueError(f"{activity.key}: the key is used twice")
        if name_key(activity.name) in seen_names:
            raise CatalogueError(f"{activity.key}: the name is used twice")
        seen_keys.add(activity.key)
        seen_names.add(name_key(activity.name))
    return activities


@cache
def catalogue() -> tuple[Activity, ...]:
    """Every suggested activity, in the catalogue's order (read once, then kept)."""
    from importlib import resources  # noqa: PLC0415 - as for tomllib above

    text = resources.files("nctui").joinpath("data", CATALOGUE_FILE).read_text("utf-8")
    return parse_catalogue(text)
