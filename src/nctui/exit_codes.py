"""What `nctui` exits with. A leaf module: the command line and its grammar both use it."""

EXIT_OK = 0
EXIT_UNSAVED = 1
"""Some changes could not be saved; they were kept in a file, which was named."""
EXIT_USAGE = 2
"""Bad arguments, or a data folder or file that cannot be used."""
EXIT_SIGNAL_BASE = 128
"""Stopped by a signal: 128 plus its number, as shells report it (129 for a closed
terminal, SIGHUP; 143 when asked to stop, SIGTERM). Everything was saved first."""


def signal_exit(number: int) -> int:
    """The exit code after stopping for signal `number`."""
    return EXIT_SIGNAL_BASE + number
