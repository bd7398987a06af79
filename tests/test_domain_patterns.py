"""Patterns: the hour-by-weekday grid, triggers, weeks, SOS, and what stands out."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nctui.domain.checkin import CheckIn, checkin_day, day_entries
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.domain.patterns import (
    MIN_EVENTS,
    MIN_IN_WINDOW,
    SOS_SOURCE,
    Moment,
    Patterns,
    Standout,
    find_patterns,
    grid_lines,
    hour_grid,
    moment,
)
from nctui.domain.triggers import TRIGGERS

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")  # half-hour daylight saving
FIRST = date(2026, 11, 2)  # a Monday
LAST = FIRST + timedelta(days=27)


def _at(day: int, hour: int, minute: int = 0, zone: tzinfo = LONDON) -> datetime:
    """Day offset from FIRST (a Monday), at a local time."""
    return datetime.combine(FIRST + timedelta(days=day), datetime.min.time(), zone).replace(
        hour=hour, minute=minute
    )


def _urge(day: int, hour: int, *tags: str, minute: int = 0, source: str | None = None) -> Moment:
    return Moment(Kind.URGE, _at(day, hour, minute), tags, source)


def _find(moments: list[Moment], **options: int) -> Patterns:
    return find_patterns(moments, [], FIRST, LAST, LONDON, **options)


# -- the grid ----------------------------------------------------------------------------


def test_a_night_after_midnight_counts_for_the_evening_before() -> None:
    saturday_small_hours = _urge(5, 1, minute=30)  # 01:30 on Saturday
    grid = _find([saturday_small_hours]).grid
    assert grid.hour(7) == 1 and grid.counts[4][7] == 1  # Friday row, the 01:00 column
    midnight_start = _find([saturday_small_hours], day_start_hour=0).grid
    assert midnight_start.hour(0) == 0 and midnight_start.counts[5][0] == 1  # Saturday


def test_columns_start_at_the_day_start_hour() -> None:
    grid = _find([], day_start_hour=5).grid
    assert [grid.hour(column) for column in range(grid.columns)] == [5, 8, 11, 14, 17, 20, 23, 2]
    hourly = _find([], bucket_hours=1).grid
    assert hourly.columns == 24 and len(hourly.counts) == 7


def test_both_one_thirties_of_the_autumn_change_land_in_the_same_hour() -> None:
    first = datetime(2026, 10, 25, 1, 30, tzinfo=LONDON)  # BST
    second = datetime(2026, 10, 25, 1, 30, fold=1, tzinfo=LONDON)  # GMT, an hour later
    assert second.astimezone(UTC) - first.astimezone(UTC) == timedelta(hours=1)
    grid = hour_grid([first, second], LONDON, 4, 1)
    assert grid.counts[5][21] == 2  # Saturday night (the 24th), the 01:00 column


def test_the_grid_draws_in_seventy_by_twelve() -> None:
    busy = [_urge(day % 7, hour) for day in range(28) for hour in range(24)] * 5
    lines = grid_lines(_find(busy).grid)
    assert len(lines) <= 12 and max(map(len, lines)) <= 70
    assert lines[0].split() == ["04", "07", "10", "13", "16", "19", "22", "01", "all"]
    assert lines[1].split()[0] == "Mon" and lines[7].split()[0] == "Sun"
    heavy = grid_lines(_find([_urge(0, 22)] * 150).grid)
    assert heavy[1].split().count("99+") == 2 and max(map(len, heavy)) <= 70


def test_an_empty_cell_is_a_dot_so_it_reads_without_colour() -> None:
    lines = grid_lines(_find([_urge(0, 22)]).grid)
    assert lines[1].split() == ["Mon", "·", "·", "·", "·", "·", "·", "1", "·", "1"]


@pytest.mark.parametrize("bad", [0, 5, 7, 25])
def test_columns_must_split_the_day_evenly(bad: int) -> None:
    with pytest.raises(ValueError, match="split the day"):
        _find([], bucket_hours=bad)


# -- what stands out ---------------------------------------------------------------------


def test_too_little_data_says_how_much_more_is_needed() -> None:
    assert _find([]).sentence == (
        f"Nothing logged yet. Patterns show once {MIN_EVENTS} urges or slips are logged."
    )
    three = _find([_urge(0, 22), _urge(5, 22), _urge(6, 23)])
    assert three.standout is None
    assert three.sentence == (
        f"3 logged so far. Patterns show once {MIN_EVENTS} urges or slips are logged: "
        f"{MIN_EVENTS - 3} more."
    )


def test_weekend_nights_stand_out() -> None:
    nights = [_urge(5, 22, minute=30), _urge(12, 23), _urge(19, 22), _urge(6, 23), _urge(13, 22)]
    nights += [_urge(20, 23, minute=15)]
    spread = [_urge(0, 10), _urge(9, 15), _urge(17, 8)]
    found = _find(nights + spread)
    assert found.sentence == (
        "Most of your urges (6 of 9) came between 22:00 and 01:00 on Saturday and Sunday nights."
    )


def test_a_whole_day_can_stand_out() -> None:
    # Spread over a Sunday, so no shorter window holds four of them.
    sundays = [_urge(6, hour) for hour in (5, 12, 18)] + [_urge(13, 23), _urge(20, 14)]
    others = [_urge(0, 8), _urge(2, 14), _urge(8, 17), _urge(10, 20)]
    assert _find(sundays + others).sentence == "Most of your urges (5 of 9) came on Sundays."


def test_slips_and_contact_are_counted_with_urges() -> None:
    evenings = [Moment(Kind.SLIP, _at(day, 21)) for day in (0, 1, 2, 3)]
    evenings += [Moment(Kind.CONTACT, _at(4, 21, 30)), _urge(7, 21)]
    spread = [_urge(5, 9), _urge(9, 13), _urge(16, 16)]
    found = _find(evenings + spread)
    assert (found.urges, found.slips) == (4, 5)
    assert found.sentence.startswith("Most of your urges and slips (6 of 9) came between 19:00")


def test_evenly_spread_events_have_nothing_that_stands_out() -> None:
    # Days 1 to 7, so that each 01:00 belongs to the evening before, inside the window.
    even = [_urge(day, hour) for day in range(1, 8) for hour in (4, 7, 10, 13, 16, 19, 22, 1)]
    found = _find(even)
    assert found.standout is None
    assert found.sentence == "Your 56 urges are spread out: no time of day or week stands out."


def test_without_a_time_a_trigger_tagged_often_is_named() -> None:
    even = [
        _urge(day, hour, "bored" if hour in {13, 16} else "lonely")
        for day in range(1, 8)
        for hour in (4, 7, 10, 13, 16, 19, 22, 1)
    ]
    found = _find(even)
    assert found.standout is None
    assert found.sentence == "“Lonely” is the tag you choose most: 42 of 56 tagged urges."


# -- triggers, weeks and SOS ---------------------------------------------------------------


def test_triggers_are_ranked_and_untagged_events_counted() -> None:
    found = _find(
        [
            _urge(0, 22, "lonely", "late_night"),
            _urge(1, 22, "late_night"),
            _urge(2, 22, "late_night", "late_night"),  # one event, counted once
            _urge(3, 22, "rainy_day"),  # from a newer version
            _urge(4, 22),
        ]
    )
    assert [(t.key, t.label, t.count) for t in found.triggers] == [
        ("late_night", "Late at night", 3),
        ("lonely", "Lonely", 1),
        ("rainy_day", "Rainy day", 1),
    ]
    assert found.untagged == 1


def test_weeks_count_urges_and_slips_and_average_the_urge_rating() -> None:
    checkins = day_entries(
        CheckIn(f"c{day}", FIRST + timedelta(days=day), 5, 5, urge, "", _at(day, 21))
        for day, urge in [(0, 8), (1, 6), (8, 3)]
    )
    moments = [_urge(0, 9), _urge(1, 9), Moment(Kind.SLIP, _at(2, 9)), _urge(15, 9)]
    moments += [_urge(7, 2)]  # 02:00 on day 7 is day 6's night: week 1
    found = find_patterns(moments, checkins, FIRST, FIRST + timedelta(days=16), LONDON)
    assert [(w.number, w.urges, w.slips, w.urge_rating, w.checkins) for w in found.weeks] == [
        (1, 3, 1, 7.0, 2),
        (2, 0, 0, 3.0, 1),
        (3, 1, 0, None, 0),
    ]


def test_events_outside_the_window_are_left_out() -> None:
    inside = _urge(3, 12)
    before = Moment(Kind.URGE, _at(0, 2))  # 02:00 on the first day is the night before
    after = _urge(28, 12)
    found = _find([before, inside, after])
    assert found.total == 1 and found.grid.total == 1


def test_sos_cards_closed_with_im_ok_are_counted() -> None:
    found = _find(
        [
            _urge(0, 22, source=SOS_SOURCE),
            _urge(1, 22, source=SOS_SOURCE),
            _urge(2, 22),
            Moment(Kind.ALLOWED, _at(3, 22), (), SOS_SOURCE),  # an allowed contact from SOS
        ]
    )
    assert found.sos_ok == 2 and found.urges == 3


def test_a_ledger_event_becomes_a_moment_with_its_tags() -> None:
    event = LedgerEvent("e1", Kind.SLIP, _at(0, 22), _at(0, 22), "social_media")
    assert moment(event, ["saw_post"], None) == Moment(Kind.SLIP, _at(0, 22), ("saw_post",))


# -- properties on generated ledgers ---------------------------------------------------------

ZONES = [LONDON, NEW_YORK, LORD_HOWE, ZoneInfo("UTC")]
EPOCH = datetime(2026, 1, 1, tzinfo=UTC)

moments_strategy = st.lists(
    st.builds(
        Moment,
        kind=st.sampled_from(list(Kind)),
        at=st.integers(0, 400 * 24 * 60).map(lambda minutes: EPOCH + timedelta(minutes=minutes)),
        triggers=st.lists(st.sampled_from([t.key for t in TRIGGERS]), max_size=3).map(tuple),
        source=st.sampled_from([None, SOS_SOURCE]),
    ),
    max_size=120,
)
# Clustered ledgers, so that windows that stand out are common too.
clustered_strategy = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 23), st.integers(0, 59)),
    min_size=MIN_EVENTS,
    max_size=60,
).map(
    lambda picks: [
        Moment(Kind.URGE, EPOCH + timedelta(weeks=week % 8, hours=hour % 4 + 20, minutes=minute))
        for week, hour, minute in picks
    ]
)


def _in_window(at: datetime, found: Standout, zone: tzinfo, start_hour: int, bucket: int) -> bool:
    local = at.astimezone(zone)
    offset = (local.hour - start_hour) % 24
    first = found.first_column * bucket
    return (
        checkin_day(local, start_hour).weekday() in found.group.weekdays
        and first <= offset < first + found.width * bucket
    )


def _check(moments: list[Moment], zone: tzinfo, start_hour: int, bucket: int) -> None:
    first_day, last_day = date(2025, 12, 1), date(2027, 3, 1)
    found = find_patterns(
        moments, [], first_day, last_day, zone, day_start_hour=start_hour, bucket_hours=bucket
    )
    pulls = [m for m in moments if m.kind in {Kind.URGE, Kind.SLIP, Kind.CONTACT}]
    # Every urge and slip is in the grid once, in its own cell.
    assert found.grid.total == len(pulls) == found.urges + found.slips
    assert sum(week.urges + week.slips for week in found.weeks) == len(pulls)
    expected = [[0] * (24 // bucket) for _ in range(7)]
    for item in pulls:
        local = item.at.astimezone(zone)
        row = checkin_day(local, start_hour).weekday()
        expected[row][(local.hour - start_hour) % 24 // bucket] += 1
    assert [list(row) for row in found.grid.counts] == expected
    assert found.sos_ok == sum(1 for m in pulls if m.kind is Kind.URGE and m.source == SOS_SOURCE)
    # The sentence never claims more than the window holds.
    claims = re.findall(r"(\d+) of (?:your )?(\d+)", found.sentence)
    if found.standout is not None:
        actual = sum(1 for m in pulls if _in_window(m.at, found.standout, zone, start_hour, bucket))
        assert found.standout.count == actual >= MIN_IN_WINDOW
        assert 5 * actual >= 2 * len(pulls)
        assert claims == [(str(actual), str(len(pulls)))]
        if found.sentence.startswith("Most"):
            assert 2 * actual > len(pulls)
    elif len(pulls) < MIN_EVENTS:
        assert f"{MIN_EVENTS} urges or slips" in found.sentence
        assert not claims


@settings(max_examples=150, deadline=None)
@given(
    moments=moments_strategy,
    zone=st.sampled_from(ZONES),
    start_hour=st.integers(0, 12),
    bucket=st.sampled_from([1, 2, 3, 4, 6, 8, 12]),
)
def test_any_ledger_fills_the_grid_exactly_and_is_described_truly(
    moments: list[Moment], zone: tzinfo, start_hour: int, bucket: int
) -> None:
    _check(moments, zone, start_hour, bucket)


@settings(max_examples=150, deadline=None)
@given(
    moments=clustered_strategy,
    zone=st.sampled_from(ZONES),
    start_hour=st.integers(0, 12),
    bucket=st.sampled_from([1, 3, 6]),
)
def test_clustered_ledgers_name_a_window_that_really_holds_that_many(
    moments: list[Moment], zone: tzinfo, start_hour: int, bucket: int
) -> None:
    _check(moments, zone, start_hour, bucket)
