"""The data errors callers outside the coach may catch: each carries a message for a person."""

from nctui.storage.errors import NewerSchemaError, StorageError

__all__ = ["NewerSchemaError", "StorageError"]
