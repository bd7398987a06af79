"""Small preferences: the theme, and the SOS pause and reasons."""

from __future__ import annotations

from nctui.coach.core import Core
from nctui.domain.sos import DEFAULT_DELAY_MINUTES, DEFAULT_REASONS
from nctui.storage.settings import setting_op

THEME = "theme"
SOS_DELAY = "sos_delay_minutes"
SOS_REASONS = "sos_reasons"


class Settings:
    """Preferences, one value each; each is kept as soon as it is chosen."""

    def __init__(self, core: Core) -> None:
        self._core = core

    def theme(self, default: str) -> str:
        """The theme chosen last, or `default`."""
        return self._core.model.setting(THEME, default)

    def sos_delay(self) -> int:
        """Minutes the SOS pause lasts."""
        return self._core.model.setting(SOS_DELAY, DEFAULT_DELAY_MINUTES)

    def sos_reasons(self) -> str:
        """The person's own reasons, shown in the SOS pause."""
        return self._core.model.setting(SOS_REASONS, DEFAULT_REASONS)

    def set_theme(self, theme: str, default: str) -> bool:
        """Keep `theme` for next time; False when it is already kept."""
        return self._set(THEME, theme, self.theme(default))

    def set_sos_delay(self, minutes: int) -> bool:
        """Keep the SOS pause's length; False when unchanged."""
        return self._set(SOS_DELAY, minutes, self.sos_delay())

    def set_sos_reasons(self, text: str) -> bool:
        """Keep the SOS reasons; False when unchanged."""
        return self._set(SOS_REASONS, text, self.sos_reasons())

    def _set(self, key: str, value: int | str, current: int | str) -> bool:
        if value == current:
            return False
        self._core.apply(setting_op(key, value))
        return True
