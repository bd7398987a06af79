"""What the app writes to the terminal, byte for byte, for tests to read back.

Textual's headless driver draws nothing. This one claims to be a real terminal, so the
app renders every frame exactly as it would for a person, and keeps what it wrote.
"""

from __future__ import annotations

from textual.drivers.headless_driver import HeadlessDriver


class RecordingDriver(HeadlessDriver):
    """A headless driver that keeps every frame the app sends to the terminal."""

    written: list[str]
    """Everything written since the class was last reset (one app at a time)."""

    @property
    def is_headless(self) -> bool:
        """Not headless: the app then writes its frames through `write`."""
        return False

    def write(self, data: str) -> None:
        """Keep what the app sends to the terminal."""
        RecordingDriver.written.append(data)


RecordingDriver.written = []


def recorded() -> str:
    """Everything the app has written to the terminal since `reset`."""
    return "".join(RecordingDriver.written)


def reset() -> None:
    """Forget what was written so far."""
    RecordingDriver.written = []
