"""The data errors callers outside the coach may catch: each carries a message for a person."""

from nctui.storage.errors import CorruptDataError, NewerSchemaError, StorageError

__all__ = ["CorruptDataError", "NewerSchemaError", "StorageError"]
