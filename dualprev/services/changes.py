"""What a write changed, as the pages that show records understand it (like Anki's ``OpChanges``).

The storage layer records which tables each committed unit of work wrote, whoever built the SQL;
this module names them as the record kinds a screen shows. Because it is taken from what was
actually written, a new write cannot forget to announce itself.

    performed = changes.perform(db, lambda: lifecycle.start_rectification(db, ...))
    performed.changes.touches(Entity.HIDDEN_DANGER)  # True
"""

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from dualprev.storage.db import Database

T = TypeVar("T")


class Entity(StrEnum):
    """A kind of record a page may show."""

    ENTERPRISE = "enterprise"
    ORGANISATION = "organisation"  # departments, posts, people, areas
    RISK = "risk"  # risk points, hazards, evaluations, measures
    SCHEME = "scheme"  # grading schemes and the accident-type vocabulary
    SETTING = "setting"
    POST_CARD = "post_card"
    RISK_MAP = "risk_map"
    CHECK = "check"  # check items, plans, tasks, records
    HIDDEN_DANGER = "hidden_danger"
    PHOTO = "photo"
    EXPORT_PROFILE = "export_profile"
    AUDIT = "audit"
    PHONE = "phone"  # paired phones, pairing codes, 随手拍 reports awaiting review
    DUTY = "duty"  # duty lists and duty records
    TRAINING = "training"
    WORK_SAFETY = "work_safety"  # certificates, permits, confined spaces, emergency plans, drills


# Every table of the schema; tests/services/test_changes.py keeps this complete.
TABLE_ENTITIES: dict[str, Entity] = {
    "enterprise": Entity.ENTERPRISE,
    "department": Entity.ORGANISATION,
    "post": Entity.ORGANISATION,
    "person": Entity.ORGANISATION,
    "area": Entity.ORGANISATION,
    "risk_point": Entity.RISK,
    "hazard": Entity.RISK,
    "evaluation": Entity.RISK,
    "control_measure": Entity.RISK,
    "hazard_accident_type": Entity.RISK,
    "post_risk_point": Entity.RISK,
    "grading_scheme": Entity.SCHEME,
    "accident_type": Entity.SCHEME,
    "setting": Entity.SETTING,
    "post_card_override": Entity.POST_CARD,
    "post_card_print": Entity.POST_CARD,
    "rectification_notice": Entity.HIDDEN_DANGER,
    "rectification_notice_item": Entity.HIDDEN_DANGER,
    "floor_plan": Entity.RISK_MAP,
    "map_zone": Entity.RISK_MAP,
    "map_zone_risk_point": Entity.RISK_MAP,
    "check_item": Entity.CHECK,
    "check_plan": Entity.CHECK,
    "check_plan_item": Entity.CHECK,
    "check_task": Entity.CHECK,
    "check_record": Entity.CHECK,
    "check_record_result": Entity.CHECK,
    "hidden_danger": Entity.HIDDEN_DANGER,
    "hidden_danger_accident_type": Entity.HIDDEN_DANGER,
    "hidden_danger_event": Entity.HIDDEN_DANGER,
    "remediation_plan": Entity.HIDDEN_DANGER,
    # A 判定标准 self-check registers 重大隐患; whoever shows one shows the other.
    "major_check": Entity.HIDDEN_DANGER,
    "major_check_answer": Entity.HIDDEN_DANGER,
    "photo": Entity.PHOTO,
    "export_profile": Entity.EXPORT_PROFILE,
    "audit_log": Entity.AUDIT,
    "phone_device": Entity.PHONE,
    "phone_pairing": Entity.PHONE,
    "phone_report": Entity.PHONE,
    "phone_report_photo": Entity.PHONE,
    "phone_request": Entity.PHONE,
    "duty_list": Entity.DUTY,
    "duty_item": Entity.DUTY,
    "duty_record": Entity.DUTY,
    "training_course": Entity.TRAINING,
    "training_session": Entity.TRAINING,
    "training_attendance": Entity.TRAINING,
    "certificate": Entity.WORK_SAFETY,
    "confined_space": Entity.WORK_SAFETY,
    "work_permit": Entity.WORK_SAFETY,
    "emergency_plan": Entity.WORK_SAFETY,
    "drill": Entity.WORK_SAFETY,
    "drill_photo": Entity.WORK_SAFETY,
}


@dataclass(frozen=True)
class OpChanges:
    """The kinds of records one or more writes changed."""

    entities: frozenset[Entity] = frozenset()

    @classmethod
    def of(cls, *entities: Entity) -> "OpChanges":
        return cls(frozenset(entities))

    @classmethod
    def everything(cls) -> "OpChanges":
        """For a change whose extent is unknown (another database was opened or restored)."""
        return cls(frozenset(Entity))

    @classmethod
    def from_tables(cls, tables: Iterable[str]) -> "OpChanges":
        """A table this module does not know stands for everything: better a page reloads once
        too often than shows stale records."""
        entities: set[Entity] = set()
        for table in tables:
            entity = TABLE_ENTITIES.get(table)
            if entity is None:
                return cls.everything()
            entities.add(entity)
        return cls(frozenset(entities))

    def __bool__(self) -> bool:
        return bool(self.entities)

    def __or__(self, other: "OpChanges") -> "OpChanges":
        return OpChanges(self.entities | other.entities)

    def touches(self, entities: Iterable[Entity]) -> bool:
        return not self.entities.isdisjoint(entities)


def watch(db: Database, listener: Callable[[OpChanges], None]) -> Callable[[], None]:
    """Call ``listener`` after every committed write to ``db`` (in the writing thread) with what it
    changed; returns the function that stops watching."""
    return db.add_commit_listener(lambda tables: listener(OpChanges.from_tables(tables)))


@dataclass(frozen=True)
class Performed(Generic[T]):
    """A write's result together with what it changed."""

    result: T
    changes: OpChanges


def perform(db: Database, call: Callable[[], T]) -> Performed[T]:
    """Run the write ``call`` and return its result with everything it committed to ``db`` from
    this thread (writes of other threads meanwhile are not counted)."""
    thread = threading.get_ident()
    seen: list[OpChanges] = []

    def collect(changes: OpChanges) -> None:
        if threading.get_ident() == thread:
            seen.append(changes)

    stop = watch(db, collect)
    try:
        result = call()
    finally:
        stop()
    total = OpChanges()
    for changes in seen:
        total = total | changes
    return Performed(result, total)
