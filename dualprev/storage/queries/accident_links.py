"""The records that name accident types of one vocabulary, with the words that describe them, and
rewriting their links to another vocabulary's types (the GB 6441-2025 switch)."""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import Table
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, col, delete, func, select

from dualprev.storage.models import (
    AccidentTypeRecord,
    Hazard,
    HazardAccidentType,
    HiddenDanger,
    HiddenDangerAccidentType,
    RiskPoint,
)


class LinkedKind(Enum):
    HAZARD = "hazard"
    HIDDEN_DANGER = "hidden_danger"


_LINK_TABLE: dict[LinkedKind, Table] = {
    LinkedKind.HAZARD: HazardAccidentType.__table__,  # type: ignore[attr-defined]
    LinkedKind.HIDDEN_DANGER: HiddenDangerAccidentType.__table__,  # type: ignore[attr-defined]
}
_RECORD_COLUMN = {LinkedKind.HAZARD: "hazard_id", LinkedKind.HIDDEN_DANGER: "hidden_danger_id"}


@dataclass(frozen=True)
class LinkedRecord:
    """One hazard or hidden danger and the names of its accident types in the vocabulary asked for."""

    kind: LinkedKind
    id: int
    label: str
    """How a person finds it: "风险点名称：危险源" or the hidden danger's number and description."""
    text: str
    """Its own words, which can tell how a split type applies."""
    type_names: tuple[str, ...]


def linked_records(*, session: Session, vocabulary: str) -> list[LinkedRecord]:
    """Every hazard, then every hidden danger, that names a type of ``vocabulary`` (by id)."""
    hazard_types: dict[int, list[str]] = defaultdict(list)
    for hazard_id, name in session.exec(
        select(HazardAccidentType.hazard_id, AccidentTypeRecord.name)
        .join(AccidentTypeRecord, col(AccidentTypeRecord.id) == col(HazardAccidentType.accident_type_id))
        .where(AccidentTypeRecord.vocabulary == vocabulary)
        .order_by(col(HazardAccidentType.hazard_id), col(AccidentTypeRecord.code))
    ):
        hazard_types[hazard_id].append(name)
    danger_types: dict[int, list[str]] = defaultdict(list)
    for danger_id, name in session.exec(
        select(HiddenDangerAccidentType.hidden_danger_id, AccidentTypeRecord.name)
        .join(
            AccidentTypeRecord, col(AccidentTypeRecord.id) == col(HiddenDangerAccidentType.accident_type_id)
        )
        .where(AccidentTypeRecord.vocabulary == vocabulary)
        .order_by(col(HiddenDangerAccidentType.hidden_danger_id), col(AccidentTypeRecord.code))
    ):
        danger_types[danger_id].append(name)

    found: list[LinkedRecord] = []
    for hazard, point_name in session.exec(
        select(Hazard, RiskPoint.name)
        .join(RiskPoint, col(RiskPoint.id) == col(Hazard.risk_point_id))
        .where(col(Hazard.id).in_(list(hazard_types)))
        .order_by(col(RiskPoint.code), col(Hazard.seq))
    ):
        assert hazard.id is not None
        found.append(
            LinkedRecord(
                LinkedKind.HAZARD,
                hazard.id,
                f"{point_name}：{hazard.description}",
                f"{point_name} {hazard.step_or_item} {hazard.description} {hazard.consequence}",
                tuple(hazard_types[hazard.id]),
            )
        )
    for danger in session.exec(
        select(HiddenDanger)
        .where(col(HiddenDanger.id).in_(list(danger_types)))
        .order_by(col(HiddenDanger.number))
    ):
        assert danger.id is not None
        found.append(
            LinkedRecord(
                LinkedKind.HIDDEN_DANGER,
                danger.id,
                f"{danger.number}：{danger.description}",
                f"{danger.location} {danger.description}",
                tuple(danger_types[danger.id]),
            )
        )
    return found


def linked_vocabulary(*, session: Session) -> str | None:
    """The vocabulary most of the hazards' and hidden dangers' type links belong to; None if none."""
    counts: dict[str, int] = {}
    for link_type in (HazardAccidentType, HiddenDangerAccidentType):
        rows = session.exec(
            select(AccidentTypeRecord.vocabulary, func.count())
            .join(link_type, col(link_type.accident_type_id) == col(AccidentTypeRecord.id))
            .group_by(col(AccidentTypeRecord.vocabulary))
        )
        for vocabulary, count in rows:
            counts[vocabulary] = counts.get(vocabulary, 0) + int(count)
    return max(counts, key=lambda v: counts[v]) if counts else None


def type_ids(*, session: Session, vocabulary: str) -> dict[str, int]:
    """Ids of the vocabulary's types by name (mining-only ones too)."""
    rows = session.exec(
        select(AccidentTypeRecord.name, AccidentTypeRecord.id).where(
            AccidentTypeRecord.vocabulary == vocabulary
        )
    )
    return {name: type_id for name, type_id in rows if type_id is not None}


def replace_links(
    *, session: Session, old_vocabulary: str, new_ids: Mapping[tuple[LinkedKind, int], Iterable[int]]
) -> None:
    """Drop every link to ``old_vocabulary`` and give each record in ``new_ids`` its new types."""
    old_ids = select(AccidentTypeRecord.id).where(AccidentTypeRecord.vocabulary == old_vocabulary)
    session.exec(delete(HazardAccidentType).where(col(HazardAccidentType.accident_type_id).in_(old_ids)))
    session.exec(
        delete(HiddenDangerAccidentType).where(col(HiddenDangerAccidentType.accident_type_id).in_(old_ids))
    )
    rows: dict[LinkedKind, list[dict[str, int]]] = {kind: [] for kind in LinkedKind}
    for (kind, record_id), ids in new_ids.items():
        rows[kind] += [{_RECORD_COLUMN[kind]: record_id, "accident_type_id": t} for t in dict.fromkeys(ids)]
    for kind, kind_rows in rows.items():
        if kind_rows:
            # A record may already name some of its new types (one named both vocabularies).
            session.execute(sqlite_insert(_LINK_TABLE[kind]).on_conflict_do_nothing(), kind_rows)
