"""Where "now" comes from.

Nothing else in nctui asks the operating system for the time: the app, the CLI and
the tests are all handed a `Clock`. Times are always time-zone aware and carry a real
IANA zone where one is known, so that calendar arithmetic follows daylight saving.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo
from functools import cache
from zoneinfo import ZoneInfo

Clock = Callable[[], datetime]
"""A function returning the current, time-zone aware, local time."""


@cache
def local_zone() -> tzinfo:
    """The machine's IANA time zone, or its current fixed offset if none can be found.

    The quick ways (the TZ variable, the /etc/localtime link) cover Linux and macOS and
    cost almost nothing; tzlocal, which also knows Windows, takes tens of milliseconds
    to import, too slow for `nctui status` in a shell prompt, so it is the fallback.
    """
    for name in (os.environ.get("TZ", "").lstrip(":"), _linked_zone_name()):
        if name:
            try:
                return ZoneInfo(name)
            except (ValueError, OSError, KeyError):  # not a zone we can load
                continue
    try:
        import tzlocal  # noqa: PLC0415 - see above

        return tzlocal.get_localzone()
    except Exception:  # a broken setting must not stop the app
        fallback = datetime.now().astimezone().tzinfo
        assert fallback is not None
        return fallback


def _linked_zone_name() -> str:
    # os rather than pathlib, which would cost `nctui status` a third of its time.
    try:
        target = os.readlink("/etc/localtime")  # noqa: PTH115
    except (OSError, NotImplementedError):
        return ""
    _, found, name = target.replace("\\", "/").partition("zoneinfo/")
    return name if found else ""


def system_clock() -> datetime:
    """The real clock: the current local time with the local zone attached."""
    return datetime.now(local_zone())


def fixed_clock(moment: datetime) -> Clock:
    """A clock frozen at `moment`, for screenshots, demos and tests."""
    if moment.tzinfo is None:
        raise ValueError("a clock must give time-zone aware datetimes")
    return lambda: moment


class ManualClock:
    """A clock that stands still until it is moved, for tests of the passing of time."""

    def __init__(self, moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("a clock must give time-zone aware datetimes")
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, delta: timedelta) -> None:
        """Move the clock forwards (or backwards, with a negative delta)."""
        self.moment = self.moment + delta

    def set(self, moment: datetime) -> None:
        """Jump to an exact moment, as a corrected system clock would."""
        self.moment = moment
