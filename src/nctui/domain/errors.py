"""The errors the domain raises: for an answer a person can fix, and for a data file
shipped with nctui that is broken (a mistake in nctui itself)."""

from __future__ import annotations


class AnswerError(ValueError):
    """An answer that cannot be used, with a message to show beside the field."""


class CatalogueError(ValueError):
    """A data file shipped in `nctui/data` is malformed (a packaging or editing mistake)."""
