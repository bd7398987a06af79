"""Start-up without garbage-collector pauses.

Python's cyclic garbage collector runs after every few hundred new objects. Almost
everything made during start-up (modules, classes, the whole history read from disk)
lives until nctui quits, so each of those runs walks a growing heap and frees next to
nothing: with years of history they cost a noticeable slice of start-up (see
benchmarks/). So collection waits until the first screen is drawn. Then everything
alive is set aside as permanent (`gc.freeze`), so later collections do not walk the
history again, and collection resumes for what the session itself makes.

The same holds for what is built later to last the session: a screen opened for the
first time (the journal's years of days), or the whole history read again after
another window's changes. `set_aside` does the same for those, once they are drawn.

Plain reference counting still frees everything else at once throughout. The one
cost: a start-up object later dropped as part of a reference cycle is never reclaimed,
a one-off loss no larger than what start-up itself made.
"""

from __future__ import annotations

import gc

_paused = False
_session = False
"""Whether this process started nctui with the collector paused, as `nctui` does."""


def pause_collection() -> None:
    """Hold the cyclic garbage collector until `resume_collection`."""
    global _paused  # noqa: PLW0603 - one process-wide switch, like the collector itself
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collection() -> None:
    """Set aside what start-up made and let the collector run again.

    Does nothing unless `pause_collection` paused it, so calling it twice, or in a
    process that never paused, is harmless.
    """
    global _paused, _session  # noqa: PLW0603
    if _paused:
        _paused = False
        _session = True
        gc.freeze()
        gc.enable()


def set_aside() -> None:
    """Set aside what was just built to last the session, so later collections do not
    walk it again.

    Only once start-up has resumed collection in a process that paused it, as `nctui`
    does; elsewhere (a test run building app after app) nothing is set aside.
    """
    if _session and not _paused and gc.isenabled():
        gc.freeze()


def end_session() -> None:
    """Give everything set aside back to the collector, and set nothing more aside: for
    a process that goes on after nctui has closed, such as a test run."""
    global _session  # noqa: PLW0603
    _session = False
    gc.unfreeze()
