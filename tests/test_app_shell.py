"""The app shell, driven from the keyboard as a person would."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.command import CommandPalette
from textual.widgets import Input, OptionList, Static

from nctui.domain.clock import ManualClock
from nctui.storage.ops import Insert, new_id
from nctui.storage.repository import Repository
from nctui.storage.settings import setting_op
from nctui.ui.navigation import DESTINATIONS, HOME
from nctui.ui.screens.help import HelpScreen
from nctui.ui.screens.notice import NoticeScreen
from tests.helpers import AppFactory, notices, screen_text, squash


async def test_opens_on_home_with_the_title(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.current_mode == HOME.name
        assert app.screen.query_one("#title").drawing_for(80).count("\n") >= 4  # type: ignore[attr-defined]


async def test_every_screen_is_one_key_away(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        for target in [*DESTINATIONS[1:], HOME]:
            app.screen.set_focus(None)  # a screen may start in a text box
            await pilot.press(target.key)
            await pilot.pause()
            assert app.current_mode == target.name
            assert app.screen.sub_title == target.title
            assert f"{target.key} {target.label}" in screen_text(app).splitlines()[0]


async def test_escape_leaves_a_text_box_so_letters_work_again(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("i")
        await pilot.pause()
        box = app.focused
        assert isinstance(box, Input)
        await pilot.press("c")
        assert app.current_mode == "intake"  # typed into the box
        assert box.value.endswith("c")
        await pilot.press("escape", "c")
        await pilot.pause()
        assert app.current_mode == "countdown"


async def test_palette_does_not_leave_a_dialog_behind(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        app.go("countdown")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.current_mode == HOME.name


async def test_home_menu_opens_a_screen_with_arrows_and_enter(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.focused, OptionList)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.current_mode == DESTINATIONS[3].name


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_lists_every_key(make_app: AppFactory, key: str) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.rows
        keys = [row.keys for row in rows]
        described = " ".join(row.description for row in rows)
        console = Console(width=76, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#help-table", Static).content)
        shown = " ".join(console.export_text().split())
        assert "c Countdown — Where you are in your period" in shown
        for target in DESTINATIONS:
            assert target.key in keys
            assert target.summary in described
        assert "? f1" in keys
        assert any("q" in k.split() for k in keys)
        assert "^p" in keys
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_screen_keys_wait_while_help_is_open(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("question_mark", "c")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.current_mode == HOME.name


async def test_command_palette_jumps_to_each_screen(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        for target in DESTINATIONS:
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            await pilot.press(*target.label.lower())
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert app.current_mode == target.name


async def test_the_palette_finds_help_and_sos_by_name(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p", *"help", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "ctrl+p", *"sos", "enter")
        await pilot.pause()
        assert app.screen.has_class("sos")


async def test_the_help_names_the_screen_in_plain_words(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("r", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = squash(screen_text(app))
        assert "Ready to reach out?" in shown
        assert "?." not in shown


async def test_the_help_lists_this_screens_keys_not_textuals_own(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("a", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        described = {row.description.split(" — ")[0] for row in app.screen.rows}
        assert {"Plan", "Done", "Surprise"} <= described
        assert not described & {"Scroll Up", "Focus Next", "Page Down", "Copy selected text"}


async def test_q_quits_and_everything_is_saved(make_app: AppFactory, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        app.coach.apply(Insert("notes", {"id": new_id(), "note": "before quitting"}))
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert "before quitting" in (data_dir / "nctui.json").read_text()


async def test_a_damaged_file_is_named_in_a_notice(make_app: AppFactory, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "nctui.json").write_text('{"half a fi')
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        shown = " ".join(str(s.content) for s in app.screen.query(Static))
        assert "~/data/nctui.json.corrupt-2026-11-26T09-30-00" in shown
        assert (data_dir / "nctui.json.corrupt-2026-11-26T09-30-00").exists()
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == HOME.name
        assert not isinstance(app.screen, NoticeScreen)


async def test_a_stray_entry_is_left_out_with_a_word_and_the_rest_kept(
    make_app: AppFactory, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "nctui.json").write_text(
        '{"meta": {"1": {"schema_version": 1}}, "events": {"1": 42}, "letters": {}}'
    )
    app = make_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, NoticeScreen)  # no "fresh start" here
        (notice,) = [n for n in app._notifications if n.title == "Some entries left out"]
        assert "left this out: 1 entry in your log." in notice.message
        assert "'events'" not in notice.message and "it was left out" not in notice.message
        assert "~/data/nctui.json.corrupt-2026-11-26T09-30-00" in notice.message


async def test_changes_from_another_window_appear(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        other = Repository.open(data_dir, clock)
        other.apply(Insert("notes", {"id": new_id(), "note": "from the other window"}))
        other.close()
        heard = notices(app)
        app._poll_storage()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [changes.everything for changes in heard] == [True]
        notes = [doc["note"] for doc in app.coach.repository.table("notes").all()]
        assert notes == ["from the other window"]


async def test_a_failed_save_is_reported_and_retried(
    make_app: AppFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(notifications=True) as pilot:
        with monkeypatch.context() as patch:
            patch.setattr(
                "nctui.storage.repository.atomic_write_bytes",
                _raise_disk_full,
            )
            app.coach.apply(Insert("notes", {"id": new_id(), "note": "precious"}))
            app.coach.file.flush()
            await pilot.pause()
            titles = [n.title for n in app._notifications]
            assert "Could not save just now" in titles
        app._poll_storage()
        app.coach.file.flush()
        app._poll_storage()
        await pilot.pause()
        assert "Saved" in [n.title for n in app._notifications]
    assert "precious" in (data_dir / "nctui.json").read_text()


def _raise_disk_full(path: Path, payload: bytes) -> None:
    raise OSError(28, "No space left on device")


async def test_a_theme_that_no_longer_exists_falls_back(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    repository = Repository.open(data_dir, clock)
    repository.apply(setting_op("theme", "a-theme-from-an-old-version"))
    repository.close()
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == "nctui"


async def test_theme_choice_is_remembered(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        app.theme = "nord"
        await pilot.pause()
    again = make_app()
    assert again.theme == "nord"
