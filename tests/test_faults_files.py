"""Every kind of damaged or odd data file, and what the person sees for each.

Each case sets up a data folder as it might be found (cut short, edited by hand, synced
from elsewhere, on a full disk) and checks the words nctui shows: a notice in the app,
or a message and exit code 2 before anything is drawn. Never a traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

from nctui.cli import main
from nctui.domain.clock import ManualClock
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.ops import Insert
from nctui.ui.app import NctuiApp
from nctui.ui.screens.notice import NoticeScreen
from tests.helpers import AppFactory, squash, stored

pytestmark = pytest.mark.faults

META = {"1": {"schema_version": 1, "created_at": "2026-11-01T09:00:00+00:00"}}
URGE = {"id": "e1", "kind": "urge", "at": "2026-11-20T10:00:00+00:00", "note": "kept"}


def _data(**tables: Any) -> bytes:
    return json.dumps({"meta": META, **tables}).encode()


def _file(content: bytes) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / DATA_FILE_NAME).write_bytes(content)

    return setup


def _unreadable_leftover(folder: Path) -> None:
    _file(_data(events={"1": URGE}))(folder)
    (folder / f"{DATA_FILE_NAME}.unsaved-2026-11-20T10-00-00").write_text("[{half")


def _bigger_copy_aside(folder: Path) -> None:
    events = {str(n): {**URGE, "id": f"e{n}"} for n in range(1, 99)}
    _file(_data(events={}))(folder)
    (folder / f"{DATA_FILE_NAME}.corrupt-2026-11-20T10-00-00").write_bytes(_data(events=events))


def _stale_temporaries(folder: Path) -> None:
    _file(_data(events={"1": URGE}))(folder)
    for name in (".nctui.json.a1b2c3d4.tmp", ".nctui.json.e5f6g7h8.tmp"):
        (folder / name).write_text("{}")
        os.utime(folder / name, (time.time() - 3600,) * 2)


IN_APP: dict[str, tuple[Callable[[Path], None], str | None, str | None]] = {
    # case: (set-up, title of what is shown or None for nothing, words in it)
    "empty file": (_file(b""), "Your data file could not be read", "it was empty"),
    "cut short": (
        _file(_data(events={"1": URGE})[:-20]),
        "Your data file could not be read",
        "it was not valid JSON, perhaps cut short",
    ),
    "binary garbage": (
        _file(b"\x00\xff\xfe garbage"),
        "Your data file could not be read",
        "not valid JSON",
    ),
    "200,000 brackets": (
        _file(b"[" * 200_000),
        "Your data file could not be read",
        "not valid JSON",
    ),
    "not nctui's": (
        _file(b"[1, 2, 3]"),
        "Your data file could not be read",
        "it did not hold nctui data",
    ),
    "a table that is not a table": (
        _file(_data(events=[1, 2])),
        "Your data file could not be read",
        "its table 'events' was damaged",
    ),
    "version mark edited": (
        _file(json.dumps({"meta": {"1": {"schema_version": "two"}}}).encode()),
        "Your data file could not be read",
        "its version mark was unreadable",
    ),
    "a detail that is a list": (
        _file(_data(events={"1": URGE, "2": {**URGE, "id": "e2", "detail": ["x"]}})),
        "Some entries left out",
        "left this out: 1 entry in your log.",
    ),
    "a stray value for an entry": (
        _file(_data(events={"1": URGE, "2": 42})),
        "Some entries left out",
        "left this out: 1 entry in your log.",
    ),
    "a date edited into words": (
        _file(_data(events={"1": URGE, "2": {**URGE, "id": "e2", "at": "last Tuesday"}})),
        "Some entries left out",
        "left this out: 1 entry in your log.",
    ),
    "a byte-order mark": (_file(b"\xef\xbb\xbf" + _data(events={"1": URGE})), None, None),
    "an entry number that is not a number": (
        _file(_data(events={"first": URGE})),
        None,
        None,
    ),
    "an unreadable file of unsaved changes": (
        _unreadable_leftover,
        "Unsaved changes not added",
        "~/data/nctui.json.unsaved-2026-11-20T10-00-00",
    ),
    "a bigger copy set aside earlier": (
        _bigger_copy_aside,
        "Older history set aside",
        "holds entries your current file does not",
    ),
    "temporary files of interrupted saves": (_stale_temporaries, None, None),
}


def _seen(app: NctuiApp) -> dict[str, str]:
    """Every notice on show: title -> words."""
    seen = {notice.title: squash(notice.message) for notice in app._notifications}
    if isinstance(app.screen, NoticeScreen):
        title, *body = [str(static.content) for static in app.screen.query(Static)]
        seen[title] = squash(" ".join(body))
    return seen


@pytest.mark.parametrize("case", IN_APP)
async def test_what_the_person_sees_for_each_damaged_file(
    make_app: AppFactory, data_dir: Path, case: str
) -> None:
    setup, title, words = IN_APP[case]
    setup(data_dir)
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        seen = _seen(app)
        if title is None:
            assert not {t for t in seen if t != "A moment to notice"}, seen
        else:
            assert words is not None and words in seen[title]
        await pilot.press("escape", "c")  # whatever was said, the app carries on
        await pilot.pause()
        app.coach.apply(Insert("notes", {"id": "after", "note": "saved afterwards"}))
        assert app._exception is None
    assert app.coach.file.close() is None
    assert [doc["id"] for doc in stored(data_dir, "notes")] == ["after"]
    assert not list(data_dir.glob(".nctui.json.*.tmp"))


def _link_to_nowhere(folder: Path) -> None:
    folder.mkdir(parents=True)
    (folder / DATA_FILE_NAME).symlink_to(folder.parent / "unmounted" / DATA_FILE_NAME)


def _folder_named_like_the_file(folder: Path) -> None:
    (folder / DATA_FILE_NAME).mkdir(parents=True)


def _pipe(folder: Path) -> None:
    folder.mkdir(parents=True)
    os.mkfifo(folder / DATA_FILE_NAME)


def _disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", refuse)


REFUSED: dict[str, tuple[Callable[[Path], None], bool, str]] = {
    # case: (set-up, on a full disk, words of the message)
    "a file from a newer nctui": (
        _file(json.dumps({"meta": {"1": {"schema_version": 99}}}).encode()),
        False,
        "written by a newer version of nctui",
    ),
    "a folder where the file should be": (
        _folder_named_like_the_file,
        False,
        "is not a regular file",
    ),
    "a named pipe where the file should be": (_pipe, False, "is not a regular file"),
    "a link into a folder that is not there": (_link_to_nowhere, False, "which does not exist"),
    "a first start on a full disk": (lambda folder: None, True, "The disk is full"),
    "a damaged file on a full disk": (
        _file(_data(events={"1": URGE, "2": 42})),
        True,
        "The disk is full",
    ),
}


@pytest.mark.parametrize("case", REFUSED)
def test_what_the_person_sees_when_nctui_cannot_start(
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
) -> None:
    setup, full_disk, words = REFUSED[case]
    setup(data_dir)
    before = sorted(path.name for path in data_dir.iterdir()) if data_dir.exists() else []
    if full_disk:
        _disk_full(monkeypatch)
    assert main(["--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert words in err
    assert "Traceback" not in err
    after = sorted(path.name for path in data_dir.iterdir()) if data_dir.exists() else []
    assert [name for name in after if name != f"{DATA_FILE_NAME}.lock"] == before


@pytest.mark.parametrize("damage", ["deleted", "overwritten with garbage", "folder deleted"])
async def test_what_the_person_sees_when_the_file_is_damaged_while_open(
    make_app: AppFactory, data_dir: Path, clock: ManualClock, damage: str
) -> None:
    app = make_app()
    async with app.run_test(notifications=True) as pilot:
        app.coach.apply(Insert("notes", {"id": "before", "note": "kept"}))
        app.coach.file.flush()
        if damage == "deleted":
            (data_dir / DATA_FILE_NAME).unlink()
        elif damage == "folder deleted":
            shutil.rmtree(data_dir)
        else:
            (data_dir / DATA_FILE_NAME).write_bytes(b"\x00 garbage")
        app.coach.apply(Insert("notes", {"id": "after", "note": "kept too"}))
        app.coach.file.flush()
        await pilot.pause()
        said = _seen(app)["Your data file"]
        assert "nothing is lost" in said
        if damage == "overwritten with garbage":
            assert "it is kept as" in said
    app.coach.file.close()
    assert sorted(doc["id"] for doc in stored(data_dir, "notes")) == ["after", "before"]
