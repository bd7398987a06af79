"""What the period's status is worked out from: the attempts and the times of contacts.

One reading of the data for both places that need it: `nctui status` reading the whole
file, and the writer keeping the status summary (`status_summary`) beside it, so the
two can never disagree about which entries count.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from nctui.domain.ledger import Kind
from nctui.domain.period import Attempt
from nctui.storage.attempt_store import ATTEMPTS, attempts_from
from nctui.storage.ledger_store import EVENTS, event_from_doc
from nctui.storage.migrations import RawData
from nctui.storage.records import parse_all
from nctui.storage.shapes import entries


def period_inputs(data: RawData) -> tuple[list[Attempt], list[datetime]]:
    """The attempts (oldest first, at most one running) and the times of contacts the
    person started, in stored order."""
    attempts = attempts_from(entries(ATTEMPTS, data.get(ATTEMPTS, {}).values()))
    # Only contacts matter here; skipping the rest before checking keeps a long history fast.
    contacts = [doc for doc in data.get(EVENTS, {}).values() if _is_contact(doc)]
    return attempts, [event.at for event in parse_all(entries(EVENTS, contacts), event_from_doc)]


def _is_contact(doc: Any) -> bool:
    # Any stored value: the entries are checked after this first cheap look.
    return type(doc) is dict and doc.get("kind") == Kind.CONTACT
