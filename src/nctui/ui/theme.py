"""nctui's own colours: calm, low-contrast where it can be, clear where it matters."""

from __future__ import annotations

from textual.theme import Theme

DEFAULT_THEME = "nctui"

NCTUI_THEME = Theme(
    name="nctui",
    primary="#7FB7BE",
    secondary="#A9A1D9",
    accent="#E8B38A",
    foreground="#E4E7EC",
    background="#171C26",
    surface="#1F2532",
    panel="#283042",
    success="#8FC69A",
    warning="#E6C47E",
    error="#E4838B",
    dark=True,
)
