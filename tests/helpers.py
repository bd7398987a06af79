"""Small helpers shared by the UI tests."""

from __future__ import annotations

from typing import Any

from textual.app import App


def screen_text(app: App[Any]) -> str:
    """What the active screen shows right now, as plain text, one line per row."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text.rstrip() for strip in strips)


def squash(text: str) -> str:
    """Text with runs of white space made single, for matching wrapped phrases."""
    return " ".join(text.split())
