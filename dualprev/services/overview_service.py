"""Read-only list behind the 风险辨识评估 tree: risk points by area with their level.

Levels follow "从严从高" (domain.md §3.4): a risk point takes the most severe current level of its
hazards. Everything crosses the layer boundary as frozen dataclasses.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, col, func, select

from dualprev.domain.risk import RiskLevel, RiskPointKind
from dualprev.storage.db import Database
from dualprev.storage.models import (
    Area,
    Department,
    Hazard,
    RiskPoint,
)
from dualprev.storage.repos import names_by_id


def _most_severe(levels: Iterable[RiskLevel | None]) -> RiskLevel | None:
    known = [level for level in levels if level is not None]
    return min(known) if known else None


def _risk_point_levels(session: Session) -> tuple[dict[int, RiskLevel | None], dict[int, int]]:
    """Per risk point: its level (None when no hazard is evaluated) and its number of hazards."""
    levels: dict[int, RiskLevel | None] = {}
    counts: dict[int, int] = {}
    query = select(Hazard.risk_point_id, func.min(Hazard.current_level), func.count()).group_by(
        col(Hazard.risk_point_id)
    )
    for rp_id, level, n in session.exec(query).all():
        levels[rp_id] = RiskLevel(level) if level is not None else None
        counts[rp_id] = int(n)
    return levels, counts


# --- 风险辨识评估 -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RiskPointOverview:
    id: int
    code: str
    name: str
    kind: RiskPointKind
    area_id: int | None
    area_name: str
    department_name: str
    hazard_count: int
    level: RiskLevel | None


def list_risk_points(db: Database) -> list[RiskPointOverview]:
    """Every risk point with its area, responsible department, hazard count and level."""
    with db.read_session() as s:
        levels, counts = _risk_point_levels(s)
        areas = names_by_id(s, Area)
        departments = names_by_id(s, Department)
        rows = s.exec(
            select(RiskPoint).order_by(col(RiskPoint.sort_order), col(RiskPoint.code), col(RiskPoint.id))
        )
        return [
            RiskPointOverview(
                id=r.id or 0,
                code=r.code,
                name=r.name,
                kind=r.kind,
                area_id=r.area_id,
                area_name=areas.get(r.area_id or 0, ""),
                department_name=departments.get(r.department_id or 0, ""),
                hazard_count=counts.get(r.id or 0, 0),
                level=levels.get(r.id or 0),
            )
            for r in rows.all()
        ]


# --- 岗位告知卡 ---------------------------------------------------------------------------------
