"""Our words are our own: no text shares a run of 8 words with the guide."""

from __future__ import annotations

import re

from nctui.domain.cards import deck
from nctui.domain.prompts import prompt_pool
from nctui.domain.triggers import TRIGGERS
from tests.copy_check import (
    FINGERPRINTS,
    RUN_WORDS,
    copied_runs,
    fingerprints,
    guide_fingerprints,
    words,
)

# One sentence of the guide, quoted to prove the check finds a copy (and only here).
GUIDE_SENTENCE = (
    "Delete or hide your ex’s phone number and social media profiles so you’re not "
    "tempted to check in."
)


def test_the_fingerprint_file_is_whole() -> None:
    lines = [line for line in FINGERPRINTS.read_text("utf-8").splitlines() if line]
    data = [line for line in lines if not line.startswith("#")]
    assert len(data) > 2000  # the guide has about 2,700 words
    assert all(re.fullmatch(r"[0-9a-f]{16}", line) for line in data)
    assert data == sorted(data)


def test_the_check_finds_a_copied_sentence_whatever_its_case_and_quotes() -> None:
    known = guide_fingerprints()
    assert copied_runs(GUIDE_SENTENCE, known)
    retyped = GUIDE_SENTENCE.upper().replace("’", "'").replace(",", "")
    assert copied_runs("Tip: " + retyped, known)
    # Seven words in a row are allowed; an eighth makes a copy.
    seven = " ".join(words(GUIDE_SENTENCE)[:7])
    assert not copied_runs(seven, known)
    assert copied_runs(" ".join(words(GUIDE_SENTENCE)[:8]), known)


def test_normalising_ignores_case_quotes_and_punctuation() -> None:
    assert words("You’re NOT—here, (ex's) long-term") == [
        "youre",
        "not",
        "here",
        "exs",
        "long",
        "term",
    ]
    assert fingerprints("A b c d e f g h") == fingerprints("a, B; c. d! e? f: g - h")
    assert len(fingerprints("one two three")) == 0 < RUN_WORDS


def test_no_card_prompt_or_tag_copies_the_guide() -> None:
    known = guide_fingerprints()
    texts = {f"tag {t.key}": t.label for t in TRIGGERS}
    texts |= {f"prompt {p.id}": p.text for p in prompt_pool()}
    for card in deck().cards:
        for field in ("title", "feel", "do", "ask"):
            texts[f"card {card.id} {field}"] = getattr(card, field)
    copied = {where: runs for where, text in texts.items() if (runs := copied_runs(text, known))}
    assert copied == {}
