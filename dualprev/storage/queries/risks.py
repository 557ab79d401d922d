"""Read queries behind 风险辨识评估: risk points, hazards with their measures, accident types and
evaluations, and the hazard list filtered, sorted and paged in SQL."""

from collections.abc import Collection, Iterable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, case, cast, exists, literal, or_
from sqlalchemy import Float as SAFloat
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, delete, func, select

from dualprev.domain.hazard_list import HazardFilter, HazardSort
from dualprev.domain.risk import ControlTier, EvaluationMethod, RiskLevel
from dualprev.storage.models import (
    AccidentTypeRecord,
    Area,
    ControlMeasure,
    Department,
    Evaluation,
    Hazard,
    HazardAccidentType,
    PostRiskPoint,
    RiskPoint,
)

ACCIDENT_TYPE_SEPARATOR = "、"

# --- accident types --------------------------------------------------------------------------------


def accident_types(*, session: Session, vocabulary: str) -> Sequence[AccidentTypeRecord]:
    """The vocabulary's accident types without the mining-only ones, in code order."""
    return session.exec(
        select(AccidentTypeRecord)
        .where(AccidentTypeRecord.vocabulary == vocabulary, col(AccidentTypeRecord.mining_only).is_(False))
        .order_by(col(AccidentTypeRecord.code))
    ).all()


def known_accident_type_ids(*, session: Session, ids: Iterable[int], vocabulary: str) -> set[int]:
    """Those of ``ids`` that are accident types of ``vocabulary``."""
    found = session.exec(
        select(AccidentTypeRecord.id).where(
            col(AccidentTypeRecord.id).in_(list(ids)), AccidentTypeRecord.vocabulary == vocabulary
        )
    ).all()
    return {type_id for type_id in found if type_id is not None}


def hazard_accident_type_ids(*, session: Session, hazard_id: int) -> tuple[int, ...]:
    """The accident types of a hazard in vocabulary order."""
    return tuple(
        session.exec(
            select(HazardAccidentType.accident_type_id)
            .join(AccidentTypeRecord, col(AccidentTypeRecord.id) == col(HazardAccidentType.accident_type_id))
            .where(HazardAccidentType.hazard_id == hazard_id)
            .order_by(col(AccidentTypeRecord.sort_order), col(AccidentTypeRecord.code))
        ).all()
    )


def accident_type_links(*, session: Session, hazard_ids: Sequence[int]) -> Sequence[HazardAccidentType]:
    return session.exec(
        select(HazardAccidentType).where(col(HazardAccidentType.hazard_id).in_(hazard_ids))
    ).all()


# --- risk points -----------------------------------------------------------------------------------


def post_ids_of(*, session: Session, risk_point_id: int) -> tuple[int, ...]:
    """The posts facing a risk point, by id."""
    return tuple(
        session.exec(
            select(PostRiskPoint.post_id)
            .where(PostRiskPoint.risk_point_id == risk_point_id)
            .order_by(col(PostRiskPoint.post_id))
        ).all()
    )


def post_links(*, session: Session, risk_point_id: int) -> Sequence[PostRiskPoint]:
    return session.exec(select(PostRiskPoint).where(PostRiskPoint.risk_point_id == risk_point_id)).all()


def risk_point_with_code(*, session: Session, code: str, other_than: int | None) -> RiskPoint | None:
    """Another risk point (not ``other_than``) that has ``code``, if any."""
    return session.exec(
        select(RiskPoint).where(RiskPoint.code == code, RiskPoint.id != (other_than or -1))
    ).first()


def risk_point_codes(*, session: Session) -> set[str]:
    return set(session.exec(select(RiskPoint.code)).all())


def next_risk_point_sort_order(*, session: Session) -> int:
    return int(session.exec(select(func.coalesce(func.max(RiskPoint.sort_order), -1))).one()) + 1


def hazard_count(*, session: Session, risk_point_id: int) -> int:
    return int(
        session.exec(
            select(func.count()).select_from(Hazard).where(Hazard.risk_point_id == risk_point_id)
        ).one()
    )


# --- hazards ---------------------------------------------------------------------------------------


def hazards_of(*, session: Session, risk_point_id: int) -> Sequence[Hazard]:
    """The hazards of a risk point in their order (序号)."""
    return session.exec(
        select(Hazard).where(Hazard.risk_point_id == risk_point_id).order_by(col(Hazard.seq), col(Hazard.id))
    ).all()


