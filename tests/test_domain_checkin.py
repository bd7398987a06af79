"""Check-in rules: the check-in day and its start hour (across DST), ratings, text."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nctui.domain.checkin import (
    CheckIn,
    CheckInError,
    CheckInValues,
    Rating,
    check_checkin,
    checked_in,
    checkin_day,
    checkin_fields,
    day_entries,
    is_change,
    parse_day_start,
    parse_rating,
    question_fields,
    question_in,
)
from nctui.domain.errors import AnswerError
from nctui.domain.text import clean_text, one_line, printable

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")  # a half-hour daylight-saving shift


Wall = tuple[int, int, int, int, int]


def at(zone: ZoneInfo, wall: Wall) -> datetime:
    return datetime(*wall, tzinfo=zone)


# -- the check-in day -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wall", "hour", "day"),
    [
        ((2026, 11, 27, 2, 0), 4, date(2026, 11, 26)),  # 2 a.m. Friday is Thursday night
        ((2026, 11, 27, 3, 59), 4, date(2026, 11, 26)),
        ((2026, 11, 27, 4, 0), 4, date(2026, 11, 27)),  # the day starts on the hour
        ((2026, 11, 27, 23, 59), 4, date(2026, 11, 27)),
        ((2026, 11, 27, 0, 30), 0, date(2026, 11, 27)),  # midnight: the calendar day
        ((2026, 11, 27, 11, 0), 12, date(2026, 11, 26)),
    ],
)
def test_the_day_starts_at_the_chosen_hour(wall: Wall, hour: int, day: date) -> None:
    assert checkin_day(at(LONDON, wall), hour) == day


def test_the_default_hour_is_four() -> None:
    assert checkin_day(at(LONDON, (2026, 11, 27, 3, 0))) == date(2026, 11, 26)


@pytest.mark.parametrize(
    ("utc", "day"),
    [
        # Clocks go forward at 01:00 GMT on 29 March 2026: 01:00-02:00 does not exist.
        (datetime(2026, 3, 29, 0, 59, tzinfo=UTC), date(2026, 3, 28)),  # 00:59 GMT
        (datetime(2026, 3, 29, 2, 59, tzinfo=UTC), date(2026, 3, 28)),  # 03:59 BST
        (datetime(2026, 3, 29, 3, 0, tzinfo=UTC), date(2026, 3, 29)),  # 04:00 BST
        # Clocks go back at 01:00 GMT on 25 October 2026: 01:00-02:00 happens twice.
        (datetime(2026, 10, 25, 0, 30, tzinfo=UTC), date(2026, 10, 24)),  # 01:30 BST
        (datetime(2026, 10, 25, 1, 30, tzinfo=UTC), date(2026, 10, 24)),  # 01:30 GMT
        (datetime(2026, 10, 25, 3, 59, tzinfo=UTC), date(2026, 10, 24)),  # 03:59 GMT
        (datetime(2026, 10, 25, 4, 0, tzinfo=UTC), date(2026, 10, 25)),  # 04:00 GMT
    ],
)
def test_the_day_follows_the_wall_clock_across_daylight_saving(utc: datetime, day: date) -> None:
    assert checkin_day(utc.astimezone(LONDON), 4) == day


def test_a_day_is_23_or_25_hours_long_across_a_change() -> None:
    # The check-in day of 28 March runs from 04:00 GMT to 04:00 BST: 23 hours.
    start = datetime(2026, 3, 28, 4, 0, tzinfo=UTC)
    assert checkin_day((start + timedelta(hours=22, minutes=59)).astimezone(LONDON)) == date(
        2026, 3, 28
    )
    assert checkin_day((start + timedelta(hours=23)).astimezone(LONDON)) == date(2026, 3, 29)
    # The day of 24 October runs from 04:00 BST to 04:00 GMT: 25 hours.
    autumn = datetime(2026, 10, 24, 3, 0, tzinfo=UTC)
    assert checkin_day((autumn + timedelta(hours=24, minutes=59)).astimezone(LONDON)) == date(
        2026, 10, 24
    )
    assert checkin_day((autumn + timedelta(hours=25)).astimezone(LONDON)) == date(2026, 10, 25)


instants = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC)
)


@given(instants, st.integers(0, 12), st.sampled_from([LONDON, NEW_YORK, LORD_HOWE]))
def test_the_day_is_the_wall_date_minus_the_start_hour(
    moment: datetime, hour: int, zone: ZoneInfo
) -> None:
    wall = moment.astimezone(zone)
    day = checkin_day(wall, hour)
    assert day == (wall.replace(tzinfo=None) - timedelta(hours=hour)).date()
    assert day in {wall.date(), wall.date() - timedelta(days=1)}


@given(instants, st.integers(1, 180 * 60), st.integers(0, 12), st.sampled_from([LONDON, NEW_YORK]))
def test_the_day_never_goes_backwards_as_time_passes(
    moment: datetime, minutes: int, hour: int, zone: ZoneInfo
) -> None:
    later = moment + timedelta(minutes=minutes)
    assert checkin_day(later.astimezone(zone), hour) >= checkin_day(moment.astimezone(zone), hour)


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        checkin_day(datetime(2026, 11, 26, 9, 30))


@pytest.mark.parametrize(("text", "hour"), [("4", 4), ("04", 4), ("04:00", 4), (" 0:00 ", 0)])
def test_day_start_hours_read(text: str, hour: int) -> None:
    assert parse_day_start(text) == hour


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Type an hour"),
        ("four", "Type an hour"),
        ("04:30", "Whole hours only"),
        ("13", "from 00:00 to 12:00"),
        ("-1", "Type an hour"),
    ],
)
def test_day_start_mistakes_are_named(text: str, message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        parse_day_start(text)


# -- ratings and the check-in as typed --------------------------------------------------


@pytest.mark.parametrize(
    ("rating", "text", "value"),
    [
        (Rating.MOOD, "7", 7),
        (Rating.MOOD, " 10 ", 10),
        (Rating.MISS, "0", 0),
        (Rating.URGE, "+3", 3),
    ],
)
def test_ratings_read(rating: Rating, text: str, value: int) -> None:
    assert parse_rating(rating, text) == value


@pytest.mark.parametrize(
    ("rating", "text", "message"),
    [
        (Rating.MOOD, "", "Mood: choose a number from 1 to 10"),
        (Rating.MOOD, "0", "Mood goes from 1 to 10; 0 is outside that"),
        (Rating.MOOD, "11", "11 is outside that"),
        (Rating.MISS, "-1", "Missing them goes from 0 to 10; -1 is outside that"),
        (Rating.URGE, "seven", "Urge to reach out takes a number from 0 to 10"),
        (Rating.URGE, "7.5", "whole numbers only"),
        (Rating.MOOD, "99999999999", "takes a number"),
        (Rating.MOOD, "\x1b[31m5", "takes a number"),
    ],
)
def test_rating_mistakes_name_the_rating_and_its_scale(
    rating: Rating, text: str, message: str
) -> None:
    with pytest.raises(CheckInError, match=message) as caught:
        parse_rating(rating, text)
    assert caught.value.field is rating


def test_an_empty_checkin_is_refused_with_a_hint() -> None:
    with pytest.raises(CheckInError, match="Nothing to save yet") as caught:
        check_checkin("", " ", "", "  \n ")
    assert caught.value.field is Rating.MOOD


def test_the_first_missing_rating_is_named() -> None:
    with pytest.raises(CheckInError, match="Missing them") as caught:
        check_checkin("6", "", "2", "a good day")
    assert caught.value.field is Rating.MISS


def test_the_journal_is_optional_and_cleaned() -> None:
    assert check_checkin("6", "3", "2", "") == CheckInValues(6, 3, 2, "")
    assert check_checkin("6", "3", "2", "  hi\x1b[2J there\r\n") == CheckInValues(
        6, 3, 2, "hi there"
    )


def test_a_megabyte_entry_is_refused_with_its_size() -> None:
    with pytest.raises(CheckInError, match="1,048,576 characters; one entry holds up to 20,000"):
        check_checkin("6", "3", "2", "x" * 1_048_576)


# -- versions -----------------------------------------------------------------------------


def version(day: int, mood: int, text: str = "", hour: int = 9) -> CheckIn:
    when = datetime(2026, 11, day, hour, tzinfo=LONDON)
    return CheckIn(f"v{day}{hour}", date(2026, 11, day), mood, 5, 5, text, when)


def test_versions_gather_by_day_and_the_last_saved_is_current() -> None:
    entries = day_entries(
        [version(20, 4, "first"), version(19, 3), version(20, 6, "second", hour=8)]
    )
    assert [entry.day.day for entry in entries] == [19, 20]
    twentieth = entries[1]
    assert twentieth.edited and not entries[0].edited
    # Saved later, even though its clock said earlier: the order saved wins.
    assert twentieth.current.text == "second"
    assert [v.text for v in twentieth.versions] == ["first", "second"]
    assert checked_in(entries, date(2026, 11, 20))
    assert not checked_in(entries, date(2026, 11, 21))


def test_an_unchanged_save_is_not_a_change() -> None:
    (entry,) = day_entries([version(20, 4, "same")])
    assert not is_change(entry, CheckInValues(4, 5, 5, "same"))
    assert is_change(entry, CheckInValues(4, 5, 5, "same, more"))
    assert is_change(None, CheckInValues(4, 5, 5))


# -- text made safe ---------------------------------------------------------------------


def test_escape_sequences_and_controls_are_removed_whole() -> None:
    pasted = "a\x1b[2J\x1b[31mb\x1b]0;title\x07c\x00d\x08e\x7ff\x9b31mg\tz\r\nnext\udc80"
    assert clean_text(pasted) == "abcdefg    z\nnext"


def test_stored_controls_are_shown_as_symbols_never_sent() -> None:
    shown = printable("\x1b[2J\x1b[31mred\x00\x07\x7f\x85\nline")
    assert shown == "␛[2J␛[31mred␀␇␡�\nline"
    assert all(ch == "\n" or ord(ch) >= 0x20 for ch in shown)


@given(st.text())
def test_cleaned_and_printable_text_never_holds_a_control(text: str) -> None:
    for safe in (clean_text(text), printable(text), one_line(text, 40)):
        assert all(ch == "\n" or not (ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F) for ch in safe)
        safe.encode("utf-8")  # no half of a UTF-16 pair: it could be neither saved nor shown
    assert len(one_line(text, 40)) <= 40


def test_a_drafts_question_goes_and_comes_back_with_its_words() -> None:
    question = ("card-day-05", "What does your body need from you this week?")
    assert question_in(question_fields(question)) == question
    assert question_in(question_fields(None)) is None  # written freely stays free
    assert question_in({"prompt": "  ", "prompt_id": "x"}) is None
    assert question_in({"prompt": "Why?"}) == ("", "Why?")  # an id lost by hand: kept
    with_words = CheckInValues(6, 3, 2, "Slept well", question[1], question[0])
    assert checkin_fields(with_words) == {
        "mood": "6",
        "miss": "3",
        "urge": "2",
        "prompt_id": question[0],
        "prompt": question[1],
    }
    # Without words a question answers nothing, so it is not part of the form.
    assert checkin_fields(CheckInValues(6, 3, 2)) == {"mood": "6", "miss": "3", "urge": "2"}
    assert checkin_fields(None) == {}
