"""A real nctui process in a pseudo-terminal, for what only a real process shows
(a hang-up signal, a closed terminal). POSIX only."""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import time
from collections.abc import Sequence
from types import TracebackType

# Escape sequences Textual writes (cursor moves, colours, modes): removed before looking
# for text, so a word drawn in colour is still found.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


class Terminal:
    """Runs a command in a pseudo-terminal of `size`, and reads what it draws.

    Every wait has a deadline, so a test fails instead of hanging; none waits longer
    than it must (it returns as soon as the text is there).
    """

    def __init__(self, argv: Sequence[str], size: tuple[int, int] = (80, 24)) -> None:
        self._argv = list(argv)
        self._size = size
        self._master = -1
        self._process: subprocess.Popen[bytes] | None = None
        self._seen = ""

    def __enter__(self) -> Terminal:
        import fcntl
        import pty
        import struct
        import termios

        master, slave = pty.openpty()
        columns, rows = self._size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self._process = subprocess.Popen(
            self._argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,
            env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "", "LINES": ""},
        )
        os.close(slave)
        self._master = master
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        if self._master >= 0:
            os.close(self._master)
            self._master = -1

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self._master], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self._master, 65536)
        except OSError:  # the process has gone and the terminal with it
            return False
        if not chunk:
            return False
        self._seen += _ESCAPES.sub("", chunk.decode("utf-8", "replace"))
        return True

    def wait_for(self, text: str, timeout: float = 30.0) -> None:
        """Read what is drawn until `text` appears; AssertionError after `timeout`."""
        deadline = time.monotonic() + timeout
        while text not in self._seen:
            left = deadline - time.monotonic()
            if left <= 0 or not self._read(min(left, 0.5)):
                raise AssertionError(f"{text!r} never appeared; last seen: {self._seen[-400:]!r}")
        # Later waits look only at what is drawn from now on.
        self._seen = self._seen[self._seen.index(text) + len(text) :]

    def send(self, keys: str) -> None:
        """Type `keys`, as a person would."""
        os.write(self._master, keys.encode())

    def hang_up(self) -> None:
        """Send the process the signal a closed terminal sends."""
        assert self._process is not None
        os.kill(self._process.pid, signal.SIGHUP)

    def wait_exit(self, timeout: float = 30.0) -> int:
        """Wait for the process to end, reading its output meanwhile; its exit code."""
        assert self._process is not None
        deadline = time.monotonic() + timeout
        while self._process.poll() is None:
            if time.monotonic() > deadline:
                raise AssertionError("the process did not end")
            if not self._read(0.2):
                break
        return self._process.wait(timeout=max(0.0, deadline - time.monotonic()) + 1)
