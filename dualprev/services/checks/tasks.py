"""排查任务: the due occurrences of the plans. Each active plan has its current task; a task whose
next occurrence has come without a check is 已错过; recording a check completes its task."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from dualprev.domain.checks import (
    CheckFrequency,
    CheckTaskStatus,
    CheckType,
    is_task_overdue,
    schedule,
    superseded,
)
from dualprev.domain.risk import ControlTier
from dualprev.storage import audit
from dualprev.storage.db import Database, Session
from dualprev.storage.models import Area, CheckPlan, CheckTask, Department, Person
from dualprev.storage.queries import checks as queries
from dualprev.storage.repos import get_or_raise, names_by_id


class TaskScope(StrEnum):
    OPEN = "open"
    TODAY = "today"
    OVERDUE = "overdue"
    UPCOMING = "upcoming"
    DONE = "done"
    MISSED = "missed"
    ALL = "all"

    @property
    def label(self) -> str:
        return {
            "open": "待排查（全部）",
            "today": "今日到期",
            "overdue": "逾期未查",
            "upcoming": "近期待查",
            "done": "已完成",
            "missed": "已错过",
            "all": "全部任务",
        }[self.value]


@dataclass(frozen=True)
class TaskRow:
    """One due occurrence of a plan: who checks which items by when."""

    id: int
    plan_id: int
    plan_name: str
    check_type: CheckType
    control_tier: ControlTier | None
    frequency: CheckFrequency
    due_on: date
    assignee_id: int | None
    assignee_name: str
    place: str
    status: CheckTaskStatus
    record_id: int | None
    checked_on: date | None
    item_count: int
    is_overdue: bool
    days_left: int

    @property
    def state_text(self) -> str:
        """待排查 · 今天到期 / 逾期 3 天 / 还剩 5 天, or the stored status."""
        if self.status is not CheckTaskStatus.DUE:
            return self.status.label
        if self.days_left < 0:
            return f"逾期 {-self.days_left} 天"
        if self.days_left == 0:
            return "今天到期"
        return f"还剩 {self.days_left} 天"


@dataclass(frozen=True)
class TaskCounts:
    due_today: int
    overdue: int
    upcoming: int


@dataclass(frozen=True)
class TaskGeneration:
    created: int
    missed: int


def generate_for(session: Session, plan: CheckPlan, today: date) -> tuple[int, int]:
    """Add the plan's missing tasks and mark the superseded ones; (created, newly missed)."""
    tasks = queries.tasks_of_plan(session=session, plan_id=plan.id or 0)
    created = 0
    new: list[CheckTask] = []
    if plan.is_active:
        for due, status in schedule(
            plan.frequency, plan.start_on, plan.end_on, [t.due_on for t in tasks], today
        ):
            new.append(
                CheckTask(plan_id=plan.id or 0, due_on=due, assignee_id=plan.assignee_id, status=status)
            )
        session.add_all(new)
        created = len(new)
    gone = superseded([t.due_on for t in [*tasks, *new]], today)
    missed = 0
    for task in tasks:
        if task.status is CheckTaskStatus.DUE and task.due_on in gone:
            task.status = CheckTaskStatus.MISSED
            session.add(task)
            missed += 1
    return created, missed + sum(1 for t in new if t.status is CheckTaskStatus.MISSED)


def generate_tasks(db: Database, *, today: date, actor: str) -> TaskGeneration:
    """Bring every plan's tasks up to ``today``: each active plan has its current task, and a task
    whose next occurrence has come is 已错过. Writes (and audits) only when something changes."""
    with db.session() as s:
        created = missed = 0
        for plan in queries.plans_in_id_order(session=s):
            c, m = generate_for(s, plan, today)
            created, missed = created + c, missed + m
        if created or missed:
            audit.record(s, actor=actor, action="generate", entity="check_task", entity_id=None,
                         summary=f"生成排查任务 {created} 个，标记已错过 {missed} 个")  # fmt: skip
    return TaskGeneration(created, missed)


