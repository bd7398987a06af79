"""Completed intakes and the start checklist, as stored.

Intakes are only ever added: retaking the intake keeps every earlier one. The checklist
keeps one tick per item, so a step already done stays done across retakes.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from nctui.domain.intake import EndedBy, Ending, Goal, IntakeAnswers, LooseEnd, YesNo
from nctui.domain.recommendation import IntakeRecord, Reason, Recommendation
from nctui.storage.ops import Insert, Put
from nctui.storage.records import moment, parse_all, stamp

if TYPE_CHECKING:
    from nctui.storage.repository import Repository

INTAKES = "intakes"
CHECKLIST = "checklist"


def _answers_doc(answers: IntakeAnswers) -> dict[str, Any]:
    return {
        "contact_stopped": answers.contact_stopped.isoformat(),
        "together_months": answers.together_months,
        "ending": answers.ending.value,
        "ended_by": answers.ended_by.value,
        "stay_friends": answers.stay_friends.value,
        "seeing_someone": answers.seeing_someone.value,
        "single_issue": answers.single_issue.value,
        "loose_ends": [end.value for end in answers.loose_ends],
        "other_loose_end": answers.other_loose_end,
        "goal": answers.goal.value,
    }


def _answers(doc: Mapping[str, Any]) -> IntakeAnswers:
    return IntakeAnswers(
        contact_stopped=date.fromisoformat(doc["contact_stopped"]),
        together_months=doc["together_months"],
        ending=Ending(doc["ending"]),
        ended_by=EndedBy(doc["ended_by"]),
        stay_friends=YesNo(doc["stay_friends"]),
        seeing_someone=YesNo(doc["seeing_someone"]),
        single_issue=YesNo(doc["single_issue"]),
        loose_ends=tuple(LooseEnd(end) for end in doc["loose_ends"]),
        other_loose_end=doc.get("other_loose_end") or "",
        goal=Goal(doc["goal"]),
    )


def _recommendation_doc(recommendation: Recommendation) -> dict[str, Any]:
    return {
        "days": recommendation.days,
        "reasons": [
            [reason.answer, reason.effect, reason.days, reason.is_base]
            for reason in recommendation.reasons
        ],
        "helps": list(recommendation.helps),
        "warnings": list(recommendation.warnings),
    }


def _recommendation(doc: Mapping[str, Any]) -> Recommendation:
    return Recommendation(
        days=doc["days"],
        reasons=tuple(Reason(*reason) for reason in doc["reasons"]),
        helps=tuple(doc["helps"]),
        warnings=tuple(doc["warnings"]),
    )


def intake_from_doc(doc: Mapping[str, Any]) -> IntakeRecord:
    """A completed intake from its stored document (of the shape `shapes` declares)."""
    return IntakeRecord(
        id=doc["id"],
        taken_at=moment(doc["taken_at"]),
        answers=_answers(doc["answers"]),
        recommendation=_recommendation(doc["recommendation"]),
        chosen_days=doc["chosen_days"],
    )


def intake_op(record: IntakeRecord) -> Insert:
    """The change that adds a completed intake to the history."""
    return Insert(
        INTAKES,
        {
            "id": record.id,
            "taken_at": stamp(record.taken_at),
            "answers": _answers_doc(record.answers),
            "recommendation": _recommendation_doc(record.recommendation),
            "chosen_days": record.chosen_days,
        },
    )


def load_intakes(repository: Repository) -> list[IntakeRecord]:
    """Every completed intake, oldest first."""
    intakes = parse_all(repository.documents(INTAKES), intake_from_doc)
    return sorted(intakes, key=lambda record: record.taken_at)


def latest_intake(repository: Repository) -> IntakeRecord | None:
    """The most recent completed intake, if any."""
    intakes = load_intakes(repository)
    return intakes[-1] if intakes else None


def load_ticks(repository: Repository) -> dict[str, bool]:
    """Which checklist items are ticked, by item key."""
    return {doc["id"]: doc["done"] for doc in repository.documents(CHECKLIST)}


def tick_op(key: str, done: bool, at: datetime) -> Put:
    """The change that ticks (or unticks) one checklist item."""
    return Put(CHECKLIST, {"id": key, "done": done, "at": stamp(at)})
