"""The coach the screens talk to: between the user interface and the stored data.

Screens call intents (log an event, check in, seal a letter, extend the period...)
with plain values and get domain objects back; they read what they show through the
same parts. Every change announces what changed (`Changes`), so each screen updates only
the parts that show that kind of record. Ids, timestamps and change records are made
here or below, never in the user interface.
"""

from nctui.coach.changes import Changes, Topic
from nctui.coach.coach import Coach

__all__ = ["Changes", "Coach", "Topic"]
