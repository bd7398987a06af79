"""What encryption at rest costs the app: opening (the key derivation included) and one
save, on a sealed data file against a plain one, at 1,000 and 10,000 stored records.

Run through benchmarks/run.py (`--only privacy`). Figures and ratios are printed, never
asserted. The key is made at the default cost, as on a person's machine.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from nctui.domain.clock import fixed_clock
from nctui.storage.atomic_file import atomic_write_bytes, dump
from nctui.storage.crypto.cost import DEFAULT_COST
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.migrations import new_data
from nctui.storage.ops import Insert, new_id
from nctui.storage.repository import Repository
from nctui.storage.sealing import make_key
from timing import median_seconds

PASSPHRASE = "a benchmark passphrase, long enough"
COUNTS = (1_000, 10_000)


def _folder(root: Path, count: int, now: datetime, *, sealed: bool) -> Path:
    data_dir = root / f"{'sealed' if sealed else 'plain'}-{count}"
    data_dir.mkdir()
    data = new_data(now)
    data["events"] = {
        str(i): {"id": new_id(), "kind": "urge", "at": now.isoformat(), "note": "a few words"}
        for i in range(1, count + 1)
    }
    key = make_key(PASSPHRASE) if sealed else None
    atomic_write_bytes(data_dir / DATA_FILE_NAME, dump(data, key))
    return data_dir


def _open_seconds(data_dir: Path, now: datetime, repeat: int, *, sealed: bool) -> float:
    passphrase = PASSPHRASE if sealed else None

    def opened() -> None:
        Repository.open(data_dir, fixed_clock(now), passphrase=passphrase).close()

    return median_seconds(opened, repeat)


def _save_seconds(data_dir: Path, now: datetime, repeat: int, *, sealed: bool) -> float:
    passphrase = PASSPHRASE if sealed else None
    repository = Repository.open(data_dir, fixed_clock(now), passphrase=passphrase)

    def saved() -> None:
        repository.apply(Insert("events", {"id": new_id(), "kind": "urge", "at": now.isoformat()}))
        repository.flush()

    saved()  # the day's first save also keeps a backup: not what is measured here
    seconds = median_seconds(saved, repeat)
    repository.close()
    return seconds


def privacy(now: datetime, repeat: int) -> None:
    """Print opening and saving, sealed against plain, with their ratios."""
    print(f"\nEncryption at rest: sealed against plain data file ({DEFAULT_COST.describe()})")
    print(
        f"  {'records':>8}  {'open plain':>11}  {'open sealed':>12}  {'ratio':>6}"
        f"  {'save plain':>11}  {'save sealed':>12}  {'ratio':>6}"
    )
    for count in COUNTS:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            plain, sealed = (
                _folder(root, count, now, sealed=False),
                _folder(root, count, now, sealed=True),
            )
            open_plain = _open_seconds(plain, now, repeat, sealed=False)
            open_sealed = _open_seconds(sealed, now, max(3, repeat // 3), sealed=True)
            save_plain = _save_seconds(plain, now, repeat, sealed=False)
            save_sealed = _save_seconds(sealed, now, repeat, sealed=True)
        print(
            f"  {count:>8,}  {open_plain * 1000:8.1f} ms  {open_sealed * 1000:9.1f} ms"
            f"  {open_sealed / open_plain:5.1f}x  {save_plain * 1000:8.2f} ms"
            f"  {save_sealed * 1000:9.2f} ms  {save_sealed / save_plain:5.2f}x"
        )
    print(
        "  (Opening a sealed file derives the key once: slow on purpose, so each guess at a\n"
        "  stolen file's passphrase costs as much. Saves only seal: no key is derived. A plain\n"
        "  save also keeps the status summary, which a sealed one leaves out by default.)"
    )
