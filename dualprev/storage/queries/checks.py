"""Read queries of 隐患排查: check items, plans, tasks, records and their results.

Inventory order (by area, risk point code, then as sorted; general items last) is decided here,
once, for every list and printout of check items.
"""

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, delete, func, select

from dualprev.domain.checks import CheckResult, CheckTaskStatus
from dualprev.domain.risk import ControlMeasureCategory, ControlTier, RiskLevel
from dualprev.storage.models import (
    Area,
    CheckItem,
    CheckPlan,
    CheckPlanItem,
    CheckRecord,
    CheckRecordResult,
    CheckTask,
    ControlMeasure,
    Enterprise,
    Hazard,
    HazardAccidentType,
    HiddenDanger,
    Photo,
    Post,
    PostRiskPoint,
    RiskPoint,
)


@dataclass(frozen=True)
class IdName:
    id: int
    name: str


@dataclass(frozen=True)
class ItemLevelFacts:
    """What the frequency table reads of an item: its tier and its own hazard's current level."""

    item_id: int
    risk_point_id: int | None
    control_tier: ControlTier | None
    hazard_level: RiskLevel | None


@dataclass(frozen=True)
class ItemPlace:
    """An active item under a risk point, with the risk point's area and department."""

    item_id: int
    area_id: int | None
    department_id: int | None


# --- shared look-ups --------------------------------------------------------------------------------


def enterprise_name(*, session: Session) -> str:
    """The enterprise's name for printout headers; empty before the profile is filled in."""
    row = session.exec(select(Enterprise).order_by(col(Enterprise.id))).first()
    return row.name if row else ""


def risk_points_by_id(*, session: Session) -> dict[int, RiskPoint]:
    return {p.id: p for p in session.exec(select(RiskPoint)).all() if p.id is not None}


def hazards_by_id(*, session: Session, ids: Collection[int]) -> dict[int, Hazard]:
    if not ids:
        return {}
    rows = session.exec(select(Hazard).where(col(Hazard.id).in_(ids))).all()
    return {h.id: h for h in rows if h.id is not None}


def hidden_dangers_by_id(*, session: Session, ids: Collection[int]) -> dict[int, HiddenDanger]:
    if not ids:
        return {}
    rows = session.exec(select(HiddenDanger).where(col(HiddenDanger.id).in_(ids))).all()
    return {h.id: h for h in rows if h.id is not None}


def measure_categories(*, session: Session, ids: Collection[int]) -> dict[int, ControlMeasureCategory]:
    """The category of each control measure in ``ids``."""
    if not ids:
        return {}
    rows = session.exec(select(ControlMeasure).where(col(ControlMeasure.id).in_(ids))).all()
    return {m.id: m.category for m in rows if m.id is not None}


