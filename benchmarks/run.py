"""nctui's benchmarks, printed side by side with a bare Textual app measured in the same run.

Usage: uv run python benchmarks/run.py [--runs N]
       [--only startup|status|writes|redraw|keys|privacy]

1. Start-up: median time from process start to the first painted screen, and peak
   memory, for nctui on 10 years of sample history and for a one-Static Textual app.
   Runs alternate between the two so that machine noise hits both alike.
2. Writes: what one saved change costs as the data file grows, on the writer thread,
   against what the keypress that made it waits for (the in-memory change only).
3. Redraw: a saved change until the screen is idle again, with every screen open, on
   10 years of history, against a bare app updating one Static (benchmarks/redraw.py).
4. Keys: typical keys on the countdown, journal and activities screens, and coming back
   to a screen, each timed until its last frame is painted (benchmarks/keys.py).
5. Privacy: opening a sealed data file (the key derivation included) and one save,
   against a plain one, at 1,000 and 10,000 records (benchmarks/privacy.py).

Figures are printed, never asserted: timings belong here, not in the tests.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from nctui.domain.clock import fixed_clock
from nctui.storage.atomic_file import atomic_write_bytes, encode
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.migrations import new_data
from nctui.storage.ops import Insert, new_id
from nctui.storage.repository import Repository

# Run as a script: its neighbours and the checkout's devtools (not installed) import.
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))
from devtools.sample import write_sample_history
from keys import keys
from privacy import privacy
from redraw import redraw
from timing import median_seconds

HERE = Path(__file__).parent
NOW = datetime(2026, 11, 26, 9, 30, tzinfo=ZoneInfo("Europe/London"))
HISTORY_YEARS = 10


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    # Cached bytecode, as on a person's machine after the first run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def time_first_paint(args: list[str]) -> tuple[float, int, dict[str, float]]:
    """Seconds from spawning the process to its first paint, its peak RSS in KiB, and
    the child's own measure of each phase of its start-up (milliseconds, or counts for
    names ending in '#')."""
    command = [sys.executable, str(HERE / "first_paint.py"), *args]
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=_child_env())
    assert child.stdout is not None
    said = child.stdout.readline().split()
    elapsed = time.perf_counter() - started
    phases = dict(word.split("=") for word in child.stdout.readline().split()[1:])
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if not said or said[0] != "painted" or child.returncode != 0:
        raise SystemExit(f"{args[0]} did not start cleanly (exit {child.returncode})")
    rss = int(said[1]) if len(said) > 1 else usage.ru_maxrss
    return elapsed, rss, {name: float(value) for name, value in phases.items()}


# The phases first_paint.py measures, in the order they happen, and what they hold.
PHASES = {
    "textual_imports": "textual.app and textual.widgets",
    "nctui_imports": "nctui's app, screens, coach (beyond Textual)",
    "read_decode": "data file read and JSON decoded",
    "entries_checked": "every entry checked against its shape",
    "open": "opening the data and building the app, all in (the two above too)",
    "stylesheet": "stylesheet parses, inside the run",
    "figlet": "figlet lettering drawn (pyfiglet only if not drawn ahead)",
    "run": "run to first paint (compose, layout, paint), all in",
}


def _breakdown(phases: dict[str, list[dict[str, float]]]) -> None:
    """Print the median of each phase for nctui and the bare app, and the difference."""
    print("  where the time goes, measured inside each process (medians, ms):")
    print(f"    {'phase':<16}{'nctui':>8}{'bare':>8}{'extra':>8}  what")
    for phase, what in PHASES.items():
        mine = statistics.median(run.get(phase, 0.0) for run in phases["nctui"])
        bare = statistics.median(run.get(phase, 0.0) for run in phases["bare"])
        counts = [run.get(f"{phase}#", 0.0) for run in phases["nctui"]]
        counted = f" ({statistics.median(counts):.0f}x)" if any(counts) else ""
        print(f"    {phase:<16}{mine:8.1f}{bare:8.1f}{mine - bare:+8.1f}  {what}{counted}")
    bare_parses = statistics.median(run.get("stylesheet#", 0.0) for run in phases["bare"])
    print(f"    (the bare app parses its stylesheet {bare_parses:.0f}x)")


def startup(runs: int) -> None:
    """Print the start-up comparison."""
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        path = write_sample_history(data_dir, NOW, HISTORY_YEARS)
        size_kib = path.stat().st_size / 1024
        apps = {
            "bare": ["bare"],
            "bare-paused": ["bare-paused"],
            "nctui": ["nctui", str(data_dir)],
        }
        for args in apps.values():  # warm-up: compile and cache bytecode
            time_first_paint(args)
        seconds: dict[str, list[float]] = {name: [] for name in apps}
        memory: dict[str, list[int]] = {name: [] for name in apps}
        phases: dict[str, list[dict[str, float]]] = {name: [] for name in apps}
        for _ in range(runs):
            for name, args in apps.items():
                elapsed, rss, measured = time_first_paint(args)
                seconds[name].append(elapsed)
                memory[name].append(rss)
                phases[name].append(measured)

    print(f"Start-up to first paint: {runs} alternating runs each, medians")
    print(f"  nctui data: {HISTORY_YEARS} years of sample history, {size_kib:,.0f} KiB")
    for name in apps:
        print(
            f"  {name:<11} {statistics.median(seconds[name]) * 1000:7.1f} ms"
            f"   peak RSS {statistics.median(memory[name]) / 1024:6.1f} MiB"
        )
    time_ratio = statistics.median(seconds["nctui"]) / statistics.median(seconds["bare"])
    rss_ratio = statistics.median(memory["nctui"]) / statistics.median(memory["bare"])
    print(
        f"  ratio nctui/bare: time {time_ratio:.2f}x (target <= 1.2x), "
        f"memory {rss_ratio:.2f}x (target <= 1.3x)"
    )
    paused_ratio = statistics.median(seconds["nctui"]) / statistics.median(seconds["bare-paused"])
    print(
        f"  (bare-paused is the bare app with nctui's garbage-collector pause; "
        f"nctui/bare-paused: {paused_ratio:.2f}x)"
    )
    _breakdown(phases)


def _alternating_runs(commands: dict[str, list[str]], repeat: int) -> dict[str, list[float]]:
    """Seconds of each run of each command, the commands taking turns round by round so
    that a busy moment on the machine hits them alike."""
    env = _child_env()
    for command in commands.values():  # warm-up
        subprocess.run(command, env=env, capture_output=True, check=True)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            started = time.perf_counter()
            subprocess.run(command, env=env, capture_output=True, check=True)
            samples[name].append(time.perf_counter() - started)
    return samples


def _leave_as_the_app_does(data_dir: Path) -> None:
    """Make one change through the writer, which keeps the status summary beside the file."""
    repository = Repository.open(data_dir, fixed_clock(NOW))
    repository.apply(Insert("events", {"id": new_id(), "kind": "urge", "at": NOW.isoformat()}))
    repository.close()


def status_speed(runs: int) -> None:
    """Print how `nctui status` compares with an empty Python start, in the same run."""
    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "small"
        ten_years = Path(folder) / "ten"
        whole = Path(folder) / "whole"
        write_sample_history(small, NOW, 0.1)
        write_sample_history(ten_years, NOW, HISTORY_YEARS)
        write_sample_history(whole, NOW, HISTORY_YEARS)
        _leave_as_the_app_does(small)
        _leave_as_the_app_does(ten_years)
        python = [sys.executable]
        status = [*python, "-m", "nctui", "--data-dir"]
        samples = _alternating_runs(
            {
                "python -c pass": [*python, "-c", "pass"],
                "stdlib floor (json, datetime, zoneinfo)": [
                    *python,
                    "-c",
                    "import json, datetime, zoneinfo",
                ],
                "nctui status, a few weeks of data": [*status, str(small), "status"],
                "nctui status, 10 years of data": [*status, str(ten_years), "status"],
                "  the same, reading the whole file": [*status, str(whole), "status"],
            },
            runs,
        )
    base = samples["python -c pass"]
    print(f"\n`nctui status` against `python -c pass`: {runs} alternating runs each, medians")
    print(f"  {'':<42} {'time':>10}  {'ratio':>6}  (median of the round-by-round ratios)")
    for name, seconds in samples.items():
        ratio = statistics.median(mine / pass_ for mine, pass_ in zip(seconds, base, strict=True))
        print(f"  {name:<42} {statistics.median(seconds) * 1000:7.1f} ms  {ratio:5.2f}x")
    print(
        "  (target: at most 3x. Data as the app leaves it, with its status summary; the\n"
        "  whole file is read after a hand edit or an older nctui's write. The floor line\n"
        "  shows what three standard-library imports alone cost.)"
    )


def writes(repeat: int) -> None:
    """Print what one saved change costs at 100, 1,000 and 10,000 stored records."""
    print("\nOne saved change, by records already stored (medians)")
    print(f"  {'records':>8}  {'keypress waits':>15}  {'disk write (writer thread)':>27}")
    for count in (100, 1_000, 10_000):
        with tempfile.TemporaryDirectory() as folder:
            data_dir = Path(folder)
            data = new_data(NOW)
            data["events"] = {
                str(i): {"id": new_id(), "kind": "urge", "at": NOW.isoformat()}
                for i in range(1, count + 1)
            }
            atomic_write_bytes(data_dir / DATA_FILE_NAME, encode(data))
            on_key, on_disk = _write_costs(Repository.open(data_dir, fixed_clock(NOW)), repeat)
        print(f"  {count:>8,}  {on_key * 1000:12.2f} ms  {on_disk * 1000:24.2f} ms")


def _write_costs(repository: Repository, repeat: int) -> tuple[float, float]:
    """Median seconds a keypress waits for one change, and one change takes to reach disk."""

    def change() -> Insert:
        return Insert("events", {"id": new_id(), "kind": "urge", "at": NOW.isoformat()})

    def keypress() -> None:
        repository.apply(change())

    def saved() -> None:
        repository.apply(change())
        repository.flush()

    on_key = median_seconds(keypress, repeat)
    repository.flush()
    on_disk = median_seconds(saved, repeat)
    repository.close()
    return on_key, on_disk


def main() -> None:
    """Run every benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--runs", type=int, default=7, help="runs of each app (default 7)")
    parser.add_argument(
        "--only",
        choices=["startup", "status", "writes", "redraw", "keys", "privacy"],
        action="append",
        help="run only these benchmarks (may be given more than once)",
    )
    options = parser.parse_args()
    runs = max(options.runs, 5)
    benchmarks: dict[str, Callable[[], None]] = {
        "startup": lambda: startup(runs),
        "status": lambda: status_speed(runs * 2),
        "writes": lambda: writes(repeat=15),
        "redraw": lambda: redraw(NOW, HISTORY_YEARS, repeat=15),
        "keys": lambda: keys(NOW, HISTORY_YEARS, rounds=12),
        "privacy": lambda: privacy(NOW, repeat=15),
    }
    for name, benchmark in benchmarks.items():
        if not options.only or name in options.only:
            benchmark()


if __name__ == "__main__":
    main()
