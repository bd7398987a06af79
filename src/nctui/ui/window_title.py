"""The terminal window's title while the app is covered.

Textual (8.2) never writes a window title, so the title is whatever the shell set when
nctui started, often the command itself: "nctui". While covered, nctui pushes that
title onto the terminal's title stack (XTWINOPS 22), sets a neutral one (OSC 2), and
pops the old one back (XTWINOPS 23) on return. Terminals without a title stack keep the
neutral title, which still says nothing; those without titles ignore all three.
"""

from __future__ import annotations

import os

from nctui.domain.text import strip_controls

SAVE_TITLE = "\x1b[22;2t"
RESTORE_TITLE = "\x1b[23;2t"


def neutral_title() -> str:
    """The name of the person's shell ("bash", "zsh"), as an idle terminal shows."""
    shell = os.path.basename(os.environ.get("SHELL", ""))  # noqa: PTH119 - a name, not a file
    # Taken from the environment: nothing in it may end the escape sequence early.
    return strip_controls(shell).replace("\n", "")[:40] or "Terminal"


def cover_sequence(title: str) -> str:
    """Keep the current title, then show `title` instead."""
    return f"{SAVE_TITLE}\x1b]2;{title}\x07"


def uncover_sequence() -> str:
    """Bring back the title kept by `cover_sequence`."""
    return RESTORE_TITLE
