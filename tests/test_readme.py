"""The README's key table keeps up with the app's keys."""

from __future__ import annotations

import re
from pathlib import Path

from textual.binding import Binding

from nctui.ui.app import NctuiApp
from nctui.ui.navigation import DESTINATIONS

README = Path(__file__).resolve().parent.parent / "README.md"


def _key_table() -> dict[str, str]:
    section = README.read_text().split("## Keys", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0].startswith("`"):
            for key in re.findall(r"`([^`]+)`", cells[0]):
                rows[key.lower()] = cells[1]
    return rows


def test_readme_lists_every_app_key() -> None:
    table = _key_table()
    for binding in NctuiApp.BINDINGS:
        assert isinstance(binding, Binding)
        shown = {"question_mark": "?", "exclamation_mark": "!"}.get(binding.key, binding.key)
        assert shown in table, f"README does not list {shown!r}"


def test_readme_names_every_screen() -> None:
    table = _key_table()
    for target in DESTINATIONS:
        assert table[target.key] == target.title


def test_readme_documents_both_set_up_commands() -> None:
    text = README.read_text()
    assert "uv run nctui" in text
    assert "uv run pytest" in text
    for screenshot in re.findall(r"\]\((screenshots/[^)]+)\)", text):
        assert (README.parent / screenshot).exists(), screenshot
