"""The activities catalogue, "Surprise me", time reclaimed and what is planned next."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nctui.domain.activities import (
    DONE_WEIGHT,
    FRESH_WEIGHT,
    PLANNED_WEIGHT,
    Activity,
    ActivityLog,
    Category,
    Company,
    DoneEntry,
    Plan,
    Setting,
    hours_text,
    in_view,
    matches,
    next_planned,
    open_plans,
    plan_to_complete,
    statuses,
    surprise,
    time_reclaimed,
)
from nctui.domain.activity_catalogue import CatalogueError, catalogue, parse_catalogue
from nctui.domain.activity_input import MAX_NAME_LENGTH, name_key

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 26, 9, 30, tzinfo=LONDON)
TODAY = NOW.date()


def _activity(key: str, category: Category = Category.HOBBIES) -> Activity:
    return Activity(key, key.replace("-", " ").capitalize(), category)


def _plan(
    plan_id: str, key: str, day: date, *, dropped: bool = False, category: Category = Category.CITY
) -> Plan:
    return Plan(plan_id, key, key, category, day, NOW - timedelta(days=5), NOW if dropped else None)


def _done(
    key: str,
    minutes: int,
    category: Category = Category.HOBBIES,
    *,
    days_ago: int = 1,
    plan_id: str | None = None,
    note: str = "",
) -> DoneEntry:
    at = NOW - timedelta(days=days_ago)
    return DoneEntry(f"d-{key}-{days_ago}", key, key, category, at, minutes, note, plan_id)


# -- the catalogue ----------------------------------------------------------------------


def test_the_catalogue_has_forty_ideas_or_more_in_all_six_categories() -> None:
    ideas = catalogue()
    assert len(ideas) >= 40
    per_category = Counter(activity.category for activity in ideas)
    assert set(per_category) == set(Category)
    assert min(per_category.values()) >= 5


def test_every_catalogue_idea_is_fully_tagged_and_fits_the_list() -> None:
    for activity in catalogue():
        assert len(activity.tags) == 5, activity.key
        assert activity.typical_minutes is not None
        assert 0 < len(activity.name) <= MAX_NAME_LENGTH
        assert not activity.is_own


def test_catalogue_names_and_keys_are_unique() -> None:
    ideas = catalogue()
    assert len({activity.key for activity in ideas}) == len(ideas)
    assert len({name_key(activity.name) for activity in ideas}) == len(ideas)


ENTRY = """
[[activity]]
key = "{key}"
name = "{name}"
category = "{category}"
cost = "free"
span = "hour"
effort = "easy"
company = "solo"
setting = "indoors"
"""


@pytest.mark.parametrize(
    ("entries", "problem"),
    [
        ([("a", "One", "hobbies"), ("a", "Two", "hobbies")], "key is used twice"),
        ([("a", "One", "hobbies"), ("b", " one", "trip")], "name is used twice"),
        ([("a", "One", "gardening")], "gardening"),
        ([("own-a", "One", "hobbies")], "bad key"),
        ([("a", "x" * 61, "hobbies")], "1 to 60 characters"),
    ],
)
def test_a_broken_catalogue_says_which_entry_and_why(
    entries: list[tuple[str, str, str]], problem: str
) -> None:
    text = "".join(ENTRY.format(key=k, name=n, category=c) for k, n, c in entries)
    with pytest.raises(CatalogueError, match=problem):
        parse_catalogue(text)


def test_a_catalogue_without_activities_is_refused() -> None:
    with pytest.raises(CatalogueError, match="unreadable"):
        parse_catalogue("title = 'nothing here'")


# -- finding ideas ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("pottery", True),
        ("POTTERY taster", True),
        ("hobbies", True),
        ("social", True),
        ("indoors", True),
        ("outdoors", False),
        ("free", False),
        ("pottery outdoors", False),
        ("", True),
    ],
)
def test_a_search_matches_name_category_and_tags(query: str, expected: bool) -> None:
    pottery = next(a for a in catalogue() if a.key == "pottery-taster")
    assert matches(pottery, query) is expected


def test_either_company_or_setting_matches_both_words() -> None:
    activity = Activity(
        "x", "Anything", Category.CITY, company=Company.EITHER, setting=Setting.EITHER
    )
    for word in ("solo", "social", "indoors", "outdoors"):
        assert matches(activity, word), word


def test_own_ideas_are_found_as_your_own() -> None:
    own = Activity("own-1", "Learn to juggle", Category.HOBBIES)
    assert own.is_own
    assert matches(own, "own")
    assert not matches(next(iter(catalogue())), "mine")


def test_the_view_keeps_category_order_and_filters() -> None:
    own = Activity("own-1", "Free juggling", Category.HOBBIES)
    everything = [*catalogue(), own]
    hobbies = in_view(everything, Category.HOBBIES, "")
    assert {a.category for a in hobbies} == {Category.HOBBIES}
    assert hobbies[-1] == own
    free = in_view(everything, None, "free")
    order = [a.category for a in free]
    assert order == sorted(order, key=list(Category).index)
    assert own in free
    assert in_view(everything, Category.TRIP, "free") == []


# -- "Surprise me" ---------------------------------------------------------------------------


def test_surprise_leans_away_from_what_is_done_or_planned() -> None:
    fresh, planned, done = (_activity(key) for key in ("fresh", "planned", "done"))
    log = ActivityLog(
        plans=(_plan("p1", "planned", TODAY + timedelta(days=2)),),
        done=(_done("done", 60),),
    )
    known = statuses(log)
    rng = random.Random(2026)
    picks = Counter(
        pick.key
        for pick in (surprise([fresh, planned, done], known, rng) for _ in range(9000))
        if pick is not None
    )
    total = FRESH_WEIGHT + PLANNED_WEIGHT + DONE_WEIGHT
    # Seeded, so exact; the bounds say what the weights promise: 6 : 2 : 1.
    assert picks["fresh"] == pytest.approx(9000 * FRESH_WEIGHT / total, rel=0.05)
    assert picks["planned"] == pytest.approx(9000 * PLANNED_WEIGHT / total, rel=0.1)
    assert picks["done"] == pytest.approx(9000 * DONE_WEIGHT / total, rel=0.15)
    assert picks["fresh"] > picks["planned"] > picks["done"] > 0


def test_surprise_never_repeats_the_previous_pick_when_there_is_a_choice() -> None:
    ideas = [_activity("a"), _activity("b")]
    rng = random.Random(1)
    for _ in range(50):
        pick = surprise(ideas, {}, rng, avoid="a")
        assert pick is not None
        assert pick.key == "b"
    only = surprise(ideas[:1], {}, rng, avoid="a")
    assert only is not None
    assert only.key == "a"


def test_surprise_still_suggests_when_everything_is_done() -> None:
    ideas = [_activity("a"), _activity("b")]
    log = ActivityLog(done=(_done("a", 30), _done("b", 30)))
    assert surprise(ideas, statuses(log), random.Random(3)) in ideas


def test_surprise_with_nothing_to_choose_from() -> None:
    assert surprise([], {}, random.Random(0)) is None


def test_a_dropped_plan_no_longer_counts_against_an_idea() -> None:
    log = ActivityLog(plans=(_plan("p1", "a", TODAY, dropped=True),))
    assert statuses(log) == {}


# -- time reclaimed ------------------------------------------------------------------------


def test_time_reclaimed_adds_up_by_category_in_the_guides_order() -> None:
    done = [
        _done("walk", 45, Category.MIND_BODY),
        _done("pottery", 150, Category.HOBBIES),
        _done("run", 30, Category.MIND_BODY, days_ago=2),
        _done("call", 50, Category.FRIENDS),
    ]
    reclaimed = time_reclaimed(done)
    assert reclaimed.total_minutes == 275
    assert reclaimed.hours == pytest.approx(275 / 60)
    assert reclaimed.by_category == (
        (Category.HOBBIES, 150),
        (Category.FRIENDS, 50),
        (Category.MIND_BODY, 75),
    )


@given(
    st.lists(
        st.tuples(st.sampled_from(list(Category)), st.integers(min_value=1, max_value=10080)),
        max_size=30,
    )
)
def test_time_reclaimed_by_category_always_adds_up_to_the_total(
    logged: list[tuple[Category, int]],
) -> None:
    done = [_done(f"a{i}", minutes, category) for i, (category, minutes) in enumerate(logged)]
    reclaimed = time_reclaimed(done)
    assert reclaimed.total_minutes == sum(minutes for _, minutes in logged)
    assert sum(minutes for _, minutes in reclaimed.by_category) == reclaimed.total_minutes
    shown = [category for category, _ in reclaimed.by_category]
    assert shown == [category for category in Category if category in {c for c, _ in logged}]


def test_time_reclaimed_since_a_moment_counts_only_what_came_after() -> None:
    done = [_done("old", 600, days_ago=10), _done("new", 90, days_ago=1)]
    reclaimed = time_reclaimed(done, since=NOW - timedelta(days=3))
    assert reclaimed.total_minutes == 90
    assert time_reclaimed([]).total_minutes == 0
    assert time_reclaimed([]).by_category == ()


@pytest.mark.parametrize(
    ("minutes", "text"), [(0, "0m"), (45, "45m"), (60, "1h"), (150, "2h 30m"), (2880, "48h")]
)
def test_hours_text(minutes: int, text: str) -> None:
    assert hours_text(minutes) == text


# -- plans ----------------------------------------------------------------------------------


def test_next_planned_is_the_earliest_open_plan_from_today() -> None:
    plans = [
        _plan("later", "a", TODAY + timedelta(days=5)),
        _plan("past", "b", TODAY - timedelta(days=1)),
        _plan("today", "c", TODAY),
        _plan("dropped", "d", TODAY, dropped=True),
    ]
    upcoming = next_planned(plans, [], NOW)
    assert upcoming is not None
    assert upcoming.id == "today"
    done_today = [_done("c", 30, plan_id="today")]
    after = next_planned(plans, done_today, NOW)
    assert after is not None
    assert after.id == "later"
    assert next_planned(plans[1:2], [], NOW) is None
    assert next_planned([], [], NOW) is None


def test_today_follows_the_clocks_own_time_zone() -> None:
    tokyo = datetime(2026, 11, 27, 1, 0, tzinfo=ZoneInfo("Asia/Tokyo"))  # still 26th in London
    plan = _plan("p", "a", date(2026, 11, 26))
    assert next_planned([plan], [], tokyo) is None
    assert next_planned([plan], [], tokyo.astimezone(LONDON)) == plan


def test_marking_done_completes_the_earliest_open_plan_of_that_idea() -> None:
    first = _plan("first", "a", TODAY + timedelta(days=1))
    second = _plan("second", "a", TODAY + timedelta(days=3))
    other = _plan("other", "b", TODAY)
    log = ActivityLog(plans=(second, other, first))
    assert plan_to_complete("a", log) == first
    log = ActivityLog(plans=log.plans, done=(_done("a", 30, plan_id="first"),))
    assert plan_to_complete("a", log) == second
    assert open_plans(log.plans, log.done) == [other, second]
    assert plan_to_complete("nothing", log) is None


def test_statuses_gather_plans_done_entries_and_the_latest_note() -> None:
    log = ActivityLog(
        plans=(_plan("p", "a", TODAY),),
        done=(
            _done("a", 30, days_ago=3, note="first go"),
            _done("a", 45, days_ago=1),
            _done("b", 20, note="fun"),
        ),
    )
    known = statuses(log)
    assert known["a"].minutes == 75
    assert known["a"].last_note == "first go"
    assert [plan.id for plan in known["a"].open_plans] == ["p"]
    assert known["b"].last_note == "fun"
    assert not known["b"].open_plans
