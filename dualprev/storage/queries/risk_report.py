"""Reads behind the risk exports (风险分级管控清单, 比较图, 辨识评价记录, 重大风险公告): the whole risk
inventory in one bulk query per table, never one per row."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select as select_columns
from sqlmodel import Session, col, func, select

from dualprev.domain.organisation import DepartmentKind
from dualprev.domain.risk import RiskStage
from dualprev.storage.models import (
    AccidentTypeRecord,
    Area,
    ControlMeasure,
    Department,
    Evaluation,
    Hazard,
    HazardAccidentType,
    Person,
    Post,
    PostRiskPoint,
    RiskPoint,
)


def _bulk(session: Session, query: Any) -> Sequence[Any]:
    """All rows of a column query, through the Core connection: for tens of thousands of rows the
    ORM's per-row entity machinery costs more than the query itself."""
    return session.connection().execute(query).all()


def latest_current_evaluations(*, session: Session) -> Sequence[Any]:
    """The latest current-risk evaluation of each evaluated hazard: hazard_id, method, level,
    evaluated_on, scheme_code, score, l_value, e_value, c_value, s_value, band, band_label,
    assessor_name, direct_reasons."""
    latest = (
        select(func.max(Evaluation.id).label("id"))
        .where(col(Evaluation.stage) == RiskStage.CURRENT.value)
        .group_by(col(Evaluation.hazard_id))
        .subquery()
    )
    columns = [
        col(Evaluation.hazard_id), col(Evaluation.method), col(Evaluation.level), col(Evaluation.evaluated_on),
        col(Evaluation.scheme_code), col(Evaluation.score), col(Evaluation.l_value), col(Evaluation.e_value),
        col(Evaluation.c_value), col(Evaluation.s_value), col(Evaluation.band), col(Evaluation.band_label),
        col(Evaluation.assessor_name), col(Evaluation.direct_reasons),
    ]  # fmt: skip
    return _bulk(session, select_columns(*columns).join(latest, col(Evaluation.id) == latest.c.id))


def measures(*, session: Session) -> Sequence[Any]:
    """Every control measure as (hazard_id, category, content, is_existing), by hazard in the
    user's order."""
    query = (
        select_columns(col(ControlMeasure.hazard_id), col(ControlMeasure.category), col(ControlMeasure.content),
                       col(ControlMeasure.is_existing))
        .order_by(col(ControlMeasure.hazard_id), col(ControlMeasure.sort_order), col(ControlMeasure.id))
    )  # fmt: skip
    return _bulk(session, query)


def accident_type_names(*, session: Session) -> dict[int, list[str]]:
    """The accident type names of each hazard id, in accident type order."""
    by_hazard: dict[int, list[str]] = defaultdict(list)
    query = (
        select_columns(col(HazardAccidentType.hazard_id), col(AccidentTypeRecord.name))
        .join(AccidentTypeRecord, col(AccidentTypeRecord.id) == col(HazardAccidentType.accident_type_id))
        .order_by(col(HazardAccidentType.hazard_id), col(AccidentTypeRecord.sort_order), col(AccidentTypeRecord.code))
    )  # fmt: skip
    for hazard_id, name in _bulk(session, query):
        by_hazard[hazard_id].append(name)
    return by_hazard


def post_names(*, session: Session) -> dict[int, list[str]]:
    """The names of the posts facing each risk point id, in post order."""
    by_point: dict[int, list[str]] = defaultdict(list)
    rows = session.exec(
        select(PostRiskPoint.risk_point_id, Post.name)
        .join(Post, col(Post.id) == col(PostRiskPoint.post_id))
        .order_by(col(Post.sort_order), col(Post.id))
    ).all()
    for point_id, name in rows:
        by_point[point_id].append(name)
    return by_point


def people(*, session: Session) -> dict[int | None, tuple[str, str]]:
    """(name, phone) of every person by id."""
    return {i: (n, p) for i, n, p in session.exec(select(Person.id, Person.name, Person.phone)).all()}


def areas(*, session: Session) -> dict[int | None, tuple[str, int]]:
    """(name, sort order) of every area by id."""
    return {i: (n, order) for i, n, order in session.exec(select(Area.id, Area.name, Area.sort_order)).all()}


def hazards(*, session: Session) -> Sequence[Any]:
    """Every hazard as (id, risk_point_id, seq, step_or_item, standard, description, consequence,
    control_tier, responsible_department_id, responsible_person_id, suggested_measures, note), by
    risk point and seq."""
    hazard_columns = [
        col(Hazard.id), col(Hazard.risk_point_id), col(Hazard.seq), col(Hazard.step_or_item),
        col(Hazard.standard), col(Hazard.description), col(Hazard.consequence), col(Hazard.control_tier),
        col(Hazard.responsible_department_id), col(Hazard.responsible_person_id),
        col(Hazard.suggested_measures), col(Hazard.note),
    ]  # fmt: skip
    query = select_columns(*hazard_columns).order_by(
        col(Hazard.risk_point_id), col(Hazard.seq), col(Hazard.id)
    )
    return _bulk(session, query)


def risk_points(*, session: Session) -> Sequence[RiskPoint]:
    return session.exec(select(RiskPoint)).all()


def department_kinds_of_people(*, session: Session) -> dict[int, DepartmentKind | None]:
    """The kind (部门/车间/班组) of each person's department, None for a person without one."""
    rows = session.exec(
        select(Person.id, Department.kind).join(
            Department, col(Person.department_id) == Department.id, isouter=True
        )
    ).all()
    return {int(i): DepartmentKind(kind) if kind else None for i, kind in rows if i is not None}
