"""What encryption at rest costs: the slow key derivation once, then each seal and unseal.

Usage: uv run python benchmarks/sealed.py [--repeat N]

1. Deriving the key with the default settings: paid once when a sealed file is opened
   (and when a passphrase is set), never on a save. Aimed at 0.25-0.5 s.
2. Sealing and unsealing payloads of 100 KB and 1.2 MB with a key already made, beside
   serialising the same data to JSON, which every save pays anyway.

Figures are printed, never asserted. Nothing here touches the disk.
"""

from __future__ import annotations

import argparse
import functools
import json
from typing import Any

from nctui.storage.crypto.cost import DEFAULT_COST
from nctui.storage.crypto.sealed_file import SealKey, derive, new_params, seal, unseal
from timing import median_seconds

PASSPHRASE = "a benchmark passphrase, long enough"
SIZES = (("100 KB", 100_000), ("1.2 MB", 1_200_000))


def _data_of_size(size: int) -> dict[str, Any]:
    """Ledger-like records, enough for about `size` bytes of compact JSON."""
    record = {
        "id": "a1b2c3d4e5f6",
        "kind": "urge",
        "at": "2026-11-26T09:30:00+00:00",
        "note": "Wanted to text. Went for a walk by the river instead.",
    }
    per_record = len(_encode({"1": record})) + 1
    count = max(1, size // per_record)
    return {"events": {str(i): dict(record, id=f"{i:012x}") for i in range(1, count + 1)}}


def _encode(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def derive_time(runs: int = 5) -> float:
    """Median seconds to derive a key with the default settings."""
    return median_seconds(lambda: derive(PASSPHRASE, new_params()), runs)


def seal_times(key: SealKey, payload: bytes, repeat: int) -> tuple[float, float]:
    """Median seconds to seal, and to unseal, `payload` with a key already made."""
    blob = seal(payload, key)
    return (
        median_seconds(lambda: seal(payload, key), repeat),
        median_seconds(lambda: unseal(blob, key), repeat),
    )


def sealed_benchmark(repeat: int = 30) -> None:
    """Print what sealing costs: the key derivation, then sealing per payload size."""
    print(f"Sealed file: key derivation ({DEFAULT_COST.describe()}), median of 5")
    print(f"  derive the key once per open    {derive_time() * 1000:8.1f} ms")
    key = derive(PASSPHRASE, new_params())
    print(f"\nSealed file: one save or read with the key in hand, medians of {repeat}")
    print(f"  {'payload':>8}  {'to JSON':>10}  {'seal':>10}  {'unseal':>10}")
    for label, size in SIZES:
        data = _data_of_size(size)
        payload = _encode(data)
        to_json = median_seconds(functools.partial(_encode, data), repeat)
        sealing, unsealing = seal_times(key, payload, repeat)
        print(
            f"  {label:>8}  {to_json * 1000:7.2f} ms  {sealing * 1000:7.2f} ms"
            f"  {unsealing * 1000:7.2f} ms"
        )


def main() -> None:
    """Run the benchmark alone."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--repeat", type=int, default=30, help="runs of each step (default 30)")
    sealed_benchmark(max(1, parser.parse_args().repeat))


if __name__ == "__main__":
    main()
