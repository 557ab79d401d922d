"""The checklist a check is taken with (of a task, a plan or chosen items), and the hidden danger a
不合格 item opens, pre-filled from what the risk inventory knows about the item."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from dualprev.domain.checks import CheckFrequency, CheckType
from dualprev.domain.hidden_danger import (
    DEFAULT_DEADLINE_DAYS_GENERAL,
    DEFAULT_DEADLINE_DAYS_TEAM,
    HiddenDangerCategory,
    HiddenDangerDraft,
    HiddenDangerLevel,
    HiddenDangerSource,
    OwnerTier,
    suggest_deadline,
)
from dualprev.domain.risk import ControlMeasureCategory, ControlTier, RiskLevel
from dualprev.reports.checklist_pdf import CHECKLIST_TITLE
from dualprev.services.checks.common import place_text
from dualprev.services.checks.items import item_rows
from dualprev.services.hidden_dangers import choices
from dualprev.services.risks import levels
from dualprev.storage.db import Database, Session
from dualprev.storage.models import Area, CheckPlan, CheckTask, Department, Person
from dualprev.storage.queries import checks as queries
from dualprev.storage.repos import get_or_raise, names_by_id


@dataclass(frozen=True)
class ChecklistItem:
    """An item as a check form shows it, with what a hidden danger found there is pre-filled from."""

    item_id: int | None
    content: str
    standard: str = ""
    method: str = ""
    risk_point_id: int | None = None
    risk_point_text: str = ""
    area_id: int | None = None
    area_name: str = ""
    location: str = ""
    level: RiskLevel | None = None
    control_tier: ControlTier | None = None
    measure_category: ControlMeasureCategory | None = None
    department_id: int | None = None
    person_id: int | None = None
    accident_type_ids: tuple[int, ...] = ()

    @property
    def place(self) -> str:
        return place_text(self.area_name, self.location)


@dataclass(frozen=True)
class Checklist:
    """The items of one plan or task (or a hand-picked set), with the plan's particulars."""

    title: str
    items: tuple[ChecklistItem, ...]
    plan_id: int | None = None
    task_id: int | None = None
    check_type: CheckType | None = None
    control_tier: ControlTier | None = None
    frequency: CheckFrequency | None = None
    department_id: int | None = None
    department_name: str = ""
    area_id: int | None = None
    area_name: str = ""
    assignee_name: str = ""
    due_on: date | None = None
    deadline_days_general: int = DEFAULT_DEADLINE_DAYS_GENERAL
    deadline_days_team: int = DEFAULT_DEADLINE_DAYS_TEAM

    @property
    def place(self) -> str:
        return self.area_name or self.department_name


def _checklist_items(
    session: Session, item_ids: Sequence[int], point_levels: Mapping[int, RiskLevel | None]
) -> tuple[ChecklistItem, ...]:
    """The active items among ``item_ids`` in inventory order, with their pre-fill facts."""
    wanted = set(item_ids)
    items = [i for i in queries.items_in_inventory_order(session=session) if i.id in wanted and i.is_active]
    rows = item_rows(session, items, point_levels)
    points = queries.risk_points_by_id(session=session)
    hazard_ids = {i.hazard_id for i in items if i.hazard_id is not None}
    hazards = queries.hazards_by_id(session=session, ids=hazard_ids)
    accident_types = queries.accident_type_ids_by_hazard(session=session, hazard_ids=hazard_ids)
    result: list[ChecklistItem] = []
    for item, row in zip(items, rows, strict=True):
        point = points.get(item.risk_point_id) if item.risk_point_id is not None else None
        hazard = hazards.get(item.hazard_id) if item.hazard_id is not None else None
        result.append(
            ChecklistItem(
                item_id=item.id,
                content=item.content,
                standard=item.standard,
                method=item.method,
                risk_point_id=item.risk_point_id,
                risk_point_text=row.risk_point_text,
                area_id=row.area_id,
                area_name=row.area_name,
                location=row.location,
                level=row.level,
                control_tier=item.control_tier,
                measure_category=row.measure_category,
                department_id=(hazard.responsible_department_id if hazard else None)
                or (point.department_id if point else None),
                person_id=(hazard.responsible_person_id if hazard else None)
                or (point.responsible_person_id if point else None),
                accident_type_ids=tuple(sorted(accident_types.get(item.hazard_id or 0, []))),
            )
        )
    return tuple(result)


