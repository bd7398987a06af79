"""Killed mid-save, again and again: the file always reads, nothing acknowledged is lost.

A separate process saves as fast as it can and says which changes are safely on disk;
it is killed (SIGKILL, no chance to tidy up) at a point chosen by a seeded random
number, many times over. After each kill the file must parse, open without being moved
aside, and hold every change the process had acknowledged.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from nctui.domain.clock import ManualClock
from nctui.storage.ledger_store import load_events
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.repository import Repository

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only"),
]

KILLS = 40
SEED = 20261126

WRITER = """
import sys
from datetime import datetime, timezone
from pathlib import Path
from nctui.storage.ledger_store import event_op
from nctui.domain.ledger import Kind, LedgerEvent

from nctui.storage.repository import Repository

now = datetime(2026, 11, 26, 9, 30, tzinfo=timezone.utc)
run = sys.argv[2]
repository = Repository.open(Path(sys.argv[1]), lambda: now)
index = 0
while True:
    for _ in range(index % 4 + 1):
        index += 1
        event = LedgerEvent(f"{run}-{index}", Kind.URGE, now, now, note="x" * (index % 50))
        repository.apply(event_op(event))
    if repository.flush() == []:
        print(index, flush=True)  # every change up to here is on disk
"""


def _kill_after(data_dir: Path, run: int, acknowledgements: int) -> list[str]:
    """Start a writer, kill it once it has acknowledged that many saves; the ids it had
    acknowledged by then."""
    writer = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(WRITER), str(data_dir), str(run)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    acknowledged = 0
    for _ in range(acknowledgements):
        line = writer.stdout.readline()
        assert line, "the writer stopped on its own"
        acknowledged = int(line)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=60)
    return [f"{run}-{index}" for index in range(1, acknowledged + 1)]


def test_kill_9_during_saves_never_loses_or_damages_anything(
    data_dir: Path, clock: ManualClock
) -> None:
    Repository.open(data_dir, clock).close()
    rng = random.Random(SEED)
    acknowledged: list[str] = []
    for run in range(KILLS):
        acknowledged += _kill_after(data_dir, run, rng.randint(1, 12))
        json.loads((data_dir / DATA_FILE_NAME).read_text())  # whole, never half written
        repository = Repository.open(data_dir, clock)
        report = repository.report
        ids = {event.id for event in load_events(repository)}
        repository.close()
        assert report.moved_aside is None and report.damage is None, run
        missing = [event_id for event_id in acknowledged if event_id not in ids]
        assert not missing, f"run {run} lost {missing[:5]}"
    assert not list(data_dir.glob(f"{DATA_FILE_NAME}.corrupt-*"))
    # Interrupted saves may leave temporary files; once stale, the next start removes them.
    litter = list(data_dir.glob(".nctui.json.*.tmp"))
    for path in litter:
        os.utime(path, (time.time() - 3600,) * 2)
    Repository.open(data_dir, clock).close()
    assert not list(data_dir.glob(".nctui.json.*.tmp"))
