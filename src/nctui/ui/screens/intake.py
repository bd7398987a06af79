"""The intake: questions, the recommended plan with its reasons, and the start checklist."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.binding import Binding, BindingType

from nctui.domain.checklist import DRAFT_MESSAGE, checklist_for
from nctui.domain.humanize import day_text, plural
from nctui.domain.intake import IntakeAnswers
from nctui.domain.period import (
    Attempt,
    add_calendar_days,
    close_for_new_plan,
    day_number,
    end_of,
    open_attempt,
    start_from_day,
    zone_of,
)
from nctui.domain.recommendation import IntakeRecord, Recommendation, recommend
from nctui.storage.attempt_store import close_attempt_op, load_attempts, new_attempt_op
from nctui.storage.intake_store import intake_op, latest_intake, load_ticks, tick_op
from nctui.storage.ops import Batch, Insert, Put, new_id
from nctui.ui.navigation import INTAKE
from nctui.ui.screens.base import PagedScreen
from nctui.ui.screens.confirm import ConfirmScreen
from nctui.ui.widgets.plan_chooser import PlanChooser
from nctui.ui.widgets.questionnaire import Questionnaire
from nctui.ui.widgets.start_checklist import StartChecklist

QUESTIONS, PLAN, CHECKLIST = "questions", "plan", "checklist"


class IntakeScreen(PagedScreen):
    """Questions first; once a plan exists, its checklist, with a way to start over."""

    destination = INTAKE
    CSS_PATH = "intake.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "retake", "New intake", tooltip="Answer the questions again"),
        Binding("y", "copy_draft", "Copy message", tooltip="Copy the draft message"),
    ]

    def __init__(self) -> None:
        super().__init__(QUESTIONS)
        self._answers: IntakeAnswers | None = None
        self._recommendation: Recommendation | None = None

    def on_mount(self) -> None:
        """The checklist if a plan is running, else the questions."""
        if self._current_attempt() is not None and latest_intake(self.nctui.repository):
            self._show_checklist()
        else:
            self._show_questions()
        self.watch(self.app, "data_version", self._data_changed, init=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Checklist keys only on the checklist."""
        if action in {"retake", "copy_draft"}:
            return self.view == CHECKLIST
        return super().check_action(action, parameters)

    # -- views -----------------------------------------------------------------------

    def _show_questions(self) -> None:
        previous = latest_intake(self.nctui.repository)
        self.show_view(
            QUESTIONS,
            Questionnaire(
                lambda: self.nctui.clock().date(), previous.answers if previous else None
            ),
        )

    def _show_plan(self, answers: IntakeAnswers) -> None:
        now = self.nctui.clock()
        zone = zone_of(now)
        start = start_from_day(answers.contact_stopped, now)
        self._answers = answers
        self._recommendation = recommend(answers)
        self.show_view(
            PLAN,
            PlanChooser(
                self._recommendation,
                start,
                lambda days: add_calendar_days(start, days, zone),
            ),
        )

    def _show_checklist(self) -> None:
        intake = latest_intake(self.nctui.repository)
        self.show_view(
            CHECKLIST,
            StartChecklist(
                self._summary(),
                checklist_for(intake.answers if intake else None),
                load_ticks(self.nctui.repository),
            ),
        )

    def _summary(self) -> str:
        attempt = self._current_attempt()
        if attempt is None:
            return "No plan yet."
        now = self.nctui.clock()
        zone = zone_of(now)
        end = end_of(attempt, zone)
        day = min(day_number(attempt.start, now), attempt.length_days)
        return (
            f"Your plan: {plural(attempt.length_days, 'day')} without contact, from "
            f"{day_text(attempt.start.astimezone(zone).date())} to {day_text(end.date())}. "
            f"Today is day {day}."
        )

    def _current_attempt(self) -> Attempt | None:
        return open_attempt(load_attempts(self.nctui.repository))

    def _data_changed(self) -> None:
        if self.view != CHECKLIST:
            return
        checklist = self.query_one(StartChecklist)
        fresh = load_ticks(self.nctui.repository)
        if any(checklist.is_done(key) != done for key, done in fresh.items()):
            self._show_checklist()

    # -- events ----------------------------------------------------------------------

    @on(Questionnaire.Completed)
    def _questions_done(self, event: Questionnaire.Completed) -> None:
        event.stop()
        self._show_plan(event.answers)

    @on(PlanChooser.Chosen)
    def _length_chosen(self, event: PlanChooser.Chosen) -> None:
        event.stop()
        self._start_plan(event.days)

    @work
    async def _start_plan(self, days: int) -> None:
        current = self._current_attempt()
        now = self.nctui.clock()
        if current is not None and end_of(current, zone_of(now)) > now:
            day = day_number(current.start, now)
            replace = await self.app.push_screen_wait(
                ConfirmScreen(
                    "Start a new plan?",
                    f"You are on day {day} of {current.length_days}. Starting this plan closes "
                    "that period. It stays in your history, with everything you logged.",
                    yes="Start the new plan",
                    no="Keep my current period",
                )
            )
            if not replace:
                return
        self._save_plan(days)
        self._show_checklist()
        self.notify(f"Your {days}-day period has started. Be kind to yourself.", title="Plan saved")

    def _save_plan(self, days: int) -> None:
        assert self._answers is not None and self._recommendation is not None
        now = self.nctui.clock()
        record = IntakeRecord(new_id(), now, self._answers, self._recommendation, days)
        ops: list[Insert | Put] = [intake_op(record)]
        current = self._current_attempt()
        if current is not None:
            ended_at, reason = close_for_new_plan(current, now)
            ops.append(close_attempt_op(current, ended_at, reason))
        start = start_from_day(self._answers.contact_stopped, now)
        ops.append(new_attempt_op(start, days, record.id))
        self.nctui.save(Batch(tuple(ops)))

    @on(StartChecklist.Toggled)
    def _ticked(self, event: StartChecklist.Toggled) -> None:
        event.stop()
        self.nctui.save(tick_op(event.key, event.done, self.nctui.clock()))

    def action_retake(self) -> None:
        """Answer the questions again; the earlier answers stay in the history."""
        self._show_questions()

    def action_copy_draft(self) -> None:
        """Copy the draft message to the clipboard."""
        self.app.copy_to_clipboard(DRAFT_MESSAGE)
        self.notify(
            "Copied. If your terminal does not allow copying, select the text with the mouse.",
            title="Message copied",
        )
