"""The error every domain check raises for an answer a person can fix."""

from __future__ import annotations


class AnswerError(ValueError):
    """An answer that cannot be used, with a message to show beside the field."""
