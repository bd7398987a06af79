"""Escape sequences hidden in the data file never reach the terminal.

Every field that shows text from the file gets terminal commands planted in it (a
clipboard write, clear-screen, a link, colours); the app is driven through every screen
that shows them, and what it writes to the terminal is read back byte for byte.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from devtools.sample import sample_history
from nctui.domain.clock import ManualClock
from nctui.storage.location import DATA_FILE_NAME
from nctui.ui.app import NctuiApp
from tests.helpers import AppFactory
from tests.terminal_output import RecordingDriver, recorded, reset

pytestmark = pytest.mark.faults

CLIPBOARD = "\x1b]52;c;SElKQUNLRUQ=\x07"
CLEAR = "\x1b[2J\x1b[H"
LINK = "\x1b]8;;https://example.invalid/\x1b\\click\x1b]8;;\x1b\\"
COLOUR = "\x1b[5;35;7m"
C1_CLEAR = "\x9b2J"
PAYLOAD = f"{CLIPBOARD}{CLEAR}{LINK}{COLOUR}HIJACKED{C1_CLEAR}"
FORBIDDEN = {
    "a clipboard write (OSC 52)": "\x1b]52",
    "clear-screen": "\x1b[2J",
    "a link (OSC 8)": "\x1b]8;",
    "planted colours": COLOUR,
    "a clipboard write's end": "SElKQUNLRUQ=\x07",
    "a C1 command": "\x9b",
}
"""What must never be written. (Textual writes a few sequences of its own, such as the
mouse pointer's shape, so the planted ones are looked for, not every escape.)"""


def _planted(marker: str, text: str = "") -> str:
    # The marker first, so a line cut short still shows which field it is.
    return f"{marker} {text} {PAYLOAD} end".strip()


def _plant(data: dict[str, Any], now_day: str, now: str) -> None:
    """Plant the payload in every free-text field the app reads, each with its marker."""
    tables = data
    for doc in tables["events"].values():
        doc["note"] = _planted("Mnote", doc.get("note", ""))
    checkins = tables["checkins"]
    for doc in checkins.values():
        doc["text"] = _planted("Mjournal", doc.get("text", ""))
    checkins[str(len(checkins) + 100)] = {
        "id": "today",
        "day": now_day,
        "mood": 6,
        "miss": 4,
        "urge": 3,
        "text": _planted("Mtoday"),
        "at": now,
    }
    for doc in tables["own_activities"].values():
        doc["name"] = _planted("Mown", doc["name"])
    for doc in tables["activity_plans"].values():
        doc["name"] = _planted("Mplan", doc["name"])
    for doc in tables["activity_done"].values():
        doc["name"] = _planted("Mdone", doc["name"])
        doc["note"] = _planted("Mdonenote", doc.get("note", ""))
    own = next(iter(tables["own_activities"].values()))
    tables["activity_done"]["900"] = {
        "id": "done-own",
        "activity": f"own-{own['id']}",
        "name": own["name"],
        "category": own["category"],
        "at": now,
        "minutes": 30,
        "note": _planted("Mownnote"),
    }
    for doc in tables["letters"].values():
        doc["text"] = _planted("Mletter", doc["text"])
        doc["earlier"] = [_planted("Mearlier")]
    for doc in tables["intakes"].values():
        answers = doc["answers"]
        answers["loose_ends"] = [*answers["loose_ends"], "other"]
        answers["other_loose_end"] = _planted("Mother")
        recommendation = doc["recommendation"]
        recommendation["helps"] = [_planted("Mhelp", line) for line in recommendation["helps"]]
        for reason in recommendation["reasons"]:
            reason[0] = _planted("Manswer", reason[0])
    tables["settings"]["800"] = {"id": "sos_reasons", "value": _planted("Mreasons")}
    tables["readiness"] = {
        "1": {
            "id": "check-1",
            "at": now,
            "answers": {"calm": 3},
            "score": 40,
            "verdict": "not_yet",
            "reasons": [_planted("Mcheck")],
            "extension_days": 0,
        }
    }
    tables["drafts"] = {
        "1": {"id": "d1", "editor": "journal", "text": _planted("Mdraft"), "updated_at": now}
    }


def _write_planted_data(data_dir: Path, clock: ManualClock) -> None:
    now = clock()
    data: dict[str, Any] = sample_history(now, 0.25)
    _plant(data, now.date().isoformat(), now.isoformat())
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / DATA_FILE_NAME).write_text(json.dumps(data))


Step = Callable[[NctuiApp], Any]


async def _visit_everything(app: NctuiApp, press: Callable[..., Any]) -> None:
    """Every screen and view that shows stored text."""
    await press("v")  # countdown -> the whole history
    await press("escape", "a")  # activities
    await press("slash", *"pottery", "escape", "down")  # an idea with a done note
    await press("slash", *["backspace"] * 7, *"pasta", "escape", "down")  # their own idea
    await press("escape", "j")  # journal: today's check-in in its editor
    await press("3")  # the journal's entries
    await press("v", "escape")  # every version of the newest day
    await press("4")  # letters
    await press("down", "down", "up")
    await press("escape", "i")  # intake: the start checklist
    await press("escape", "r")  # readiness
    await press("escape", "exclamation_mark")  # SOS
    await press("x", "h")


async def test_no_planted_escape_sequence_reaches_the_terminal(
    make_app: AppFactory, data_dir: Path, clock: ManualClock
) -> None:
    _write_planted_data(data_dir, clock)
    app = make_app()
    app.driver_class = RecordingDriver
    reset()
    async with app.run_test(size=(120, 40), headless=False) as pilot:

        async def press(*keys: str) -> None:
            await pilot.press(*keys)
            await pilot.pause()
            await pilot.pause()

        await pilot.pause()
        await _visit_everything(app, press)
        assert app._exception is None
    out = recorded()
    for what, sequence in FORBIDDEN.items():
        assert sequence not in out, f"{what} reached the terminal"
    assert "␛[2J" in out  # shown, as symbols
    shown = {marker for marker in MARKERS if marker in out}
    assert shown == set(MARKERS), f"never drawn: {sorted(set(MARKERS) - shown)}"


MARKERS = (
    "Mnote",
    "Mtoday",
    "Mjournal",
    "Mown",
    "Mplan",
    "Mownnote",
    "Mletter",
    "Mother",
    "Mreasons",
    "Mcheck",
    "Mdonenote",
)
"""Fields the walk must have drawn: each shows text from the file on some screen. (The
others planted, such as a letter's earlier drafts, are not shown anywhere today; they are
planted all the same, for the day they are.)"""


async def test_text_from_outside_the_data_file_is_drawn_as_symbols_too(
    tmp_path: Path, clock: ManualClock
) -> None:
    # The folder's own name is shown when its file was damaged: the last line of defence
    # is the screen itself, which draws any control character as a symbol.
    from nctui.ui.app import create_app

    folder = tmp_path / "home" / f"data{CLIPBOARD}{COLOUR}"
    folder.mkdir(parents=True)
    (folder / DATA_FILE_NAME).write_text("{cut short")
    app = create_app(folder, clock)
    app.animation_level = "none"
    app.driver_class = RecordingDriver
    reset()
    async with app.run_test(size=(120, 40), headless=False) as pilot:
        await pilot.pause()
        await pilot.pause()
    app.coach.file.close()
    out = recorded()
    assert "\x1b]52" not in out
    assert COLOUR not in out
    assert "~/data␛]52;c;SElKQUNLRUQ=" in out
