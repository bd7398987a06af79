"""A stand-in for the coach's privacy controls: instant, and it records what was asked.

The screens' behaviour (when the lock shows, what a miss says, what the palette offers)
is tested with it; tests/test_lock_with_a_passphrase.py uses the real controls."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from nctui.domain.passphrase import PassphraseError, normalise_passphrase


@dataclass(frozen=True)
class FakeState:
    lock_set: bool = False
    encrypted: bool = False
    idle_minutes: int = 10
    ask_on_return: bool = True


class WrongOne(ValueError):
    """What the fake raises for a wrong current passphrase."""


@dataclass
class FakePrivacy:
    passphrase: str | None = None
    settings: FakeState = field(default_factory=FakeState)
    tried: list[str] = field(default_factory=list)

    def state(self) -> FakeState:
        return replace(self.settings, lock_set=self.passphrase is not None)

    def verify(self, passphrase: str) -> bool:
        self.tried.append(passphrase)
        return normalise_passphrase(passphrase) == self.passphrase

    def _check(self, current: str | None) -> None:
        if current is None or normalise_passphrase(current) != self.passphrase:
            raise WrongOne("That is not your passphrase.")

    def set_passphrase(self, new: str, *, current: str | None = None) -> None:
        if self.passphrase is not None:
            self._check(current)
        self.passphrase = normalise_passphrase(new)

    def remove_passphrase(self, current: str) -> None:
        self._check(current)
        self.passphrase = None

    def encrypt(self, passphrase: str) -> None:
        self._check(passphrase)
        self.settings = replace(self.settings, encrypted=True)

    def decrypt(self, passphrase: str) -> None:
        self._check(passphrase)
        self.settings = replace(self.settings, encrypted=False)

    def set_idle_minutes(self, minutes: int) -> None:
        if not 0 <= minutes <= 1440:
            raise ValueError("Please choose between 0 (never) and 1440 minutes (a day).")
        self.settings = replace(self.settings, idle_minutes=minutes)

    def set_ask_on_return(self, ask: bool) -> None:
        self.settings = replace(self.settings, ask_on_return=ask)


__all__ = ["FakePrivacy", "FakeState", "PassphraseError"]
