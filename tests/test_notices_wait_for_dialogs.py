"""Start-up notices never cover the dialog that says the data file was damaged."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import AppFactory


async def test_notices_wait_until_the_damaged_file_dialog_is_closed(
    make_app: AppFactory, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    # A copy an earlier start kept aside holds entries the fresh file will lack: worth a
    # note too, and the damaged file makes the dialog.
    events = {
        str(n): {"id": f"e{n}", "kind": "urge", "at": "2026-11-20T10:00:00+00:00"}
        for n in range(1, 6)
    }
    meta = {"1": {"schema_version": 1, "created_at": "2026-11-01T09:00:00+00:00"}}
    older = data_dir / "nctui.json.corrupt-2026-11-20T10-00-00"
    older.write_text(json.dumps({"meta": meta, "events": events}))
    (data_dir / "nctui.json").write_text("{" + '"events": {"1": ' * 400)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        for _ in range(3):
            await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "NoticeScreen"
        assert not list(app._notifications), "a notice covers the dialog"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ != "NoticeScreen"
        titles = [note.title for note in app._notifications]
        assert "Older history set aside" in titles
