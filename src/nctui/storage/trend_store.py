"""The mood trend of the running or just-completed period, from the stored check-ins.

Apart from `checkin_store` so that the dashboard, which only asks whether today's
check-in is done, starts without the trend and chart code.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from nctui.domain.chart_data import chart_window
from nctui.domain.checkin import checkin_day
from nctui.domain.mood_trend import Trend, mood_trend
from nctui.domain.period import period_status
from nctui.storage.attempt_store import load_attempts
from nctui.storage.checkin_store import load_day_start, load_entries

if TYPE_CHECKING:
    from nctui.storage.repository import Repository


def period_mood_trend(repository: Repository, now: datetime) -> Trend:
    """For the readiness quiz: the mood trend over the running or just-completed period.

    The same weeks the journal's chart shows: `.change` is the latest full week's average
    mood minus the first one's (None with too little data), `.sentence` says it plainly.
    """
    status = period_status(load_attempts(repository), now)
    window = chart_window(status, checkin_day(now, load_day_start(repository)))
    return mood_trend(load_entries(repository), window.first_day, window.last_data_day)
