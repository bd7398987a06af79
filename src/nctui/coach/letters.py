"""Unsent letters: written, redrafted, sealed until the period is over, and opened."""

from __future__ import annotations

from datetime import datetime

from nctui.coach.core import Core
from nctui.domain.letters import Letter, letters_ready, letters_to_read
from nctui.storage.letter_store import letter_from_doc, new_letter_op, open_op, redraft_op
from nctui.storage.ops import Batch


class Letters:
    """The letters, kept whole: an earlier draft's words are never lost."""

    def __init__(self, core: Core) -> None:
        self._core = core

    def all(self) -> list[Letter]:
        """Every letter, oldest first. Read only."""
        return self._core.model.letters()

    def get(self, letter_id: str) -> Letter | None:
        """The letter with this id, if there is one."""
        return self._core.model.letter(letter_id)

    def write(self, text: str, *, seal: bool) -> Letter:
        """Keep a new letter, as a draft or sealed at once."""
        op = new_letter_op(text, self._core.clock(), seal=seal)
        self._core.apply(op)
        return letter_from_doc(op.doc)

    def redraft(self, letter_id: str, text: str, *, seal: bool) -> Letter | None:
        """Write over a draft, keeping the words it had; seal it if asked.

        A letter sealed (or gone) meanwhile, in another window, keeps its words: these
        become a new letter, which is returned (its id differs). None when nothing
        would change.
        """
        letter = self.get(letter_id)
        if letter is None or letter.sealed_at is not None:
            return self.write(text, seal=seal)
        if text == letter.text and not seal:
            return None
        self._core.apply(redraft_op(letter, text, self._core.clock(), seal=seal))
        return self.get(letter_id)

    def seal(self, letter_id: str) -> Letter | None:
        """Seal a draft as it is; None when it is not a draft (any more)."""
        letter = self.get(letter_id)
        if letter is None or letter.sealed_at is not None:
            return None
        self._core.apply(redraft_op(letter, letter.text, self._core.clock(), seal=True))
        return self.get(letter_id)

    def open(self, letter_id: str, *, early: bool) -> Letter | None:
        """Open a sealed letter (`early`: before its time); None if not sealed and unopened."""
        letter = self.get(letter_id)
        if letter is None or letter.sealed_at is None or letter.opened_at is not None:
            return None
        self._core.apply(open_op(letter, self._core.clock(), early=early))
        return self.get(letter_id)

    def open_due(self, now: datetime | None = None) -> list[Letter]:
        """Open every sealed letter whose time has come; the letters opened."""
        now = now or self._core.clock()
        ready = letters_ready(self.all(), self._core.model.attempts(), now)
        if ready:
            self._core.apply(Batch(tuple(open_op(letter, now, early=False) for letter in ready)))
        return [letter for letter in (self.get(r.id) for r in ready) if letter is not None]

    def to_read(self, now: datetime | None = None) -> list[Letter]:
        """Sealed letters to read now: ready to open, or opened when due (not early)."""
        return letters_to_read(self.all(), self._core.model.attempts(), now or self._core.clock())
