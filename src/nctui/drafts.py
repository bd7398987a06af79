"""Drafts of unsaved words, for the screens: find one, keep one, forget one.

The seam between the editors and the stored drafts (`nctui.storage.draft_store`), so
the user interface needs no storage code for them. Keeping and forgetting apply at
once in memory and reach the file in the background, like every other change.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from nctui.domain.clock import Clock
from nctui.domain.drafts import Draft
from nctui.storage.draft_store import draft_op, drop_draft_op, find_draft, load_drafts

if TYPE_CHECKING:
    from nctui.storage.repository import Repository


class Drafts:
    """The drafts in one repository."""

    def __init__(self, repository: Repository, clock: Clock) -> None:
        self._repository = repository
        self._clock = clock

    def find(self, editor: str) -> Draft | None:
        """The draft kept for `editor`, if there is one."""
        return find_draft(self._repository, editor)

    def all(self) -> list[Draft]:
        """Every draft kept, oldest first."""
        return load_drafts(self._repository)

    def keep(self, editor: str, text: str, at: datetime | None = None) -> None:
        """Keep `text` as `editor`'s draft (typed at `at`, else now)."""
        self._repository.apply(draft_op(editor, text, at or self._clock()))

    def forget(self, editor: str) -> None:
        """Forget `editor`'s draft, if it has one."""
        draft = find_draft(self._repository, editor)
        if draft is not None:
            self._repository.apply(drop_draft_op(draft))
