"""Read-only lists behind the GUI's overview pages: risk points by area, posts with their level,
floor plans and zones, check plans, the hidden-danger ledger, and the period summary for reports.

Levels follow "从严从高" (domain.md §3.4): a risk point takes the most severe current level of its
hazards, a post the most severe of the risk points it faces, a zone the most severe of its area's or
linked risk points. Everything crosses the layer boundary as frozen dataclasses.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement
from sqlmodel import Session, col, func, select

from dualprev.domain.checks import CheckFrequency, CheckType
from dualprev.domain.hidden_danger import HiddenDangerLevel, HiddenDangerStatus, is_overdue
from dualprev.domain.risk import ControlTier, RiskLevel, RiskPointKind
from dualprev.storage.db import Database
from dualprev.storage.models import (
    Area,
    CheckPlan,
    CheckPlanItem,
    CheckRecord,
    Department,
    Enterprise,
    FloorPlan,
    Hazard,
    HiddenDanger,
    MapZone,
    MapZoneRiskPoint,
    Person,
    Post,
    PostRiskPoint,
    RiskPoint,
)


def _most_severe(levels: Iterable[RiskLevel | None]) -> RiskLevel | None:
    known = [level for level in levels if level is not None]
    return min(known) if known else None


def _names(session: Session, model: type[Department] | type[Area] | type[Person]) -> dict[int, str]:
    return {row_id: name for row_id, name in session.exec(select(model.id, model.name)).all() if row_id}


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
        areas = _names(s, Area)
        departments = _names(s, Department)
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


@dataclass(frozen=True)
class PostOverview:
    id: int
    name: str
    department_name: str
    area_name: str
    headcount: int | None
    risk_point_count: int
    level: RiskLevel | None


def list_posts(db: Database) -> list[PostOverview]:
    """Every post with the number of risk points it faces and its level (the most severe of them)."""
    with db.read_session() as s:
        levels, _ = _risk_point_levels(s)
        faced: dict[int, list[int]] = {}
        for link in s.exec(select(PostRiskPoint)).all():
            faced.setdefault(link.post_id, []).append(link.risk_point_id)
        areas = _names(s, Area)
        departments = _names(s, Department)
        rows = s.exec(select(Post).order_by(col(Post.sort_order), col(Post.id))).all()
        return [
            PostOverview(
                id=p.id or 0,
                name=p.name,
                department_name=departments.get(p.department_id or 0, ""),
                area_name=areas.get(p.area_id or 0, ""),
                headcount=p.headcount,
                risk_point_count=len(faced.get(p.id or 0, [])),
                level=_most_severe(levels.get(rp) for rp in faced.get(p.id or 0, [])),
            )
            for p in rows
        ]


# --- 四色分布图 ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ZoneOverview:
    id: int
    name: str
    area_name: str
    risk_point_count: int
    level: RiskLevel | None


@dataclass(frozen=True)
class FloorPlanOverview:
    id: int
    name: str
    width: int
    height: int
    zones: tuple[ZoneOverview, ...]


def list_floor_plans(db: Database) -> list[FloorPlanOverview]:
    """Floor plans with their zones; a zone covers its area's risk points and those linked to it."""
    with db.read_session() as s:
        levels, _ = _risk_point_levels(s)
        areas = _names(s, Area)
        by_area: dict[int, set[int]] = {}
        for rp_id, area_id in s.exec(select(RiskPoint.id, RiskPoint.area_id)).all():
            if rp_id and area_id:
                by_area.setdefault(area_id, set()).add(rp_id)
        linked: dict[int, set[int]] = {}
        for link in s.exec(select(MapZoneRiskPoint)).all():
            linked.setdefault(link.zone_id, set()).add(link.risk_point_id)
        zones: dict[int, list[ZoneOverview]] = {}
        for z in s.exec(select(MapZone).order_by(col(MapZone.sort_order), col(MapZone.id))).all():
            covered = linked.get(z.id or 0, set()) | by_area.get(z.area_id or 0, set())
            zones.setdefault(z.floor_plan_id, []).append(
                ZoneOverview(
                    id=z.id or 0,
                    name=z.name,
                    area_name=areas.get(z.area_id or 0, ""),
                    risk_point_count=len(covered),
                    level=_most_severe(levels.get(rp) for rp in covered),
                )
            )
        plans = s.exec(select(FloorPlan).order_by(col(FloorPlan.sort_order), col(FloorPlan.id))).all()
        return [
            FloorPlanOverview(p.id or 0, p.name, p.width, p.height, tuple(zones.get(p.id or 0, [])))
            for p in plans
        ]


# --- 隐患排查 -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckPlanOverview:
    id: int
    name: str
    check_type: CheckType
    frequency: CheckFrequency
    control_tier: ControlTier | None
    department_name: str
    area_name: str
    assignee_name: str
    start_on: date
    end_on: date | None
    is_active: bool
    item_count: int
    record_count: int


