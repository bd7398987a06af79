"""The commands that take the person's data out and bring it back: `export`, `import`,
`backups` and `calendar`. Each opens the data through the coach, says what it did in
plain words, and never shows a traceback for a file it was given."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from nctui.exit_codes import EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from nctui.coach.coach import Coach

# The coach and its exchange modules are imported by the command that needs them.
# ruff: noqa: PLC0415


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _fail(message: str) -> int:
    _say(f"nctui: {message}")
    return EXIT_USAGE


def _open(data_dir: Path) -> Coach:
    """The coach on `data_dir`. A damaged data file is refused, left as it is: a command
    never sets a person's file aside without them seeing it happen; the app does that,
    and says so. An encrypted file's passphrase is asked for here (three tries; Ctrl+C
    stops)."""
    from nctui.coach.errors import CorruptDataError, StorageError
    from nctui.domain.clock import system_clock
    from nctui.unlocking import open_coach

    try:
        return open_coach(data_dir, system_clock, set_aside=False)[0]
    except CorruptDataError as error:
        raise StorageError(
            f"your data file could not be read as it is ({error}). Nothing was changed. "
            "Open nctui once: it keeps the damaged file aside, says where, and goes on "
            "with whatever it could still read (nothing, if the whole file is damaged). "
            "`nctui backups` lists the backups you can bring back with `nctui import`."
        ) from error


def _plain_text_agreed(args: argparse.Namespace) -> bool:
    """Whether to write an export of encrypted data as plain text: said on stderr first;
    asked when a person is at the terminal, unless `--yes`."""
    _say(
        "Your data is encrypted, but this export is plain text: anyone who opens it can "
        "read it. Keep it somewhere private, and delete it when you no longer need it."
    )
    if args.yes or not sys.stdin.isatty():
        return True
    try:
        answer = input("Write it anyway? [y/N] ")
    except (EOFError, KeyboardInterrupt):
        _say("")
        return False
    return answer.strip().lower() in {"y", "yes"}


def _open_copy(data_dir: Path, scratch: Path) -> Coach:
    """The coach on a copy of the data in `scratch`: for a dry run, which must leave
    the data folder exactly as it was (no folder, file or lock made there)."""
    from nctui.coach.exchange.export import copy_data_file

    copy_data_file(data_dir, scratch)
    return _open(scratch)


def _nothing_yet(data_dir: Path, what: str) -> str | None:
    """A message when `data_dir` holds no data file yet, so there is nothing to take
    out; None when there is one (or when only opening it can say what is wrong)."""
    from nctui.coach.exchange.export import holds_data

    if holds_data(data_dir):
        return None
    return (
        f"there is nothing to {what} yet: {data_dir} holds no nctui data. "
        "Run nctui to begin, and come back once you have a plan. Nothing was written."
    )


def _write_stdout(payload: bytes) -> None:
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (`| head`): that is what it asked for, not an error.
        # Point stdout at nothing so Python's own flush at exit stays quiet too.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def run_export(data_dir: Path, args: argparse.Namespace) -> int:
    """`nctui export`: write the data as JSON, Markdown or CSV to a file or stdout."""
    from nctui.coach.errors import StorageError
    from nctui.coach.exchange.export import ExportError, Format, export_bytes, write_export
    from nctui.unlocking import Stopped

    fmt = Format(args.format)
    if (nothing := _nothing_yet(data_dir, "export")) is not None:
        return _fail(nothing)
    try:
        coach = _open(data_dir)
    except (StorageError, Stopped) as error:
        return _fail(str(error))
    try:
        if coach.privacy.state().encrypted and not _plain_text_agreed(args):
            return _fail("nothing was exported.")
        payload = export_bytes(coach, fmt, include_sealed=args.include_sealed)
    finally:
        coach.file.close()
    if args.output in (None, "-"):
        _write_stdout(payload)
        return EXIT_OK
    try:
        written = write_export(payload, Path(args.output), force=args.force)
    except ExportError as error:
        return _fail(str(error))
    _say(
        f"Exported your data ({fmt.value}) to {written}. It is plain text: keep it "
        "somewhere private."
    )
    return EXIT_OK


def _resolve_import(data_dir: Path, name: str) -> Path:
    # `nctui import backups/nctui-….json` works from any folder: a relative name that is
    # not here is looked for in the data folder, where `nctui backups` lists them.
    path = Path(name).expanduser()
    if not path.is_absolute() and not path.exists() and (data_dir / path).exists():
        return data_dir / path
    return path.absolute()


def run_import(data_dir: Path, args: argparse.Namespace) -> int:
    """`nctui import FILE`: merge FILE into the data, after a backup; `--dry-run` only says."""
    from nctui.coach.errors import StorageError
    from nctui.unlocking import Stopped

    source = _resolve_import(data_dir, args.file)
    if args.dry_run:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="nctui-dry-run-") as scratch:
            try:
                coach = _open_copy(data_dir, Path(scratch))
            except (StorageError, Stopped) as error:
                return _fail(str(error))
            return _import(coach, source, dry_run=True)
    try:
        coach = _open(data_dir)
    except (StorageError, Stopped) as error:
        return _fail(str(error))
    return _import(coach, source, dry_run=False)


def _import(coach: Coach, source: Path, *, dry_run: bool) -> int:
    from nctui.coach.exchange.importing import CannotImport, import_file
    from nctui.unlocking import Stopped, ask_current

    def its_passphrase() -> str | None:
        try:
            return ask_current(prompt=f"{source.name} is encrypted. Its passphrase: ")
        except Stopped:
            return None

    try:
        said = import_file(coach, source, dry_run=dry_run, ask_passphrase=its_passphrase)
    except CannotImport as error:
        return _fail(f"{error} Nothing was changed.")
    finally:
        recovery = coach.file.close()
    if recovery is not None:
        return _fail(
            f"the merged data could not be saved to your data file; it is kept in {recovery}, "
            "and nctui adds it back the next time it starts."
        )
    print("\n".join(said))
    return EXIT_OK


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def run_backups(data_dir: Path) -> int:
    """`nctui backups`: list the backups with their dates, sizes and what they hold.
    Encrypted backups are read with the passphrase, asked for first."""
    from nctui.coach.errors import StorageError
    from nctui.coach.exchange.backups import backups, folder
    from nctui.domain.humanize import plural
    from nctui.status import sealed
    from nctui.unlocking import Stopped

    coach = None
    if sealed(str(data_dir / "nctui.json")):
        try:
            coach = _open(data_dir)
        except (StorageError, Stopped) as error:
            return _fail(str(error))
    try:
        found = backups(data_dir, coach)
    finally:
        if coach is not None:
            coach.file.close()
    if not found:
        print(
            f"No backups yet. nctui keeps one in {folder(data_dir)} on the first save of each day."
        )
        return EXIT_OK
    print(f"Backups in {folder(data_dir)}:")
    for info in found:
        if info.checkins is None:
            what = f"cannot be read ({info.problem})"
        else:
            what = (
                f"{plural(info.checkins, 'check-in')}, {plural(info.events or 0, 'ledger event')}"
            )
        print(f"  {info.path.name:<48} {info.day.isoformat()}  {_size(info.size):>7}  {what}")
    example = found[-1].path
    print(
        f"To bring entries back from one: nctui import {example}\n"
        "(it adds what your data lacks and keeps a backup of your data first)."
    )
    return EXIT_OK


def run_calendar(data_dir: Path, args: argparse.Namespace) -> int:
    """`nctui calendar`: write the period's dates as an .ics file."""
    from nctui.coach.errors import StorageError
    from nctui.coach.exchange.calendar import NothingAhead, calendar_bytes, parse_checkin
    from nctui.coach.exchange.export import ExportError, write_export
    from nctui.unlocking import Stopped

    try:
        checkin = None if args.checkin is None else parse_checkin(args.checkin)
        problem = _nothing_yet(data_dir, "put in a calendar")
    except ValueError as error:
        problem = str(error)
    if problem is not None:
        return _fail(problem)
    try:
        coach = _open(data_dir)
    except (StorageError, Stopped) as error:
        return _fail(str(error))
    try:
        payload = calendar_bytes(coach, checkin)
    except NothingAhead as error:
        return _fail(str(error))
    finally:
        coach.file.close()
    if args.output == "-":
        _write_stdout(payload)
        return EXIT_OK
    try:
        written = write_export(payload, Path(args.output or "nctui.ics"), force=args.force)
    except ExportError as error:
        return _fail(str(error))
    _say(
        f"Wrote your calendar to {written}. Open it with your calendar app; import a newer "
        "one later and its events are updated, not doubled. Event names say only 'nctui: …'."
    )
    return EXIT_OK


def run(command: str, data_dir: Path, args: argparse.Namespace) -> int:
    """Run one of the data commands; return the exit code."""
    if command == "export":
        return run_export(data_dir, args)
    if command == "import":
        return run_import(data_dir, args)
    if command == "backups":
        return run_backups(data_dir)
    return run_calendar(data_dir, args)
