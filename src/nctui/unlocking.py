"""Asking for the passphrase in the terminal, and opening the data with it.

Used before the app starts and by every command that reads the data. A passphrase is
read without echo (getpass), held only as long as the command needs it, and never
printed or written anywhere. Ctrl+C or Ctrl+D at a prompt ends the command calmly.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from nctui.domain.passphrase import PassphraseError, check_new_passphrase, retry_delay
from nctui.status import DATA_FILE_NAME, sealed

if TYPE_CHECKING:
    from nctui.coach.coach import Coach
    from nctui.domain.clock import Clock

# The coach (and with it the crypto library) is loaded by the command that needs it.
# ruff: noqa: PLC0415

Ask = Callable[[str], "str | None"]
"""Reads one line without echo after a prompt; None when the person stopped (Ctrl+C/D)."""

TRIES = 3
LOCKED_PROMPT = "nctui is locked. Passphrase: "
NOT_RECOVERABLE = (
    "A forgotten passphrase cannot be recovered: nobody, nctui included, can open your "
    "data without it. To keep a copy you can always read, run `nctui export -o FILE` and "
    "keep that file somewhere safe."
)


_STOPPED = "Stopped. Nothing was changed."


class Stopped(Exception):
    """The person stopped at a prompt, or three tries failed; the message says so calmly."""


def say(message: str) -> None:
    """A line on standard error, where prompts and their answers go."""
    print(message, file=sys.stderr)


def ask_hidden(prompt: str) -> str | None:
    """A line typed without echo; None after Ctrl+C or Ctrl+D."""
    import getpass

    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        say("")
        return None


def ask_new(ask: Ask = ask_hidden) -> str:
    """A new passphrase, typed twice, checked (`check_new_passphrase`), three tries.

    Raises Stopped when the person stops or three tries do not give a usable one.
    """
    for _ in range(TRIES):
        first = _asked(ask, "New passphrase: ")
        problem = check_new_passphrase(first, first)
        if problem is None:
            problem = check_new_passphrase(first, _asked(ask, "Type it once more: "))
        if problem is None:
            return first
        say(problem)
    raise Stopped("No passphrase was set. Nothing was changed.")


def ask_current(ask: Ask = ask_hidden, prompt: str = "Passphrase: ") -> str:
    """The current passphrase as typed; raises Stopped when the person stops."""
    return _asked(ask, prompt)


def _asked(ask: Ask, prompt: str) -> str:
    answer = ask(prompt)
    if answer is None:
        raise Stopped("Stopped. Nothing was changed.")
    return answer


def open_coach(
    data_dir: Path,
    clock: Clock,
    *,
    ask: Ask = ask_hidden,
    check_lock: bool = False,
    sleep: Callable[[float], None] = time.sleep,
    set_aside: bool = True,
) -> tuple[Coach, str | None]:
    """Open the data, asking for the passphrase when the file is sealed (or, with
    `check_lock`, when a lock is set): three tries, a calm word after a wrong one, and
    a growing wait after repeated ones (`retry_delay`).

    Returns the coach and the passphrase that opened it (None when none was asked).
    Raises Stopped, and StorageError for data that cannot be used (without `set_aside`,
    CorruptDataError for a damaged file, left as it is: see Coach.open).
    """
    from nctui.coach.coach import Coach
    from nctui.coach.privacy import PassphraseNeeded, WrongPassphrase

    def attempt(passphrase: str) -> Coach | None:
        try:
            return Coach.open(data_dir, clock, passphrase, set_aside=set_aside)
        except WrongPassphrase:
            return None

    path = data_dir / DATA_FILE_NAME
    if sealed(str(path)):
        return _tries(attempt, ask, sleep)
    try:
        coach = Coach.open(data_dir, clock, set_aside=set_aside)
    except PassphraseNeeded as needed:  # gone or damaged, with encrypted copies beside it
        say(str(needed))
        return _tries(attempt, ask, sleep)
    if not (check_lock and coach.privacy.state().lock_set):
        return coach, None

    def verify(passphrase: str) -> Coach | None:
        return coach if coach.privacy.verify(passphrase) else None

    try:
        return _tries(verify, ask, sleep)
    except BaseException:
        coach.file.close()
        raise


def _tries(
    attempt: Callable[[str], Coach | None], ask: Ask, sleep: Callable[[float], None]
) -> tuple[Coach, str]:
    failures = 0
    for number in range(1, TRIES + 1):
        passphrase = _asked(ask, LOCKED_PROMPT)
        try:
            opened = attempt(passphrase)
        except PassphraseError as problem:
            say(str(problem))
            continue
        except KeyboardInterrupt:  # Ctrl+C while the (slow) check runs
            raise Stopped(_STOPPED) from None
        if opened is not None:
            return opened, passphrase
        failures += 1
        if number < TRIES:  # after the last try, the goodbye says it all
            say("That passphrase does not open your data. Please try again.")
            try:
                sleep(retry_delay(failures))
            except KeyboardInterrupt:
                raise Stopped(_STOPPED) from None
    raise Stopped("Still locked; your data is as it was. Run it again to try once more.")
