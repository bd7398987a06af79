"""The command line's grammar: options, commands and their help, for `nctui.cli`.

Apart from `cli` so that the quick form of `nctui status` never loads argparse.
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from nctui import __version__
from nctui.exit_codes import EXIT_USAGE


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"nctui: {message}\nRun `nctui --help` to see what it takes.\n")


def _data_dir_after(command: argparse.ArgumentParser) -> None:
    # The same option after the command ("nctui status --data-dir DIR"); SUPPRESS keeps
    # a value given before the command when none comes after it.
    command.add_argument(
        "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="as before the command"
    )


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
    where = commands.add_parser("where", help="print the path of the data file and exit")
    _data_dir_after(where)
    status = commands.add_parser(
        "status",
        help="print one line about your period (for shell prompts) and exit",
        description=(
            "Print one line about your period, for example 'Day 12 of 45 · 33 days left'. "
            "Reads the data without changing it, so it is safe while nctui is open."
        ),
    )
    _data_dir_after(status)
    status.add_argument(
        "--json",
        action="store_true",
        help="print a JSON object: state, day, length_days, days_left, ends_today, start, end, "
        "current_run_days, longest_run_days",
    )
    return parser
