"""排查计划: who checks which items how often, at which tier and place. Saving a plan brings its
tasks in line at once; the frequency table says which items a plan should check and which it
checks less often than asked."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from dualprev.domain.checks import (
    CheckFrequency,
    CheckPlanDraft,
    CheckTaskStatus,
    CheckType,
    FrequencyTable,
    at_least_as_often,
    plan_frequency_gaps,
    plan_problem,
)
from dualprev.domain.risk import ControlTier, RiskLevel
from dualprev.errors import ConflictError, ValidationError
from dualprev.services.checks.common import raise_problem
from dualprev.services.checks.frequency import frequency_table_in
from dualprev.services.checks.tasks import generate_for
from dualprev.services.risks import levels as risk_levels
from dualprev.storage import audit
from dualprev.storage.db import Database, Session
from dualprev.storage.models import Area, CheckPlan, CheckPlanItem, Department, Person, utcnow
from dualprev.storage.queries import checks as queries
from dualprev.storage.queries import organisation as organisation_queries
from dualprev.storage.repos import get_or_raise, names_by_id


@dataclass(frozen=True)
class PlanRow:
    """A check plan as the plan list shows it."""

    id: int
    name: str
    check_type: CheckType
    frequency: CheckFrequency
    control_tier: ControlTier | None
    department_id: int | None
    department_name: str
    area_id: int | None
    area_name: str
    assignee_id: int | None
    assignee_name: str
    start_on: date
    end_on: date | None
    is_active: bool
    note: str
    item_count: int
    record_count: int
    next_due: date | None
    overdue_tasks: int
    last_checked_on: date | None
    frequency_gaps: int
    """Items the plan checks less often than the frequency table asks at its tier."""

    @property
    def place(self) -> str:
        return self.area_name or self.department_name


_ItemLevels = dict[int, tuple[RiskLevel | None, ControlTier | None]]


def _item_levels(
    session: Session, item_ids: Iterable[int], point_levels: Mapping[int, RiskLevel | None]
) -> _ItemLevels:
    """(level, tier) of each item, as the frequency table reads them: the level of the item's
    hazard, else of its risk point."""
    ids = list(item_ids)
    if not ids:
        return {}
    return {
        f.item_id: (
            f.hazard_level if f.hazard_level is not None else point_levels.get(f.risk_point_id or 0),
            f.control_tier,
        )
        for f in queries.item_level_facts(session=session, ids=ids)
    }


def _required(
    table: FrequencyTable, levels: _ItemLevels, item_ids: Iterable[int], tier: ControlTier | None
) -> list[CheckFrequency | None]:
    result: list[CheckFrequency | None] = []
    for item_id in item_ids:
        level, item_tier = levels.get(item_id, (None, None))
        at = tier or item_tier or ControlTier.TEAM
        result.append(table.required(level, item_tier, at))
    return result


def list_plans(db: Database, *, today: date) -> list[PlanRow]:
    """Every plan, active first, with its next due task, overdue tasks and last check."""
    point_levels = risk_levels.risk_point_levels(db)
    with db.read_session() as s:
        departments, areas, people = names_by_id(s, Department), names_by_id(s, Area), names_by_id(s, Person)
        items = queries.active_item_ids_by_plan(session=s)
        records = queries.record_counts_by_plan(session=s)
        last_checked = queries.last_checked_by_plan(session=s)
        next_due = queries.next_due_by_plan(session=s)
        overdue = queries.overdue_counts_by_plan(session=s, today=today)
        table = frequency_table_in(s)
        levels = _item_levels(s, {i for ids in items.values() for i in ids}, point_levels)
        return [
            PlanRow(
                id=p.id or 0,
                name=p.name,
                check_type=p.check_type,
                frequency=p.frequency,
                control_tier=p.control_tier,
                department_id=p.department_id,
                department_name=departments.get(p.department_id or 0, ""),
                area_id=p.area_id,
                area_name=areas.get(p.area_id or 0, ""),
                assignee_id=p.assignee_id,
                assignee_name=people.get(p.assignee_id or 0, ""),
                start_on=p.start_on,
                end_on=p.end_on,
                is_active=p.is_active,
                note=p.note,
                item_count=len(items.get(p.id or 0, [])),
                record_count=records.get(p.id or 0, 0),
                next_due=next_due.get(p.id or 0),
                overdue_tasks=overdue.get(p.id or 0, 0),
                last_checked_on=last_checked.get(p.id or 0),
                frequency_gaps=plan_frequency_gaps(
                    p.frequency, _required(table, levels, items.get(p.id or 0, []), p.control_tier)
                ),
            )
            for p in queries.plans_active_first(session=s)
        ]


def get_plan(db: Database, plan_id: int) -> CheckPlanDraft:
    """The plan as its editor shows it, with the ids of its items (active or not)."""
    with db.read_session() as s:
        plan = get_or_raise(s, CheckPlan, plan_id, "排查计划")
        item_ids = queries.plan_item_ids(session=s, plan_id=plan_id)
        return CheckPlanDraft(
            name=plan.name,
            check_type=plan.check_type,
            frequency=plan.frequency,
            start_on=plan.start_on,
            control_tier=plan.control_tier,
            end_on=plan.end_on,
            department_id=plan.department_id,
            area_id=plan.area_id,
            assignee_id=plan.assignee_id,
            is_active=plan.is_active,
            note=plan.note,
            item_ids=tuple(sorted(item_ids)),
        )


_PLAN_FIELDS = (
    "name", "check_type", "frequency", "start_on", "control_tier", "end_on", "department_id", "area_id",
    "assignee_id", "is_active", "note",
)  # fmt: skip
_SCHEDULE_FIELDS = ("frequency", "start_on", "end_on", "is_active")


def save_plan(
    db: Database,
    plan_id: int | None,
    draft: CheckPlanDraft,
    *,
    actor: str,
    today: date,
    now: datetime | None = None,
) -> int:
    """Create or change a plan and its items; its tasks follow at once. ``now`` (aware) dates a new
    plan; default: the current time.

    A new plan gets its current task. When the schedule changes, the tasks not yet due are dropped
    and made again on the new schedule; a stopped plan drops them and its overdue tasks become 已错过.
    A new assignee takes over the open tasks.
    """
    draft = replace(
        draft, name=draft.name.strip(), note=draft.note.strip(), item_ids=tuple(dict.fromkeys(draft.item_ids))
    )
    raise_problem(plan_problem(draft))
    with db.session() as s:
        for model, row_id, label, field in (
            (Department, draft.department_id, "部门", "department_id"),
            (Area, draft.area_id, "区域", "area_id"),
            (Person, draft.assignee_id, "负责人", "assignee_id"),
        ):
            if row_id is not None and s.get(model, row_id) is None:
                raise ValidationError(f"所选{label}已不存在，请重新选择", field)
        known = queries.existing_item_ids(session=s, ids=draft.item_ids)
        if len(known) != len(draft.item_ids):
            raise ValidationError("部分排查项已不存在，请重新选择", "item_ids")
        values = {key: getattr(draft, key) for key in _PLAN_FIELDS}
        if plan_id is None:
            plan = CheckPlan(**values, created_at=now or utcnow())
            s.add(plan)
            s.flush()
            changes = audit.diff({}, values)
            old_values: dict[str, Any] = {}
        else:
            plan = get_or_raise(s, CheckPlan, plan_id, "排查计划")
            old_values = {key: getattr(plan, key) for key in _PLAN_FIELDS}
            changes = audit.diff(old_values, values)
            for key, value in values.items():
                setattr(plan, key, value)
            s.add(plan)
        assert plan.id is not None
        current = set(queries.plan_item_ids(session=s, plan_id=plan.id))
        wanted = set(draft.item_ids)
        if current != wanted:
            changes["items"] = [len(current), len(wanted)]
            queries.remove_plan_items(session=s, plan_id=plan.id, keep=wanted)
            s.add_all(CheckPlanItem(plan_id=plan.id, check_item_id=i) for i in wanted - current)
        open_tasks = queries.tasks_of_plan(session=s, plan_id=plan.id, status=CheckTaskStatus.DUE)
        if old_values and any(old_values[k] != values[k] for k in _SCHEDULE_FIELDS):
            for task in open_tasks:
                if task.due_on >= today:
                    s.delete(task)
                elif not plan.is_active:
                    task.status = CheckTaskStatus.MISSED
                    s.add(task)
        elif old_values and old_values["assignee_id"] != values["assignee_id"]:
            for task in open_tasks:
                task.assignee_id = plan.assignee_id
                s.add(task)
        s.flush()
        generate_for(s, plan, today)
        if changes or plan_id is None:
            what = "新建" if plan_id is None else "修改"
            audit.record(s, actor=actor, action="create" if plan_id is None else "update", entity="check_plan",
                         entity_id=plan.id, summary=f"{what}排查计划：{plan.name}", changes=changes)  # fmt: skip
        return plan.id


def delete_plan(db: Database, plan_id: int, *, actor: str) -> None:
    """Delete a plan never carried out (its tasks go with it); one with records can only be stopped."""
    with db.session() as s:
        plan = get_or_raise(s, CheckPlan, plan_id, "排查计划")
        used = queries.plan_record_count(session=s, plan_id=plan_id)
        if used:
            raise ConflictError(f"该计划已有 {used} 次排查记录，不能删除；不再执行时请停用")
        s.delete(plan)
        audit.record(s, actor=actor, action="delete", entity="check_plan", entity_id=plan_id,
                     summary=f"删除排查计划：{plan.name}")  # fmt: skip


def suggest_plan_items(
    db: Database,
    *,
    control_tier: ControlTier | None,
    frequency: CheckFrequency,
    area_id: int | None = None,
    department_id: int | None = None,
) -> tuple[int, ...]:
    """The active items a plan of this tier and frequency should check, by the frequency table:
    items in its area (or its department's risk points) that the tier watches and that need
    checking at least as often as the plan runs. General items are not suggested."""
    point_levels = risk_levels.risk_point_levels(db)
    with db.read_session() as s:
        table = frequency_table_in(s)
        departments = (
            organisation_queries.department_subtree(session=s, root=department_id)
            if department_id is not None
            else None
        )
        ids = [
            c.item_id
            for c in queries.active_item_places(session=s)
            if (area_id is None or c.area_id == area_id)
            and (area_id is not None or departments is None or c.department_id in departments)
        ]
        levels = _item_levels(s, ids, point_levels)
        chosen: list[int] = []
        for item_id in ids:
            level, item_tier = levels.get(item_id, (None, None))
            required = table.required(level, item_tier, control_tier or item_tier or ControlTier.TEAM)
            if required is not None and at_least_as_often(required, frequency):
                chosen.append(item_id)
        order = {row.id: n for n, row in enumerate(queries.items_in_inventory_order(session=s))}
        return tuple(sorted(chosen, key=lambda i: order.get(i, 0)))
