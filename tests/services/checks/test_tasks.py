"""Tasks on the demo factory's day and days later: the plans' current tasks, overdue and missed ones."""

from datetime import timedelta

from dualprev.domain.checks import CheckFrequency
from dualprev.domain.risk import ControlTier
from dualprev.services.checks import plans as check_plans
from dualprev.services.checks import tasks as check_tasks
from dualprev.services.checks.tasks import TaskScope
from dualprev.storage.db import Database

from .conftest import ACTOR, TODAY


def test_demo_plans_and_tasks_on_its_day(demo_db: Database) -> None:
    plans = {p.name: p for p in check_plans.list_plans(demo_db, today=TODAY)}
    weekly = plans["冲压车间班组周检"]
    assert weekly.overdue_tasks == 1 and weekly.next_due == TODAY - timedelta(days=1)
    assert plans["机加工车间岗位每班检查"].next_due == TODAY
    # The 重大风险 items are checked monthly by their own company plan, so no plan falls behind the table.
    assert {name: p.frequency_gaps for name, p in plans.items() if p.frequency_gaps} == {}
    monthly = plans["公司级重大风险月度检查"]
    assert monthly.frequency is CheckFrequency.MONTHLY and monthly.control_tier is ControlTier.COMPANY
    assert monthly.item_count >= 5 and monthly.next_due is not None and monthly.next_due > TODAY
    assert check_tasks.generate_tasks(demo_db, today=TODAY, actor=ACTOR) == check_tasks.TaskGeneration(0, 0)
    counts = check_tasks.task_counts(demo_db, today=TODAY)
    assert (counts.due_today, counts.overdue) == (2, 1)
    overdue = check_tasks.list_tasks(demo_db, today=TODAY, scope=TaskScope.OVERDUE)
    assert [(t.plan_name, t.state_text, t.assignee_name) for t in overdue] == [
        ("冲压车间班组周检", "逾期 1 天", "刘建军")
    ]


def test_days_later_the_daily_plans_catch_up_and_yesterdays_checks_are_missed(demo_db: Database) -> None:
    later = TODAY + timedelta(days=3)
    result = check_tasks.generate_tasks(demo_db, today=later, actor=ACTOR)
    # Two daily plans: days +1..+3 each; today's and the two after it are missed on each plan.
    assert result == check_tasks.TaskGeneration(created=6, missed=6)
    assert check_tasks.generate_tasks(demo_db, today=later, actor=ACTOR) == check_tasks.TaskGeneration(0, 0)
    today_tasks = check_tasks.list_tasks(demo_db, today=later, scope=TaskScope.TODAY)
    assert sorted(t.plan_name for t in today_tasks) == ["喷涂车间岗位每班检查", "机加工车间岗位每班检查"]
    missed = check_tasks.list_tasks(demo_db, today=later, scope=TaskScope.MISSED)
    assert {t.due_on for t in missed if t.plan_name == "机加工车间岗位每班检查"} >= {
        TODAY,
        TODAY + timedelta(days=2),
    }
    # The weekly check overdue by a day is still doable: not missed until next week's is due.
    assert [t.plan_name for t in check_tasks.list_tasks(demo_db, today=later, scope=TaskScope.OVERDUE)] == [
        "冲压车间班组周检"
    ]
