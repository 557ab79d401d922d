"""Read-only list behind the 风险辨识评估 tree: risk points by area with their level.

Levels follow "从严从高" (domain.md §3.4): a risk point takes the most severe current level of its
hazards. Everything crosses the layer boundary as frozen dataclasses.
"""

from dataclasses import dataclass

from dualprev.domain.risk import RiskLevel, RiskPointKind
from dualprev.storage.db import Database
from dualprev.storage.models import Area, Department
from dualprev.storage.queries import risk_levels, risks
from dualprev.storage.repos import names_by_id

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
        levels = risk_levels.risk_point_levels_with_counts(session=s)
        areas = names_by_id(s, Area)
        departments = names_by_id(s, Department)
        rows = risks.risk_points_in_order(session=s)
        return [
            RiskPointOverview(
                id=r.id or 0,
                code=r.code,
                name=r.name,
                kind=r.kind,
                area_id=r.area_id,
                area_name=areas.get(r.area_id or 0, ""),
                department_name=departments.get(r.department_id or 0, ""),
                hazard_count=levels.get(r.id or 0, (None, 0))[1],
                level=levels.get(r.id or 0, (None, 0))[0],
            )
            for r in rows
        ]


def area_levels(db: Database) -> dict[int | None, RiskLevel | None]:
    """The level of each area that holds risk points (从严从高 over them); under None that of the risk
    points in no area, when there are such."""
    with db.read_session() as s:
        return risk_levels.levels_by_area(session=s)


# --- 岗位告知卡 ---------------------------------------------------------------------------------
