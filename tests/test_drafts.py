"""Drafts of unsaved words: their rules, and how they are stored and forgotten."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from nctui.domain.clock import ManualClock
from nctui.domain.drafts import (
    NEW_LETTER_EDITOR,
    SOS_REASONS_EDITOR,
    Draft,
    checkin_day_of,
    checkin_editor,
    kept_note,
    letter_editor,
    letter_id_of,
    offer_text,
    preview,
    worth_keeping,
    written_when,
)
from nctui.storage.draft_store import (
    DRAFTS,
    draft_op,
    drop_draft_op,
    load_drafts,
)
from nctui.storage.leftovers import add_back
from nctui.storage.ops import Batch, Remove, op_from_json
from nctui.storage.repository import Repository
from tests.conftest import FROZEN_NOW, LONDON
from tests.helpers import stored


def test_editors_are_named_for_what_they_edit() -> None:
    assert checkin_editor(date(2026, 11, 24)) == "checkin:2026-11-24"
    assert checkin_day_of("checkin:2026-11-24") == date(2026, 11, 24)
    assert checkin_day_of("checkin:24 Nov") is None
    assert checkin_day_of(SOS_REASONS_EDITOR) is None
    assert letter_editor(None) == NEW_LETTER_EDITOR == "letter:new"
    assert letter_editor("a1b2") == "letter:a1b2"
    assert letter_id_of("letter:a1b2") == "a1b2"
    assert letter_id_of(NEW_LETTER_EDITOR) is None
    assert letter_id_of("checkin:2026-11-24") is None


def test_only_new_words_are_worth_keeping() -> None:
    assert worth_keeping("Hello", "")
    assert worth_keeping("Hello again", "Hello")
    assert not worth_keeping("", "")
    assert not worth_keeping("   \n\t ", "")  # white space alone is nothing
    assert not worth_keeping("Hello\n", "Hello")  # saving drops the trailing line
    assert not worth_keeping("", "Hello")  # an emptied box loses nothing saved


def test_a_part_the_form_no_longer_holds_is_nothing_to_keep() -> None:
    ratings = {"mood": "6", "miss": "3", "urge": "2"}
    saved = {**ratings, "prompt_id": "p1", "prompt": "Why?"}
    # The words emptied: their question went with them, and the numbers are as saved.
    assert not worth_keeping("", "Slept well", ratings, saved)
    assert not worth_keeping("Slept well", "Slept well", saved, saved)
    # Another question for the same words is new.
    assert worth_keeping("Slept well", "Slept well", {**saved, "prompt": "How?"}, saved)


def test_when_a_draft_was_written_reads_like_a_person_would_say_it() -> None:
    now = datetime(2026, 11, 26, 9, 30, tzinfo=LONDON)
    assert written_when(now - timedelta(hours=2), now) == "earlier today at 07:30"
    assert written_when(now - timedelta(hours=12), now) == "yesterday at 21:30"
    assert written_when(datetime(2026, 11, 24, 22, 5, tzinfo=LONDON), now) == (
        "on Tue 24 Nov at 22:05"
    )
    assert written_when(datetime(2025, 11, 24, 22, 5, tzinfo=LONDON), now) == (
        "on Mon 24 Nov 2025 at 22:05"
    )
    # Stored in another zone (written while travelling), read in local time.
    away = datetime(2026, 11, 26, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    assert written_when(away, now) == "earlier today at 08:00"


def test_the_offer_says_when_and_where_the_words_go() -> None:
    now = datetime(2026, 11, 26, 9, 30, tzinfo=LONDON)
    draft = Draft(
        "letter:new", "letter:new", "Dear you", datetime(2026, 11, 24, 21, 40, tzinfo=LONDON)
    )
    assert offer_text(draft, now) == (
        "You were writing this on Tue 24 Nov at 21:40, and it was not saved yet. "
        "It is kept here for you."
    )
    moved = offer_text(draft, now, "These words can start a new letter.")
    assert (
        moved == "You were writing this on Tue 24 Nov at 21:40. These words can start a new letter."
    )


def test_the_preview_shows_the_start_of_long_words() -> None:
    text = "\n".join(f"line {n} " + "word " * 30 for n in range(10))
    shown = preview(text).splitlines()
    assert len(shown) == 7
    assert shown[0].startswith("line 0 ") and shown[0].endswith("…") and len(shown[0]) == 72
    assert shown[-1] == "… and 4 more lines"
    assert preview("  One line.  ") == "One line."


def test_the_note_on_quitting_names_what_is_kept() -> None:
    assert kept_note([]) == ""
    assert kept_note(["your letter"]) == (
        "Kept as a draft, not saved yet: your letter. nctui offers it back when you open it again."
    )
    assert kept_note(["today's journal entry", "your letter", "your reasons"]) == (
        "Kept as drafts, not saved yet: today's journal entry, your letter and your "
        "reasons. nctui offers them back when you open them again."
    )


def test_a_draft_is_stored_replaced_and_forgotten(data_dir: Path, clock: ManualClock) -> None:
    repository = Repository.open(data_dir, clock)
    try:
        assert load_drafts(repository) == []
        repository.apply(draft_op(NEW_LETTER_EDITOR, "Dear", clock()))
        clock.advance(timedelta(minutes=5))
        # Written again, it replaces the one before: one draft per editor.
        repository.apply(draft_op(NEW_LETTER_EDITOR, "Dear you,\x1b[2J\x00 hello", clock()))
        repository.apply(draft_op(SOS_REASONS_EDITOR, "My reasons", clock()))
        (letter, reasons) = load_drafts(repository)
        assert letter == Draft(
            "letter:new", "letter:new", "Dear you, hello", FROZEN_NOW + timedelta(minutes=5)
        )
        assert reasons.text == "My reasons"
        repository.flush()
        on_disk = stored(data_dir, DRAFTS)
        assert on_disk[0] == {
            "id": "letter:new",
            "editor": "letter:new",
            "text": "Dear you, hello",
            "updated_at": "2026-11-26T09:35:00+00:00",
        }
        repository.apply(drop_draft_op(letter))
        repository.apply(drop_draft_op(letter))  # already gone: nothing happens
        repository.flush()
        assert [doc["id"] for doc in stored(data_dir, DRAFTS)] == ["sos-reasons"]
    finally:
        repository.close()


def test_a_damaged_draft_is_left_out_not_fatal(data_dir: Path, clock: ManualClock) -> None:
    repository = Repository.open(data_dir, clock)
    try:
        repository.apply(draft_op(NEW_LETTER_EDITOR, "Kept", clock()))
        repository.apply(Batch((draft_op("letter:x", "x", clock()),)))
        # As if edited by hand: words that are not text, a time without its offset.
        repository.table(DRAFTS).update({"text": ["not", "text"]}, doc_ids=[2])
        assert [draft.text for draft in load_drafts(repository)] == ["Kept"]
        repository.table(DRAFTS).update({"updated_at": "2026-11-26T09:30:00"}, doc_ids=[1])
        assert load_drafts(repository) == []
    finally:
        repository.close()


def test_removing_survives_the_file_of_unsaved_changes() -> None:
    remove = Remove(DRAFTS, "letter:new")
    assert op_from_json(remove.as_json()) == remove
    batch = Batch((draft_op("sos-reasons", "Mine", FROZEN_NOW), remove))
    assert op_from_json(batch.as_json()) == batch


def test_a_removal_is_added_back_after_a_failed_save(tmp_path: Path) -> None:
    import json

    leftover = tmp_path / "nctui.json.unsaved-2026-11-26T09-30-00"
    leftover.write_text(json.dumps([Remove(DRAFTS, "letter:new").as_json()]))
    data: dict[str, dict[str, dict[str, Any]]] = {
        "meta": {"1": {"schema_version": 1}},
        DRAFTS: {"1": {"id": "letter:new", "editor": "letter:new", "text": "x", "updated_at": "x"}},
    }
    result = add_back(data, [leftover])
    assert result.data[DRAFTS] == {} and result.added == 1 and result.used == (leftover,)
