"""The SOS moment: slowing down when the urge to get in touch is strong."""

from __future__ import annotations

from datetime import datetime, timedelta

from nctui.domain.errors import AnswerError
from nctui.domain.text import LONG_TEXT_MAX_CHARS, clean_text

DEFAULT_DELAY_MINUTES = 10
MIN_DELAY_MINUTES = 1
MAX_DELAY_MINUTES = 60

DEFAULT_REASONS = (
    "I am doing this to heal, not to wait.\n"
    "Every day without contact is a day I chose myself.\n"
    "Whatever I would say now, I can still say later, calmer."
)

BREATH = (("Breathe in", 4), ("Hold", 4), ("Breathe out", 6))
"""A slow breath: in for four, hold for four, out for six."""

SAFETY_LINE = (
    "If you feel unsafe, or fear you might hurt yourself, contact your local emergency "
    "services or someone you trust now."
)


def breath_step(elapsed: timedelta) -> tuple[str, int]:
    """Which part of the breath `elapsed` falls in, and the seconds left in that part."""
    cycle = sum(seconds for _, seconds in BREATH)
    position = int(elapsed.total_seconds()) % cycle
    for label, seconds in BREATH:
        if position < seconds:
            return label, seconds - position
        position -= seconds
    raise AssertionError("unreachable: position is always inside the cycle")


def wait_left(opened: datetime, now: datetime, delay_minutes: int) -> timedelta:
    """Time left of the wait chosen when the SOS opened (never negative)."""
    return max(timedelta(0), opened + timedelta(minutes=delay_minutes) - now)


def clamp_delay(minutes: int) -> int:
    """A wait from one minute to an hour."""
    return max(MIN_DELAY_MINUTES, min(MAX_DELAY_MINUTES, minutes))


WAIT_STEPS: tuple[int, ...] = (1, *range(5, MAX_DELAY_MINUTES + 1, 5))
"""The waits + and − move through: one minute, then whole fives up to an hour."""


def longer_wait(minutes: int) -> int:
    """The next wait up from `minutes` (an hour at most)."""
    return next((step for step in WAIT_STEPS if step > minutes), WAIT_STEPS[-1])


def shorter_wait(minutes: int) -> int:
    """The next wait down from `minutes` (one minute at least)."""
    return next((step for step in reversed(WAIT_STEPS) if step < minutes), WAIT_STEPS[0])


def check_reasons(text: str) -> str:
    """The person's reasons, cleaned; AnswerError if longer than any long text may be."""
    cleaned = clean_text(text)
    if len(cleaned) > LONG_TEXT_MAX_CHARS:
        raise AnswerError(
            f"That is {len(cleaned):,} characters; your reasons hold up to "
            f"{LONG_TEXT_MAX_CHARS:,}, like a journal entry. They are still in the box: "
            "the few that matter most are enough."
        )
    return cleaned


def moment_warnings(now: datetime, drinking: bool) -> list[str]:
    """What to keep in mind right now, given the hour and whether drink is involved."""
    warnings = []
    if now.hour >= 22 or now.hour < 6:
        warnings.append(
            "It is late. Things written at night often read very differently in the "
            "morning; let this wait until then."
        )
    if drinking:
        warnings.append(
            "You have been drinking: messages sent now are the ones most often "
            "regretted. Put the phone in another room."
        )
    return warnings


QUICK_IDEAS = (
    "Put the phone in another room and make a cup of tea, slowly.",
    "Walk around the block without your phone. Ten minutes is enough.",
    "Call or message a friend, and talk about anything but them.",
    "Write what you want to say in your journal instead. It stays with you.",
    "Take a hot shower and let the feeling pass through.",
    "Put on one song you love, loud, and move.",
    "Do ten slow stretches, one breath each.",
    "Step outside and name five things you can see.",
)


def idea_for(now: datetime) -> str:
    """Something to do right now, instead; changes every few minutes."""
    return QUICK_IDEAS[(now.hour * 60 + now.minute) // 5 % len(QUICK_IDEAS)]
