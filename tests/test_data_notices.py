"""What the app tells the person about their data file, in the words they see."""

from __future__ import annotations

import json
from pathlib import Path

from nctui.domain.clock import ManualClock
from nctui.storage.location import DATA_FILE_NAME
from nctui.storage.ops import Insert, new_id
from nctui.storage.repository import Repository
from nctui.ui.app import NctuiApp
from tests.helpers import AppFactory, squash

META = {"1": {"schema_version": 1, "created_at": "2026-11-01T09:00:00+00:00"}}


def _messages(app: NctuiApp) -> dict[str, str]:
    return {notice.title: squash(notice.message) for notice in app._notifications}


async def test_an_unreadable_file_of_unsaved_changes_is_named_on_every_start(
    make_app: AppFactory, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / f"{DATA_FILE_NAME}.unsaved-2026-11-20T10-00-00").write_text("[{half")
    for _ in range(2):
        app = make_app()
        async with app.run_test(notifications=True) as pilot:
            await pilot.pause()
            said = _messages(app)["Unsaved changes not added"]
            assert "~/data/nctui.json.unsaved-2026-11-20T10-00-00" in said
            assert "left as it was" in said


async def test_a_copy_aside_with_more_history_is_named_on_every_start(
    make_app: AppFactory, data_dir: Path
) -> None:
    events = {
        str(n): {"id": f"e{n}", "kind": "urge", "at": "2026-11-20T10:00:00+00:00"}
        for n in range(1, 99)
    }
    data_dir.mkdir(parents=True)
    (data_dir / "nctui.json.corrupt-2026-11-20T10-00-00").write_text(
        json.dumps({"meta": META, "events": events})
    )
    for _ in range(2):
        app = make_app()
        async with app.run_test(notifications=True) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            said = _messages(app)["Older history set aside"]
            assert "~/data/nctui.json.corrupt-2026-11-20T10-00-00" in said
            assert "holds entries your current file does not" in said


async def test_no_word_about_copies_aside_that_hold_nothing_more(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    repository = Repository.open(data_dir, clock)
    repository.apply(Insert("notes", {"id": new_id(), "note": "kept"}))
    repository.close()
    (data_dir / "nctui.json.corrupt-2026-11-20T10-00-00").write_text("{}")
    app = make_app()
    async with app.run_test(notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Older history set aside" not in _messages(app)


async def test_a_window_that_writes_back_its_entries_says_so(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    app = make_app()
    async with app.run_test(notifications=True) as pilot:
        other = Repository.open(data_dir, clock)
        app.coach.apply(Insert("notes", {"id": "mine", "note": "typed here"}))
        app.coach.file.flush()
        (data_dir / DATA_FILE_NAME).unlink()
        other.apply(Insert("notes", {"id": "theirs", "note": "typed there"}))
        other.close()  # writes back its own copy, without this window's note
        app._poll_storage()
        await app.workers.wait_for_complete()
        app.coach.file.flush()
        await pilot.pause()
        said = _messages(app)["Your data file"]
        assert "nothing is lost" in said
    data = json.loads((data_dir / DATA_FILE_NAME).read_text())
    assert sorted(doc["id"] for doc in data["notes"].values()) == ["mine", "theirs"]
