"""The coach's daily companion: the card, the questions, the patterns, the people."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from nctui.coach import Coach, Topic
from nctui.domain.cards import Occasion, deck
from nctui.domain.checkin import CheckInValues
from nctui.domain.clock import ManualClock
from nctui.domain.errors import AnswerError
from nctui.domain.ledger import SOS_SOURCE, Kind
from nctui.domain.trusted import TrustedPerson
from tests.conftest import LONDON
from tests.seeds import seed_plan


@pytest.fixture
def coach(data_dir: Path, clock: ManualClock) -> Iterator[Coach]:
    seed_plan(data_dir, clock, days_ago=20.5, length=45)
    opened = Coach.open(data_dir, clock)
    yield opened
    opened.file.close()


def test_an_unknown_tag_is_refused_and_nothing_is_logged(coach: Coach) -> None:
    with pytest.raises(AnswerError, match="made_up"):
        coach.ledger.log(Kind.URGE, triggers=["made_up"])
    assert not coach.ledger.events()


def test_tags_are_kept_in_the_lists_order_and_only_for_urges_and_slips(coach: Coach) -> None:
    urge = coach.ledger.log(Kind.URGE, triggers=["late_night", "lonely", "lonely"])
    sign = coach.ledger.log(Kind.SIGN, detail="texted_first", triggers=["lonely"])
    assert urge is not None and urge.triggers == ("lonely", "late_night")
    assert sign is not None and sign.triggers == ()


def test_patterns_count_by_the_day_start_hour_with_tags_and_sos(
    coach: Coach, clock: ManualClock
) -> None:
    # Saturday 21 November 2026, 01:30: with the day starting at 04:00, Friday night.
    friday_night = datetime(2026, 11, 21, 1, 30, tzinfo=LONDON)
    for week in range(3):
        at = friday_night - timedelta(days=7 * week)
        coach.ledger.log(Kind.URGE, at, triggers=["late_night"], source=SOS_SOURCE)
        coach.ledger.log(Kind.URGE, at + timedelta(minutes=20), triggers=["lonely"])
    coach.ledger.log(Kind.SLIP, friday_night, detail="social_media", triggers=["saw_post"])
    coach.ledger.log(Kind.URGE, datetime(2026, 11, 24, 14, 0, tzinfo=LONDON))
    coach.journal.check_in(coach.journal.today(), CheckInValues(6, 4, 3))
    found = coach.companion.patterns()
    friday = found.grid.counts[4]
    assert sum(friday) == 7 and sum(found.grid.counts[5]) == 0
    assert found.urges == 7 and found.slips == 1 and found.sos_ok == 3
    assert {item.key for item in found.triggers[:2]} == {"late_night", "lonely"}
    assert found.untagged == 1
    assert "Friday" in found.sentence
    # The day starting at 01:00 instead moves those urges to Saturday.
    coach.journal.set_day_start(1)
    moved = coach.companion.patterns()
    assert sum(moved.grid.counts[5]) == 7


def test_the_card_follows_a_slip_and_the_questions_start_with_its_own(coach: Coach) -> None:
    assert coach.companion.card() == deck().by_day[(Occasion.DAY, 22)]
    coach.ledger.log(Kind.SLIP, detail="social_media")
    card = coach.companion.card()
    assert card.occasion is Occasion.SLIP
    prompts = coach.companion.prompts()
    assert prompts[0].text == card.ask and len(prompts) > 30


def test_people_are_kept_and_a_change_is_announced(coach: Coach) -> None:
    heard: list[object] = []
    coach.listen(heard.append)
    people = (TrustedPerson("Sam", "07700 900123"),)
    assert coach.companion.set_trusted(people)
    assert not coach.companion.set_trusted(people)  # unchanged: nothing written
    assert coach.companion.trusted() == people
    assert len(heard) == 1 and heard[0].touches(Topic.SETTINGS)  # type: ignore[attr-defined]
