"""Batched Core INSERTs for the import of a 风险分级管控清单: many rows in one statement per table,
without the ORM's unit of work, which would flush them one by one.

Rows are plain column → value mappings. Core applies none of the models' Python-side defaults, so
a row names every column that has one.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlmodel import Session

from dualprev.storage.models import ControlMeasure, Evaluation, Hazard, HazardAccidentType, RiskPoint

Row = Mapping[str, Any]

_POINT: Table = RiskPoint.__table__  # type: ignore[attr-defined]
_HAZARD: Table = Hazard.__table__  # type: ignore[attr-defined]
_EVALUATION: Table = Evaluation.__table__  # type: ignore[attr-defined]
_MEASURE: Table = ControlMeasure.__table__  # type: ignore[attr-defined]
_LINK: Table = HazardAccidentType.__table__  # type: ignore[attr-defined]


def insert_risk_point(*, session: Session, row: Row) -> int:
    """Insert one risk point; its id."""
    return int(session.execute(insert(_POINT).returning(_POINT.c.id), row).scalar_one())


def insert_hazards(*, session: Session, rows: Sequence[Row]) -> list[int]:
    """Insert the hazards in one statement; their ids, in the order of ``rows``."""
    if not rows:
        return []
    ids = session.execute(insert(_HAZARD).returning(_HAZARD.c.id, sort_by_parameter_order=True), rows)
    return [int(i) for i in ids.scalars().all()]


def insert_evaluations(*, session: Session, rows: Sequence[Row]) -> None:
    _insert_all(session, _EVALUATION, rows)


def insert_control_measures(*, session: Session, rows: Sequence[Row]) -> None:
    _insert_all(session, _MEASURE, rows)


def insert_hazard_accident_types(*, session: Session, rows: Sequence[Row]) -> None:
    """Link hazards to accident types (rows of ``hazard_id`` and ``accident_type_id``)."""
    _insert_all(session, _LINK, rows)


def _insert_all(session: Session, table: Table, rows: Sequence[Row]) -> None:
    if rows:
        session.execute(insert(table), rows)
