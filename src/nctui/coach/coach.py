"""The coach the screens talk to: one object, in parts named for what they look after."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from nctui.coach.activities import Activities
from nctui.coach.changes import Changes
from nctui.coach.companion import Companion
from nctui.coach.core import Core, Listener
from nctui.coach.data_file import DataFile
from nctui.coach.drafts import Drafts
from nctui.coach.journal import Journal
from nctui.coach.ledger import Ledger
from nctui.coach.period import Period
from nctui.coach.settings import Settings
from nctui.domain.clock import Clock
from nctui.storage.ops import Op
from nctui.storage.repository import Repository

if TYPE_CHECKING:
    from nctui.coach.intake import Intake
    from nctui.coach.letters import Letters
    from nctui.coach.privacy import Privacy
    from nctui.coach.readiness import Readiness

# The intake, the letters and the readiness check are loaded when first asked for: the
# dashboard, drawn first, needs none of them.
# ruff: noqa: PLC0415


class Coach:
    """Intents in (log an event, check in, seal a letter...), domain objects and change
    notices out. Every change is made in memory at once and written in the background."""

    def __init__(self, repository: Repository, clock: Clock) -> None:
        core = Core(repository, clock)
        self._core = core
        self.repository = repository
        """The data itself: for tests and tools. Screens use the parts below."""
        self.clock = clock
        self.file = DataFile(core)
        self.period = Period(core)
        self.ledger = Ledger(core)
        self.journal = Journal(core)
        self.activities = Activities(core)
        self.settings = Settings(core)
        self.drafts = Drafts(core)
        self.companion = Companion(core, self.journal)

    @cached_property
    def letters(self) -> Letters:
        """Unsent letters: written, sealed, opened."""
        from nctui.coach.letters import Letters

        return Letters(self._core)

    @cached_property
    def intake(self) -> Intake:
        """The intake and the plan it leads to, and the start checklist."""
        from nctui.coach.intake import Intake

        return Intake(self._core)

    @cached_property
    def readiness(self) -> Readiness:
        """The readiness check and the extension it may suggest."""
        from nctui.coach.readiness import Readiness

        return Readiness(self._core, self.journal)

    @cached_property
    def privacy(self) -> Privacy:
        """The passphrase lock, encryption at rest, and the lock's settings."""
        from nctui.coach.privacy import Privacy

        return Privacy(self._core)

    @classmethod
    def open(
        cls, data_dir: Path, clock: Clock, passphrase: str | None = None, *, set_aside: bool = True
    ) -> Coach:
        """Open (or create) the data in `data_dir`, repairing what can be repaired.

        An encrypted file needs its `passphrase` (slow: the key is made once). Raises
        StorageError, with a message for a person, when it cannot be used: among them
        PassphraseNeeded and WrongPassphrase (nctui.coach.privacy), the file untouched.
        Without `set_aside`, a damaged file raises CorruptDataError, left as it is.
        """
        repository = Repository.open(data_dir, clock, passphrase=passphrase, set_aside=set_aside)
        return cls(repository, clock)

    def apply(self, op: Op) -> Changes:
        """Make a change given as a change record, as an intent would: the read model
        and the notice follow. For tests and tools (an import, say); screens use the
        intents, which make their own records."""
        return self._core.apply(op)

    def listen(self, listener: Listener) -> None:
        """Have `listener` hear what changed after every change, made here or taken in
        from another window."""
        self._core.listen(listener)

    def stop_listening(self, listener: Listener) -> None:
        """`listener` hears of no more changes."""
        self._core.stop_listening(listener)
