"""The readiness check from the keyboard, down to each verdict, and the message check."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot

from nctui.domain.clock import ManualClock
from nctui.domain.humanize import day_text
from nctui.domain.intake import EndedBy, Ending, Goal, IntakeAnswers, LooseEnd, YesNo
from nctui.domain.ledger import Kind
from nctui.domain.recommendation import IntakeRecord, recommend
from nctui.storage.attempt_store import new_attempt_op
from nctui.storage.intake_store import intake_op
from nctui.storage.letter_store import new_letter_op
from nctui.storage.ops import Put
from nctui.storage.repository import Repository
from nctui.ui.screens.confirm import ConfirmScreen
from nctui.ui.widgets.text_input import TextBox
from tests.helpers import AppFactory, screen_text, squash, stored
from tests.seeds import SEALED_TEXT, seed_journal, seed_plan


async def rate_all(pilot: Pilot[None], rating: int, want_them: int | None = None) -> None:
    """Open the check and give every statement `rating` (0 to 4); the last is "want them"."""
    await pilot.press("r")
    await pilot.pause()
    for index in range(9):
        value = want_them if index == 8 and want_them is not None else rating
        await pilot.press("home", *["down"] * value, "enter")
        await pilot.pause()


async def test_ready_with_the_first_contact_card(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=50, length=45, complete=True)
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await rate_all(pilot, 4)
        shown = squash(screen_text(app))
        assert "You seem ready to reach out" in shown
        assert "Your answers and your data come to 100 of 100" in shown
        assert "Suggest meeting in person" in shown
        app.coach.file.flush()
    (check,) = stored(data_dir, "readiness")
    assert check["verdict"] == "ready"
    assert check["answers"]["healed"] == 4


async def test_not_yet_offers_an_extension_that_is_logged(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    # Ended 5 days ago: 14 more days run from today, not from the old end.
    seed_plan(data_dir, clock, days_ago=50, length=45, complete=True)
    new_end = day_text((clock() + timedelta(days=14)).date())
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await rate_all(pilot, 2, want_them=4)
        shown = squash(screen_text(app))
        assert "Not yet" in shown
        assert f"Press x to add 14 days to your period, until {new_end}" in shown
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("right", "enter")  # → moves to the yes button
        await pilot.pause()
        shown = squash(screen_text(app))
        assert f"You added 14 days after this check. Your period now ends on {new_end}" in shown
        await pilot.press("x")  # done with for this check
        await pilot.pause()
        asked_again = isinstance(app.screen, ConfirmScreen)
        assert not asked_again
        app.coach.file.flush()
    (attempt,) = stored(data_dir, "attempts")
    assert attempt["length_days"] == 64
    assert attempt["end_reason"] is None  # open again: the countdown runs on
    (event,) = stored(data_dir, "events")
    assert event["kind"] == "extension"
    assert event["note"] == "45 days completed, then extended: 45 → 64 days"


async def test_consider_moving_on_is_said_kindly(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=50, length=45, complete=True)
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await rate_all(pilot, 4, want_them=0)
        shown = squash(screen_text(app))
        assert "It may be time to let this go" in shown
        assert "Letting go is a real answer" in shown
        await pilot.press("x")  # no extension to offer here
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)


async def test_before_the_end_it_says_so_gently_and_facts_count(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(
        data_dir,
        clock,
        days_ago=20,
        events=((Kind.SLIP, 2, "social_media", ""), (Kind.SIGN, 5, "texted_first", "")),
    )
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert "Your period still has 24 days to go" in squash(screen_text(app))
        for _ in range(9):
            await pilot.press("end", "enter")
            await pilot.pause()
        shown = squash(screen_text(app))
        assert "Not yet" in shown
        assert "1 slip in the last week" in shown
        assert "1 sign from them logged" in shown


async def test_retaking_keeps_every_result(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=50, length=45, complete=True)
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await rate_all(pilot, 2, want_them=4)
        await pilot.press("n")
        await pilot.pause()
        for _ in range(9):  # the earlier ratings are kept as the starting point
            await pilot.press("end", "enter")
            await pilot.pause()
        shown = squash(screen_text(app))
        assert "Earlier checks" in shown
        app.coach.file.flush()
    verdicts = sorted(check["verdict"] for check in stored(data_dir, "readiness"))
    assert verdicts == ["not_yet", "ready"]


async def test_the_message_check_flags_and_explains(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=50, length=45, complete=True)
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await rate_all(pilot, 4)
        await pilot.press("m")
        await pilot.pause()
        assert "Type a message to check it" in screen_text(app)
        box = app.screen.query_one(TextBox)
        box.text = "Hi, I hope you've been well. Fancy a coffee sometime?"
        await pilot.pause()
        assert "Reads calm and light" in screen_text(app)
        box.text = "I miss you so much and I love you. Can we get back together? Please reply!!!"
        await pilot.pause()
        shown = squash(screen_text(app))
        assert "Puts pressure on them." in shown
        assert "“back together” leans on them" in shown
        assert "Heavy with feeling." in shown
        await pilot.press("escape", "b")
        await pilot.pause()
        assert "You seem ready to reach out" in squash(screen_text(app))


async def test_a_ready_verdict_opens_the_sealed_letters_and_counts_the_mood(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, days_ago=50)
    app = make_app()
    async with app.run_test(size=(100, 60)) as pilot:
        await rate_all(pilot, 4)
        shown = squash(screen_text(app))
        assert "You seem ready to reach out" in shown
        assert "Your check-ins: Mood is up" in shown
        assert "You sealed 1 letter early on" in shown
        await pilot.press("l")
        await pilot.pause()
        assert SEALED_TEXT in screen_text(app)
        await pilot.press("b")
        await pilot.pause()
        assert "You seem ready to reach out" in squash(screen_text(app))
        app.coach.file.flush()
    sealed = [doc for doc in stored(data_dir, "letters") if doc.get("sealed")]
    assert sealed and all("opened" in doc for doc in sealed)
    assert not any(doc.get("early") for doc in sealed)


async def test_letters_stay_sealed_when_the_answer_is_not_yet(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, days_ago=20)
    app = make_app()
    async with app.run_test(size=(100, 60)) as pilot:
        await rate_all(pilot, 4)
        assert "Not yet" in squash(screen_text(app))
        await pilot.press("l")
        await pilot.pause()
        assert SEALED_TEXT not in screen_text(app)
        app.coach.file.flush()
    assert not any("opened" in doc for doc in stored(data_dir, "letters"))


async def test_an_old_check_never_extends_a_plan_begun_since(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=50, length=45, complete=True)
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await rate_all(pilot, 2, want_them=4)
        assert "Press x to add 14 days" in squash(screen_text(app))
        # The person starts a new 30-day plan instead (as the intake would).
        app.coach.apply(new_attempt_op(clock(), 30, None))
        await pilot.pause()
        shown = squash(screen_text(app))
        assert "Press x" not in shown
        new_end = day_text((clock() + timedelta(days=30)).date())
        assert f"Your period ends on {new_end}. Take this check again then." in shown
        await pilot.press("x")
        await pilot.pause()
        asked = isinstance(app.screen, ConfirmScreen)
        assert not asked


async def test_with_no_plan_the_check_points_to_the_intake(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await rate_all(pilot, 4)
        shown = squash(screen_text(app))
        assert "There is no period running yet." in shown
        assert "Time apart comes first. The intake (i) helps you choose how long" in shown
        assert "Your period ends." not in shown


async def test_a_letter_opened_early_is_not_counted_as_waiting(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_journal(data_dir, clock, days_ago=50)
    repository = Repository.open(data_dir, clock)
    early = new_letter_op("Opened on a hard night.", clock() - timedelta(days=40), seal=True)
    repository.apply(early)
    repository.apply(
        Put(
            "letters", {"id": early.doc["id"], "opened": "2026-10-20T22:00:00+01:00", "early": True}
        )
    )
    assert repository.close() is None
    app = make_app()
    async with app.run_test(size=(100, 60)) as pilot:
        await rate_all(pilot, 4)
        shown = squash(screen_text(app))
        assert "You sealed 1 letter early on" in shown
        await pilot.press("l")
        await pilot.pause()
        assert SEALED_TEXT in screen_text(app)
        assert "Opened on a hard night." not in screen_text(app)


async def test_belongings_returned_are_no_longer_to_sort_out(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    attempt = seed_plan(
        data_dir,
        clock,
        days_ago=50,
        length=45,
        complete=True,
        events=((Kind.ALLOWED, 20, "property", "Gave back the bike"),),
    )
    answers = IntakeAnswers(
        contact_stopped=attempt.start.date(),
        together_months=12,
        ending=Ending.AMICABLE,
        ended_by=EndedBy.MUTUAL,
        stay_friends=YesNo.NO,
        seeing_someone=YesNo.NO,
        single_issue=YesNo.NO,
        loose_ends=(LooseEnd.BELONGINGS, LooseEnd.PETS),
        other_loose_end="",
        goal=Goal.HEAL,
    )
    repository = Repository.open(data_dir, clock)
    repository.apply(intake_op(IntakeRecord("i1", attempt.start, answers, recommend(answers), 45)))
    assert repository.close() is None
    app = make_app()
    async with app.run_test(size=(100, 60)) as pilot:
        await rate_all(pilot, 4)
        shown = squash(screen_text(app))
        assert "Still to sort out: Agree who looks after the pets." in shown
        assert "belongings" not in shown


async def test_the_quiz_intro_follows_a_restart_of_the_period(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    seed_plan(data_dir, clock, days_ago=11.1, length=30)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("down", "enter")  # one statement rated: the quiz is under way
        await pilot.pause()
        assert "Your period still has 18 days to go" in squash(screen_text(app))
        await pilot.press("c", "t")  # contact I started, which starts the period again
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        shown = squash(screen_text(app))
        assert "Your period still has 29 days to go" in shown
        assert "18 days" not in shown
        assert "Question 2 of 9" in shown  # the answers so far are kept
