"""Activities: ideas to browse and filter, a surprise pick, plans, and the time reclaimed."""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date
from functools import partial
from typing import ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static

from nctui.coach import Changes, Topic
from nctui.domain.activities import (
    CATEGORY_SHORT,
    Activity,
    ActivityStatus,
    Category,
    hours_text,
    in_view,
    open_plans,
    surprise,
    time_reclaimed,
    upcoming_plans,
)
from nctui.domain.humanize import day_text, plural
from nctui.ui.navigation import ACTIVITIES
from nctui.ui.screens.activity_forms import AddActivityForm, DoneForm, PlanForm
from nctui.ui.screens.base import NctuiScreen
from nctui.ui.screens.confirm import ConfirmScreen
from nctui.ui.widgets.activity_details import details_content
from nctui.ui.widgets.activity_list import ActivityList
from nctui.ui.widgets.activity_summary import NextUp, ReclaimedChart
from nctui.ui.widgets.category_bar import CategoryBar, step_category
from nctui.ui.widgets.text_input import TextInput

FIND_PLACEHOLDER = "/ to find: pottery, free, outdoors…"
NEEDS_ACTIVITY = {"plan", "done", "drop_plan"}
LIST_ONLY = {"plan", "done", "surprise", "add", "find", "drop_plan", "step_category"}


