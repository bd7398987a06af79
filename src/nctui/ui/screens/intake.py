"""The intake: questions, the recommended plan with its reasons, and the start checklist."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches

from nctui.coach import Changes, Topic
from nctui.domain.checklist import DRAFT_MESSAGE, checklist_for
from nctui.domain.humanize import day_text, plural
from nctui.domain.intake import IntakeAnswers
from nctui.domain.period import State, add_calendar_days, day_number, local, zone_of
from nctui.domain.recommendation import Recommendation, recommend
from nctui.ui.navigation import COUNTDOWN, INTAKE
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
        self._start: datetime | None = None

    def on_mount(self) -> None:
        """The checklist once there is a plan (running or done), else the questions."""
        self._show_first_view()

    def _has_plan(self) -> bool:
        return self.coach.period.has_plan() and self.coach.intake.latest() is not None

    def _show_first_view(self) -> None:
        if self._has_plan():
            self._show_checklist()
        else:
            self._show_questions()

    def show_first_view(self) -> None:
        """i, pressed here: the checklist once there is a plan; the questions are
        already the first view before that, so nothing answered is lost."""
        if self.view != CHECKLIST and self._has_plan():
            self._show_checklist()
        else:
            super().show_first_view()

    def on_screen_resume(self) -> None:
        """Coming back: the cursor goes where it was needed, so typing lands there."""
        self.call_after_refresh(self._refocus)

    def _refocus(self) -> None:
        try:
            if self.view == QUESTIONS:
                self.query_one(Questionnaire).current.focus_answer()
            elif self.view == PLAN:
                self.query_one("#lengths").focus()
            elif self.view == CHECKLIST:
                self.query_one("#checklist").focus()
        except NoMatches:  # the view is still being built; it focuses itself
            return

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Checklist keys only on the checklist."""
        if action in {"retake", "copy_draft"}:
            return self.view == CHECKLIST
        return super().check_action(action, parameters)

    # -- views -----------------------------------------------------------------------

    def _show_questions(self, given: IntakeAnswers | None = None) -> None:
        """The questions, filled in with the last intake's answers; with `given` (back
        from the plan), with those answers, on the last question."""
        today = self._today
        if given is not None:
            questionnaire = Questionnaire(today, given, given.contact_stopped, resume=True)
        else:
            previous = self.coach.intake.latest()
            running = self.coach.period.running()
            now = self.nctui.clock()
            stopped = local(running.start, zone_of(now)).date() if running else None
            questionnaire = Questionnaire(today, previous.answers if previous else None, stopped)
        self.show_view(QUESTIONS, questionnaire)

    def _today(self) -> date:
        return self.nctui.clock().date()

    def _show_plan(self, answers: IntakeAnswers, *, from_today: bool = False) -> None:
        now = self.nctui.clock()
        zone = zone_of(now)
        start = self.coach.intake.plan_start(answers, from_today=from_today)
        self._answers = answers
        self._start = start
        self._recommendation = recommend(answers)
        self.show_view(
            PLAN,
            PlanChooser(
                self._recommendation,
                start,
                now,
                lambda days: add_calendar_days(start, days, zone),
            ),
        )

    @on(PlanChooser.Back)
    def _back_to_questions(self, event: PlanChooser.Back) -> None:
        event.stop()
        assert self._answers is not None
        self._show_questions(self._answers)

    @on(PlanChooser.FromToday)
    def _from_today(self, event: PlanChooser.FromToday) -> None:
        event.stop()
        assert self._answers is not None
        self._show_plan(self._answers, from_today=True)

    def _show_checklist(self) -> None:
        intake = self.coach.intake.latest()
        self.show_view(
            CHECKLIST,
            StartChecklist(
                self._summary(),
                self._checklist_heading(),
                checklist_for(intake.answers if intake else None),
                self.coach.intake.ticks(),
            ),
        )

    def _summary(self) -> str:
        status = self.coach.period.status()
        attempt = status.attempt
        if attempt is None or status.start is None or status.end is None:
            return "No plan yet."
        plan = (
            f"Your plan: {plural(attempt.length_days, 'day')} without contact, from "
            f"{day_text(status.start.date())} to {day_text(status.end.date())}."
        )
        if status.state is State.COMPLETE:
            return f"{plan} It is complete."
        return f"{plan} Today is day {status.day}."

    def _checklist_heading(self) -> str:
        status = self.coach.period.status()
        return (
            "Before you start"
            if status.state is State.ACTIVE and status.day <= 2
            else ("Your checklist")
        )

    def show_changes(self, changes: Changes) -> None:
        """Another window may have ticked an item or saved a new plan: redraw the
        checklist (ticks, summary, to-dos). Questions and the plan being chosen are left
        alone."""
        if self.view != CHECKLIST or not changes.touches(
            Topic.CHECKLIST, Topic.INTAKE, Topic.PERIOD
        ):
            return
        # Not there yet while the checklist is being put on the page: it is drawn fresh then.
        for checklist in self.query(StartChecklist).results(StartChecklist):
            intake = self.coach.intake.latest()
            checklist.show(
                self._summary(),
                self._checklist_heading(),
                checklist_for(intake.answers if intake else None),
                self.coach.intake.ticks(),
            )

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
        current = self.coach.intake.would_replace()
        now = self.nctui.clock()
        if current is not None:
            day = day_number(current.start, now)
            assert self._start is not None
            same_start = self._start == current.start
            start_note = (
                "it keeps the same first day."
                if same_start
                else f"its day 1 is {day_text(self._start.astimezone(zone_of(now)).date())}."
            )
            replace = await self.app.push_screen_wait(
                ConfirmScreen(
                    "Start a new plan?",
                    f"You are on day {day} of {current.length_days}. The new plan replaces "
                    f"that period; {start_note} The old period stays in your history, with "
                    "everything you logged.",
                    yes="Start the new plan",
                    no="Keep my current period",
                )
            )
            if not replace:
                # Nothing changes: back to the period that goes on, not to this chooser.
                self._show_first_view()
                self.nctui.go(COUNTDOWN.name)
                self.notify("Your current period goes on as it was.", title="Nothing changed")
                return
        self._save_plan(days)
        self._show_checklist()
        self.notify(f"Your {days}-day period has started. Be kind to yourself.", title="Plan saved")

    def _save_plan(self, days: int) -> None:
        assert self._answers is not None and self._recommendation is not None
        assert self._start is not None
        self.coach.intake.choose_plan(self._answers, self._recommendation, days, self._start)

    @on(StartChecklist.Toggled)
    def _ticked(self, event: StartChecklist.Toggled) -> None:
        event.stop()
        self.coach.intake.tick(event.key, event.done)

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
