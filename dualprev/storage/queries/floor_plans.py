"""风险四色分布图 reads: floor plans, the zones drawn on them, the risk points a zone covers, and
the facts printed beside the map about its 重大/较大 risk points."""

from collections.abc import Collection, Sequence

from sqlmodel import Session, col, func, select

from dualprev.domain.risk import RiskLevel
from dualprev.storage.models import (
    AccidentTypeRecord,
    FloorPlan,
    Hazard,
    HazardAccidentType,
    MapZone,
    MapZoneRiskPoint,
    Photo,
    RiskPoint,
)

# --- floor plans -------------------------------------------------------------------------------


def plans(*, session: Session) -> Sequence[FloorPlan]:
    """Every floor plan in its order."""
    return session.exec(select(FloorPlan).order_by(col(FloorPlan.sort_order), col(FloorPlan.id))).all()


def plan_name_taken(*, session: Session, name: str, own_id: int | None) -> bool:
    """Whether another floor plan is called ``name``."""
    query = select(FloorPlan).where(FloorPlan.name == name, FloorPlan.id != (own_id or -1))
    return session.exec(query).first() is not None


def next_plan_sort_order(*, session: Session) -> int:
    """The sort order that puts a new plan after every other."""
    return int(session.exec(select(func.coalesce(func.max(FloorPlan.sort_order), -1))).one()) + 1


def file_in_use(*, session: Session, file_name: str) -> bool:
    """Whether a floor plan or a photo (or its thumbnail) still refers to the stored file."""
    in_plans = session.exec(
        select(func.count()).select_from(FloorPlan).where(FloorPlan.file_name == file_name)
    ).one()
    in_photos = session.exec(
        select(func.count())
        .select_from(Photo)
        .where((col(Photo.file_name) == file_name) | (col(Photo.thumb_name) == file_name))
    ).one()
    return bool(in_plans or in_photos)


# --- zones -------------------------------------------------------------------------------------


def zone_count(*, session: Session, plan_id: int) -> int:
    return int(
        session.exec(select(func.count()).select_from(MapZone).where(MapZone.floor_plan_id == plan_id)).one()
    )


def zone_counts(*, session: Session) -> dict[int, int]:
    """Number of zones per floor plan id (plans without zones are left out)."""
    rows = session.exec(select(MapZone.floor_plan_id, func.count()).group_by(col(MapZone.floor_plan_id)))
    return {plan_id: int(n) for plan_id, n in rows.all()}


def zones(*, session: Session, plan_id: int) -> Sequence[MapZone]:
    """The zones of a plan by their sort order."""
    return session.exec(
        select(MapZone)
        .where(MapZone.floor_plan_id == plan_id)
        .order_by(col(MapZone.sort_order), col(MapZone.id))
    ).all()


def next_zone_sort_order(*, session: Session, plan_id: int | None) -> int:
    """The sort order that puts a new zone on top of the others of its plan."""
    top = session.exec(select(func.max(MapZone.sort_order)).where(MapZone.floor_plan_id == plan_id)).one()
    return int(top if top is not None else -1) + 1


def zone_links(*, session: Session, zone_id: int) -> Sequence[MapZoneRiskPoint]:
    """The links of a zone to the risk points it holds besides its area's."""
    return session.exec(select(MapZoneRiskPoint).where(MapZoneRiskPoint.zone_id == zone_id)).all()


def linked_risk_points(*, session: Session) -> dict[int, set[int]]:
    """Risk point ids linked to each zone id."""
    linked: dict[int, set[int]] = {}
    for link in session.exec(select(MapZoneRiskPoint)).all():
        linked.setdefault(link.zone_id, set()).add(link.risk_point_id)
    return linked


def risk_points_by_area(*, session: Session) -> dict[int, set[int]]:
    """Risk point ids in each area id."""
    by_area: dict[int, set[int]] = {}
    for rp_id, area_id in session.exec(select(RiskPoint.id, RiskPoint.area_id)).all():
        if rp_id is not None and area_id is not None:
            by_area.setdefault(area_id, set()).add(rp_id)
    return by_area


def existing_risk_point_ids(*, session: Session, ids: Collection[int]) -> set[int]:
    """Those of ``ids`` that are risk points."""
    found = session.exec(select(RiskPoint.id).where(col(RiskPoint.id).in_(list(ids)))).all()
    return {rp_id for rp_id in found if rp_id is not None}


def hazard_accident_types(
    *, session: Session, risk_point_ids: Collection[int]
) -> Sequence[tuple[int, RiskLevel | None, str]]:
    """``(risk point id, hazard current level, accident type name)`` of the hazards of the risk
    points, in accident type order."""
    query = (
        select(Hazard.risk_point_id, Hazard.current_level, AccidentTypeRecord.name)
        .join(HazardAccidentType, col(HazardAccidentType.hazard_id) == col(Hazard.id))
        .join(AccidentTypeRecord, col(AccidentTypeRecord.id) == col(HazardAccidentType.accident_type_id))
        .where(col(Hazard.risk_point_id).in_(list(risk_point_ids)))
        .order_by(col(AccidentTypeRecord.sort_order), col(AccidentTypeRecord.code))
    )
    return [
        (rp_id, None if level is None else RiskLevel(level), name)
        for rp_id, level, name in session.exec(query).all()
    ]
