"""The passphrase rules: how a typed passphrase becomes the text a key is made from.

The same passphrase must always give the same key, however it reaches nctui: typed on
another keyboard, pasted from a password manager with a newline after it, or entered on
a system that writes accented letters as a letter plus a separate accent. So before use
a passphrase is:

1. put in Unicode NFC form, so "é" typed as one character or as "e" plus an accent is
   the same passphrase;
2. stripped of white space at its start and end (spaces, tabs, a pasted newline or
   "\\r\\n", no-break spaces). Nobody can see those characters, so nobody could be sure
   to type them again; inside the passphrase, spaces are kept as typed.

Emoji and every other character are kept as they are. These rules are part of the
sealed-file format (version 1): a file sealed today must open with the same passphrase
in every later nctui, so they must never change for that version.
"""

from __future__ import annotations

import re
import unicodedata

from nctui.domain.errors import AnswerError

MIN_NEW_LENGTH = 8
"""The shortest passphrase nctui sets: a stolen file is guessed at offline, at leisure."""

MAX_LENGTH = 100_000
"""The longest passphrase nctui takes, in characters; a guard against a pasted file."""

# Half of a UTF-16 pair on its own: a broken paste, not a character anyone can type.
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


class PassphraseError(AnswerError):
    """A passphrase that cannot be used, with a message to show beside the field."""


def normalise_passphrase(text: str) -> str:
    """The passphrase as keys are made from it (NFC, no white space at either end).

    Raises PassphraseError when nothing is left, when it is longer than MAX_LENGTH,
    or when it holds a broken character.
    """
    if len(text) > MAX_LENGTH * 2:
        # Checked before normalising too, so a huge paste is refused at once.
        raise PassphraseError(_TOO_LONG)
    if _LONE_SURROGATE.search(text):
        raise PassphraseError("One character did not come through whole. Please type it again.")
    normal = unicodedata.normalize("NFC", text).strip()
    if not normal:
        raise PassphraseError("Type your passphrase first.")
    if len(normal) > MAX_LENGTH:
        raise PassphraseError(_TOO_LONG)
    return normal


def passphrase_bytes(text: str) -> bytes:
    """The normalised passphrase as UTF-8, the bytes a key is derived from."""
    return normalise_passphrase(text).encode("utf-8")


def check_new_passphrase(first: str, second: str) -> str | None:
    """What is wrong with a new passphrase typed twice, or None when it can be used.

    The first entry is checked on its own before the two are compared, so the person
    hears about a too-short passphrase before being asked to repeat it. Both entries
    are compared after normalising, so a pasted newline makes no difference.
    """
    try:
        chosen = normalise_passphrase(first)
    except PassphraseError as problem:
        if not first.strip():
            return "Choose a passphrase first."
        return str(problem)
    if len(chosen) < MIN_NEW_LENGTH:
        return (
            f"Please use at least {MIN_NEW_LENGTH} characters. A few words together are "
            "easy to remember and hard to guess."
        )
    if not second.strip():
        return "Now type it once more, to be sure it is what you meant."
    try:
        repeated = normalise_passphrase(second)
    except PassphraseError:
        return _MISMATCH
    return None if repeated == chosen else _MISMATCH


_TOO_LONG = (
    f"That is longer than nctui can use. Please keep it to {MAX_LENGTH:,} characters or fewer."
)
_MISMATCH = "The two entries are not the same. Please type it again."


FREE_TRIES = 2
"""Wrong passphrases answered at once: a typo or two should never be made to wait."""
MAX_RETRY_DELAY = 30.0


def retry_delay(failures: int) -> float:
    """Seconds to wait before the next try after `failures` wrong passphrases in a row.

    No wait after the first two, then 2, 4, 8, 16 and at most 30 seconds: a person mistyping
    barely notices, while someone trying many guesses at the keyboard is slowed down.
    (A stolen file is guessed at elsewhere; the key function's cost guards it there.)
    """
    if failures <= FREE_TRIES:
        return 0.0
    return min(MAX_RETRY_DELAY, float(2 ** (failures - FREE_TRIES)))
