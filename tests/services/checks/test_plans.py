"""Plans: suggested items, a new plan's task, edits and stops that its tasks follow, deletion."""

from datetime import date, timedelta

import pytest

from dualprev.domain.checks import CheckFrequency, CheckPlanDraft, CheckTaskStatus, CheckType
from dualprev.domain.risk import ControlTier, RiskLevel
from dualprev.errors import ConflictError, ValidationError
from dualprev.services import organisation_service as org
from dualprev.services.checks import items as check_items
from dualprev.services.checks import plans as check_plans
from dualprev.services.checks import tasks as check_tasks
from dualprev.services.checks.tasks import TaskScope
from dualprev.storage.db import Database
from dualprev.storage.models import CheckTask

from .conftest import ACTOR, TODAY, count


def test_a_new_plan_gets_its_current_task_and_follows_edits(demo_db: Database) -> None:
    db = demo_db
    people = {p.name: p.id for p in org.list_people(db)}
    items = check_plans.suggest_plan_items(
        db, control_tier=ControlTier.POST, frequency=CheckFrequency.PER_SHIFT, area_id=1
    )
    assert items and all(check_items.get_item(db, i).area_id == 1 for i in items)
    company = check_plans.suggest_plan_items(
        db, control_tier=ControlTier.COMPANY, frequency=CheckFrequency.MONTHLY
    )
    assert company and all(check_items.get_item(db, i).level is RiskLevel.MAJOR for i in company)
    draft = CheckPlanDraft("机加工车间交接班检查", CheckType.DAILY, CheckFrequency.DAILY, date(2026, 11, 1),
                           control_tier=ControlTier.POST, area_id=1, assignee_id=people["吴志强"], item_ids=items)  # fmt: skip
    plan_id = check_plans.save_plan(db, None, draft, actor=ACTOR, today=TODAY)
    tasks = [t for t in check_tasks.list_tasks(db, today=TODAY, scope=TaskScope.ALL) if t.plan_id == plan_id]
    assert [(t.due_on, t.status, t.assignee_name, t.item_count) for t in tasks] == [
        (TODAY, CheckTaskStatus.DUE, "吴志强", len(items))
    ]
    assert check_plans.get_plan(db, plan_id).item_ids == tuple(sorted(items))
    # Weekly from next Monday: today's task is dropped, the new schedule's first one made.
    weekly = CheckPlanDraft(**{**draft.__dict__, "frequency": CheckFrequency.WEEKLY, "start_on": date(2026, 11, 23),
                               "assignee_id": people["钱国平"]})  # fmt: skip
    check_plans.save_plan(db, plan_id, weekly, actor=ACTOR, today=TODAY)
    tasks = [t for t in check_tasks.list_tasks(db, today=TODAY, scope=TaskScope.ALL) if t.plan_id == plan_id]
    assert [(t.due_on, t.assignee_name) for t in tasks] == [(date(2026, 11, 23), "钱国平")]
    with pytest.raises(ValidationError, match="请至少选择一个排查项"):
        check_plans.save_plan(
            db, plan_id, CheckPlanDraft(**{**weekly.__dict__, "item_ids": ()}), actor=ACTOR, today=TODAY
        )
    check_plans.delete_plan(db, plan_id, actor=ACTOR)
    assert count(db, CheckTask, CheckTask.plan_id == plan_id) == 0
    used = next(p for p in check_plans.list_plans(db, today=TODAY) if p.record_count)
    with pytest.raises(ConflictError, match="请停用"):
        check_plans.delete_plan(db, used.id, actor=ACTOR)


def test_stopping_a_plan_drops_its_coming_tasks(demo_db: Database) -> None:
    db = demo_db
    plan = next(p for p in check_plans.list_plans(db, today=TODAY) if p.name == "冲压车间班组周检")
    stopped = CheckPlanDraft(**{**check_plans.get_plan(db, plan.id).__dict__, "is_active": False})
    check_plans.save_plan(db, plan.id, stopped, actor=ACTOR, today=TODAY)
    assert [t for t in check_tasks.list_tasks(db, today=TODAY) if t.plan_id == plan.id] == []
    mine = [t for t in check_tasks.list_tasks(db, today=TODAY, scope=TaskScope.ALL) if t.plan_id == plan.id]
    assert next(t for t in mine if t.due_on == TODAY - timedelta(days=1)).status is CheckTaskStatus.MISSED
    assert all(t.due_on < TODAY for t in mine)  # next week's task is gone
    check_tasks.generate_tasks(db, today=TODAY + timedelta(days=30), actor=ACTOR)
    assert count(db, CheckTask, CheckTask.plan_id == plan.id) == len(mine)