def last_hazard_seq(*, session: Session, risk_point_id: int) -> int:
    """The highest 序号 under a risk point; 0 when it has no hazards."""
    last = session.exec(select(func.max(Hazard.seq)).where(Hazard.risk_point_id == risk_point_id)).one()
    return int(last or 0)


def measures_of(*, session: Session, hazard_ids: Sequence[int]) -> Sequence[ControlMeasure]:
    """The control measures of the hazards, in their order."""
    return session.exec(
        select(ControlMeasure)
        .where(col(ControlMeasure.hazard_id).in_(hazard_ids))
        .order_by(col(ControlMeasure.sort_order), col(ControlMeasure.id))
    ).all()


def evaluations_of(*, session: Session, hazard_id: int, newest_first: bool = False) -> Sequence[Evaluation]:
    """Every evaluation of a hazard in the order they were made (evaluations are append-only)."""
    order = col(Evaluation.id).desc() if newest_first else col(Evaluation.id)
    return session.exec(select(Evaluation).where(Evaluation.hazard_id == hazard_id).order_by(order)).all()


# --- the hazard list -------------------------------------------------------------------------------

_HazardDept = aliased(Department, name="hazard_department")
_PointDept = aliased(Department, name="point_department")


def _accident_types_expr() -> Any:
    """The hazard's accident-type names joined with "、" in vocabulary order, as one SQL expression."""
    ordered = (
        select(col(AccidentTypeRecord.name).label("name"))
        .join(HazardAccidentType, col(HazardAccidentType.accident_type_id) == col(AccidentTypeRecord.id))
        .where(col(HazardAccidentType.hazard_id) == col(Hazard.id))
        .order_by(col(AccidentTypeRecord.sort_order), col(AccidentTypeRecord.code))
        .correlate(Hazard)
        .subquery()
    )
    return (
        select(func.group_concat(ordered.c.name, literal(ACCIDENT_TYPE_SEPARATOR)))
        .correlate(Hazard)
        .scalar_subquery()
    )


