"""`nctui import`: reading a file to merge, refusing what is not nctui's data, and
merging it after a backup of the data as it was."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nctui.coach.exchange.export import EXPORT_LAYOUT, EXPORT_MARK
from nctui.coach.exchange.merge import Docs, MergePlan, plan_merge
from nctui.storage.atomic_file import decode
from nctui.storage.backups import keep_before_import
from nctui.storage.crypto.header import MAGIC as SEALED_MAGIC
from nctui.storage.errors import CorruptDataError, NewerSchemaError
from nctui.storage.migrations import (
    CURRENT_SCHEMA_VERSION,
    META_DOC_ID,
    META_TABLE,
    RawData,
    migrate,
)
from nctui.storage.shapes import TABLES, inspect

if TYPE_CHECKING:
    from nctui.coach.coach import Coach

LARGEST_BYTES = 512 * 1024 * 1024
"""Far beyond any person's history: a bigger file is not an export."""
AskPassphrase = Callable[[], "str | None"]
"""Asks the person for an encrypted file's passphrase; None when they stop."""
ONLY = "Only a JSON export (`nctui export`), a backup or an nctui.json can be imported."


class CannotImport(Exception):
    """The file cannot be imported; the message says why, for a person. Nothing changed."""


@dataclass(frozen=True)
class Incoming:
    """A file read for import: its entries by table, and how many did not fit."""

    docs: Docs
    left_out: int


def _newer(path: Path, found: object) -> CannotImport:
    return CannotImport(
        f"{path} comes from a newer version of nctui (data version {found}; this one "
        f"reads up to {CURRENT_SCHEMA_VERSION}). Update nctui, then import it."
    )


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _from_export(path: Path, data: dict[str, Any]) -> RawData:
    layout, version, tables = data.get(EXPORT_MARK), data.get("format_version"), data.get("tables")
    if not (_whole(layout) and _whole(version)):
        raise CannotImport(f"{path} looks like an nctui export, but its version is unreadable.")
    assert isinstance(layout, int) and isinstance(version, int)
    if layout > EXPORT_LAYOUT or version > CURRENT_SCHEMA_VERSION:
        raise _newer(path, version)
    if not isinstance(tables, dict) or not all(
        isinstance(docs, list) and all(isinstance(doc, dict) for doc in docs)
        for docs in tables.values()
    ):
        raise CannotImport(f"{path} looks like an nctui export, but its tables are damaged.")
    raw: RawData = {META_TABLE: {META_DOC_ID: {"schema_version": version}}}
    for name, docs in tables.items():
        raw[name] = {str(number): doc for number, doc in enumerate(docs, start=1)}
    return raw


def _looks_like_csv(payload: bytes) -> bool:
    first = payload.lstrip()[:200].split(b"\n", 1)[0]
    return first.count(b",") >= 2 and not first.startswith((b"{", b"["))


