"""Two windows, two processes, one data file taken away and damaged under them.

Each window is a real process holding a repository, told step by step what to do, so
the races are played out exactly, with no timing luck: a window saves, the file is
deleted or overwritten, the other window notices first and writes back its own copy.
Whatever the order, no change a window had saved is lost from the file or either window.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from nctui.domain.clock import ManualClock
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.repository import Repository

pytestmark = pytest.mark.faults

SEED = 1400

WINDOW = """
import sys
from datetime import datetime, timezone
from pathlib import Path
from nctui.domain.ledger import Kind, LedgerEvent
from nctui.storage.ledger_store import event_op, load_events
from nctui.storage.repository import Repository

now = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
repository = Repository.open(Path(sys.argv[1]), lambda: now)
for line in sys.stdin:
    command, _, argument = line.strip().partition(" ")
    if command == "add":
        repository.apply(event_op(LedgerEvent(argument, Kind.URGE, now, now)))
        assert repository.flush() == []
    elif command == "poll":  # what the app does every two seconds
        if repository.changed_elsewhere():
            snapshot = repository.read_for_reload()
            if snapshot is not None:
                repository.swap_in(snapshot)
        repository.flush()
    elif command == "ids":
        print(" ".join(sorted(event.id for event in load_events(repository))))
    print("ok", flush=True)
repository.close()
"""


class Window:
    """One nctui window in its own process."""

    def __init__(self, data_dir: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(WINDOW), str(data_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def do(self, command: str) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        answer = ""
        while (line := self.process.stdout.readline().strip()) != "ok":
            assert line or self.process.poll() is None, "the window stopped"
            answer = line
        return answer

    def ids(self) -> list[str]:
        return sorted(self.do("ids").split())

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        assert self.process.wait(timeout=60) == 0


def _ids_on_disk(data_dir: Path) -> list[str]:
    data = json.loads((data_dir / DATA_FILE_NAME).read_text())
    return sorted(doc["id"] for doc in data.get("events", {}).values())


def _damage(data_dir: Path, how: str) -> None:
    path = data_dir / DATA_FILE_NAME
    if how == "delete":
        path.unlink(missing_ok=True)
    else:
        path.write_bytes(b"\x00 not json")


@pytest.fixture
def windows(data_dir: Path, clock: ManualClock) -> Iterator[list[Window]]:
    Repository.open(data_dir, clock).close()
    opened = [Window(data_dir), Window(data_dir)]
    yield opened
    for window in opened:
        window.close()


@pytest.mark.parametrize("how", ["delete", "garbage"])
def test_the_window_that_notices_first_never_drops_the_others_save(
    data_dir: Path, windows: list[Window], how: str
) -> None:
    window_a, window_b = windows
    window_a.do("add from-a")
    window_b.do("poll")
    window_b.do("add from-b")
    _damage(data_dir, how)
    window_a.do("poll")  # A notices first and writes back its copy, without B's save
    window_b.do("poll")  # B must not take that copy: it writes its save back in
    window_a.do("poll")
    assert _ids_on_disk(data_dir) == ["from-a", "from-b"]
    assert window_a.ids() == window_b.ids() == ["from-a", "from-b"]


def test_a_seeded_storm_of_saves_deletions_and_damage_loses_nothing(
    data_dir: Path, windows: list[Window]
) -> None:
    rng = random.Random(SEED)
    saved: list[str] = []
    for step in range(60):
        roll = rng.random()
        window = rng.choice(windows)
        if roll < 0.5:
            window.do(f"add s{step}")
            saved.append(f"s{step}")
        elif roll < 0.65:
            _damage(data_dir, rng.choice(["delete", "garbage"]))
        else:
            window.do("poll")
    for _ in range(3):  # both windows catch up, as they do within a few seconds
        for window in windows:
            window.do("poll")
    assert _ids_on_disk(data_dir) == sorted(saved)
    assert windows[0].ids() == windows[1].ids() == sorted(saved)
