"""Where the data lives: the folder is chosen, created and checked here."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping

from nctui.storage.errors import DataDirError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

DATA_FILE_NAME = "nctui.json"
ENV_VAR = "NCTUI_DATA_DIR"


def default_data_dir() -> Path:
    """The per-user data folder of this platform (for example ~/.local/share/nctui)."""
    # Loaded here, not above: `nctui status` with a folder given needs neither.
    from pathlib import Path  # noqa: PLC0415

    import platformdirs  # noqa: PLC0415

    return Path(platformdirs.user_data_dir("nctui", appauthor=False))


def chosen_data_dir(flag: str | None, environ: Mapping[str, str] | None = None) -> str | None:
    """The folder asked for with `--data-dir`, else with $NCTUI_DATA_DIR, as given; None
    when neither asks for one (the platform default is then used)."""
    env = os.environ if environ is None else environ
    return flag or env.get(ENV_VAR) or None


def resolve_data_dir(flag: str | None, environ: Mapping[str, str] | None = None) -> Path:
    """The data folder: `--data-dir`, else $NCTUI_DATA_DIR, else the platform default."""
    from pathlib import Path  # noqa: PLC0415 - see default_data_dir

    chosen = chosen_data_dir(flag, environ)
    if chosen:
        return Path(chosen).expanduser().absolute()
    return default_data_dir()


def prepare_data_dir(path: Path) -> Path:
    """Create the folder if needed and check it can hold the data file.

    A folder nctui creates is made private (0700). An existing folder is left as it is:
    it may be shared or be someone's home, and the data file itself is always 0600.
    Raises DataDirError, with a message for a person, when the folder cannot be used.
    """
    try:
        exists = path.exists()
        dangling = not exists and path.is_symlink()
    except OSError as exc:
        raise DataDirError(f"nctui cannot look inside {path.parent} ({exc.strerror}).") from exc
    if dangling:
        raise DataDirError(f"{path} is a link to a folder that does not exist.")
    if exists and not path.is_dir():
        raise DataDirError(f"{path} is a file, not a folder. Choose a folder for nctui's data.")
    if not exists:
        try:
            _create_private(path)
        except OSError as exc:
            raise DataDirError(
                f"Could not create the data folder {path} ({exc.strerror})."
            ) from exc
    _check_writable(path)
    return path


def ensure_data_dir(path: Path) -> None:
    """Create the data folder again, private, if it was deleted while nctui runs."""
    if not path.is_dir():
        with contextlib.suppress(OSError):
            _create_private(path)


def _create_private(path: Path) -> None:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        path.chmod(0o700)  # mkdir's mode is trimmed by the umask


def _check_writable(path: Path) -> None:
    # Actually writing is the only honest test: os.access ignores read-only mounts,
    # ACLs and, for root, permissions altogether.
    import tempfile  # noqa: PLC0415 - not needed by read-only commands

    try:
        with tempfile.TemporaryFile(dir=path, prefix=".nctui-probe-"):
            pass
    except OSError as exc:
        raise DataDirError(
            f"Cannot write to {path} ({exc.strerror}). Choose another folder with --data-dir."
        ) from exc
