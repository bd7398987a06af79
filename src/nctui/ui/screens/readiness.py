"""Ready to reach out? The quiz, the verdict with its reasons, and the first-message check."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Static

from nctui.domain.humanize import day_text, plural
from nctui.domain.letters import Letter, letters_to_read
from nctui.domain.period import (
    State,
    add_calendar_days,
    days_to_add,
    end_of,
    left_in_words,
    period_status,
    zone_of,
)
from nctui.domain.readiness import (
    DOS_AND_DONTS,
    READY_BAR,
    VERDICT_TITLES,
    CheckRecord,
    Facts,
    Verdict,
    assess,
)
from nctui.storage.attempt_store import load_attempts
from nctui.storage.letter_store import load_letters, open_letters_op
from nctui.storage.ops import new_id
from nctui.storage.readiness_store import (
    check_op,
    extended_by,
    extension_ops,
    gather_facts,
    load_checks,
)
from nctui.storage.trend_store import period_mood_trend
from nctui.ui.navigation import READINESS
from nctui.ui.screens.base import PagedScreen
from nctui.ui.screens.confirm import ConfirmScreen
from nctui.ui.widgets.bullets import bullet_list
from nctui.ui.widgets.message_check import MessageCheck
from nctui.ui.widgets.quiz import Quiz

QUIZ, RESULT, MESSAGE, LETTERS = "quiz", "result", "message", "letters"


def verdict_content(record: CheckRecord) -> Group:
    """The verdict and every reason, as one block; the score quietly, where it helps."""
    result = record.result
    parts: list[Text | Table] = [
        Text(VERDICT_TITLES[result.verdict], style="bold"),
        Text(""),
        bullet_list([Text(reason) for reason in result.reasons]),
    ]
    # Below the bar a reason already names the score; letting go needs no number.
    if result.verdict is not Verdict.MOVE_ON and result.score >= READY_BAR:
        parts += [
            Text(""),
            Text(f"Your answers and your data come to {result.score} of 100.", style="dim"),
        ]
    return Group(*parts)


class Extension(StrEnum):
    """Where a "not yet" check's suggested extension stands."""

    OFFERED = "offered"
    """x adds it: the checked period is the current one, complete, not yet extended."""
    DONE = "done"
    """Added after this check."""
    NONE = "none"
    """Nothing to add: none suggested, or the period has moved on (a new plan, say)."""


def advice_text(record: CheckRecord, end: datetime | None, extension: Extension) -> str:
    """What to do next, for this verdict.

    `end` is when the period ends: with the suggested days added while they are
    `Extension.OFFERED`, else as it stands; None with no plan at all.
    """
    result = record.result
    if result.verdict is Verdict.READY:
        card = "\n".join(f"[b]{title}.[/b] {why}" for title, why in DOS_AND_DONTS)
        return (
            "[b]For the first contact[/b]\n"
            f"{card}\n\n"
            "Press [b]m[/b] to check a first message before you send it."
        )
    if result.verdict is Verdict.MOVE_ON:
        return (
            "Letting go is a real answer, and often the kindest one to yourself. The time you "
            "gave this was not wasted: it was time spent on you.\n\n"
            "The activities (a) and your journal (j) are still here, for the days ahead."
        )
    if end is None:
        return (
            "Time apart comes first. The intake ([b]i[/b]) helps you choose how long; take "
            "this check again when that period ends."
        )
    if extension is Extension.DONE:
        return (
            f"You added {plural(result.extension_days, 'day')} after this check. Your period "
            f"now ends on {day_text(end.date())}. Take this check again then."
        )
    wait = "Waiting is not failing: it is the same healing, a little longer.\n\n"
    if extension is Extension.OFFERED:
        return (
            f"{wait}Press [b]x[/b] to add {plural(result.extension_days, 'day')} to your "
            f"period, until {day_text(end.date())}, then take this check again."
        )
    return f"{wait}Your period ends on {day_text(end.date())}. Take this check again then."


def earlier_text(checks: Sequence[CheckRecord], zone: Any) -> str:
    """The checks taken before, newest first."""
    if len(checks) < 2:
        return ""
    lines = ["[b]Earlier checks[/b]"]
    for record in reversed(checks[:-1]):
        when = day_text(record.taken_at.astimezone(zone).date())
        score = "" if record.result.verdict is Verdict.MOVE_ON else f" ({record.result.score})"
        lines.append(f"{when}  {VERDICT_TITLES[record.result.verdict]}{score}")
    return "\n".join(lines)


