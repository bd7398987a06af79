"""Command line: `nctui` opens the app; subcommands that need no screen never load Textual."""

from __future__ import annotations

import os
import sys

from nctui.exit_codes import EXIT_OK, EXIT_SIGNAL_BASE, EXIT_UNSAVED, EXIT_USAGE

# Not typing.TYPE_CHECKING, nor pathlib at run time: `nctui status` pays for every import.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from nctui.domain.clock import Clock
    from nctui.ui.app import NctuiApp
    from nctui.unlocking import Ask


def main(argv: Sequence[str] | None = None) -> int:
    """Run nctui with `argv` (default: the process arguments); return the exit code."""
    words = sys.argv[1:] if argv is None else list(argv)
    if (quick := _plain_status(words)) is not None:
        flag, as_json = quick
        return _print_status(flag, as_json=as_json)
    from nctui.arguments import build_parser
    from nctui.storage.location import DATA_FILE_NAME, resolve_data_dir

    args = build_parser().parse_args(words)
    if args.command == "status":
        return _print_status(args.data_dir, as_json=args.json)
    data_dir = resolve_data_dir(args.data_dir)
    if args.command == "where":
        print(data_dir / DATA_FILE_NAME)
        return EXIT_OK
    if args.command in {"export", "import", "backups", "calendar"}:
        from nctui import data_commands

        return data_commands.run(args.command, data_dir, args)
    if args.command in {"passphrase", "encrypt", "decrypt"}:
        from nctui import privacy_commands

        return privacy_commands.run(args.command, data_dir, args)
    return _run_app(data_dir)


def _plain_status(argv: list[str]) -> tuple[str | None, bool] | None:
    """`--data-dir` (or None) and whether `--json` was asked for, when `argv` is one of
    the usual ways to ask for `nctui status`; None for anything else.

    Shell prompts run `nctui status` before every prompt, and loading argparse costs
    more than the status itself, so these forms skip it: `status`, with `--json` and
    `--data-dir DIR` (or `--data-dir=DIR`) before or after it. Every other command line
    goes through argparse, with its checks and messages.
    """
    flag: str | None = None
    as_json = False
    words = list(argv)
    seen_status = False
    while words:
        word = words.pop(0)
        if word == "status" and not seen_status:
            seen_status = True
        elif word == "--json" and seen_status and not as_json:
            as_json = True
        elif word == "--data-dir" and words and not words[0].startswith("-"):
            flag = words.pop(0)
        elif word.startswith("--data-dir="):
            flag = word.removeprefix("--data-dir=")
        else:
            return None
    return (flag, as_json) if seen_status else None


def _fail(message: str) -> int:
    print(f"nctui: {message}", file=sys.stderr)
    return EXIT_USAGE


def _print_status(flag: str | None, *, as_json: bool) -> int:
    from nctui.domain.clock import system_clock
    from nctui.status import status_json, status_line, status_report
    from nctui.storage.errors import CorruptDataError, StorageError
    from nctui.storage.location import chosen_data_dir, default_data_dir

    # The folder as resolve_data_dir finds it, without loading pathlib when one is given.
    chosen = chosen_data_dir(flag)
    data_dir = os.path.abspath(os.path.expanduser(chosen)) if chosen else default_data_dir()  # noqa: PTH100, PTH111
    try:
        report = status_report(data_dir, system_clock(), today=as_json)
    except CorruptDataError as error:
        return _fail(f"the data file could not be read ({error}); open nctui to repair it.")
    except StorageError as error:
        return _fail(str(error))
    print(status_json(report) if as_json else status_line(report))
    return EXIT_OK


def open_app(data_dir: Path, clock: Clock, *, ask: Ask | None = None) -> NctuiApp:
    """Load the app's code and open `data_dir`, the quick way a person's start-up does.

    When the data is locked (a passphrase set, or the file encrypted), the passphrase is
    asked for in the terminal first (`ask`, getpass by default), before the app starts.
    The garbage collector waits until the first screen is drawn (see nctui.startup).
    Raises StorageError (with a message for a person) when the data cannot be used, and
    unlocking.Stopped when the person stops at the prompt or three tries fail.
    """
    from nctui.startup import pause_collection, resume_collection
    from nctui.unlocking import ask_hidden, open_coach

    pause_collection()
    try:
        from nctui.ui.app import NctuiApp

        coach, _ = open_coach(data_dir, clock, ask=ask or ask_hidden, check_lock=True)
        return NctuiApp(coach)
    except BaseException:
        resume_collection()
        raise


def _run_app(data_dir: Path) -> int:
    import contextlib

    from nctui.domain.clock import system_clock
    from nctui.startup import resume_collection
    from nctui.storage.errors import StorageError
    from nctui.unlocking import Stopped

    try:
        app = open_app(data_dir, system_clock)
    except (StorageError, Stopped) as error:
        return _fail(str(error))
    try:
        app.run()
    finally:
        resume_collection()
        recovery = app.coach.file.close()
    code = app.return_code or EXIT_OK
    if app.goodbye:
        # After a closed terminal there may be nowhere left to print to.
        with contextlib.suppress(OSError):
            print(app.goodbye)
    # Textual sets a return code of 1 when the app stopped on an unexpected error.
    if code and code < EXIT_SIGNAL_BASE:
        print(
            "nctui: nctui stopped because something unexpected went wrong (the details are "
            "above). Everything it had saved is in your data file.",
            file=sys.stderr,
        )
    if recovery is not None:
        print(_kept_words(recovery, data_dir), file=sys.stderr)
        return code or EXIT_UNSAVED
    if app.coach.file.dropped:
        print(_dropped_words(app.coach.file.dropped), file=sys.stderr)
        return code or EXIT_UNSAVED
    return code


def _dropped_words(count: int) -> str:
    changes = "1 change" if count == 1 else f"{count} changes"
    return (
        f"nctui: {changes} made in this window could not be kept. Your data was encrypted "
        "in another window and no passphrase was given here, and nctui never writes your "
        "words unencrypted beside encrypted data."
    )


def _kept_words(recovery: Path, data_dir: Path) -> str:
    said = f"nctui: some changes could not be saved to your data file; they are kept in {recovery}."
    if recovery.parent == data_dir:
        return f"{said} nctui adds them back the next time it starts."
    return (
        f"{said} Your system may clear that folder: move it into {data_dir} and nctui "
        "adds them back the next time it starts."
    )
