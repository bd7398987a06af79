"""Daily backups: made on the first save of each day, on the writer side, and kept for
the last 7 days and one a week for 8 weeks before."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from nctui.domain.clock import ManualClock
from nctui.storage.backups import kept_days
from nctui.storage.repository import Repository
from nctui.storage.settings import setting_op


def save_once_a_day(data_dir: Path, clock: ManualClock, days: int) -> list[str]:
    notices: list[str] = []
    repository = Repository.open(data_dir, clock)
    repository.on_notice = notices.append
    try:
        for day in range(days):
            if day:
                clock.advance(timedelta(days=1))
            repository.apply(setting_op("theme", f"theme-{day}"))
            repository.apply(setting_op("theme", f"theme-{day}-again"))
            assert repository.flush() == []
    finally:
        repository.close()
    return notices


def backup_days(data_dir: Path) -> list[str]:
    return sorted(path.name for path in (data_dir / "backups").iterdir())


def test_seventy_days_of_saves_keep_the_last_week_and_eight_weekly_backups(
    data_dir: Path, clock: ManualClock
) -> None:
    save_once_a_day(data_dir, clock, 70)

    assert clock().date() == date(2027, 2, 3)  # a Wednesday
    last_week = [
        f"nctui-2027-0{d}.json" for d in ("1-28", "1-29", "1-30", "1-31", "2-01", "2-02", "2-03")
    ]
    sundays = [
        "nctui-2026-12-13.json",
        "nctui-2026-12-20.json",
        "nctui-2026-12-27.json",
        "nctui-2027-01-03.json",
        "nctui-2027-01-10.json",
        "nctui-2027-01-17.json",
        "nctui-2027-01-24.json",
    ]  # with Sunday 31 January, which is in the last week: 8 weeks
    assert backup_days(data_dir) == sorted(sundays + last_week)


def test_a_backup_holds_the_file_as_it_was_before_the_days_first_save(
    data_dir: Path, clock: ManualClock
) -> None:
    save_once_a_day(data_dir, clock, 2)

    yesterday = (data_dir / "backups" / "nctui-2026-11-26.json").read_text()
    today = (data_dir / "backups" / "nctui-2026-11-27.json").read_text()
    assert "theme-0" not in yesterday  # the file before the first save
    assert "theme-0-again" in today
    assert "theme-1" not in today
    assert (data_dir / "backups").stat().st_mode & 0o777 == 0o700
    assert (data_dir / "backups" / "nctui-2026-11-27.json").stat().st_mode & 0o777 == 0o600


def test_a_failed_backup_never_stops_a_save_and_is_told_once(
    data_dir: Path, clock: ManualClock
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "backups").write_text("a file where the folder should be")

    notices = save_once_a_day(data_dir, clock, 3)

    assert '"theme-2-again"' in (data_dir / "nctui.json").read_text()
    assert len(notices) == 1
    assert "could not keep today's backup" in notices[0]


def test_a_backup_dated_after_today_is_kept_when_the_clock_goes_back() -> None:
    today = date(2026, 11, 26)
    future = today + timedelta(days=30)

    assert future in kept_days([future, today - timedelta(days=200)], today)
    assert today - timedelta(days=200) not in kept_days([today - timedelta(days=200)], today)
