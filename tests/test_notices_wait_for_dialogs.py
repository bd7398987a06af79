"""Start-up notices never cover the dialog that says the data file was damaged."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import AppFactory


async def test_notices_wait_until_the_damaged_file_dialog_is_closed(
    make_app: AppFactory, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    # Unreadable, and bigger than the fresh file that replaces it: worth a note too.
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
