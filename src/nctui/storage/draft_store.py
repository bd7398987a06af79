"""Drafts of unsaved words, as stored: one document per editor, removed once settled.

The document's id is the editor's name, so a draft written again (by this window or
another one) replaces the one before instead of adding a second.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from nctui.domain.drafts import Draft
from nctui.domain.text import strip_controls
from nctui.storage.ops import Put, Remove
from nctui.storage.records import moment, parse_all, stamp

if TYPE_CHECKING:
    from nctui.storage.repository import Repository

DRAFTS = "drafts"


def draft_from_doc(doc: Mapping[str, Any]) -> Draft:
    """A draft from its stored document."""
    text, editor, fields = doc["text"], doc["editor"], doc.get("fields") or {}
    if not isinstance(text, str) or not isinstance(editor, str):
        raise TypeError("a draft's editor and text must be text")
    if not isinstance(fields, dict) or not all(isinstance(v, str) for v in fields.values()):
        raise TypeError("a draft's fields must be text")
    return Draft(
        id=str(doc["id"]),
        editor=editor,
        text=text,
        updated_at=moment(doc["updated_at"]),
        fields=dict(fields),
    )


def load_drafts(repository: Repository) -> list[Draft]:
    """Every draft, oldest first."""
    drafts = parse_all(repository.documents(DRAFTS), draft_from_doc)
    return sorted(drafts, key=lambda draft: draft.updated_at)


def draft_op(editor: str, text: str, now: datetime, fields: Mapping[str, str] | None = None) -> Put:
    """The change that keeps `text` (and the rest of the form, `fields`) as `editor`'s
    draft, replacing any earlier one.

    Control characters are dropped, as from every text nctui stores.
    """
    doc: dict[str, Any] = {
        "id": editor,
        "editor": editor,
        "text": strip_controls(text),
        "updated_at": stamp(now),
    }
    if fields:
        doc["fields"] = {name: strip_controls(value) for name, value in fields.items()}
    return Put(DRAFTS, doc)


def drop_draft_op(draft: Draft) -> Remove:
    """The change that forgets a draft (its words were saved, or discarded)."""
    return Remove(DRAFTS, draft.id)
