"""Keeping an editor's unsaved words as a draft, and offering them back.

A `DraftKeeper` belongs to one open editor. It writes the editor's words as a draft a
moment after typing pauses (never once per key: every write rewrites the data file),
and the app asks every keeper to write at once when nctui closes, by a quit, a closed
terminal or a crash. `take_back` runs when an editor opens: it offers back a draft
left from before, or quietly forgets one that holds nothing new.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nctui.domain.drafts import Draft, worth_keeping
from nctui.domain.text import strip_controls

if TYPE_CHECKING:
    from textual.timer import Timer

    from nctui.ui.app import NctuiApp


class DraftKeeper:
    """Keeps one editor's words as a draft until they are saved or discarded."""

    def __init__(self, app: NctuiApp, editor: str, label: str, saved: str = "") -> None:
        self.app = app
        self.editor = editor
        """Which editor this is, as the drafts name it ("letter:new")."""
        self.label = label
        """What is being written, for the note on quitting ("your letter")."""
        self.saved = saved
        """The text as saved: the same words again are nothing to keep."""
        self._text: str | None = None
        self._stored: str | None = None
        self._timer: Timer | None = None
        self._started = False

    @property
    def started(self) -> bool:
        """Whether the keeper is keeping (it waits while an earlier draft is offered)."""
        return self._started

    def start(self, stored: str | None = None) -> None:
        """Begin keeping; `stored` is the text of this editor's draft already kept, if any."""
        self._stored = stored
        self._started = True
        self.app.add_draft_keeper(self)

    def typed(self, text: str) -> None:
        """The editor's text changed: keep it once typing pauses."""
        if not self._started:
            return
        self._text = text
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
        if worth_keeping(text, self.saved):
            if text != self._stored:
                self.app.coach.drafts.keep(self.editor, text)
                self._stored = text
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

    def settled(self, saved: str) -> None:
        """The words were saved or discarded: forget the draft; count changes from `saved`."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.app.coach.drafts.forget(self.editor)
        self.saved = saved
        self._text = None
        self._stored = None


@dataclass(frozen=True)
class TakenBack:
    """What an editor opens with: its text, and the text of its draft still kept."""

    text: str
    stored: str | None


async def take_back(
    app: NctuiApp,
    editor: str,
    saved: str,
    strays: Sequence[Draft] = (),
    elsewhere: str | None = None,
) -> TakenBack:
    """The text `editor` should open with, after offering back any draft it left.

    With no draft of its own, the first of `strays` (drafts whose own editor is gone,
    such as a letter sealed in another window) is offered instead, saying `elsewhere`
    where its words go now; kept, it becomes this editor's draft.
    A draft that holds nothing new is forgotten without a word. Call from a worker.
    """
    from nctui.ui.screens.draft_offer import DraftOfferScreen  # noqa: PLC0415 - rarely needed

    own = app.coach.drafts.find(editor)
    if own is not None and not worth_keeping(own.text, saved):
        app.coach.drafts.forget(editor)
        own = None
    draft = own or next((stray for stray in strays if stray.text.strip()), None)
    if draft is None:
        return TakenBack(saved, None)
    keep = await app.push_screen_wait(
        DraftOfferScreen(draft, app.clock(), None if own else elsewhere)
    )
    if not keep:
        app.coach.drafts.forget(draft.editor)
        return TakenBack(saved, None)
    if draft is not own:
        # Moved to this editor, so it is offered here again if nctui closes meanwhile.
        app.coach.drafts.keep(editor, draft.text, draft.updated_at)
        app.coach.drafts.forget(draft.editor)
    return TakenBack(draft.text, draft.text)