def checklist(
    db: Database,
    *,
    task_id: int | None = None,
    plan_id: int | None = None,
    item_ids: Sequence[int] | None = None,
) -> Checklist:
    """The checklist of a task (its plan's items and due date), of a plan, or of chosen items."""
    general, team = choices.deadline_days(db)
    point_levels = levels.risk_point_levels(db)
    with db.read_session() as s:
        task = get_or_raise(s, CheckTask, task_id, "排查任务") if task_id is not None else None
        if task is not None:
            plan_id = task.plan_id
        if plan_id is None:
            return Checklist(
                title=CHECKLIST_TITLE,
                items=_checklist_items(s, list(item_ids or ()), point_levels),
                deadline_days_general=general,
                deadline_days_team=team,
            )
        plan = get_or_raise(s, CheckPlan, plan_id, "排查计划")
        ids = item_ids if item_ids is not None else queries.plan_item_ids(session=s, plan_id=plan_id)
        people, departments, areas = names_by_id(s, Person), names_by_id(s, Department), names_by_id(s, Area)
        assignee = task.assignee_id if task is not None and task.assignee_id else plan.assignee_id
        return Checklist(
            title=plan.name,
            items=_checklist_items(s, list(ids), point_levels),
            plan_id=plan_id,
            task_id=task_id,
            check_type=plan.check_type,
            control_tier=plan.control_tier,
            frequency=plan.frequency,
            department_id=plan.department_id,
            department_name=departments.get(plan.department_id or 0, ""),
            area_id=plan.area_id,
            area_name=areas.get(plan.area_id or 0, ""),
            assignee_name=people.get(assignee or 0, ""),
            due_on=task.due_on if task is not None else None,
            deadline_days_general=general,
            deadline_days_team=team,
        )


def owner_tier_for(tier: ControlTier | None) -> OwnerTier | None:
    """Who owns a hidden danger found at an item: 公司级/车间级 as the item's tier, 班组/岗位 → 班组级."""
    match tier:
        case ControlTier.COMPANY:
            return OwnerTier.COMPANY
        case ControlTier.WORKSHOP:
            return OwnerTier.WORKSHOP
        case ControlTier.TEAM | ControlTier.POST:
            return OwnerTier.TEAM
    return None


_MANAGEMENT_CATEGORIES = (ControlMeasureCategory.MANAGEMENT, ControlMeasureCategory.TRAINING)


def failed_item_draft(
    item: ChecklistItem,
    *,
    checked_on: date,
    check_type: CheckType | None,
    checker_names: str,
    remark: str = "",
    place: str = "",
    general_days: int = DEFAULT_DEADLINE_DAYS_GENERAL,
    team_days: int = DEFAULT_DEADLINE_DAYS_TEAM,
) -> HiddenDangerDraft:
    """The hidden danger a 不合格 item opens, pre-filled from the item: where (risk point, area,
    location), what (the remark, else the measure found not in place), the standard as basis, the
    hazard's accident types, who should rectify it, and the default deadline for its owner tier.
    The check record is linked when the check is saved."""
    owner = owner_tier_for(item.control_tier)
    description = remark.strip() or f"{item.content.strip()}——排查不符合要求"
    category = (
        HiddenDangerCategory.MANAGEMENT
        if item.measure_category in _MANAGEMENT_CATEGORIES
        else HiddenDangerCategory.SITE
    )
    return HiddenDangerDraft(
        found_on=checked_on,
        description=description,
        level=HiddenDangerLevel.GENERAL,
        category=category,
        source=HiddenDangerSource.CHECK,
        check_type=check_type,
        finder_names=checker_names.strip(),
        area_id=item.area_id,
        risk_point_id=item.risk_point_id,
        location=item.location or (item.risk_point_text if item.risk_point_id else place),
        owner_tier=owner,
        basis=item.standard,
        accident_type_ids=item.accident_type_ids,
        responsible_department_id=item.department_id,
        rectifier_id=item.person_id,
        deadline=suggest_deadline(
            checked_on, HiddenDangerLevel.GENERAL, owner, general_days=general_days, team_days=team_days
        ),
    )
