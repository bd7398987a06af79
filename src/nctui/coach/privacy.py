"""The passphrase lock and encryption at rest, as the screens and the command line ask.

A lock (a passphrase) can be set with the file plain or sealed. With the file plain,
the settings keep a verifier (the key settings, a salt and the key check, never the
passphrase); with the file sealed, its header is what verifies (the settings' copy is
kept up to date inside it, for when it is written plain again) and the key is held in
memory while nctui is open. The slow calls (`verify`, `set_passphrase`, `encrypt`...)
run the key function on purpose: call them from a worker thread in the app.

The errors a caller catches are here too, so the user interface never imports storage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nctui.domain.frozen import frozen
from nctui.domain.passphrase import PassphraseError, check_new_passphrase, normalise_passphrase
from nctui.storage.crypto.errors import (
    KeyChanged,
    PassphraseNeeded,
    UnreadableHeader,
    WrongPassphrase,
)
from nctui.storage.errors import StorageError
from nctui.storage.settings import (
    EARLIER_KEYS,
    SEALED_AS,
    STATUS_WHEN_SEALED,
    UNSEALED_FROM,
    setting_op,
)

if TYPE_CHECKING:
    from pathlib import Path

    from nctui.coach.core import Core
    from nctui.storage.crypto.sealed_file import SealKey

LOCK_VERIFIER = "lock_verifier"
IDLE_MINUTES = "lock_idle_minutes"
ASK_ON_RETURN = "lock_ask_on_return"
DEFAULT_IDLE_MINUTES = 10
MAX_IDLE_MINUTES = 1440
"""A day: a longer idle time would hardly ever lock."""

__all__ = [
    "KeyChanged",
    "PassphraseError",
    "PassphraseNeeded",
    "Privacy",
    "PrivacyState",
    "UnreadableHeader",
    "WrongPassphrase",
]


@frozen
class PrivacyState:
    """What is set: the lock, encryption, and when the lock asks for the passphrase."""

    lock_set: bool
    """A passphrase is set (the file plain or sealed)."""
    encrypted: bool
    """The data file is sealed."""
    idle_minutes: int
    """Lock after this many idle minutes; 0 = never."""
    ask_on_return: bool
    """The hide key's return asks for the passphrase."""
    status_when_sealed: bool = False
    """`nctui status` keeps a summary (day numbers only) while the file is sealed."""


