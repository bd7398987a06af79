"""Checked entries keep one copy of a text many of them repeat, and nothing else changes."""

from __future__ import annotations

import json
from typing import Any

from nctui.storage.atomic_file import encode
from nctui.storage.shapes import inspect

AT = "2026-11-20T10:00:00+00:00"


def _decoded(data: dict[str, Any]) -> dict[str, Any]:
    # Decoded from text, as the file is: every value its own copy.
    decoded: dict[str, Any] = json.loads(json.dumps(data))
    return decoded


def _events() -> dict[str, Any]:
    return {
        str(number): {
            "id": f"event{number}",
            "kind": "urge",
            "at": AT,
            "logged": AT,
            "attempt": "attempt1",
            "note": "A walk instead.",
        }
        for number in (1, 2, 3)
    }


def test_repeated_texts_are_kept_once() -> None:
    inspection = inspect(_decoded({"events": _events()}))
    first, second, third = inspection.shown["events"].values()
    assert first["kind"] is second["kind"] is third["kind"]
    assert first["attempt"] is second["attempt"] is third["attempt"]
    assert first["logged"] is first["at"]


def test_sharing_changes_no_value_and_copies_nothing() -> None:
    data = _decoded({"events": _events()})
    inspection = inspect(data)
    assert inspection.whole
    assert inspection.shown["events"] is data["events"]
    assert inspection.shown == {"events": _events()}
    assert encode(inspection.kept()) == encode({"events": _events()})


def test_an_entry_with_text_to_make_safe_is_still_a_new_copy() -> None:
    events = _events()
    events["2"]["note"] = "A \x1b[2J walk."
    data = _decoded({"events": events})
    inspection = inspect(data)
    shown = inspection.shown["events"]["2"]
    assert shown is not data["events"]["2"]
    assert "\x1b" not in shown["note"]
    assert data["events"]["2"]["note"] == "A \x1b[2J walk."  # the stored text is kept
    assert shown["kind"] is inspection.shown["events"]["1"]["kind"]
