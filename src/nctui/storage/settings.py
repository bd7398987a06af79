"""Small preferences (theme, and later the day-start hour), one document per setting."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tinydb import where

from nctui.storage.ops import Put

if TYPE_CHECKING:
    from nctui.storage.repository import Repository

SETTINGS_TABLE = "settings"


def read_setting(repository: Repository, key: str, default: Any) -> Any:
    """The stored value of a setting, or `default` when it was never set."""
    found = repository.table(SETTINGS_TABLE).get(where("id") == key)
    if found is None:
        return default
    return found.get("value", default)


def setting_op(key: str, value: Any) -> Put:
    """The change that stores a setting."""
    return Put(SETTINGS_TABLE, {"id": key, "value": value})