@dataclass(frozen=True)
class Shown:
    """What the result on show allows, worked out when it was drawn."""

    verdict: Verdict
    extension: Extension
    letters: bool


class ReadinessScreen(PagedScreen):
    """The check, its result, and what to do with it."""

    destination = READINESS
    CSS_PATH = "readiness.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "retake", "Take again", tooltip="rate the statements again"),
        Binding("x", "extend", "Extend", tooltip="add the suggested days to your period"),
        Binding("m", "message", "Message check", tooltip="check a first message"),
        Binding("l", "letters", "Letters", tooltip="read the letters you sealed"),
        Binding("b", "result", "Back", tooltip="back to the result"),
    ]

    def __init__(self) -> None:
        super().__init__(QUIZ)
        self._shown: Shown | None = None

    def on_mount(self) -> None:
        """The latest result if there is one, else the quiz."""
        if load_checks(self.nctui.repository):
            self._show_result()
        else:
            self._show_quiz()
        self.follow_data(self._data_changed)

    def show_first_view(self) -> None:
        """r, pressed here: the latest result; the quiz when there is none yet (a quiz
        being answered keeps its answers)."""
        if self.view != RESULT and load_checks(self.nctui.repository):
            self._show_result()
        else:
            super().show_first_view()

    def _data_changed(self) -> None:
        # The result shows dates, letters and whether x still applies: redraw it. Other
        # views hold what the person is doing (a quiz half done, a draft) and stay, but
        # the quiz's word on the period follows it (a restart, a new plan).
        if self.view == RESULT:
            self._show_result()
        elif self.view == QUIZ:
            # Not there yet while the quiz is being put on the page: it is drawn fresh then.
            for note in self.query("#quiz-note").results(Static):
                note.update(self._quiz_note())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Each key only where it makes sense (as of the result on show, worked out once
        when it was drawn: this runs for every key on every refresh)."""
        shown = self._shown
        verdict = shown.verdict if shown else None
        if action == "retake":
            return self.view != QUIZ
        if action == "extend":
            return (
                self.view == RESULT and shown is not None and shown.extension is Extension.OFFERED
            )
        if action == "message":
            return self.view == RESULT and verdict is Verdict.READY
        if action == "letters":
            return (
                self.view == RESULT and verdict is Verdict.READY and bool(shown and shown.letters)
            )
        if action == "result":
            return self.view in {MESSAGE, LETTERS}
        return super().check_action(action, parameters)

    # -- views -----------------------------------------------------------------------

    def _latest(self) -> CheckRecord | None:
        checks = load_checks(self.nctui.repository)
        return checks[-1] if checks else None

    def _extension(self, record: CheckRecord, now: datetime) -> tuple[Extension, datetime | None]:
        """Where this check's extension stands, and when the period ends (with the days
        added, while they are on offer); no end without a plan."""
        zone = zone_of(now)
        status = period_status(load_attempts(self.nctui.repository), now)
        if status.attempt is None:
            return Extension.NONE, None
        end = end_of(status.attempt, zone)
        if extended_by(self.nctui.repository, record.id):
            return Extension.DONE, end
        # Only the period the check judged, once complete: not a plan begun since.
        if (
            record.result.extension_days
            and status.state is State.COMPLETE
            and status.attempt.start <= record.taken_at
        ):
            more = days_to_add(status.attempt, record.result.extension_days, now)
            return Extension.OFFERED, add_calendar_days(end, more, zone)
        return Extension.NONE, end

    def _quiz_note(self) -> str:
        """The quiz's introduction, with where the period stands as of now."""
        status = period_status(load_attempts(self.nctui.repository), self.nctui.clock())
        note = (
            "Rate each statement as honestly as you can; nobody else sees this. There are "
            "no right answers, only yours."
        )
        if status.state is State.ACTIVE:
            left = left_in_words(status.days_left, status.ends_today)
            note = (
                f"Your period {left}. You can take this now; it will most likely say to "
                "wait, and that is all right.\n\n" + note
            )
        return note

    def _show_quiz(self) -> None:
        latest = self._latest()
        self.show_view(
            QUIZ,
            Static("Ready to reach out?", classes="section-title"),
            Static(self._quiz_note(), id="quiz-note"),
            Quiz(dict(latest.answers) if latest else None),
        )

    def _show_result(self) -> None:
        checks = load_checks(self.nctui.repository)
        record = checks[-1]
        now = self.nctui.clock()
        extension, end = self._extension(record, now)
        advice = advice_text(record, end, extension)
        waiting = self._letters()
        self._shown = Shown(record.result.verdict, extension, bool(waiting))
        if record.result.verdict is Verdict.READY and waiting:
            advice += (
                f"\n\nYou sealed {plural(len(waiting), 'letter')} early on. Press [b]l[/b] to "
                "read what you wrote then."
            )
        self.show_view(
            RESULT,
            Static(verdict_content(record), id="verdict", classes=f"-{record.result.verdict}"),
            Static(advice, id="advice"),
            Static(earlier_text(checks, zone_of(now)), id="earlier"),
        )

    def _show_message_check(self) -> None:
        self.show_view(MESSAGE, MessageCheck(self.nctui.clock))

    # -- events ----------------------------------------------------------------------

    @on(Quiz.Completed)
    def _rated(self, event: Quiz.Completed) -> None:
        event.stop()
        now = self.nctui.clock()
        facts: Facts = gather_facts(self.nctui.repository, now, self.mood_trend())
        record = CheckRecord(new_id(), now, event.answers, assess(event.answers, facts))
        self.nctui.save(check_op(record))
        self._show_result()

    def mood_trend(self) -> tuple[float | None, str]:
        """The mood trend from the check-ins over this period."""
        trend = period_mood_trend(self.nctui.repository, self.nctui.clock())
        return trend.change, trend.sentence

    def _letters(self) -> list[Letter]:
        """Sealed letters to read now: ready to open, or opened when due (not early)."""
        now = self.nctui.clock()
        attempts = load_attempts(self.nctui.repository)
        return letters_to_read(load_letters(self.nctui.repository), attempts, now)

    def action_letters(self) -> None:
        """Open the letters sealed until now, and show every opened letter."""
        now = self.nctui.clock()
        repository = self.nctui.repository
        due = open_letters_op(load_letters(repository), load_attempts(repository), now)
        zone = zone_of(now)
        blocks: list[Widget] = [
            Static("Letters you wrote", classes="section-title"),
            Static(
                "You wrote these while it was still raw, and sealed them until now. Read "
                "them slowly; they show how far you have come. b goes back.",
                classes="hint",
            ),
        ]
        for letter in self._letters():
            written = day_text(letter.written_at.astimezone(zone).date())
            blocks.append(Static(f"Written {written}", classes="letter-date"))
            blocks.append(Static(letter.text, classes="letter", markup=False))
        self.show_view(LETTERS, *blocks)
        # Saved once the view has changed, so the redraw a save sets off leaves it alone.
        if due is not None:
            self.nctui.save(due)

    def action_retake(self) -> None:
        """Rate the statements again; every earlier result stays in the history."""
        self._show_quiz()

    def action_message(self) -> None:
        """Check a draft first message."""
        self._show_message_check()

    def action_result(self) -> None:
        """Back to the latest result."""
        self._show_result()

    @work
    async def action_extend(self) -> None:
        """Add the suggested days to the period, after a short confirmation."""
        latest = self._latest()
        now = self.nctui.clock()
        if latest is None or self._extension(latest, now)[0] is not Extension.OFFERED:
            return
        days = latest.result.extension_days
        attempt = period_status(load_attempts(self.nctui.repository), now).attempt
        assert attempt is not None  # offered only with a completed period
        more = days_to_add(attempt, days, now)
        new_end = add_calendar_days(end_of(attempt, zone_of(now)), more, zone_of(now))
        # Counted from today when the period ended a while ago: say so, as that is more.
        since = " from today" if more > days else ""
        confirmed = await self.app.push_screen_wait(
            ConfirmScreen(
                f"Add {plural(days, 'day')}{since}?",
                f"Your period will end on {day_text(new_end.date())}. The extension is noted "
                "in your history.",
                yes=f"Add {plural(days, 'day')}",
                no="Not now",
            )
        )
        # Looked at again: another window may have extended it while this one asked.
        if not confirmed or self._extension(latest, self.nctui.clock())[0] is not Extension.OFFERED:
            return
        self.nctui.save(extension_ops(attempt, more, now, latest.id))
        self.notify(
            f"Your period now ends on {day_text(new_end.date())}. Take this check again then.",
            title="Period extended",
        )