def _payload(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise CannotImport(f"{path} is a folder. {ONLY}")
        if path.stat().st_size > LARGEST_BYTES:
            raise CannotImport(f"{path} is far too big to be nctui's data. {ONLY}")
        payload = path.read_bytes()
    except FileNotFoundError:
        raise CannotImport(f"There is no file {path}.") from None
    except OSError as error:
        raise CannotImport(f"nctui cannot read {path} ({error.strerror}).") from error
    if not payload.strip():
        raise CannotImport(f"{path} is empty: there is nothing in it to import.")
    return payload


def _raw(path: Path, payload: bytes) -> RawData:
    try:
        data = json.loads(payload.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        if _looks_like_csv(payload):
            raise CannotImport(
                f"{path} looks like a CSV file. A CSV export leaves out too much to be read "
                f"back. {ONLY}"
            ) from None
        raise CannotImport(f"{path} is not valid JSON (perhaps it was cut short). {ONLY}") from None
    if not isinstance(data, dict):
        raise CannotImport(f"{path} holds a JSON {type(data).__name__}, not nctui's data. {ONLY}")
    if EXPORT_MARK in data:
        return _from_export(path, data)
    try:
        raw = decode(payload, path)
    except NewerSchemaError as error:
        raise _newer(path, error.found) from None
    except CorruptDataError as error:
        raise CannotImport(f"{path} is not nctui's data: {error}. {ONLY}") from None
    if not set(raw) & (set(TABLES) - {"settings"}):
        raise CannotImport(f"{path} does not hold nctui's data. {ONLY}")
    return raw


def read_incoming(
    path: Path, now: datetime, unseal: Callable[[bytes], bytes] | None = None
) -> Incoming:
    """The entries of the file at `path`, checked as nctui checks its own file; an
    encrypted one is opened with `unseal` first.

    Raises CannotImport for a file that is missing, empty, damaged, from a newer nctui,
    encrypted and not opened, or not nctui's data at all.
    """
    payload = _payload(path)
    if payload.startswith(SEALED_MAGIC):
        if unseal is None:
            raise CannotImport(f"{path} is encrypted, and no passphrase was given for it.")
        payload = unseal(payload)
    raw = _raw(path, payload)
    inspection = inspect(migrate(raw, now))
    docs = {name: list(found.values()) for name, found in inspection.shown.items()}
    left_out = sum(len(keys) for keys in inspection.left_out.values())
    return Incoming(docs, left_out)


def here(coach: Coach) -> Docs:
    """This copy's entries by table, in stored order (read only)."""
    repository = coach.repository
    return {name: repository.documents(name) for name in repository.table_names()}


def plan_import(
    coach: Coach, path: Path, ask_passphrase: AskPassphrase | None = None
) -> tuple[MergePlan, Incoming]:
    """What importing `path` would add and change (an encrypted file opened as
    `import_file` says). Raises CannotImport."""

    def unseal(payload: bytes) -> bytes:
        from nctui.coach.exchange.sealed_import import opened  # noqa: PLC0415

        return opened(path, payload, coach.repository.key, ask_passphrase)

    incoming = read_incoming(path, coach.clock(), unseal)
    return plan_merge(here(coach), incoming.docs), incoming


def backup_before_import(coach: Coach) -> Path | None:
    """Keep the data file as it is now in the backups folder (None when there is no file
    yet). Raises CannotImport when the copy cannot be made: then nothing is merged."""
    try:
        return keep_before_import(coach.file.path, coach.clock())
    except OSError as error:
        from nctui.storage.errors import describe_write_error  # noqa: PLC0415

        raise CannotImport(
            "nctui could not keep a backup of your data before importing, so nothing was "
            f"changed. {describe_write_error(error, coach.file.folder)}"
        ) from error


def merge(coach: Coach, plan: MergePlan) -> None:
    """Make the changes of `plan`, as one change that reaches the file whole."""
    if not plan.empty:
        coach.apply(plan.batch())


TABLE_WORDS = {
    "attempts": ("period", "periods"),
    "events": ("ledger event", "ledger events"),
    "checkins": ("check-in", "check-ins"),
    "letters": ("letter", "letters"),
    "intakes": ("intake", "intakes"),
    "readiness": ("readiness check", "readiness checks"),
    "activity_done": ("activity done", "activities done"),
    "activity_plans": ("activity plan", "activity plans"),
    "own_activities": ("own activity", "own activities"),
    "checklist": ("checklist tick", "checklist ticks"),
    "settings": ("setting", "settings"),
}


def _counted(counts: Mapping[str, int]) -> str:
    parts = []
    order = list(TABLE_WORDS)
    ranked = sorted(
        counts.items(),
        key=lambda item: (order.index(item[0]) if item[0] in order else len(order), item[0]),
    )
    for table, count in ranked:
        one, many = TABLE_WORDS.get(table, (f"entry in {table}", f"entries in {table}"))
        parts.append(f"{count} {one if count == 1 else many}")
    return ", ".join(parts)


def summary(plan: MergePlan, incoming: Incoming, *, dry_run: bool) -> list[str]:
    """What an import added (or would add), by kind, for a person."""
    added = _counted(plan.added + plan.kept_both)
    verb = "Would add" if dry_run else "Added"
    lines = [f"{verb}: {added}." if added else f"{verb} nothing new."]
    if plan.updated:
        lines.append(f"{'Would update' if dry_run else 'Updated'}: {_counted(plan.updated)}.")
    if incoming.left_out:
        lines.append(
            f"{incoming.left_out} entr{'y' if incoming.left_out == 1 else 'ies'} in the file "
            "did not have the shape nctui keeps, and were passed over."
        )
    if plan.kept_both:
        lines.append(
            f"Some entries had the same id as different ones here ({_counted(plan.kept_both)}): "
            "both are kept, the imported one under a new id, so nothing is lost."
        )
    if plan.kept_ours:
        lines.append(
            f"Where a setting, a tick or an end differed ({_counted(plan.kept_ours)}), "
            "the value here was kept."
        )
    return lines


def import_file(
    coach: Coach, path: Path, *, dry_run: bool = False, ask_passphrase: AskPassphrase | None = None
) -> list[str]:
    """Merge the file at `path` into the data, after keeping a backup; or, with
    `dry_run`, only say what that would add. Returns what to tell the person.

    An encrypted file (a backup, another nctui.json) is opened with this data's key
    when it fits, else with the passphrase `ask_passphrase` gives. Raises
    CannotImport, having changed nothing.
    """
    if path.resolve() == coach.file.path.resolve():
        raise CannotImport(f"{path} is your data file itself: there is nothing to merge.")
    plan, incoming = plan_import(coach, path, ask_passphrase)
    if plan.empty:
        return [f"Nothing to add: everything in {path} is already here."]
    lines = summary(plan, incoming, dry_run=dry_run)
    if dry_run:
        return [*lines, "Nothing was changed (--dry-run)."]
    backup = backup_before_import(coach)
    merge(coach, plan)
    if backup is not None:
        lines.append(f"Your data as it was before is kept in {backup}.")
    return lines
