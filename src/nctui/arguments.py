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
    _data_commands(commands)
    _privacy_commands(commands)
    return parser


def _data_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    # Taking the data out and bringing it back (nctui.data_commands runs them).
    export = commands.add_parser(
        "export",
        help="write all your data as JSON, a readable Markdown document, or CSV",
        description=(
            "Write your data to a file or to standard output. JSON holds everything and "
            "is what `nctui import` reads back; Markdown is a document to read or print; "
            "CSV has one row a check-in day and one row a logged event, for a spreadsheet."
        ),
    )
    _data_dir_after(export)
    export.add_argument(
        "--format", choices=("json", "markdown", "csv"), default="json", help="default: json"
    )
    export.add_argument(
        "-o", "--output", metavar="FILE", help="file to write (default, or -: standard output)"
    )
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    export.add_argument(
        "--yes",
        action="store_true",
        help="when your data is encrypted, write the plain-text export without asking",
    )
    export.add_argument(
        "--include-sealed",
        action="store_true",
        help="put sealed letters in the Markdown document too (marked sealed)",
    )
    imported = commands.add_parser(
        "import",
        help="merge an export, a backup or another nctui.json into your data",
        description=(
            "Add everything FILE holds that your data lacks, matched entry by entry: "
            "nothing is duplicated, and nothing already here is changed or dropped. "
            "A backup of your data is kept first, in the backups folder."
        ),
    )
    _data_dir_after(imported)
    imported.add_argument("file", metavar="FILE", help="a JSON export, a backup, or an nctui.json")
    imported.add_argument(
        "--dry-run", action="store_true", help="say what would be added, and change nothing"
    )
    backups = commands.add_parser(
        "backups",
        help="list the daily backups kept in the data folder",
        description=(
            "List the backups nctui keeps by itself (the last 7 days, then one a week for "
            "8 weeks), with their dates, sizes and what they hold. To bring one back, "
            "`nctui import` it."
        ),
    )
    _data_dir_after(backups)
    calendar = commands.add_parser(
        "calendar",
        help="write an .ics calendar file: the period's end, milestones, the readiness check",
        description=(
            "Write a calendar file with the end of your period, each milestone ahead and "
            "the day to take the readiness check. Events say only 'nctui: ...', never "
            "anything you wrote. Import the same file again later to update the events."
        ),
    )
    _data_dir_after(calendar)
    calendar.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="file to write (default: nctui.ics here; -: standard output)",
    )
    calendar.add_argument("--force", action="store_true", help="replace FILE if it exists")
    calendar.add_argument(
        "--checkin",
        metavar="HH:MM",
        help="add a daily reminder to check in, at this time, until the period ends",
    )


def _privacy_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    # The lock and encryption at rest (nctui.privacy_commands runs them).
    passphrase = commands.add_parser(
        "passphrase",
        help="set or change the passphrase nctui asks for when it starts",
        description=(
            "Set a passphrase (typed twice, never shown), or change it. nctui then asks "
            "for it when it starts. A forgotten passphrase cannot be recovered."
        ),
    )
    _data_dir_after(passphrase)
    passphrase.add_argument(
        "--remove", action="store_true", help="remove the passphrase (and decrypt the data file)"
    )
    encrypt = commands.add_parser(
        "encrypt",
        help="encrypt the data file and its backups with your passphrase",
        description=(
            "Encrypt the data file, its backups and any unsaved changes with your "
            "passphrase (you choose one first if none is set). Without the passphrase "
            "they cannot be read, by anyone."
        ),
    )
    _data_dir_after(encrypt)
    encrypt.add_argument(
        "--keep-status",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="let `nctui status` keep showing day numbers (a small plain file of numbers, "
        "no words); by default it says only `locked`",
    )
    decrypt = commands.add_parser(
        "decrypt",
        help="write the data file and its backups as plain text again",
        description="Write the data file and its backups plain again; the passphrase stays.",
    )
    _data_dir_after(decrypt)
