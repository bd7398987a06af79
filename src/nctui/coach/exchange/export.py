"""Exports: everything as JSON (lossless), a readable Markdown document, or CSV rows.

The JSON export is canonical: tables in name order, entries in the order they were
stored, keys sorted. Export, import into an empty folder and export again gives the
same bytes. Drafts (words not saved yet) and the file's own version mark stay out: a
draft belongs to the window it was typed in, and the version is written once, on top.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nctui.domain.triggers import triggers_text
from nctui.storage.atomic_file import atomic_write_bytes, read_file
from nctui.storage.location import DATA_FILE_NAME, ensure_data_dir
from nctui.storage.migrations import CURRENT_SCHEMA_VERSION, META_TABLE
from nctui.storage.settings import OWN_SETTINGS, SETTINGS_TABLE

if TYPE_CHECKING:
    from nctui.coach.coach import Coach

EXPORT_MARK = "nctui_export"
"""The key that says a JSON file is an nctui export, with the export layout's version."""
EXPORT_LAYOUT = 1
LEFT_OUT = frozenset({META_TABLE, "drafts"})
"""Tables an export leaves out (see the module's note)."""


class Format(StrEnum):
    """What an export is written as."""

    JSON = "json"
    MARKDOWN = "markdown"
    CSV = "csv"


class ExportError(Exception):
    """The export could not be written; the message says why, for a person."""


def holds_data(data_dir: Path) -> bool:
    """Whether `data_dir` may hold nctui data: False only when there is surely no data
    file there yet, so an export can say so instead of creating an empty one."""
    path = data_dir / DATA_FILE_NAME
    try:
        return path.exists() or path.is_symlink()
    except OSError:
        return True  # opening it says why it cannot be used


def copy_data_file(data_dir: Path, scratch: Path) -> None:
    """Copy the data file, if there is one, into `scratch` (a dry run works on that)."""
    source = data_dir / DATA_FILE_NAME
    if source.is_file():
        shutil.copy2(source, scratch / DATA_FILE_NAME)
    elif source.exists() or source.is_symlink():
        read_file(source)  # raises DataFileError, saying why it cannot be used


def tables_of(coach: Coach) -> dict[str, list[Mapping[str, Any]]]:
    """Every table worth exporting, its entries in stored order (read only)."""
    repository = coach.repository
    names = sorted(set(repository.table_names()) - LEFT_OUT)
    found = {name: repository.documents(name) for name in names}
    if SETTINGS_TABLE in found:  # keys and the lock's check stay with the data folder
        found[SETTINGS_TABLE] = [
            doc for doc in found[SETTINGS_TABLE] if doc.get("id") not in OWN_SETTINGS
        ]
    return {name: docs for name, docs in found.items() if docs}


def export_json(coach: Coach) -> bytes:
    """Everything, with its format version: what `nctui import` reads back."""
    document = {
        EXPORT_MARK: EXPORT_LAYOUT,
        "format_version": CURRENT_SCHEMA_VERSION,
        "tables": tables_of(coach),
    }
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
    try:
        return (text + "\n").encode("utf-8")
    except UnicodeEncodeError:
        # Half a UTF-16 pair (a hand edit) cannot be UTF-8: escape every character
        # outside ASCII instead, which reads back exactly, as the data file does.
        return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("ascii")


CSV_COLUMNS = (
    "record",
    "date",
    "time",
    "kind",
    "detail",
    "mood",
    "miss_them",
    "urge",
    "set_off_by",
    "question",
    "text",
)


def export_csv(coach: Coach) -> bytes:
    """One row a day for check-ins (the version in force) and one row an event, in
    date order: columns for a spreadsheet, written by the standard library's csv."""
    zone = coach.clock().tzinfo
    rows: list[tuple[str, ...]] = []
    for entry in coach.journal.entries():
        current = entry.current
        stamp = current.at.astimezone(zone)
        rows.append(
            (
                "check-in",
                entry.day.isoformat(),
                f"{stamp:%H:%M}",
                "",
                "",
                str(current.mood),
                str(current.miss),
                str(current.urge),
                "",
                current.prompt,
                current.text,
            )
        )
    for event in coach.ledger.events():
        at = event.at.astimezone(zone)
        detail = event.title.partition(": ")[2]
        rows.append(
            (
                "event",
                at.date().isoformat(),
                f"{at:%H:%M}",
                event.kind.value,
                detail,
                "",
                "",
                "",
                triggers_text(event.triggers),
                "",
                event.note,
            )
        )
    rows.sort(key=lambda row: (row[1], row[2], row[0]))
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def export_bytes(coach: Coach, fmt: Format, *, include_sealed: bool = False) -> bytes:
    """The export in `fmt`. Sealed letters reach only the JSON export, or the Markdown
    one when `include_sealed` is asked for."""
    if fmt is Format.JSON:
        return export_json(coach)
    if fmt is Format.CSV:
        return export_csv(coach)
    from nctui.coach.exchange.markdown import export_markdown  # noqa: PLC0415

    return export_markdown(coach, include_sealed=include_sealed).encode("utf-8")


def write_export(payload: bytes, target: Path, *, force: bool = False) -> Path:
    """Write `payload` to `target` atomically, readable by its owner alone (0600).

    An existing file is kept unless `force`. Raises ExportError, with a message for a
    person, when the file cannot be written; nothing is left half written.
    """
    target = target.expanduser().absolute()
    if target.is_dir():
        raise ExportError(
            f"{target} is a folder. Give a file name, such as {target / 'nctui-export.json'}."
        )
    if target.exists() and not force:
        raise ExportError(
            f"{target} already exists, and was left as it is. Choose another name, "
            "or add --force to replace it."
        )
    if not target.parent.is_dir():
        raise ExportError(
            f"The folder {target.parent} does not exist. Create it first, or choose another place."
        )
    try:
        atomic_write_bytes(target, payload)
    except OSError as error:
        from nctui.storage.errors import describe_write_error  # noqa: PLC0415

        raise ExportError(
            f"Could not write {target}. {describe_write_error(error, target.parent)} "
            "Nothing was written."
        ) from error
    return target


SUFFIXES = {Format.JSON: "json", Format.MARKDOWN: "md", Format.CSV: "csv"}
EXPORTS_FOLDER = "exports"


def into_exports(coach: Coach, fmt: Format, payload: bytes) -> Path:
    """Write an export made in the app to `exports/` in the data folder (private, 0700),
    named for today and never over an earlier one. Raises ExportError."""
    folder = coach.file.folder / EXPORTS_FOLDER
    ensure_data_dir(folder)
    stem, suffix = f"nctui-export-{coach.clock().date().isoformat()}", SUFFIXES[fmt]
    target, counter = folder / f"{stem}.{suffix}", 1
    while target.exists():  # the count goes before the extension, so the file still opens
        counter += 1
        target = folder / f"{stem}-{counter}.{suffix}"
    return write_export(payload, target)
