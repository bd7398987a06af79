"""A check that our texts never copy the guide: no run of 8 words in common.

The guide itself is not part of the repository. What is kept is a fingerprint of each
run of 8 words in it (`tests/data/guide-8grams.txt`): enough to find a copied phrase,
without shipping the guide's text. To make the file again from the guide:

    uv run python -m tests.copy_check path/to/no-contact-guide.txt

Words are compared after normalising: lower case, curly quotes made straight, an
apostrophe inside a word dropped ("you’re" is "youre"), and every other mark between
words read as a space. Any text can be checked: `copied_runs(text, guide_fingerprints())`.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

RUN_WORDS = 8
FINGERPRINTS = Path(__file__).parent / "data" / "guide-8grams.txt"

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def words(text: str) -> list[str]:
    """The words of `text`, normalised for comparison."""
    folded = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()
    return [word.replace("'", "") for word in _WORD.findall(folded)]


def runs(text: str, size: int = RUN_WORDS) -> list[tuple[str, ...]]:
    """Every run of `size` consecutive words in `text`, in order."""
    found = words(text)
    return [tuple(found[index : index + size]) for index in range(len(found) - size + 1)]


def fingerprint(run: Sequence[str]) -> str:
    """A short, stable fingerprint of one run of words."""
    return hashlib.blake2b(" ".join(run).encode(), digest_size=8).hexdigest()


def fingerprints(text: str, size: int = RUN_WORDS) -> set[str]:
    """The fingerprint of every run of `size` words in `text`."""
    return {fingerprint(run) for run in runs(text, size)}


@cache
def guide_fingerprints() -> frozenset[str]:
    """The guide's fingerprints, from the file kept with the tests."""
    lines = FINGERPRINTS.read_text("utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def copied_runs(text: str, known: Iterable[str], size: int = RUN_WORDS) -> list[str]:
    """Each run of `size` words in `text` whose fingerprint is in `known`, as words."""
    known = set(known)
    return [" ".join(run) for run in runs(text, size) if fingerprint(run) in known]


def write_fingerprints(guide: Path, out: Path = FINGERPRINTS) -> int:
    """Write the guide's fingerprints, sorted, one a line; returns how many."""
    found = sorted(fingerprints(guide.read_text("utf-8")))
    header = (
        f"# Fingerprints of every run of {RUN_WORDS} words in the no-contact guide.\n"
        "# Made by tests/copy_check.py; see its docstring.\n"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(header + "\n".join(found) + "\n", "utf-8")
    return len(found)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m tests.copy_check path/to/no-contact-guide.txt")
    count = write_fingerprints(Path(sys.argv[1]))
    print(f"{count} fingerprints written to {FINGERPRINTS}")
