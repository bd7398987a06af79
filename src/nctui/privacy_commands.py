"""`nctui passphrase`, `nctui encrypt` and `nctui decrypt`: the lock and encryption at
rest from the command line. Each says what it did in plain words, and never shows a
traceback for a wrong or unusable passphrase."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from nctui.exit_codes import EXIT_OK, EXIT_USAGE
from nctui.unlocking import NOT_RECOVERABLE, Ask, Stopped, ask_current, ask_hidden, ask_new, say

if TYPE_CHECKING:
    from nctui.coach.coach import Coach
    from nctui.domain.clock import Clock

# The coach is imported by the command that needs it.
# ruff: noqa: PLC0415


def _fail(message: str) -> int:
    say(f"nctui: {message}")
    return EXIT_USAGE


def run(
    command: str,
    data_dir: Path,
    args: argparse.Namespace,
    *,
    clock: Clock | None = None,
    ask: Ask = ask_hidden,
) -> int:
    """Run `passphrase`, `encrypt` or `decrypt`; return the exit code."""
    from nctui.coach.errors import StorageError
    from nctui.coach.privacy import PassphraseError, WrongPassphrase
    from nctui.domain.clock import system_clock
    from nctui.unlocking import open_coach

    try:
        coach, opened_with = open_coach(data_dir, clock or system_clock, ask=ask)
    except (Stopped, StorageError) as error:
        return _fail(str(error))
    report = coach.file.report
    if report.moved_aside is not None:
        # Never change a passphrase or encryption on a fresh file the person did not expect.
        coach.file.close()
        return _fail(
            f"your data file could not be read ({report.damage}). It is kept as "
            f"{report.moved_aside}, and a fresh one was started; run nctui to see what to "
            f"do next. Nothing else was changed."
        )
    try:
        return _COMMANDS[command](coach, opened_with, ask, args)
    except (WrongPassphrase, PassphraseError) as problem:
        return _fail(f"{problem} Nothing was changed.")
    except (Stopped, StorageError) as error:
        return _fail(str(error))
    finally:
        coach.file.close()


def _current(coach: Coach, opened_with: str | None, ask: Ask) -> str:
    # The passphrase that opened a sealed file is the current one: not asked twice.
    return opened_with or ask_current(ask, "Current passphrase: ")


def _passphrase(coach: Coach, opened_with: str | None, ask: Ask, args: argparse.Namespace) -> int:
    remove = args.remove
    privacy = coach.privacy
    state = privacy.state()
    if remove:
        if not state.lock_set:
            print("No passphrase is set: there is nothing to remove.")
            return EXIT_OK
        privacy.remove_passphrase(_current(coach, opened_with, ask))
        print(
            "The passphrase is removed: nctui no longer asks for it"
            + (", and your data file is plain text again." if state.encrypted else ".")
        )
        return EXIT_OK
    current = _current(coach, opened_with, ask) if state.lock_set else None
    say(NOT_RECOVERABLE)
    new = ask_new(ask)
    privacy.set_passphrase(new, current=current)
    if state.lock_set:
        print("Your passphrase is changed.")
    else:
        print(
            "Your passphrase is set: nctui asks for it when it starts. To encrypt your "
            "data file with it too, run `nctui encrypt`."
        )
    return EXIT_OK


def _encrypt(coach: Coach, opened_with: str | None, ask: Ask, args: argparse.Namespace) -> int:
    keep_status: bool | None = args.keep_status
    privacy = coach.privacy
    state = privacy.state()
    if state.encrypted:
        if keep_status is not None:
            privacy.set_status_when_sealed(keep_status)
            print(_status_words(keep_status))
        print("Your data is already encrypted.")
        return EXIT_OK
    if state.lock_set:
        passphrase = _current(coach, opened_with, ask)
    else:
        say("Encryption uses a passphrase; choose one now.")
        say(NOT_RECOVERABLE)
        passphrase = ask_new(ask)
        privacy.set_passphrase(passphrase)
    still_sealed = privacy.encrypt(passphrase, keep_status=keep_status)
    print(
        "Your data file is encrypted: without your passphrase it cannot be read. Daily "
        "backups and unsaved changes are encrypted too."
    )
    print(_status_words(privacy.state().status_when_sealed))
    _name_still_sealed(still_sealed)
    return EXIT_OK


def _decrypt(coach: Coach, opened_with: str | None, ask: Ask, _args: argparse.Namespace) -> int:
    privacy = coach.privacy
    if not privacy.state().encrypted:
        print("Your data file is not encrypted: nothing to do.")
        return EXIT_OK
    still_sealed = privacy.decrypt(_current(coach, opened_with, ask))
    print(
        "Your data file is plain text again, and so are its backups. The passphrase lock "
        "stays on; `nctui passphrase --remove` turns it off."
    )
    _name_still_sealed(still_sealed)
    return EXIT_OK


def _status_words(keep: bool) -> str:
    if keep:
        return "`nctui status` keeps showing your day numbers (a small file holds numbers only)."
    return "`nctui status` now says only `locked` (`nctui encrypt --keep-status` changes that)."


def _name_still_sealed(paths: list[Path]) -> None:
    if paths:
        names = ", ".join(path.name for path in paths)
        say(f"These older copies stay encrypted with an earlier passphrase: {names}.")


_COMMANDS: dict[str, Callable[[Coach, str | None, Ask, argparse.Namespace], int]] = {
    "passphrase": _passphrase,
    "encrypt": _encrypt,
    "decrypt": _decrypt,
}
