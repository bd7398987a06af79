"""Drafts of unsaved words: find one, keep one, forget one.

Keeping and forgetting apply at once in memory and reach the file in the background,
like every other change; no screen shows drafts, but the notice still says they changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from nctui.coach.core import Core
from nctui.domain.drafts import Draft
from nctui.storage.draft_store import draft_op, drop_draft_op


class Drafts:
    """The drafts kept, one per editor."""

    def __init__(self, core: Core) -> None:
        self._core = core

    def find(self, editor: str) -> Draft | None:
        """The draft kept for `editor`, if there is one."""
        return self._core.model.draft(editor)

    def all(self) -> list[Draft]:
        """Every draft kept, oldest first."""
        return list(self._core.model.drafts())

    def keep(
        self,
        editor: str,
        text: str,
        at: datetime | None = None,
        fields: Mapping[str, str] | None = None,
    ) -> None:
        """Keep `text` and the rest of the form, `fields`, as `editor`'s draft (typed at
        `at`, else now)."""
        self._core.apply(draft_op(editor, text, at or self._core.clock(), fields))

    def forget(self, editor: str) -> None:
        """Forget `editor`'s draft, if it has one."""
        draft = self.find(editor)
        if draft is not None:
            self._core.apply(drop_draft_op(draft))