def list_check_plans(db: Database) -> list[CheckPlanOverview]:
    """Check plans with how many items they cover and how many checks were recorded under them."""
    with db.read_session() as s:
        items = dict(
            s.exec(select(CheckPlanItem.plan_id, func.count()).group_by(col(CheckPlanItem.plan_id))).all()
        )
        records = dict(
            s.exec(
                select(CheckRecord.plan_id, func.count())
                .where(col(CheckRecord.plan_id).is_not(None))
                .group_by(col(CheckRecord.plan_id))
            ).all()
        )
        departments, areas, people = _names(s, Department), _names(s, Area), _names(s, Person)
        rows = s.exec(select(CheckPlan).order_by(col(CheckPlan.is_active).desc(), col(CheckPlan.id))).all()
        return [
            CheckPlanOverview(
                id=p.id or 0,
                name=p.name,
                check_type=p.check_type,
                frequency=p.frequency,
                control_tier=p.control_tier,
                department_name=departments.get(p.department_id or 0, ""),
                area_name=areas.get(p.area_id or 0, ""),
                assignee_name=people.get(p.assignee_id or 0, ""),
                start_on=p.start_on,
                end_on=p.end_on,
                is_active=p.is_active,
                item_count=int(items.get(p.id or 0, 0)),
                record_count=int(records.get(p.id or 0, 0)),
            )
            for p in rows
        ]


# --- 隐患台账 -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class HiddenDangerOverview:
    id: int
    number: str
    found_on: date
    description: str
    level: HiddenDangerLevel
    status: HiddenDangerStatus
    area_name: str
    location: str
    department_name: str
    rectifier_name: str
    deadline: date | None
    completed_on: date | None
    is_overdue: bool


def list_hidden_dangers(db: Database, *, today: date) -> list[HiddenDangerOverview]:
    """The ledger, newest first; ``is_overdue`` is derived from the deadline and ``today``."""
    with db.read_session() as s:
        departments, areas, people = _names(s, Department), _names(s, Area), _names(s, Person)
        rows = s.exec(
            select(HiddenDanger).order_by(col(HiddenDanger.found_on).desc(), col(HiddenDanger.id).desc())
        ).all()
        return [
            HiddenDangerOverview(
                id=h.id or 0,
                number=h.number,
                found_on=h.found_on,
                description=h.description,
                level=h.level,
                status=h.status,
                area_name=areas.get(h.area_id or 0, ""),
                location=h.location,
                department_name=departments.get(h.responsible_department_id or 0, ""),
                rectifier_name=people.get(h.rectifier_id or 0, ""),
                deadline=h.deadline,
                completed_on=h.completed_on,
                is_overdue=is_overdue(h.status, h.deadline, today),
            )
            for h in rows
        ]


# --- 报表导出 -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodSummary:
    """What happened in one calendar year, as a report header would state it."""

    enterprise: str
    uscc: str
    year: int
    period_start: date
    period_end: date
    check_records: int
    hidden_dangers_found: int
    major_hidden_dangers_found: int
    hidden_dangers_closed: int
    hidden_dangers_open: int


def period_summary(db: Database, *, today: date) -> PeriodSummary:
    """Counts for the year of ``today`` up to ``today`` (open hidden dangers: all years)."""
    start = date(today.year, 1, 1)
    with db.read_session() as s:
        enterprise = s.exec(select(Enterprise).order_by(col(Enterprise.id))).first()

        def count(model: type[CheckRecord] | type[HiddenDanger], *where: ColumnElement[bool]) -> int:
            return int(s.exec(select(func.count()).select_from(model).where(*where)).one())

        in_period = (col(HiddenDanger.found_on) >= start, col(HiddenDanger.found_on) <= today)
        open_statuses = [st.value for st in HiddenDangerStatus if st.is_open]
        return PeriodSummary(
            enterprise=enterprise.name if enterprise else "",
            uscc=enterprise.uscc if enterprise else "",
            year=today.year,
            period_start=start,
            period_end=today,
            check_records=count(
                CheckRecord, col(CheckRecord.checked_on) >= start, col(CheckRecord.checked_on) <= today
            ),
            hidden_dangers_found=count(HiddenDanger, *in_period),
            major_hidden_dangers_found=count(
                HiddenDanger, *in_period, col(HiddenDanger.level) == HiddenDangerLevel.MAJOR.value
            ),
            hidden_dangers_closed=count(
                HiddenDanger, *in_period, col(HiddenDanger.status) == HiddenDangerStatus.CLOSED.value
            ),
            hidden_dangers_open=count(HiddenDanger, col(HiddenDanger.status).in_(open_statuses)),
        )
