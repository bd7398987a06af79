"""Command line: `nctui` opens the app; subcommands that need no screen never load Textual."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import NoReturn

from nctui import __version__

EXIT_OK = 0
EXIT_USAGE = 2
"""Bad arguments, or a data folder or file that cannot be used."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"nctui: {message}\nRun `nctui --help` to see what it takes.\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for `nctui`."""
    parser = _Parser(
        prog="nctui",
        description=(
            "A calm, private coach for keeping no contact after a breakup. "
            "Run without a command to open the app."
        ),
        epilog=(
            "Your data is one file, nctui.json, in the data folder. Choose the folder with "
            "--data-dir or the NCTUI_DATA_DIR environment variable; `nctui where` shows it."
        ),
    )
    parser.add_argument("--version", action="version", version=f"nctui {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder that holds nctui.json (default: $NCTUI_DATA_DIR, else your user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("where", help="print the path of the data file and exit")
    status = commands.add_parser(
        "status",
        help="print one line about your period (for shell prompts) and exit",
        description=(
            "Print one line about your period, for example 'Day 12 of 45 · 33 days left'. "
            "Reads the data without changing it, so it is safe while nctui is open."
        ),
    )
    status.add_argument(
        "--json",
        action="store_true",
        help="print a JSON object: state, day, length_days, days_left, ends_today, start, end, "
        "current_run_days, longest_run_days",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run nctui with `argv` (default: the process arguments); return the exit code."""
    args = build_parser().parse_args(argv)
    from nctui.storage.location import DATA_FILE_NAME, resolve_data_dir

    data_dir = resolve_data_dir(args.data_dir)
    if args.command == "where":
        print(data_dir / DATA_FILE_NAME)
        return EXIT_OK
    if args.command == "status":
        return _print_status(data_dir, as_json=args.json)
    return _run_app(data_dir)


def _fail(message: str) -> int:
    print(f"nctui: {message}", file=sys.stderr)
    return EXIT_USAGE


def _print_status(data_dir: Path, *, as_json: bool) -> int:
    from nctui.domain.clock import system_clock
    from nctui.status import status_json, status_line, status_report
    from nctui.storage.errors import CorruptDataError, StorageError

    try:
        report = status_report(data_dir, system_clock())
    except CorruptDataError as error:
        return _fail(f"the data file could not be read ({error}); open nctui to repair it.")
    except StorageError as error:
        return _fail(str(error))
    print(status_json(report) if as_json else status_line(report))
    return EXIT_OK


def _run_app(data_dir: Path) -> int:
    from nctui.domain.clock import system_clock
    from nctui.storage.errors import StorageError

    try:
        from nctui.ui.app import create_app

        app = create_app(data_dir, system_clock)
    except StorageError as error:
        return _fail(str(error))
    try:
        app.run()
    finally:
        recovery = app.repository.close()
    if recovery is not None:
        print(
            "nctui: some changes could not be saved to your data file; they are kept in "
            f"{recovery}",
            file=sys.stderr,
        )
        return 1
    return EXIT_OK
