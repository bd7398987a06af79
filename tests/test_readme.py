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


def _section(title: str) -> str:
    return README.read_text().split(title, 1)[1].split("\n### ", 1)[0]


def test_the_check_in_key_table_lists_every_key_of_the_screen() -> None:
    from nctui.ui.screens.journal import JournalScreen

    table = _section("### Check-in & journal")
    keys = {
        match.lower()
        for line in table.splitlines()
        if line.startswith("| `")
        for match in re.findall(r"`([^`]+)`", line.split("|")[1])
    }
    shown = {"slash": "/", "escape": "esc", "enter": "enter", "ctrl+s": "ctrl+s"}
    for binding in JournalScreen.BINDINGS:
        assert isinstance(binding, Binding)
        key = shown.get(binding.key, binding.key)
        assert key in keys, f"the check-in table does not list {key!r}"


def test_the_readiness_section_names_each_statement() -> None:
    from nctui.domain.readiness import STATEMENTS

    text = " ".join(_section("### Ready to reach out?").split())
    count = {9: "Nine"}[len(STATEMENTS)]
    assert f"{count} statements" in text
    listed = text.split(f"{count} statements", 1)[1].split("Your earlier ratings", 1)[0]
    assert listed.count("whether you") == len(STATEMENTS)


def test_the_licence_matches_the_package() -> None:
    licence = (README.parent / "LICENSE").read_text()
    pyproject = (README.parent / "pyproject.toml").read_text()
    assert 'license = "MIT"' in pyproject
    assert licence.startswith("MIT License")
    assert "Copyright (c) 2026 The nctui developers" in licence
    assert '"The nctui developers"' in pyproject
