"""Keeping an editor's unsaved words as a draft, and offering them back.

A `DraftKeeper` belongs to one open editor. It writes the editor's words as a draft a
moment after typing pauses (never once per key: every write rewrites the data file),
and the app asks every keeper to write at once when nctui closes, by a quit, a closed
terminal or a crash. `take_back` runs when an editor opens: it offers back a draft
left from before, or quietly forgets one that holds nothing new.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from nctui.domain.drafts import Draft, worth_keeping
from nctui.domain.text import strip_controls

if TYPE_CHECKING:
    from textual.timer import Timer

    from nctui.ui.app import NctuiApp


class DraftKeeper:
    """Keeps one editor's words as a draft until they are saved or discarded."""

    def __init__(
        self,
        app: NctuiApp,
        editor: str,
        label: str,
        saved: str = "",
        saved_fields: Mapping[str, str] | None = None,
    ) -> None:
        self.app = app
        self.editor = editor
        """Which editor this is, as the drafts name it ("letter:new")."""
        self.label = label
        """What is being written, for the note on quitting ("your letter")."""
        self.saved = saved
        """The text as saved: the same words again are nothing to keep."""
        self.saved_fields: Mapping[str, str] = dict(saved_fields or {})
        """The rest of the form as saved (a check-in's numbers)."""
        self._text: str | None = None
        self._fields: Mapping[str, str] = {}
        self._stored: tuple[str, Mapping[str, str]] | None = None
        self._timer: Timer | None = None
        self._started = False

    @property
    def started(self) -> bool:
        """Whether the keeper is keeping (it waits while an earlier draft is offered)."""
        return self._started

    def start(self, stored: str | None = None, fields: Mapping[str, str] | None = None) -> None:
        """Begin keeping; `stored` (and `fields`) is this editor's draft already kept, if any."""
        self._stored = None if stored is None else (stored, dict(fields or {}))
        self._started = True
        self.app.add_draft_keeper(self)

    def typed(self, text: str, fields: Mapping[str, str] | None = None) -> None:
        """The editor's text (or the rest of its form) changed: keep it once typing pauses."""
        if not self._started:
            return
        self._text = text
        self._fields = dict(fields or {})
        if self._timer is None:
            self._timer = self.app.set_timer(self.app.draft_pause_seconds, self._pause_over)
        else:
            self._timer.reset()

    def _pause_over(self) -> None:
        self._timer = None
        self.keep_now()

    def keep_now(self) -> bool:
        """Write the words now if they are new; True while a draft holds unsaved words."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self._started or self._text is None:
            return self._stored is not None
        text = strip_controls(self._text)
        if worth_keeping(text, self.saved, self._fields, self.saved_fields):
            if (text, self._fields) != self._stored:
                self.app.coach.drafts.keep(self.editor, text, fields=self._fields)
                self._stored = (text, self._fields)
            return True
        if self._stored is not None:
            self.app.coach.drafts.forget(self.editor)
            self._stored = None
        return False

    def stop(self) -> None:
        """Stop keeping (the editor is closing); the draft stays as it is."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._started = False
        self.app.remove_draft_keeper(self)

    def close(self) -> None:
        """The editor is going away with nctui: keep what it holds, then stop."""
        self.keep_now()
        self.stop()

    def settled(self, saved: str, saved_fields: Mapping[str, str] | None = None) -> None:
        """The words were saved or discarded: forget the draft; count changes from `saved`
        (and `saved_fields`)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.app.coach.drafts.forget(self.editor)
        self.saved = saved
        self.saved_fields = dict(saved_fields or {})
        self._text = None
        self._fields = {}
        self._stored = None


@dataclass(frozen=True)
class TakenBack:
    """What an editor opens with: its text, and the text of its draft still kept."""

    text: str
    stored: str | None
    fields: Mapping[str, str] = field(default_factory=dict)
    """The rest of the form from the draft taken back (empty when none was)."""


async def take_back(
    app: NctuiApp,
    editor: str,
    saved: str,
    strays: Sequence[Draft] = (),
    elsewhere: str | None = None,
    *,
    saved_fields: Mapping[str, str] | None = None,
    describe: Callable[[Mapping[str, str]], str] | None = None,
) -> TakenBack:
    """The text `editor` should open with, after offering back any draft it left.

    With no draft of its own, the first of `strays` (drafts whose own editor is gone,
    such as a letter sealed in another window) is offered instead, saying `elsewhere`
    where its words go now; kept, it becomes this editor's draft.
    A draft that holds nothing new (against `saved` and `saved_fields`) is forgotten
    without a word; `describe` says in a line what the rest of the form holds, for the
    offer. Call from a worker.
    """
    from nctui.ui.screens.draft_offer import DraftOfferScreen  # noqa: PLC0415 - rarely needed

    own = app.coach.drafts.find(editor)
    if own is not None and not worth_keeping(own.text, saved, own.fields, saved_fields):
        app.coach.drafts.forget(editor)
        own = None
    draft = own or next(
        (stray for stray in strays if worth_keeping(stray.text, "", stray.fields)), None
    )
    if draft is None:
        return TakenBack(saved, None)
    summary = describe(draft.fields) if describe is not None and draft.fields else ""
    keep = await app.push_screen_wait(
        DraftOfferScreen(draft, app.clock(), None if own else elsewhere, summary)
    )
    if not keep:
        app.coach.drafts.forget(draft.editor)
        return TakenBack(saved, None)
    if draft is not own:
        # Moved to this editor, so it is offered here again if nctui closes meanwhile.
        app.coach.drafts.keep(editor, draft.text, draft.updated_at, draft.fields)
        app.coach.drafts.forget(draft.editor)
    return TakenBack(draft.text, draft.text, draft.fields)
