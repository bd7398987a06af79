"""The data file's schema version and the steps that bring an older file forward.

Each step takes the raw data of version N and returns version N+1. Steps work on the
plain JSON structure, so they never depend on code that later versions may change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from nctui.storage.errors import CorruptDataError, NewerSchemaError

RawData = dict[str, dict[str, dict[str, Any]]]
"""The data file's shape, as TinyDB stores it: table -> document id -> document."""

CURRENT_SCHEMA_VERSION = 1
META_TABLE = "meta"
META_DOC_ID = "1"

Migration = Callable[[RawData, datetime], RawData]


def schema_version(data: RawData) -> int:
    """The version a file was written with; 0 for a TinyDB file that has no `meta` yet."""
    meta_table = data.get(META_TABLE, {})
    meta = meta_table.get(META_DOC_ID) if isinstance(meta_table, dict) else None
    if meta is None:
        return 0
    version = meta.get("schema_version") if isinstance(meta, dict) else None
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CorruptDataError(f"its version mark was unreadable ({version!r})")
    return version


def check_data(data: RawData, path: Path) -> int:
    """The file's version, once it is known to be one this nctui can use.

    The version is read before anything else: a newer nctui may shape its tables
    differently, and such a file must be refused untouched, not called damaged. Each
    table must be an object; its entries are checked one by one later (`shapes`).
    """
    version = schema_version(data)
    if version > CURRENT_SCHEMA_VERSION:
        raise NewerSchemaError(path, version, CURRENT_SCHEMA_VERSION)
    for table, documents in data.items():
        if not isinstance(documents, dict):
            raise CorruptDataError(f"its table {table!r} was damaged")
    return version


def new_data(now: datetime) -> RawData:
    """The content of a brand-new data file."""
    return {META_TABLE: {META_DOC_ID: _meta(CURRENT_SCHEMA_VERSION, now)}}


def _meta(version: int, now: datetime) -> dict[str, object]:
    return {"schema_version": version, "created_at": now.isoformat(timespec="seconds")}


def _v0_to_v1(data: RawData, now: datetime) -> RawData:
    # A plain TinyDB file (or one from before versioning): keep every table, add meta.
    migrated = dict(data)
    migrated[META_TABLE] = {META_DOC_ID: _meta(1, now)}
    return migrated


MIGRATIONS: Mapping[int, Migration] = {0: _v0_to_v1}
"""Step from version N to N+1, keyed by N."""


def migrate(
    data: RawData,
    now: datetime,
    *,
    steps: Mapping[int, Migration] = MIGRATIONS,
    target: int = CURRENT_SCHEMA_VERSION,
) -> RawData:
    """Run every step from the file's version up to `target`, in order."""
    version = schema_version(data)
    while version < target:
        data = steps[version](data, now)
        found = schema_version(data)
        if found != version + 1:
            raise RuntimeError(f"migration from {version} produced version {found}")
        version = found
    return data