def _filters(flt: HazardFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if flt.area_id is not None:
        where.append(col(RiskPoint.area_id) == flt.area_id)
    if flt.risk_point_id is not None:
        where.append(col(Hazard.risk_point_id) == flt.risk_point_id)
    if flt.level is not None:
        where.append(col(Hazard.current_level) == RiskLevel(flt.level))
    if flt.method is not None:
        where.append(col(Hazard.current_method) == EvaluationMethod(flt.method))
    if flt.unevaluated_only:
        where.append(col(Hazard.current_level).is_(None))
    if flt.accident_type_id is not None:
        where.append(
            exists().where(
                col(HazardAccidentType.hazard_id) == col(Hazard.id),
                col(HazardAccidentType.accident_type_id) == flt.accident_type_id,
            )
        )
    keyword = flt.keyword.strip()
    if keyword:
        where.append(
            or_(
                *(
                    c.contains(keyword, autoescape=True)
                    for c in (
                        col(Hazard.description),
                        col(Hazard.step_or_item),
                        col(Hazard.consequence),
                        col(RiskPoint.name),
                        col(RiskPoint.code),
                    )
                )
            )
        )
    return where


def _sort_keys(sort: HazardSort) -> list[Any]:
    tier_rank = case({t.value: t.rank for t in ControlTier}, value=col(Hazard.control_tier))
    score = cast(func.nullif(col(Hazard.current_score), ""), SAFloat)
    point = [col(RiskPoint.code), col(RiskPoint.name), col(RiskPoint.id)]
    keys: dict[HazardSort, list[Any]] = {
        HazardSort.AREA: [
            col(Area.id).is_(None),
            col(Area.sort_order),
            col(Area.name),
            col(RiskPoint.sort_order),
        ],
        HazardSort.RISK_POINT: point,
        HazardSort.STEP: [col(Hazard.step_or_item)],
        HazardSort.DESCRIPTION: [col(Hazard.description)],
        HazardSort.METHOD: [col(Hazard.current_method)],
        HazardSort.SCORE: [score],
        HazardSort.LEVEL: [col(Hazard.current_level)],
        HazardSort.TIER: [tier_rank],
    }
    return keys[HazardSort(sort)]


def _hazard_select() -> Any:
    # More columns than the typed overloads of sqlmodel's select() take, so plain SQLAlchemy.
    return (
        sa_select(
            col(Hazard.id).label("id"),
            col(Hazard.risk_point_id).label("risk_point_id"),
            col(RiskPoint.code).label("risk_point_code"),
            col(RiskPoint.name).label("risk_point_name"),
            col(RiskPoint.kind).label("risk_point_kind"),
            col(RiskPoint.area_id).label("area_id"),
            func.coalesce(col(Area.name), "").label("area_name"),
            col(Hazard.seq).label("seq"),
            col(Hazard.step_or_item).label("step_or_item"),
            col(Hazard.description).label("description"),
            func.coalesce(_accident_types_expr(), "").label("accident_types"),
            col(Hazard.current_method).label("method"),
            func.coalesce(col(Hazard.current_score), "").label("score"),
            col(Hazard.inherent_level).label("inherent_level"),
            col(Hazard.current_level).label("current_level"),
            col(Hazard.control_tier).label("control_tier"),
            # The hazard's responsible department, else its risk point's.
            func.coalesce(col(_HazardDept.name), col(_PointDept.name), "").label("department_name"),
        )
        .select_from(Hazard)
        .join(RiskPoint, col(RiskPoint.id) == col(Hazard.risk_point_id))
        .outerjoin(Area, col(Area.id) == col(RiskPoint.area_id))
        .outerjoin(_HazardDept, col(_HazardDept.id) == col(Hazard.responsible_department_id))
        .outerjoin(_PointDept, col(_PointDept.id) == col(RiskPoint.department_id))
    )


def hazard_page(
    *,
    session: Session,
    flt: HazardFilter,
    sort: HazardSort,
    descending: bool,
    offset: int,
    limit: int,
) -> tuple[Sequence[Row[Any]], int]:
    """One page of hazard-list rows (labelled like ``HazardRow``) matching ``flt``, and how many match.

    Sorting by level puts 重大 first when ascending; score sorts numerically; hazards without a value
    for the sort key come last either way; ties keep the inventory order (risk point, step).
    """
    where = _filters(flt)
    primary = [k.desc() if descending else k.asc() for k in _sort_keys(sort)]
    ties = [col(RiskPoint.code), col(RiskPoint.id), col(Hazard.seq), col(Hazard.id)]
    order = [k.nulls_last() for k in primary] + ties
    total = session.exec(
        select(func.count(col(Hazard.id)))
        .select_from(Hazard)
        .join(RiskPoint, col(RiskPoint.id) == col(Hazard.risk_point_id))
        .where(*where)
    ).one()
    # Page the ids first, so the accident-type aggregate runs for the page's rows only.
    page_ids = (
        select(col(Hazard.id))
        .join(RiskPoint, col(RiskPoint.id) == col(Hazard.risk_point_id))
        .outerjoin(Area, col(Area.id) == col(RiskPoint.area_id))
        .where(*where)
        .order_by(*order)
        .offset(max(offset, 0))
        .limit(max(limit, 0))
    )
    rows = session.exec(_hazard_select().where(col(Hazard.id).in_(page_ids)).order_by(*order)).all()
    return rows, int(total)


def hazard_rows_of(*, session: Session, risk_point_id: int) -> Sequence[Row[Any]]:
    """The hazard-list rows of one risk point in their order (序号)."""
    rows: Sequence[Row[Any]] = session.exec(
        _hazard_select()
        .where(col(Hazard.risk_point_id) == risk_point_id)
        .order_by(col(Hazard.seq), col(Hazard.id))
    ).all()
    return rows


def risk_points_in_order(*, session: Session, ids: Collection[int] | None = None) -> Sequence[RiskPoint]:
    """Risk points (all, or ``ids``) in inventory order."""
    query = select(RiskPoint).order_by(col(RiskPoint.sort_order), col(RiskPoint.code), col(RiskPoint.id))
    if ids is not None:
        query = query.where(col(RiskPoint.id).in_(list(ids)))
    return session.exec(query).all()


def delete_risk_points(*, session: Session, ids: Collection[int]) -> None:
    """Delete the risk points in one statement (the caller audits it)."""
    session.exec(delete(RiskPoint).where(col(RiskPoint.id).in_(list(ids))))


def remove_hazard_accident_types(*, session: Session, hazard_id: int, keep: Collection[int]) -> None:
    """Unlink every accident type but ``keep`` from the hazard, in one statement."""
    session.exec(
        delete(HazardAccidentType).where(
            col(HazardAccidentType.hazard_id) == hazard_id,
            col(HazardAccidentType.accident_type_id).not_in(list(keep)),
        )
    )
