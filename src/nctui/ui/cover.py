"""The covers in front of the app: the hide key's plain screen, and the lock.

While one is on top nothing behind it shows: no notice (each is kept and shown on the
way back), a neutral window title, and no key reaches the screens behind. The lock comes
after the chosen idle minutes, and on the hide key's return if wanted; at start, the
command line asks for the passphrase before the app opens (see `nctui.unlocking`).
"""

from __future__ import annotations

import contextlib
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from nctui.domain.passphrase import retry_delay
from nctui.ui.screens.hidden import COVER, LOCK, HiddenScreen
from nctui.ui.window_title import cover_sequence, neutral_title, uncover_sequence

if TYPE_CHECKING:
    from collections.abc import Callable

    from nctui.ui.app import NctuiApp
    from nctui.ui.screens.lock import LockScreen, LockWords

NEW_KEY = "new-key"
"""The class of a lock that asks for a passphrase set in another window."""

Notice = tuple[str, dict[str, Any]]
"""A notice kept for later: its message and `notify`'s options."""


class Cover:
    """When the covers show, and what stays neutral while one is up."""

    def __init__(self, app: NctuiApp) -> None:
        self._app = app
        self.up = False
        """Whether a cover (the hide key's screen, the lock) is on top."""
        self._notices: list[Notice] = []
        """Notices on show when it went up, and those that came while it was up."""
        self._active_at = app.clock()
        """When the person last pressed a key or used the mouse."""
        self._lock_due = False
        """The idle time passed while hidden: the return asks for the passphrase."""
        self._new_key_due: bool | None = None
        """Saving began to wait for a passphrase while hidden (True: the data here was
        plain): the return asks for it."""

    # -- the hide key ----------------------------------------------------------------

    def hide(self) -> None:
        """Cover everything at once with a plain, empty screen; any key brings it back.

        Pressed again while hidden it does nothing, so pressing it twice in a hurry
        cannot uncover what the first press hid.
        """
        app = self._app
        if not isinstance(app.screen, HiddenScreen):
            app.push_screen(HiddenScreen(self._return_from_hidden))

    def _return_from_hidden(self) -> None:
        app = self._app
        if not isinstance(app.screen, HiddenScreen):
            return
        stack = app.screen_stack
        under_lock = len(stack) > 1 and stack[-2].has_class(LOCK)
        if self._new_key_due is not None and not under_lock:
            # Replaced in one step, so nothing behind shows between the two covers.
            app.switch_screen(self._new_key_screen(was_plain=self._new_key_due))
            self._new_key_due = None
        elif not under_lock and self._lock_wanted_on_return():
            self._lock_due = False
            # Replaced in one step, so nothing behind shows between the two covers.
            app.switch_screen(self._lock_screen())
        else:
            app.pop_screen()

    # -- the lock --------------------------------------------------------------------

    def active(self) -> None:
        """A key was pressed or the mouse used: the idle time starts again."""
        self._active_at = self._app.clock()

    def lock_if_idle(self) -> None:
        """Lock once no key has been pressed for the chosen number of minutes."""
        state = self._app.coach.privacy.state()
        if not state.lock_set or state.idle_minutes <= 0:
            return
        now = self._app.clock()
        self._active_at = min(self._active_at, now)  # a clock put back is no reason to lock
        if now - self._active_at >= timedelta(minutes=state.idle_minutes):
            self.lock()

    def lock(self) -> None:
        """Cover the app with the lock, which asks for the passphrase."""
        app = self._app
        if any(screen.has_class(LOCK) for screen in app.screen_stack):
            return
        if isinstance(app.screen, HiddenScreen):
            self._lock_due = True  # hidden already: ask when the person comes back
            return
        app.push_screen(self._lock_screen())

    def ask_for_new_key(self, *, was_plain: bool) -> None:
        """Saving waits for the passphrase another window sealed the data with: cover
        the app with the lock, asking for it (once; the writer keeps trying meanwhile)."""
        app = self._app
        if any(screen.has_class(NEW_KEY) for screen in app.screen_stack):
            return
        if isinstance(app.screen, HiddenScreen):
            self._new_key_due = was_plain  # hidden: nothing shows until the person is back
            return
        app.push_screen(self._new_key_screen(was_plain=was_plain))

    def settle_new_key(self) -> None:
        """Once nothing waits for another window's passphrase any more (that window
        turned encryption off, say), take that question away: the ordinary lock takes
        its place while a passphrase is set."""
        app = self._app
        if app.coach.privacy.waiting_for_key:
            return
        self._new_key_due = None
        if not app.screen.has_class(NEW_KEY):
            return
        if app.coach.privacy.state().lock_set:
            # A lock is still set: the ordinary one takes its place, in one step.
            app.switch_screen(self._lock_screen())
        else:
            app.pop_screen()

    def _new_key_screen(self, *, was_plain: bool) -> LockScreen:
        from nctui.ui.screens.lock import ENCRYPTED_ELSEWHERE, PASSPHRASE_CHANGED  # noqa: PLC0415

        screen = self._lock_screen(
            self._app.coach.privacy.take_new_key,
            ENCRYPTED_ELSEWHERE if was_plain else PASSPHRASE_CHANGED,
        )
        screen.add_class(NEW_KEY)
        return screen

    def _lock_wanted_on_return(self) -> bool:
        state = self._app.coach.privacy.state()
        return state.lock_set and (state.ask_on_return or self._lock_due)

    def _lock_screen(
        self, verify: Callable[[str], bool] | None = None, words: LockWords | None = None
    ) -> LockScreen:
        # Loaded when first needed: its text box would slow every start.
        from nctui.ui.screens.lock import LOCKED, LockScreen  # noqa: PLC0415

        return LockScreen(
            verify or self._app.coach.privacy.verify, retry_delay, words=words or LOCKED
        )

    # -- what stays neutral ----------------------------------------------------------

    def keep(self, message: str, options: dict[str, Any]) -> bool:
        """Keep a notice for the way back while a cover is up; False when not up."""
        if self.up:
            self._notices.append((message, options))
        return self.up

    def follow(self) -> None:
        """The screen on top changed: put the cover up or take it down."""
        app = self._app
        covered = app.screen.has_class(COVER)
        if covered == self.up:
            return
        self.up = covered
        if covered:
            self._write(cover_sequence(neutral_title()))
            # A toast shows on any screen whatever its styles say: notices on show are
            # taken down, kept with those that come while covered, and put back.
            self._notices = [
                (
                    shown.message,
                    {
                        "title": shown.title,
                        "severity": shown.severity,
                        "timeout": shown.timeout,
                        "markup": shown.markup,
                    },
                )
                for shown in app._notifications
                if not shown.has_expired
            ]
            app.clear_notifications()
            return
        self._write(uncover_sequence())
        waiting, self._notices = self._notices, []
        for message, options in waiting:
            app.notify(message, **options)

    def closing(self) -> None:
        """The app is closing (Ctrl+Q on the lock): the terminal gets its title back."""
        if self.up:
            self._write(uncover_sequence())

    def _write(self, sequence: str) -> None:
        # Straight to the terminal: Textual has no call for the window title.
        driver = self._app._driver
        if driver is not None:
            with contextlib.suppress(Exception):  # a title is never worth a crash
                driver.write(sequence)
                driver.flush()
