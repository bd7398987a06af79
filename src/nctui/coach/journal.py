"""Daily check-ins, the journal they make, and the hour a day starts at."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from nctui.coach.core import Core
from nctui.domain.checkin import (
    DEFAULT_DAY_START_HOUR,
    LATEST_DAY_START_HOUR,
    SCALES,
    CheckIn,
    CheckInValues,
    DayEntry,
    Rating,
    checkin_day,
    is_change,
)
from nctui.domain.period import period_status
from nctui.storage.checkin_store import DAY_START, checkin_from_doc, checkin_op, day_start_op

if TYPE_CHECKING:
    from nctui.domain.mood_trend import Trend


class Journal:
    """The check-ins, one or more versions per day."""

    def __init__(self, core: Core) -> None:
        self._core = core

    def day_start(self) -> int:
        """The hour the person's day starts at (04:00 unless they changed it)."""
        hour = self._core.model.setting(DAY_START, DEFAULT_DAY_START_HOUR)
        return hour if 0 <= hour <= LATEST_DAY_START_HOUR else DEFAULT_DAY_START_HOUR

    def set_day_start(self, hour: int) -> bool:
        """Start the day at `hour`; False when it already does."""
        if hour == self.day_start():
            return False
        self._core.apply(day_start_op(hour))
        return True

    def today(self, now: datetime | None = None) -> date:
        """The check-in day it is now (before the day-start hour, still yesterday)."""
        return checkin_day(now or self._core.clock(), self.day_start())

    def entries(self) -> tuple[DayEntry, ...]:
        """Every day with a check-in, oldest first; the same object until one changes."""
        return self._core.model.journal.entries()

    def entry(self, day: date) -> DayEntry | None:
        """`day`'s check-in with every version, if there is one."""
        return self._core.model.journal.entry(day)

    def between(self, first: date, last: date) -> list[DayEntry]:
        """The days from `first` to `last` that have a check-in, oldest first."""
        return self._core.model.journal.between(first, last)

    def checked_in_today(self, now: datetime | None = None) -> bool:
        """Whether today's check-in is done."""
        return self._core.model.journal.checked_in(self.today(now))

    def check_in(self, day: date, values: CheckInValues) -> CheckIn | None:
        """Save a version of `day`'s check-in; None when it would change nothing.

        Raises ValueError for a rating outside its scale (the form checks what is typed
        first): it would not read back.
        """
        for which in Rating:
            scale = SCALES[which]
            if not scale.low <= values.rating(which) <= scale.high:
                raise ValueError(f"{scale.label} goes from {scale.low} to {scale.high}")
        if not is_change(self.entry(day), values):
            return None
        op = checkin_op(day, values, self._core.clock())
        self._core.apply(op)
        return checkin_from_doc(op.doc)

    def period_trend(self, now: datetime | None = None) -> Trend:
        """The mood trend over the running or just-completed period: the same weeks the
        journal's chart shows."""
        # Imported here: the dashboard, drawn first, starts without the trend's code.
        from nctui.domain.chart_data import chart_window  # noqa: PLC0415
        from nctui.domain.mood_trend import mood_trend  # noqa: PLC0415

        now = now or self._core.clock()
        status = period_status(self._core.model.attempts(), now)
        window = chart_window(status, self.today(now), self.day_start())
        entries = self.between(window.first_day, window.last_data_day)
        return mood_trend(entries, window.first_day, window.last_data_day)