class ActivitiesScreen(NctuiScreen):
    """Browse ideas by category, filter them, plan them, log them done, add your own."""

    destination = ACTIVITIES
    CSS_PATH = "activities.tcss"
    AUTO_FOCUS = "#activity-list"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "plan", "Plan", tooltip="Plan the highlighted idea for a day (Enter too)"),
        Binding("d", "done", "Done", tooltip="Log it done: how long it took, and a note"),
        Binding(
            "s", "surprise", "Surprise", tooltip="A random idea, leaning towards ones not tried"
        ),
        Binding("n", "add", "Add", tooltip="Add an idea of your own"),
        Binding("slash", "find", "Find", key_display="/", tooltip="Filter the list as you type"),
        Binding("left", "step_category(-1)", "Previous category", show=False, key_display="←"),
        Binding("right", "step_category(1)", "Next category", show=False, key_display="→"),
        Binding(
            "x",
            "drop_plan",
            "Drop plan",
            show=False,
            tooltip="Drop its next plan; it stays in your history",
        ),
        Binding("down", "to_list", "To the list", show=False),
        # Two meanings for Esc, tried in turn: leave the find box, else clear the search.
        Binding(
            "escape",
            "leave_box",
            "Leave box",
            tooltip="Leave the text box, so letters work as keys again",
        ),
        Binding(
            "escape", "clear_find", "Clear find", show=False, tooltip="Show the whole list again"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rng = random.Random()
        """Where "Surprise me" draws from; tests put a seeded one here."""
        self.category: Category | None = None
        """The category on show; None for all."""
        self._activities: list[Activity] = []
        self._known: dict[str, ActivityStatus] = {}
        self._drawn_on: date | None = None
        """The day the list and the side panel were drawn for ("today" means it)."""
        self._surprise: str | None = None
        """The surprise pick on show, badged while the cursor stays on it."""
        self._keep: str | None = None
        self._last_pick: str | None = None

    def compose_body(self) -> Iterable[Widget]:
        """Find box and categories on top; the list on the left, the side panel right."""
        next_up = NextUp(id="next-up")
        next_up.border_title = "Next up"
        chart = ReclaimedChart(id="reclaimed")
        chart.border_title = "Time reclaimed"
        with Vertical(classes="page", id="activities-page"):
            yield TextInput(placeholder=FIND_PLACEHOLDER, id="activity-find")
            yield CategoryBar(id="activity-categories")
            with Horizontal(id="activity-main"):
                with Vertical(id="activity-browser"):
                    yield ActivityList(id="activity-list")
                    yield Static("", id="activity-details")
                with Vertical(id="activity-side"):
                    yield next_up
                    yield chart

    def on_mount(self) -> None:
        """Fill everything in."""
        self._refresh()
        # Rows carry theme colours, drawn once per refresh: redraw them with a new theme.
        self.watch(self.app, "theme", self._redraw, init=False)

    def show_changes(self, changes: Changes) -> None:
        """Activities changed (here or in another window): redraw the list and the side."""
        if changes.touches(Topic.ACTIVITIES):
            self._redraw()

    def on_screen_resume(self) -> None:
        """Coming back on another day: "today" and "tomorrow" mean other days now."""
        if self._drawn_on != self.nctui.clock().date():
            self._refresh()

    def show_first_view(self) -> None:
        """a, pressed here: every idea again, no search, the cursor in the list."""
        self.category = None
        self._find.value = ""  # the list is redrawn as the box changes
        self._show_list(self._list.highlighted_key)
        self._list.focus()
        self.refresh_bindings()

    # -- what is on show ---------------------------------------------------------------

    @property
    def activities(self) -> list[Activity]:
        """Every activity: the catalogue, then the person's own."""
        return self._activities

    @property
    def _list(self) -> ActivityList:
        return self.query_one("#activity-list", ActivityList)

    @property
    def _find(self) -> Input:
        return self.query_one("#activity-find", Input)

    def highlighted(self) -> Activity | None:
        """The activity under the cursor, if any."""
        key = self._list.highlighted_key
        return next((a for a in self.activities if a.key == key), None)

    def _view(self) -> list[Activity]:
        return in_view(self.activities, self.category, self._find.value)

    def _redraw(self) -> None:
        keep, self._keep = self._keep, None
        self._refresh(keep)

    def _changing(self, keep: str) -> None:
        """A change is made here: the redraw it sets off keeps the cursor on `keep`."""
        self._surprise = None
        self._keep = keep

    def _refresh(self, keep: str | None = None) -> None:
        """Read the person's activities and redraw, keeping the cursor where it was."""
        activities = self.coach.activities
        self._activities = activities.all()
        self._known = activities.statuses()
        self._drawn_on = self.nctui.clock().date()
        self._show_list(keep or self._list.highlighted_key)
        self._show_side()

    def _show_list(self, keep: str | None) -> None:
        self.query_one(CategoryBar).current = self.category
        self._list.show(
            self._view(),
            self._known,
            self.nctui.clock().date(),
            grouped=self.category is None,
            keep=keep,
            empty=self._empty_text(),
        )
        self._show_details()

    def _empty_text(self) -> str:
        query = " ".join(self._find.value.split())
        if not query:
            return "Nothing here yet."
        if self.category is None:
            return f"Nothing matches “{query}”. Enter, then n, adds it as your own idea."
        elsewhere = len(in_view(self.activities, None, query))
        if elsewhere:
            return (
                f"Nothing in {CATEGORY_SHORT[self.category]} matches “{query}”. Other "
                f"categories have {plural(elsewhere, 'match', 'matches')}: Enter, then ← →."
            )
        return f"Nothing matches “{query}”. Enter, then n, adds it as your own idea."

    def _show_details(self) -> None:
        details = self.query_one("#activity-details", Static)
        activity = self.highlighted()
        if activity is None:
            details.update("")
            return
        details.update(
            details_content(
                activity,
                self._known.get(activity.key),
                self.nctui.clock().date(),
                surprise=activity.key == self._surprise,
            )
        )

    def _show_side(self) -> None:
        now = self.nctui.clock()
        today = now.date()
        log = self.coach.activities.log()
        upcoming = upcoming_plans(log.plans, log.done, now)
        passed = [p for p in open_plans(log.plans, log.done) if p.day < today]
        self.query_one(NextUp).show(upcoming, passed, today)
        self.query_one(ReclaimedChart).show(time_reclaimed(log.done))

    # -- keys ----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """List keys hide while typing in the find box; some need an idea under the cursor."""
        typing = isinstance(self.focused, Input)
        if action == "leave_box":
            return typing
        if action == "to_list":
            return self.focused is self._find
        if action == "clear_find":
            return not typing and bool(self._find.value)
        if action in LIST_ONLY and typing:
            return False
        if action in NEEDS_ACTIVITY:
            return self._can_act_on_highlighted(action)
        return super().check_action(action, parameters)

    def _can_act_on_highlighted(self, action: str) -> bool | None:
        # None shows the key greyed out: it works once an idea is under the cursor.
        activity = self.highlighted()
        if activity is None:
            return None
        if action == "drop_plan":
            status = self._known.get(activity.key)
            return True if status is not None and status.open_plans else None
        return True

    def action_leave_box(self) -> None:
        """Leave the find box for the list, keeping the search."""
        self._list.focus()

    def action_to_list(self) -> None:
        """From the find box down into the list."""
        self._list.focus()

    def action_find(self) -> None:
        """Put the cursor in the find box."""
        self._find.focus()

    def action_clear_find(self) -> None:
        """Forget the search and show the whole category again."""
        self._find.value = ""

    def action_step_category(self, step: int) -> None:
        """Show the next or previous category."""
        self.set_category(step_category(self.category, step))

    def action_show_category(self, value: str) -> None:
        """Show one category ("" for all), as clicked on the category bar."""
        self.set_category(Category(value) if value else None)

    def set_category(self, category: Category | None) -> None:
        """Show `category` (None for all), keeping the cursor on the same idea if listed."""
        self.category = category
        self._show_list(self._list.highlighted_key)
        self.refresh_bindings()

    def action_surprise(self) -> None:
        """Pick an idea at random from those on show, favouring ones not done or planned."""
        candidates = self._view()
        if not candidates:  # nothing on show: widen to everything
            self.category = None
            self._find.value = ""
            candidates = self.activities
        pick = surprise(candidates, self._known, self.rng, avoid=self._last_pick)
        if pick is None:
            return
        self._surprise = self._last_pick = pick.key
        self._show_list(pick.key)
        self._list.focus()

    # -- changes --------------------------------------------------------------------------

    @on(Input.Changed, "#activity-find")
    def _find_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show_list(self._list.highlighted_key)
        self.refresh_bindings()

    @on(Input.Submitted, "#activity-find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._list.focus()

    @on(OptionList.OptionHighlighted, "#activity-list")
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id != self._surprise:
            self._surprise = None
        self._show_details()
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#activity-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_plan()

    def action_plan(self) -> None:
        """Plan the highlighted idea for a day: today unless another is typed."""
        activity = self.highlighted()
        if activity is None:
            return
        # At once, not from a worker: keys typed straight after land in the form.
        form = PlanForm(activity, lambda: self.nctui.clock().date())
        self.app.push_screen(form, callback=partial(self._planned, activity))

    def _planned(self, activity: Activity, day: date | None) -> None:
        if day is None:
            return
        self._changing(activity.key)
        self.coach.activities.plan(activity, day)
        when = "today" if day == self.nctui.clock().date() else day_text(day)
        # Names are the person's own words: never read as markup.
        self.notify(f"{activity.name}: planned for {when}.", title="Planned", markup=False)

    def action_done(self) -> None:
        """Log the highlighted idea as done; it completes its earliest open plan."""
        activity = self.highlighted()
        if activity is None:
            return
        plan = self.coach.activities.next_plan(activity)
        self.app.push_screen(DoneForm(activity, plan), callback=partial(self._done, activity))

    def _done(self, activity: Activity, result: tuple[int, str] | None) -> None:
        if result is None:
            return
        minutes, note = result
        self._changing(activity.key)
        self.coach.activities.done(activity, minutes, note)
        self.notify(f"{hours_text(minutes)} of your time, spent on you.", title="Logged")

    @work(exclusive=True, group="activity-form")
    async def action_add(self) -> None:
        """Add an idea of the person's own, then show it in its category."""
        nothing_found = not self._view() and bool(self._find.value.strip())
        form = AddActivityForm(
            self.activities,
            self.category or Category.HOBBIES,
            self._find.value.strip() if nothing_found else "",
        )
        result = await self.app.push_screen_wait(form)
        if result is None:
            return
        name, category = result
        if self.category not in {None, category}:
            self.category = category
        self._find.value = ""
        activity = self.coach.activities.add_own(name, category)
        self._changing(activity.key)
        self._list.focus()
        self.notify(f"{name}: added to {CATEGORY_SHORT[category]}.", title="Added", markup=False)

    @work(exclusive=True, group="activity-form")
    async def action_drop_plan(self) -> None:
        """Drop the highlighted idea's next plan, after asking; it stays in the history."""
        activity = self.highlighted()
        plan = None if activity is None else self.coach.activities.next_plan(activity)
        if activity is None or plan is None:
            return
        drop = await self.app.push_screen_wait(
            ConfirmScreen(
                "Drop this plan?",
                f"{activity.name}, planned for {day_text(plan.day)}. Plans change, and "
                "that is fine. It stays in your history.",
                yes="Drop the plan",
                no="Keep it",
            )
        )
        if drop:
            self._changing(activity.key)
            self.coach.activities.drop_plan(plan)
