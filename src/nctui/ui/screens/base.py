"""What every top-level screen shares: a header, a footer and a way to the app."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget

from nctui.coach import Changes
from nctui.startup import set_aside
from nctui.ui.key_rules import is_text_box
from nctui.ui.navigation import Destination
from nctui.ui.widgets.keybar import KeyBar
from nctui.ui.widgets.navbar import NavBar

if TYPE_CHECKING:
    from nctui.coach import Coach
    from nctui.ui.app import NctuiApp


class NctuiScreen(Screen[None]):
    """A top-level screen reached with one key from anywhere."""

    destination: Destination

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "leave_box",
            "Leave box",
            tooltip="Leave the text box, so letters work as keys again",
        ),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ "Leave box" only shows while typing in a box."""
        if action == "leave_box":
            return is_text_box(self.focused)
        return True

    def action_leave_box(self) -> None:
        """Take the focus out of the text box."""
        self.set_focus(None)

    def show_first_view(self) -> None:
        """The screen's own key, pressed here: back to where the screen starts.

        Screens with several views go back to the first; others scroll to the top.
        Nothing typed is lost: a view left with words in a box keeps them.
        """
        for scroller in self.query(".page"):
            scroller.scroll_home(animate=False)

    def __init__(self) -> None:
        super().__init__(id=f"{self.destination.name}-screen")
        self.sub_title = self.destination.title
        self._stale: Changes | None = None
        """Changes made while another screen was on show, to show on coming back."""

    # -- following the data ----------------------------------------------------------

    @on(events.Mount)
    def _follow_data(self) -> None:
        self.nctui.follow(self)
        # A screen lasts the session: once drawn, the collector need not walk it again.
        self.call_after_refresh(set_aside)

    @on(events.Unmount)
    def _stop_following(self) -> None:
        self.nctui.unfollow(self)

    def data_changed(self, changes: Changes) -> None:
        """The data changed: update what shows it at once while this screen is on show,
        else once the person comes back to it.

        Screens in other modes (and one under a dialog) would otherwise all redraw on
        every keypress that saves, which is slow with years of history.
        """
        if self.is_current:
            self.show_changes(changes)
        else:
            self._stale = changes if self._stale is None else self._stale | changes

    def show_changes(self, changes: Changes) -> None:
        """Update the parts of the screen that show the kinds of record that changed.

        Each screen says which parts show which kinds (`changes.touches(...)`).
        """

    def on_screen_resume(self) -> None:
        """Catch up with changes made while another screen was on show."""
        stale, self._stale = self._stale, None
        if stale:
            self.show_changes(stale)

    @property
    def nctui(self) -> NctuiApp:
        """The app, typed: its coach and clock."""
        return cast("NctuiApp", self.app)

    @property
    def coach(self) -> Coach:
        """The coach: what this screen shows, and every change it makes."""
        return self.nctui.coach

    def compose(self) -> ComposeResult:
        """Navigation bar, the screen's own body, footer."""
        yield NavBar(self.destination)
        yield from self.compose_body()
        yield KeyBar()

    def compose_body(self) -> Iterable[Widget]:
        """The widgets between header and footer."""
        raise NotImplementedError


class PagedScreen(NctuiScreen):
    """A screen whose scrolling page shows one view at a time (questions, a result...)."""

    def __init__(self, first_view: str) -> None:
        super().__init__()
        self.view = first_view
        """The name of the view on show; screens use it to decide which keys apply."""

    def compose_body(self) -> Iterable[Widget]:
        """The page; its content is set by `show_view`."""
        yield VerticalScroll(classes=f"page {self.destination.name}", id="page")

    def show_view(self, view: str, *widgets: Widget) -> None:
        """Replace the page's content with `widgets`, from the top, and update the keys.

        The old content is fully removed before the new is mounted, so a view can
        replace itself (the same widget ids) without a clash.
        """
        self.view = view
        page = self.query_one("#page", VerticalScroll)

        async def swap() -> None:
            await page.remove_children()
            # Before the new content mounts, so a view may scroll to its own first control.
            page.scroll_home(animate=False, immediate=True)
            await page.mount_all(widgets)
            self.refresh_bindings()

        self.call_later(swap)
