"""Small preferences (theme, and later the day-start hour), one document per setting."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from tinydb import where

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
