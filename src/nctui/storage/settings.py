"""Small preferences (theme, and later the day-start hour), one document per setting."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from tinydb import where

from nctui.storage.atomic_file import encode
from nctui.storage.ops import Put

if TYPE_CHECKING:
    from nctui.storage.repository import Repository

SETTINGS_TABLE = "settings"
T = TypeVar("T", int, str)


def read_setting(repository: Repository, key: str, default: T) -> T:
    """The stored value of a setting, or `default` when it was never set.

    A value of another type than `default` (the file edited by hand: "ten" for a number
    of minutes) counts as never set, rather than failing where it is used.
    """
    found = repository.table(SETTINGS_TABLE).get(where("id") == key)
    value = None if found is None else found.get("value")
    if isinstance(value, bool) or not isinstance(value, type(default)):
        return default
    return value


def setting_op(key: str, value: Any) -> Put:
    """The change that stores a setting."""
    return Put(SETTINGS_TABLE, {"id": key, "value": value})


STATUS_WHEN_SEALED = "status_summary_when_sealed"
"""True when the person asked for the status summary (day numbers only) to be kept
beside an encrypted data file, so `nctui status` can say more than `locked`."""


def setting_in(data: Mapping[str, Any], key: str) -> Any:
    """A setting's stored value in the data as read from the file (None when unset)."""
    settings = data.get(SETTINGS_TABLE)
    if not isinstance(settings, Mapping):
        return None
    for doc in settings.values():
        if isinstance(doc, Mapping) and doc.get("id") == key:
            return doc.get("value")
    return None


EARLIER_KEYS = "earlier_keys"
"""Keys of earlier passphrases (never a passphrase), kept only inside the sealed data so
copies sealed under them (backups, another window's unsaved changes) can still be
opened and brought under the current one. Never written plain, never exported."""

SEALED_AS = "sealed_as"
"""A random mark of this turn of encryption: set when encryption is turned on."""

UNSEALED_FROM = "unsealed_from"
"""The `SEALED_AS` mark a deliberate decrypt turned plain. A window holding the key
follows a plain file only when it carries its own turn's mark; any other plain file (a
sync tool, a restored copy) is sealed again."""

LOCK_VERIFIER = "lock_verifier"
"""The lock's check for a plain file: key settings, salt and key check (see `verifier`)."""

OWN_SETTINGS = frozenset({EARLIER_KEYS, LOCK_VERIFIER, SEALED_AS, UNSEALED_FROM})
"""Settings of this data folder's encryption that an export leaves out and an import
never takes: keys, the lock's check, and the marks of a turn of encryption."""


def with_settings(data: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """`data` with each setting in `values` stored as given; a copy, so the in-memory
    data is never changed in place (a shallow one when nothing changes)."""
    if all(setting_in(data, name) == value for name, value in values.items()):
        return dict(data)
    from nctui.storage.tinydb_storage import memory_db  # noqa: PLC0415 - rare

    db = memory_db(json.loads(encode(data)))
    for name, value in values.items():
        setting_op(name, value).apply(db)
    return db.storage.read() or {}


def without_keys(payload: bytes) -> bytes | None:
    """`payload` with the keys of earlier passphrases taken out, fit to be written plain
    (the data, or a list of changes); None when they are in it but it cannot be read."""
    if EARLIER_KEYS.encode() not in payload:
        return payload
    try:
        found = json.loads(payload.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return encode(_blanked(found), indent=None if isinstance(found, dict) else 1)


def _blanked(value: Any) -> Any:
    # Every stored setting of earlier keys, wherever it sits, without its value.
    if isinstance(value, list):
        return [_blanked(item) for item in value]
    if not isinstance(value, dict):
        return value
    if value.get("id") == EARLIER_KEYS and "value" in value:
        return {**value, "value": None}
    return {name: _blanked(item) for name, item in value.items()}
