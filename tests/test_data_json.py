"""The JSON copies of the shipped TOML files hold exactly what the TOML does."""

from __future__ import annotations

from pathlib import Path

import pytest

from devtools.data_json import COPIED, copy_text
from nctui.domain import data_files
from nctui.domain.cards import CARDS_FILE, deck, parse_deck
from nctui.domain.data_files import shipped_entries, shipped_text
from nctui.domain.prompts import PROMPTS_FILE, parse_prompts, pool_of


@pytest.mark.parametrize("name", COPIED)
def test_each_copy_matches_its_toml(name: str) -> None:
    # Out of date after editing the TOML: run devtools/data_json.py.
    stored = Path(data_files.json_copy_path(name)).read_text(encoding="utf-8")
    assert stored == copy_text(name)


def test_the_deck_and_prompts_read_from_the_copies_are_those_of_the_toml() -> None:
    assert deck() == parse_deck(shipped_text(CARDS_FILE))
    assert pool_of(shipped_entries(PROMPTS_FILE, "prompt")) == parse_prompts(
        shipped_text(PROMPTS_FILE)
    )


@pytest.mark.parametrize("copy", [None, "[1, 2]", "{not json", '{"card": "one"}'])
def test_without_a_usable_copy_the_toml_is_read(
    copy: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "cards.toml.json"
    if copy is not None:
        path.write_text(copy, encoding="utf-8")
    monkeypatch.setattr(data_files, "json_copy_path", lambda _name: str(path))
    if copy == '{"card": "one"}':  # a copy that reads as JSON is checked as the TOML is
        with pytest.raises(data_files.CatalogueError, match="no \\[\\[card\\]\\] entries"):
            shipped_entries(CARDS_FILE, "card")
        return
    expected = data_files.entries(shipped_text(CARDS_FILE), "card", CARDS_FILE)
    assert shipped_entries(CARDS_FILE, "card") == expected
