"""Choosing and checking the data folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from nctui.storage.errors import DataDirError
from nctui.storage.location import prepare_data_dir, resolve_data_dir


def test_flag_wins_over_environment_wins_over_default(tmp_path: Path) -> None:
    env = {"NCTUI_DATA_DIR": str(tmp_path / "from-env")}
    assert resolve_data_dir(str(tmp_path / "from-flag"), env) == tmp_path / "from-flag"
    assert resolve_data_dir(None, env) == tmp_path / "from-env"
    default = resolve_data_dir(None, {})
    assert default.name == "nctui"
    assert str(default).startswith(os.environ["HOME"])


def test_tilde_in_a_given_folder_means_home() -> None:
    assert resolve_data_dir("~/notes", {}) == Path.home() / "notes"


def test_missing_folder_is_created_private(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b"
    prepare_data_dir(target)
    assert target.is_dir()
    assert stat.S_IMODE(target.stat().st_mode) == 0o700


def test_an_existing_folder_keeps_its_permissions(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp: others' files live here too
    prepare_data_dir(shared)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777


def test_a_link_to_nowhere_is_named_as_such(tmp_path: Path) -> None:
    link = tmp_path / "data"
    link.symlink_to(tmp_path / "gone")
    with pytest.raises(DataDirError, match="link to a folder that does not exist"):
        prepare_data_dir(link)


def test_a_file_is_not_a_data_folder(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("mine")
    with pytest.raises(DataDirError, match="is a file, not a folder"):
        prepare_data_dir(target)
    assert target.read_text() == "mine"


def _unwritable_folder(tmp_path: Path) -> Path:
    if os.geteuid() == 0:
        # Root ignores permission bits; /proc refuses new files even to root.
        return Path("/proc/self")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    return folder


def test_an_unwritable_folder_is_refused_with_a_reason(tmp_path: Path) -> None:
    with pytest.raises(DataDirError, match="Cannot write to"):
        prepare_data_dir(_unwritable_folder(tmp_path))


def test_a_folder_that_cannot_be_created_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(DataDirError):
        prepare_data_dir(blocker / "inside")
