"""The lettering drawn ahead of time is exactly what pyfiglet draws."""

from __future__ import annotations

import json

import pytest

from devtools.figlet_glyphs import prerendered
from nctui.ui.widgets import figlet


def test_the_drawn_ahead_file_matches_pyfiglet() -> None:
    # Out of date after a font or pyfiglet change: run devtools/figlet_glyphs.py.
    stored = json.loads(figlet.PRERENDERED_PATH.read_text(encoding="utf-8"))
    assert stored == prerendered()


def test_without_the_file_the_same_lettering_is_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["33d 04:12:55", "45 days", "nctui"]
    fonts = ["ansi_shadow", "big", "small", "future"]
    with_file = [figlet.render_glyphs(text, font) for text in texts for font in fonts]
    title = figlet.render_figlet("nctui", "smslant")
    for cached in (figlet._prerendered, figlet._glyph, figlet._digit_width, figlet.render_figlet):
        cached.cache_clear()
    monkeypatch.setattr(figlet, "PRERENDERED_PATH", figlet.PRERENDERED_PATH.with_name("gone"))
    try:
        assert figlet._prerendered() == {}
        assert [figlet.render_glyphs(text, font) for text in texts for font in fonts] == with_file
        assert figlet.render_figlet("nctui", "smslant") == title
    finally:
        for cached in (figlet._prerendered, figlet._glyph, figlet._digit_width):
            cached.cache_clear()
        figlet.render_figlet.cache_clear()