def accident_type_ids_by_hazard(*, session: Session, hazard_ids: Collection[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    for hazard_id, type_id in session.exec(
        select(HazardAccidentType.hazard_id, HazardAccidentType.accident_type_id).where(
            col(HazardAccidentType.hazard_id).in_(hazard_ids)
        )
    ).all():
        found[hazard_id].append(type_id)
    return dict(found)


def posts_by_risk_point(*, session: Session) -> dict[int, list[IdName]]:
    """The posts facing each risk point, in post order."""
    found: dict[int, list[IdName]] = defaultdict(list)
    for rp_id, post_id, name in session.exec(
        select(PostRiskPoint.risk_point_id, Post.id, Post.name)
        .join(Post, col(Post.id) == col(PostRiskPoint.post_id))
        .order_by(col(Post.sort_order), col(Post.id))
    ).all():
        found[rp_id].append(IdName(post_id or 0, name))
    return dict(found)


# --- check items ------------------------------------------------------------------------------------


def items_in_inventory_order(*, session: Session, active_only: bool = False) -> list[CheckItem]:
    """Every item (or every active one) in inventory order; general items last."""
    query = (
        select(CheckItem)
        .join(RiskPoint, col(RiskPoint.id) == col(CheckItem.risk_point_id), isouter=True)
        .join(Area, col(Area.id) == col(RiskPoint.area_id), isouter=True)
        .order_by(
            col(CheckItem.risk_point_id).is_(None),
            func.coalesce(col(Area.sort_order), 1_000_000),
            func.coalesce(col(RiskPoint.area_id), 1_000_000),
            func.coalesce(col(RiskPoint.code), ""),
            col(RiskPoint.id),
            col(CheckItem.sort_order),
            col(CheckItem.id),
        )
    )
    if active_only:
        query = query.where(col(CheckItem.is_active).is_(True))
    return list(session.exec(query).all())


def items_by_ids(*, session: Session, ids: Collection[int]) -> list[CheckItem]:
    if not ids:
        return []
    return list(session.exec(select(CheckItem).where(col(CheckItem.id).in_(ids))).all())


def existing_item_ids(*, session: Session, ids: Collection[int]) -> set[int]:
    """Those of ``ids`` that are still items."""
    return {i for i in session.exec(select(CheckItem.id).where(col(CheckItem.id).in_(ids))).all() if i}


def max_item_sort_order(*, session: Session) -> int:
    return int(session.exec(select(func.max(CheckItem.sort_order))).one() or 0)


def covered_measure_ids(*, session: Session) -> set[int]:
    """Control measures that already have a check item (edited or switched off ones included)."""
    query = select(CheckItem.control_measure_id).where(col(CheckItem.control_measure_id).is_not(None))
    return {m for m in session.exec(query) if m is not None}


def measures_with_hazards(*, session: Session) -> list[tuple[ControlMeasure, Hazard]]:
    """Every control measure with its hazard, in inventory order (risk point, hazard, measure)."""
    query = (
        select(ControlMeasure, Hazard)
        .join(Hazard, col(Hazard.id) == col(ControlMeasure.hazard_id))
        .join(RiskPoint, col(RiskPoint.id) == col(Hazard.risk_point_id))
        .order_by(
            col(RiskPoint.code),
            col(RiskPoint.id),
            col(Hazard.seq),
            col(Hazard.id),
            col(ControlMeasure.sort_order),
            col(ControlMeasure.id),
        )
    )
    return [(measure, hazard) for measure, hazard in session.exec(query).all()]


def item_result_count(*, session: Session, item_id: int) -> int:
    """How many recorded results name the item."""
    query = (
        select(func.count()).select_from(CheckRecordResult).where(CheckRecordResult.check_item_id == item_id)
    )
    return int(session.exec(query).one())


def active_plans_by_item(*, session: Session) -> dict[int, list[IdName]]:
    """The active plans checking each item, oldest plan first."""
    found: dict[int, list[IdName]] = defaultdict(list)
    for item_id, plan_id, name in session.exec(
        select(CheckPlanItem.check_item_id, CheckPlan.id, CheckPlan.name)
        .join(CheckPlan, col(CheckPlan.id) == col(CheckPlanItem.plan_id))
        .where(col(CheckPlan.is_active).is_(True))
        .order_by(col(CheckPlan.id))
    ).all():
        found[item_id].append(IdName(plan_id or 0, name))
    return dict(found)


def item_level_facts(*, session: Session, ids: Collection[int]) -> list[ItemLevelFacts]:
    rows = session.exec(
        select(CheckItem.id, CheckItem.risk_point_id, CheckItem.control_tier, Hazard.current_level)
        .join(Hazard, col(Hazard.id) == col(CheckItem.hazard_id), isouter=True)
        .where(col(CheckItem.id).in_(ids))
    ).all()
    return [
        ItemLevelFacts(
            item_id=item_id or 0,
            risk_point_id=rp_id,
            control_tier=ControlTier(tier) if tier is not None else None,
            hazard_level=RiskLevel(level) if level is not None else None,
        )
        for item_id, rp_id, tier, level in rows
    ]


def active_item_places(*, session: Session) -> list[ItemPlace]:
    """Every active item under a risk point (general items have no place to match)."""
    rows = session.exec(
        select(CheckItem.id, RiskPoint.area_id, RiskPoint.department_id)
        .join(RiskPoint, col(RiskPoint.id) == col(CheckItem.risk_point_id))
        .where(col(CheckItem.is_active).is_(True))
    ).all()
    return [ItemPlace(item_id or 0, area_id, dept_id) for item_id, area_id, dept_id in rows]


# --- plans ------------------------------------------------------------------------------------------


def plans_active_first(*, session: Session) -> list[CheckPlan]:
    return list(
        session.exec(select(CheckPlan).order_by(col(CheckPlan.is_active).desc(), col(CheckPlan.id))).all()
    )


def plans_in_id_order(*, session: Session) -> list[CheckPlan]:
    return list(session.exec(select(CheckPlan).order_by(col(CheckPlan.id))).all())


def plans_by_id(*, session: Session, ids: Collection[int]) -> dict[int, CheckPlan]:
    rows = session.exec(select(CheckPlan).where(col(CheckPlan.id).in_(ids))).all()
    return {p.id: p for p in rows if p.id is not None}


def active_plan_ids(*, session: Session) -> list[int]:
    query = select(CheckPlan.id).where(col(CheckPlan.is_active).is_(True)).order_by(col(CheckPlan.id))
    return [p for p in session.exec(query).all() if p is not None]


def plan_names(*, session: Session) -> dict[int, str]:
    return {
        plan_id: name for plan_id, name in session.exec(select(CheckPlan.id, CheckPlan.name)).all() if plan_id
    }


def plan_item_ids(*, session: Session, plan_id: int) -> list[int]:
    """The items of a plan, active or not."""
    return list(
        session.exec(select(CheckPlanItem.check_item_id).where(CheckPlanItem.plan_id == plan_id)).all()
    )


def remove_plan_items(*, session: Session, plan_id: int, keep: Collection[int]) -> None:
    """Take every item but ``keep`` out of the plan (a bulk delete in the caller's transaction)."""
    session.exec(
        delete(CheckPlanItem).where(
            col(CheckPlanItem.plan_id) == plan_id, col(CheckPlanItem.check_item_id).not_in(list(keep))
        )
    )


def active_item_ids_by_plan(*, session: Session) -> dict[int, list[int]]:
    found: dict[int, list[int]] = defaultdict(list)
    for plan_id, item_id in session.exec(
        select(CheckPlanItem.plan_id, CheckPlanItem.check_item_id)
        .join(CheckItem, col(CheckItem.id) == col(CheckPlanItem.check_item_id))
        .where(col(CheckItem.is_active).is_(True))
    ).all():
        found[plan_id].append(item_id)
    return dict(found)


def active_item_counts(*, session: Session, plan_ids: Collection[int]) -> dict[int, int]:
    """How many active items each of ``plan_ids`` checks (plans without any are left out)."""
    rows = session.exec(
        select(CheckPlanItem.plan_id, func.count())
        .join(CheckItem, col(CheckItem.id) == col(CheckPlanItem.check_item_id))
        .where(col(CheckItem.is_active).is_(True), col(CheckPlanItem.plan_id).in_(plan_ids))
        .group_by(col(CheckPlanItem.plan_id))
    ).all()
    return {plan_id: int(n) for plan_id, n in rows}


def record_counts_by_plan(*, session: Session) -> dict[int, int]:
    rows = session.exec(
        select(CheckRecord.plan_id, func.count())
        .where(col(CheckRecord.plan_id).is_not(None))
        .group_by(col(CheckRecord.plan_id))
    ).all()
    return {plan_id: int(n) for plan_id, n in rows if plan_id is not None}


def last_checked_by_plan(*, session: Session) -> dict[int, date]:
    rows = session.exec(
        select(CheckRecord.plan_id, func.max(CheckRecord.checked_on))
        .where(col(CheckRecord.plan_id).is_not(None))
        .group_by(col(CheckRecord.plan_id))
    ).all()
    return {plan_id: day for plan_id, day in rows if plan_id is not None and day is not None}


def plan_record_count(*, session: Session, plan_id: int) -> int:
    query = select(func.count()).select_from(CheckRecord).where(CheckRecord.plan_id == plan_id)
    return int(session.exec(query).one())


# --- tasks ------------------------------------------------------------------------------------------


def _task_conditions(status: CheckTaskStatus | None, due_from: date | None, due_to: date | None) -> list[Any]:
    where: list[Any] = []
    if status is not None:
        where.append(col(CheckTask.status) == status.value)
    if due_from is not None:
        where.append(col(CheckTask.due_on) >= due_from)
    if due_to is not None:
        where.append(col(CheckTask.due_on) <= due_to)
    return where


def find_tasks(
    *,
    session: Session,
    status: CheckTaskStatus | None = None,
    due_from: date | None = None,
    due_to: date | None = None,
    newest_first: bool = False,
    limit: int | None = None,
) -> list[CheckTask]:
    """Tasks of a status due between ``due_from`` and ``due_to`` (both included, either open)."""
    order = col(CheckTask.due_on).desc() if newest_first else col(CheckTask.due_on)
    query = (
        select(CheckTask)
        .where(*_task_conditions(status, due_from, due_to))
        .order_by(order, col(CheckTask.id))
    )
    if limit is not None:
        query = query.limit(limit)
    return list(session.exec(query).all())


def count_tasks(
    *,
    session: Session,
    status: CheckTaskStatus | None = None,
    due_from: date | None = None,
    due_to: date | None = None,
) -> int:
    """How many tasks :func:`find_tasks` would find with the same filter."""
    query = select(func.count()).select_from(CheckTask).where(*_task_conditions(status, due_from, due_to))
    return int(session.exec(query).one())


def tasks_of_plan(
    *, session: Session, plan_id: int, status: CheckTaskStatus | None = None
) -> list[CheckTask]:
    """A plan's tasks (of one status), in the order they were made."""
    query = select(CheckTask).where(CheckTask.plan_id == plan_id)
    if status is not None:
        query = query.where(CheckTask.status == status)
    return list(session.exec(query).all())


def next_due_by_plan(*, session: Session) -> dict[int, date]:
    """The earliest open task of each plan that has one."""
    rows = session.exec(
        select(CheckTask.plan_id, func.min(CheckTask.due_on))
        .where(col(CheckTask.status) == CheckTaskStatus.DUE.value)
        .group_by(col(CheckTask.plan_id))
    ).all()
    return {plan_id: day for plan_id, day in rows if day is not None}


def overdue_counts_by_plan(*, session: Session, today: date) -> dict[int, int]:
    rows = session.exec(
        select(CheckTask.plan_id, func.count())
        .where(col(CheckTask.status) == CheckTaskStatus.DUE.value, col(CheckTask.due_on) < today)
        .group_by(col(CheckTask.plan_id))
    ).all()
    return {plan_id: int(n) for plan_id, n in rows}


def tasks_by_record(*, session: Session, record_ids: Collection[int]) -> dict[int, CheckTask]:
    """The task each of ``record_ids`` completed, if any."""
    rows = session.exec(select(CheckTask).where(col(CheckTask.record_id).in_(record_ids))).all()
    return {t.record_id: t for t in rows if t.record_id is not None}


# --- records ----------------------------------------------------------------------------------------


def find_records(
    *,
    session: Session,
    date_from: date | None = None,
    date_to: date | None = None,
    plan_id: int | None = None,
    newest_first: bool = False,
    limit: int | None = None,
) -> list[CheckRecord]:
    """Records checked between ``date_from`` and ``date_to`` (both included, either open)."""
    query = select(CheckRecord)
    if date_from is not None:
        query = query.where(col(CheckRecord.checked_on) >= date_from)
    if date_to is not None:
        query = query.where(col(CheckRecord.checked_on) <= date_to)
    if plan_id is not None:
        query = query.where(CheckRecord.plan_id == plan_id)
    if newest_first:
        query = query.order_by(col(CheckRecord.checked_on).desc(), col(CheckRecord.id).desc())
    else:
        query = query.order_by(col(CheckRecord.checked_on), col(CheckRecord.id))
    if limit is not None:
        query = query.limit(limit)
    return list(session.exec(query).all())


def checked_on_by_record(*, session: Session, ids: Collection[int]) -> dict[int, date]:
    if not ids:
        return {}
    rows = session.exec(select(CheckRecord).where(col(CheckRecord.id).in_(ids))).all()
    return {r.id: r.checked_on for r in rows if r.id is not None}


def results_of_records(*, session: Session, record_ids: Collection[int]) -> list[CheckRecordResult]:
    """The results of the records, record by record in the order they were entered."""
    query = (
        select(CheckRecordResult)
        .where(col(CheckRecordResult.record_id).in_(record_ids))
        .order_by(col(CheckRecordResult.record_id), col(CheckRecordResult.id))
    )
    return list(session.exec(query).all())


def result_counts_by_record(
    *, session: Session, record_ids: Collection[int]
) -> dict[int, dict[CheckResult, int]]:
    counts: dict[int, dict[CheckResult, int]] = defaultdict(dict)
    for record_id, result, n in session.exec(
        select(CheckRecordResult.record_id, CheckRecordResult.result, func.count())
        .where(col(CheckRecordResult.record_id).in_(record_ids))
        .group_by(col(CheckRecordResult.record_id), col(CheckRecordResult.result))
    ).all():
        counts[record_id][CheckResult(result)] = int(n)
    return dict(counts)


def danger_numbers_by_record(*, session: Session, record_ids: Collection[int]) -> dict[int, list[str]]:
    """The numbers of the hidden dangers each record opened, in result order."""
    numbers: dict[int, list[str]] = defaultdict(list)
    for record_id, number in session.exec(
        select(CheckRecordResult.record_id, HiddenDanger.number)
        .join(HiddenDanger, col(HiddenDanger.id) == col(CheckRecordResult.hidden_danger_id))
        .where(col(CheckRecordResult.record_id).in_(record_ids))
        .order_by(col(CheckRecordResult.id))
    ).all():
        numbers[record_id].append(number)
    return dict(numbers)


def photos_of_results(*, session: Session, result_ids: Collection[int]) -> list[Photo]:
    if not result_ids:
        return []
    query = select(Photo).where(col(Photo.check_result_id).in_(result_ids)).order_by(col(Photo.id))
    return list(session.exec(query).all())
