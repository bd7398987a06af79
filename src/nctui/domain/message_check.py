"""The first-message check: flags what might make a first message land badly, and why.

It runs offline on simple, readable rules, so every flag can explain itself: a length,
a phrase found, a count of exclamation marks, the hour. It never rewrites the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

MAX_CHARS = 280
MAX_SENTENCES = 4

PRESSURE_PHRASES: tuple[str, ...] = (
    "back together",
    "another chance",
    "second chance",
    "try again",
    "give us",
    "give me a chance",
    "we should get back",
    "we should try",
    "we should give",
    "need you back",
    "want you back",
    "come back to me",
    "belong together",
    "meant to be",
    "you need to",
    "you have to",
    "you owe me",
    "why won't you",
    "why didn't you",
    "please answer",
    "please reply",
    "answer me",
    "reply to me",
    "i need you",
    "come back",
    "last chance",
    "if you don't",
    "or else",
)
"""Asking to reconcile, or leaning on them to respond."""

EMOTION_WORDS: tuple[str, ...] = (
    "love you",
    "miss you",
    "heartbroken",
    "devastated",
    "broken",
    "crying",
    "cried",
    "can't stop thinking",
    "cannot stop thinking",
    "can't live",
    "cannot live",
    "hurts",
    "pain",
    "desperate",
    "alone",
    "regret",
    "soulmate",
)
"""Words that make a first message heavy."""

COMMON_CAPS = frozenset({"LOL", "ASAP", "FYI", "BTW", "USA", "NYC", "BBQ", "DIY", "FAQ"})
"""Words written in capitals that are not shouting."""
EMOTION_LIMIT = 2
EXCLAMATION_LIMIT = 2


class Flag(StrEnum):
    """Something worth reconsidering in a first message."""

    TOO_LONG = "too_long"
    PRESSURE = "pressure"
    EMOTIONAL = "emotional"
    LATE = "late"


FLAG_TITLES: dict[Flag, str] = {
    Flag.TOO_LONG: "Too long",
    Flag.PRESSURE: "Puts pressure on them",
    Flag.EMOTIONAL: "Heavy with feeling",
    Flag.LATE: "Late at night",
}


@dataclass(frozen=True)
class Finding:
    """One flag and the reason for it, in plain words."""

    flag: Flag
    reason: str


def _found(text: str, phrases: tuple[str, ...]) -> list[str]:
    lowered = text.lower().replace("’", "'")
    return [phrase for phrase in phrases if re.search(rf"\b{re.escape(phrase)}\b", lowered)]


def _sentences(text: str) -> int:
    return len([part for part in re.split(r"[.!?]+", text) if part.strip()])


def check_message(text: str, now: datetime) -> list[Finding]:
    """Every flag the draft raises, each with its reason; empty when it reads well."""
    findings = []
    cleaned = " ".join(text.split())
    sentences = _sentences(cleaned)
    if len(cleaned) > MAX_CHARS or sentences > MAX_SENTENCES:
        size = (
            f"{len(cleaned)} characters" if len(cleaned) > MAX_CHARS else f"{sentences} sentences"
        )
        findings.append(
            Finding(
                Flag.TOO_LONG,
                f"It runs to {size}. After a long silence, aim for under {MAX_CHARS} "
                "characters, two or three sentences.",
            )
        )
    pressure = _found(cleaned, PRESSURE_PHRASES)
    if pressure:
        findings.append(
            Finding(
                Flag.PRESSURE,
                f"“{pressure[0]}” leans on them. Keep a first message free of pressure: "
                "no talk of getting back together, no reply demanded.",
            )
        )
    emotion = _found(cleaned, EMOTION_WORDS)
    exclamations = cleaned.count("!")
    shouted = [word for word in re.findall(r"\b[A-Z]{3,}\b", cleaned) if word not in COMMON_CAPS]
    if len(emotion) >= EMOTION_LIMIT or exclamations > EXCLAMATION_LIMIT or shouted:
        signs = [f"“{word}”" for word in emotion[:3]] if len(emotion) >= EMOTION_LIMIT else []
        if exclamations > EXCLAMATION_LIMIT:
            signs.append(f"{exclamations} exclamation marks")
        if shouted:
            signs.append("words in capitals")
        findings.append(
            Finding(
                Flag.EMOTIONAL,
                f"It carries a lot of feeling ({', '.join(signs)}). Keep it light; the heavy "
                "talk can come later, in person, if you both want it.",
            )
        )
    if now.hour >= 22 or now.hour < 6:
        findings.append(
            Finding(
                Flag.LATE,
                f"It is {now:%H:%M}. Messages sent late are easy to regret. Wait, and "
                "read it again in daylight.",
            )
        )
    return findings


def first_message_example() -> str:
    """A short, calm first message the person can start from."""
    return (
        "Hi, I hope you've been well. I've been thinking of you kindly. "
        "Would you like to get a coffee sometime?"
    )
