"""Write the JSON copy of each TOML file in nctui/data that the first screens read.

Usage: uv run python devtools/data_json.py

The day card is drawn on the first screen, and parsing its TOML there costs more than
drawing the card (see nctui.domain.data_files). tests/test_data_json.py checks each copy
still holds exactly what its TOML does, so run this again after editing those files.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from nctui.domain.data_files import json_copy_path, shipped_text

COPIED = ("cards.toml", "prompts.toml")
"""The TOML files read through their JSON copy (`shipped_entries`)."""


def copy_text(name: str) -> str:
    """The JSON copy of the TOML file `name`, as it should be shipped."""
    tables = tomllib.loads(shipped_text(name))
    return json.dumps(tables, ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    """Write every copy."""
    for name in COPIED:
        path = Path(json_copy_path(name))
        path.write_text(copy_text(name), encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
