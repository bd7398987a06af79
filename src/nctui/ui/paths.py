"""Paths as a person reads them."""

from __future__ import annotations

from pathlib import Path


def display_path(path: Path) -> str:
    """`path` with the home folder written as ~, as people type it."""
    try:
        return "~/" + path.relative_to(Path.home()).as_posix()
    except ValueError:
        return str(path)
