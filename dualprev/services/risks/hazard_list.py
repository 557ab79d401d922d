"""The hazard list (危险源清单) of the 风险辨识评估 page: filtered, sorted and paged in SQL so tens of
thousands of hazards stay fast. What it filters and sorts by is :mod:`dualprev.domain.hazard_list`."""

from dataclasses import dataclass
from typing import Any

from dualprev.domain.hazard_list import HazardFilter, HazardSort
from dualprev.domain.risk import ControlTier, EvaluationMethod, RiskLevel, RiskPointKind
from dualprev.storage.db import Database
from dualprev.storage.queries import risks as queries


@dataclass(frozen=True)
class HazardRow:
    id: int
    risk_point_id: int
    risk_point_code: str
    risk_point_name: str
    risk_point_kind: RiskPointKind
    area_id: int | None
    area_name: str
    seq: int
    step_or_item: str
    description: str
    accident_types: str
    """Names joined with "、", in vocabulary order."""
    method: EvaluationMethod | None
    score: str
    inherent_level: RiskLevel | None
    current_level: RiskLevel | None
    control_tier: ControlTier | None
    department_name: str
    """The hazard's responsible department, else its risk point's."""


@dataclass(frozen=True)
class HazardPage:
    rows: tuple[HazardRow, ...]
    total: int


def _row(row: Any) -> HazardRow:
    """A row of :func:`queries.hazard_page` (its columns are named like the fields)."""
    return HazardRow(**row._mapping)


def query_hazards(
    db: Database,
    flt: HazardFilter,
    *,
    sort: HazardSort = HazardSort.AREA,
    descending: bool = False,
    offset: int = 0,
    limit: int = 500,
) -> HazardPage:
    """One page of hazards matching ``flt`` and how many match in all; filtered, sorted and paged in SQL.

    Sorting by level puts 重大 first when ascending; score sorts numerically; hazards without a value
    for the sort key come last either way; ties keep the inventory order (risk point, step).
    """
    with db.read_session() as s:
        rows, total = queries.hazard_page(
            session=s, flt=flt, sort=sort, descending=descending, offset=offset, limit=limit
        )
        return HazardPage(tuple(_row(r) for r in rows), total)


def list_hazards_of(db: Database, risk_point_id: int) -> list[HazardRow]:
    """The hazards of one risk point in their order (序号)."""
    with db.read_session() as s:
        return [_row(r) for r in queries.hazard_rows_of(session=s, risk_point_id=risk_point_id)]
