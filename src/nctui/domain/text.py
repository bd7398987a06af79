"""Text the person writes or pastes, made safe to store and to show.

Pasted text can carry terminal escape sequences (colour codes, "clear screen") and other
control characters. Stored as they are, they would be sent to the terminal again when
the text is shown, and could scramble the screen. New text is cleaned before it is
saved; text already in the file (older versions, hand edits) is shown with each control
character drawn as a visible symbol, never sent to the terminal as it is.
"""

from __future__ import annotations

import re

TAB_SPACES = "    "
LONG_TEXT_MAX_CHARS = 20_000
"""The one limit for every long text the person writes: a journal entry, a letter, their
SOS reasons (about ten pages: ample, and quick to draw)."""
NOTE_MAX_CHARS = 2_000
"""The one limit for every short note: on an event in the ledger, on an activity done.
Longer thoughts belong in the journal."""


def too_long(what: str, length: int, limit: int) -> str:
    """How a text over its limit is refused, the same way everywhere:
    "This note is 2,001 / 2,000 characters." """
    return f"This {what} is {length:,} / {limit:,} characters."


# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and the other two-character
# escapes (ESC followed by one character). Removed whole: removing ESC alone would
# leave "[2J" and the like behind as noise.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
# Every C0 control but the newline, DEL, and the C1 controls.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
# Half of a UTF-16 pair on its own (a broken paste, mostly on Windows): not a character,
# and it cannot be written as UTF-8.
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Anything `printable` changes: most stored text has none, and comes back as it is.
_NEEDS_CARE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def strip_controls(text: str) -> str:
    """Text without escape sequences or control characters, for a paste.

    Line endings become "\\n" and a tab becomes four spaces; everything else the person
    wrote is kept as it is.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", TAB_SPACES)
    return _LONE_SURROGATE.sub("", _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text)))


def clean_text(text: str) -> str:
    """Text ready to store: `strip_controls`, and no white space at the start or end."""
    return strip_controls(text).strip()


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x09:
        return TAB_SPACES
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures": ␛ for ESC
    if code == 0x7F:
        return "␡"
    return "�"


needs_care = _NEEDS_CARE.search
"""A match when `printable` would change the text, else None: for checking years of
stored text quickly, most of which needs nothing."""


def printable(text: str) -> str:
    """Text safe to show as it is: every control character but the newline made visible.

    Text with nothing to change is returned itself, not a copy.
    """
    if not _NEEDS_CARE.search(text):
        return text
    return _LONE_SURROGATE.sub("�", _CONTROL.sub(_picture, text.replace("\r\n", "\n")))


_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _any_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "␡" if code == 0x7F else "�"


def has_controls(text: str) -> bool:
    """Whether `text` holds any control character at all, newlines and tabs included."""
    return _ANY_CONTROL.search(text) is not None


def control_pictures(text: str) -> str:
    """Every control character as one visible symbol (␛, ␊, ␉...), one for one: for text
    already laid out, where nothing may change its length."""
    return _ANY_CONTROL.sub(_any_picture, text)


def one_line(text: str, width: int) -> str:
    """The start of `text` on one line, at most `width` characters, "…" if cut."""
    flat = " ".join(printable(text).split())
    return flat if len(flat) <= width else flat[: max(0, width - 1)].rstrip() + "…"
