"""The sample history used for screenshots and benchmarks reads like a person wrote it."""

from __future__ import annotations

from devtools.sample import JOURNAL_LINES, sample_history
from tests.conftest import FROZEN_NOW


def test_no_journal_entry_repeats_a_sentence() -> None:
    data = sample_history(FROZEN_NOW, 0.5)
    texts = [doc["text"] for doc in data["checkins"].values() if doc.get("text")]
    assert texts
    for text in texts:
        used = [line for line in JOURNAL_LINES if line in text]
        assert all(text.count(line) == 1 for line in used), text