class Privacy:
    """The lock's passphrase, encryption at rest, and the lock's two settings."""

    def __init__(self, core: Core) -> None:
        self._core = core
        self._repository = core.repository

    # -- reading ---------------------------------------------------------------------

    def state(self) -> PrivacyState:
        """What is set now. Fast: nothing is derived."""
        encrypted = self._repository.key is not None
        return PrivacyState(
            lock_set=encrypted or self._verifier() is not None,
            encrypted=encrypted,
            idle_minutes=self._idle_minutes(),
            ask_on_return=self._flag(ASK_ON_RETURN, default=True),
            status_when_sealed=self._flag(STATUS_WHEN_SEALED, default=False),
        )

    def verify(self, passphrase: str) -> bool:
        """Whether `passphrase` is the lock's. Slow (the key function): call it from a
        worker thread. False when it is wrong, or when no lock is set.

        Raises PassphraseError for an empty or unusable entry, before anything slow.
        """
        normalise_passphrase(passphrase)
        key = self._key_for(passphrase)
        if key is None:
            return False
        self._repository.remember(key)
        if self._repository.key is None:
            self._finish_decrypt(key)
        return True

    def take_new_key(self, passphrase: str) -> bool:
        """Go on saving after another window changed the passphrase or turned
        encryption on: True when `passphrase` opens the file as it is now (then the
        changes waiting here are saved with it). Slow: call it from a worker thread.

        Raises PassphraseError for an empty or unusable entry, before anything slow,
        and for the passphrase from before another window changed it.
        """
        normalise_passphrase(passphrase)
        opened = self._repository.adopt(passphrase)
        if not self._repository.key_wanted:
            # Nothing waits any more (turned plain elsewhere, say): the lock still holds.
            return opened or not self.state().lock_set or self.verify(passphrase)
        key = self._repository.key
        if key is not None:
            from nctui.storage.sealing import matches  # noqa: PLC0415

            if matches(passphrase, key.params, key.key_check) is not None:
                raise PassphraseError(
                    "That is the passphrase from before the change. Type the new one."
                )
        return False

    @property
    def waiting_for_key(self) -> bool:
        """Changes here wait for the passphrase another window sealed the file with."""
        return self._repository.key_wanted

    # -- the passphrase --------------------------------------------------------------

    def set_passphrase(self, new: str, *, current: str | None = None) -> None:
        """Set the lock's passphrase, or change it. Slow.

        When a lock is set, `current` must be its passphrase (WrongPassphrase if it is
        not). `new` must be usable as a new passphrase (PassphraseError says why not).
        When the file is sealed it is sealed again under the new key, in one atomic
        rewrite, and the files beside it follow.
        """
        _check_new(new)
        self._in_step()
        if self.state().lock_set:
            self._checked(current)
        from nctui.storage.sealing import make_key  # noqa: PLC0415
        from nctui.storage.verifier import verifier_of  # noqa: PLC0415

        key = make_key(new)
        # The verifier is kept up to date inside a sealed file too (where the header is
        # what verifies), so a crash between two writes never leaves a plain file unlocked.
        self._core.apply(setting_op(LOCK_VERIFIER, verifier_of(key)))
        old = self._repository.key
        if old is not None:
            from nctui.storage.sealing import with_earlier  # noqa: PLC0415

            # The old key goes inside the data, sealed: copies a window still seals with
            # it (changes it could not save) open with the new passphrase.
            self._core.apply(
                setting_op(EARLIER_KEYS, with_earlier(self._setting(EARLIER_KEYS), old))
            )
            self._repository.reseal(key)
        else:
            self._saved()
        self._repository.remember(key)

    def remove_passphrase(self, current: str) -> None:
        """Turn the lock off (WrongPassphrase if `current` is not its passphrase). A
        sealed file is written plain first, as `decrypt` does. Slow."""
        self._in_step()
        key = self._checked(current)
        if self._repository.key is not None:
            self._unseal(key)
        self._core.apply(setting_op(LOCK_VERIFIER, None))
        self._saved()

    # -- encryption ------------------------------------------------------------------

    def encrypt(self, passphrase: str, *, keep_status: bool | None = None) -> list[Path]:
        """Seal the data file with the lock's passphrase, in one atomic rewrite; backups,
        unsaved changes and copies kept aside follow, and the status summary goes
        (unless `keep_status`: it then holds day numbers only). Slow.

        Needs the lock set and `passphrase` its passphrase (WrongPassphrase
        otherwise). Returns the files beside the data that stay sealed under an earlier
        passphrase. Already sealed: nothing changes.
        """
        self._in_step()
        key = self._checked(passphrase)
        if keep_status is not None:
            self._core.apply(setting_op(STATUS_WHEN_SEALED, keep_status))
        if self._repository.key is not None:
            self._saved()
            return []
        import secrets  # noqa: PLC0415

        # This turn of encryption's mark: only a decrypt of this turn turns it plain.
        self._core.apply(setting_op(SEALED_AS, secrets.token_hex(8)))
        return self._repository.reseal(key)

    def decrypt(self, passphrase: str) -> list[Path]:
        """Write the data file plain again, in one atomic rewrite; the lock stays set
        (with a verifier in the settings) and the files beside the data follow. Slow.

        WrongPassphrase when `passphrase` is not the lock's. Returns the files beside
        the data sealed under an earlier passphrase, left sealed. Not sealed: nothing
        changes.
        """
        self._in_step()
        key = self._checked(passphrase)
        if self._repository.key is None:
            return self._finish_decrypt(key)
        return self._unseal(key)

    def _unseal(self, key: SealKey) -> list[Path]:
        # Write the data plain: its copies follow, and other windows follow it.
        from nctui.storage.verifier import verifier_of  # noqa: PLC0415

        earlier = self._repository.earlier_keys()
        mark = self._setting(SEALED_AS)
        # The plain file is written without keys and with this turn marked as ended (in
        # the rewrite itself); then this window's copy says the same. A failed rewrite
        # changes nothing, not even here.
        left = self._repository.reseal(None, earlier)
        self._core.apply(setting_op(LOCK_VERIFIER, verifier_of(key)))
        self._core.apply(setting_op(UNSEALED_FROM, mark if isinstance(mark, str) else ""))
        if earlier:
            self._core.apply(setting_op(EARLIER_KEYS, None))
        return left

    def _in_step(self) -> None:
        # A change of passphrase or encryption starts from the file as it is now, with
        # every earlier change saved: else nothing is changed, even in memory.
        self._repository.follow_file()
        if self._repository.key_wanted:
            raise PassphraseNeeded(
                "Your data was encrypted, or its passphrase changed, in another window. "
                "Give that passphrase first, then try again."
            )
        if self._repository.flush():
            raise StorageError(
                "Some of your changes are not saved yet, so nothing was changed. Try "
                "again in a moment."
            )

    def _saved(self) -> None:
        if self._repository.flush():
            raise StorageError(
                "This change is not saved yet. nctui keeps trying, and it takes effect "
                "once it is saved."
            )

    def _finish_decrypt(self, key: SealKey) -> list[Path]:
        # Copies a stopped decrypt left sealed are written plain, as the data is.
        try:
            return self._repository.unseal_copies(key)
        except StorageError:
            return []  # busy: the next time the passphrase is given

    # -- settings --------------------------------------------------------------------

    def set_idle_minutes(self, minutes: int) -> None:
        """Lock after this many idle minutes (0: never). ValueError, with a message for a
        person, outside 0 to 1440."""
        if isinstance(minutes, bool) or not 0 <= minutes <= MAX_IDLE_MINUTES:
            raise ValueError(
                f"Choose a number of minutes from 0 (never) to {MAX_IDLE_MINUTES} (a day)."
            )
        if minutes != self._idle_minutes():
            self._core.apply(setting_op(IDLE_MINUTES, minutes))

    def set_ask_on_return(self, ask: bool) -> None:
        """Whether coming back from the hide key asks for the passphrase."""
        if ask != self._flag(ASK_ON_RETURN, default=True):
            self._core.apply(setting_op(ASK_ON_RETURN, ask))

    def set_status_when_sealed(self, keep: bool) -> None:
        """Whether `nctui status` keeps its summary (day numbers only) while sealed."""
        if keep != self._flag(STATUS_WHEN_SEALED, default=False):
            self._core.apply(setting_op(STATUS_WHEN_SEALED, keep))

    # -- inside ----------------------------------------------------------------------

    def _setting(self, key: str) -> Any:
        return self._core.model.setting_value(key)

    def _idle_minutes(self) -> int:
        value = self._setting(IDLE_MINUTES)
        if isinstance(value, bool) or not isinstance(value, int):
            return DEFAULT_IDLE_MINUTES
        return min(max(value, 0), MAX_IDLE_MINUTES)

    def _flag(self, key: str, *, default: bool) -> bool:
        value = self._setting(key)
        return value if isinstance(value, bool) else default

    def _verifier(self) -> Any:
        from nctui.storage.verifier import read_verifier  # noqa: PLC0415 - no cryptography

        return read_verifier(self._setting(LOCK_VERIFIER))

    def _key_for(self, passphrase: str) -> SealKey | None:
        # The key `passphrase` makes when it is the lock's, else None. Slow.
        from nctui.storage.sealing import matches  # noqa: PLC0415

        key = self._repository.key
        if key is not None:
            return matches(passphrase, key.params, key.key_check)
        verifier = self._verifier()
        if verifier is None:
            return None
        return matches(passphrase, *verifier)

    def _checked(self, passphrase: str | None) -> SealKey:
        # The lock's key, made from `passphrase`; WrongPassphrase when it is not the lock's.
        if passphrase is None or not passphrase.strip():
            raise PassphraseError("Type your current passphrase first.")
        if not self.state().lock_set:
            raise WrongPassphrase("No passphrase is set yet. Set one first.")
        key = self._key_for(passphrase)
        if key is None:
            raise WrongPassphrase()
        return key


def _check_new(new: str) -> None:
    problem = check_new_passphrase(new, new)
    if problem is not None:
        raise PassphraseError(problem)