def _task_rows(session: Session, tasks: Sequence[CheckTask], today: date) -> list[TaskRow]:
    plan_ids = {t.plan_id for t in tasks}
    plans = queries.plans_by_id(session=session, ids=plan_ids)
    people, departments, areas = (
        names_by_id(session, Person),
        names_by_id(session, Department),
        names_by_id(session, Area),
    )
    counts = queries.active_item_counts(session=session, plan_ids=plan_ids)
    checked = queries.checked_on_by_record(
        session=session, ids={t.record_id for t in tasks if t.record_id is not None}
    )
    rows: list[TaskRow] = []
    for task in tasks:
        plan = plans[task.plan_id]
        rows.append(
            TaskRow(
                id=task.id or 0,
                plan_id=task.plan_id,
                plan_name=plan.name,
                check_type=plan.check_type,
                control_tier=plan.control_tier,
                frequency=plan.frequency,
                due_on=task.due_on,
                assignee_id=task.assignee_id,
                assignee_name=people.get(task.assignee_id or 0, ""),
                place=areas.get(plan.area_id or 0, "") or departments.get(plan.department_id or 0, ""),
                status=task.status,
                record_id=task.record_id,
                checked_on=checked.get(task.record_id) if task.record_id else None,
                item_count=int(counts.get(task.plan_id, 0)),
                is_overdue=is_task_overdue(task.status, task.due_on, today),
                days_left=(task.due_on - today).days,
            )
        )
    return rows


_DUE = CheckTaskStatus.DUE


def _window(
    scope: TaskScope, today: date, upcoming_days: int
) -> tuple[CheckTaskStatus | None, date | None, date | None]:
    """(status, first due day, last due day) of the tasks in ``scope``; None leaves that open."""
    yesterday, tomorrow = today - timedelta(days=1), today + timedelta(days=1)
    return {
        TaskScope.OPEN: (_DUE, None, None),
        TaskScope.TODAY: (_DUE, today, today),
        TaskScope.OVERDUE: (_DUE, None, yesterday),
        TaskScope.UPCOMING: (_DUE, tomorrow, today + timedelta(days=upcoming_days)),
        TaskScope.DONE: (CheckTaskStatus.DONE, None, None),
        TaskScope.MISSED: (CheckTaskStatus.MISSED, None, None),
        TaskScope.ALL: (None, None, None),
    }[scope]


def list_tasks(
    db: Database,
    *,
    today: date,
    scope: TaskScope = TaskScope.OPEN,
    upcoming_days: int = 31,
    limit: int = 1000,
) -> list[TaskRow]:
    """Tasks of one scope: open ones by due date (the most urgent first), done and missed ones newest
    first. 近期待查 looks ``upcoming_days`` ahead."""
    status, due_from, due_to = _window(scope, today, upcoming_days)
    newest_first = scope in (TaskScope.DONE, TaskScope.MISSED, TaskScope.ALL)
    with db.read_session() as s:
        tasks = queries.find_tasks(
            session=s, status=status, due_from=due_from, due_to=due_to, newest_first=newest_first, limit=limit
        )
        return _task_rows(s, tasks, today)


def get_task(db: Database, task_id: int, *, today: date) -> TaskRow:
    with db.read_session() as s:
        return _task_rows(s, [get_or_raise(s, CheckTask, task_id, "排查任务")], today)[0]


def task_counts(db: Database, *, today: date, upcoming_days: int = 31) -> TaskCounts:
    """Open tasks due today, overdue, and due within ``upcoming_days``."""
    with db.read_session() as s:

        def count(scope: TaskScope) -> int:
            status, due_from, due_to = _window(scope, today, upcoming_days)
            return queries.count_tasks(session=s, status=status, due_from=due_from, due_to=due_to)

        return TaskCounts(
            due_today=count(TaskScope.TODAY),
            overdue=count(TaskScope.OVERDUE),
            upcoming=count(TaskScope.UPCOMING),
        )
