"""Ready to reach out? The quiz, the verdict with its reasons, and the first-message check."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Static

from nctui.coach import Changes, Topic
from nctui.coach.readiness import Extension
from nctui.domain.humanize import day_text, plural
from nctui.domain.period import State, left_in_words, zone_of
from nctui.domain.readiness import DOS_AND_DONTS, READY_BAR, VERDICT_TITLES, CheckRecord, Verdict
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
        if self.coach.readiness.latest() is not None:
            self._show_result()
        else:
            self._show_quiz()

    def show_first_view(self) -> None:
        """r, pressed here: the latest result; the quiz when there is none yet (a quiz
        being answered keeps its answers)."""
        if self.view != RESULT and self.coach.readiness.latest() is not None:
            self._show_result()
        else:
            super().show_first_view()

    def show_changes(self, changes: Changes) -> None:
        """The result shows dates, letters and whether x still applies: redraw it when
        those change. Other views hold what the person is doing (a quiz half done, a
        draft) and stay, but the quiz's word on the period follows it (a restart)."""
        result_shows = (Topic.READINESS, Topic.PERIOD, Topic.LETTERS, Topic.LEDGER)
        if self.view == RESULT and changes.touches(*result_shows):
            self._show_result()
        elif self.view == QUIZ and changes.touches(Topic.PERIOD):
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

    def _quiz_note(self) -> str:
        """The quiz's introduction, with where the period stands as of now."""
        status = self.coach.period.status()
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
        latest = self.coach.readiness.latest()
        self.show_view(
            QUIZ,
            Static("Ready to reach out?", classes="section-title"),
            Static(self._quiz_note(), id="quiz-note"),
            Quiz(dict(latest.answers) if latest else None),
        )

    def _show_result(self) -> None:
        checks = self.coach.readiness.checks()
        record = checks[-1]
        now = self.nctui.clock()
        standing = self.coach.readiness.standing(record, now)
        advice = advice_text(record, standing.end, standing.extension)
        waiting = self.coach.letters.to_read(now)
        self._shown = Shown(record.result.verdict, standing.extension, bool(waiting))
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
        self.coach.readiness.take(event.answers)
        self._show_result()

    def action_letters(self) -> None:
        """Open the letters sealed until now, and show every opened letter."""
        now = self.nctui.clock()
        zone = zone_of(now)
        blocks: list[Widget] = [
            Static("Letters you wrote", classes="section-title"),
            Static(
                "You wrote these while it was still raw, and sealed them until now. Read "
                "them slowly; they show how far you have come. b goes back.",
                classes="hint",
            ),
        ]
        for letter in self.coach.letters.to_read(now):
            written = day_text(letter.written_at.astimezone(zone).date())
            blocks.append(Static(f"Written {written}", classes="letter-date"))
            blocks.append(Static(letter.text, classes="letter", markup=False))
        self.show_view(LETTERS, *blocks)
        # Opened once the view has changed, so the redraw a change sets off leaves it alone.
        self.coach.letters.open_due(now)

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
        latest = self.coach.readiness.latest()
        if latest is None:
            return
        offer = self.coach.readiness.standing(latest)
        if offer.extension is not Extension.OFFERED or offer.end is None:
            return
        days, new_end = offer.days, offer.end
        # Counted from today when the period ended a while ago: say so, as that is more.
        since = " from today" if offer.added > days else ""
        confirmed = await self.app.push_screen_wait(
            ConfirmScreen(
                f"Add {plural(days, 'day')}{since}?",
                f"Your period will end on {day_text(new_end.date())}. The extension is noted "
                "in your history.",
                yes=f"Add {plural(days, 'day')}",
                no="Not now",
            )
        )
        # Looked at again by the coach: another window may have extended it meanwhile.
        if not confirmed or self.coach.readiness.extend(latest) is None:
            return
        self.notify(
            f"Your period now ends on {day_text(new_end.date())}. Take this check again then.",
            title="Period extended",
        )
