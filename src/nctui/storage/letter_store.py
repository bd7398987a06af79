"""Unsent letters, as stored: one document per letter.

A draft's earlier text moves into `earlier` when it is written over, so no draft is
lost; sealing and opening only add fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from nctui.domain.letters import Letter, opened
from nctui.storage.ops import Insert, Put, Revise, new_id
from nctui.storage.records import moment, optional_moment, parse_all, stamp

if TYPE_CHECKING:
    from nctui.storage.repository import Repository

LETTERS = "letters"


def letter_from_doc(doc: Mapping[str, Any]) -> Letter:
    """A letter from its stored document (of the shape `shapes` declares)."""
    return Letter(
        id=doc["id"],
        written_at=moment(doc["written"]),
        text=doc["text"],
        sealed_at=optional_moment(doc.get("sealed")),
        opened_at=optional_moment(doc.get("opened")),
        opened_early=bool(doc.get("early")),
        earlier=tuple(doc.get("earlier") or ()),
    )


def load_letters(repository: Repository) -> list[Letter]:
    """Every letter, oldest first."""
    letters = parse_all(repository.documents(LETTERS), letter_from_doc)
    return sorted(letters, key=lambda letter: letter.written_at)


def new_letter_op(text: str, now: datetime, *, seal: bool) -> Insert:
    """The change that keeps a new letter, as a draft or sealed at once."""
    doc: dict[str, Any] = {"id": new_id(), "written": stamp(now), "text": text}
    if seal:
        doc["sealed"] = stamp(now)
    return Insert(LETTERS, doc)


def redraft_op(letter: Letter, text: str, now: datetime, *, seal: bool) -> Revise:
    """The change that writes over a draft, keeping the text it had; sealing it if asked.

    The text kept is the one stored when the change is made, so a draft saved meanwhile
    in another window joins the earlier drafts instead of being lost.
    """
    also: dict[str, Any] = {}
    if text != letter.text:
        also["updated"] = stamp(now)
    if seal:
        also["sealed"] = stamp(now)
    return Revise(LETTERS, letter.id, "text", text, "earlier", also)


def open_op(letter: Letter, now: datetime, *, early: bool) -> Put:
    """The change that opens a sealed letter."""
    done = opened(letter, now, early=early)
    assert done.opened_at is not None
    doc: dict[str, Any] = {"id": letter.id, "opened": stamp(done.opened_at)}
    if early:
        doc["early"] = True
    return Put(LETTERS, doc)
