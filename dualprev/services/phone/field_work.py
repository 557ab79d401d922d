"""What a paired phone does on the floor besides reporting: the person's due check tasks, recorded
item by item (a 不合格 item opens its hidden danger pre-filled exactly as on the PC, through the same
check-recording service), and the hidden dangers the person rectifies or, as a manager, accepts.
The lifecycle rules are the services' own: the acceptor is never the rectifier."""

from dataclasses import dataclass, replace
from datetime import date

from dualprev.domain.checks import CheckResult
from dualprev.domain.hidden_danger import HiddenDangerLevel, HiddenDangerStatus, is_overdue
from dualprev.domain.phone import Permission, may
from dualprev.errors import ConflictError, NotFoundError, ValidationError
from dualprev.services.checks import checklists, recording, tasks
from dualprev.services.checks.checklists import Checklist
from dualprev.services.checks.recording import CheckInput, ResultInput
from dualprev.services.checks.tasks import TaskRow
from dualprev.services.hidden_dangers import lifecycle
from dualprev.services.hidden_dangers.lifecycle import (
    AcceptanceInput,
    CompletionInput,
    RejectionInput,
    StartInput,
)
from dualprev.services.phone.devices import DeviceSession
from dualprev.services.photo_service import PreparedPhoto
from dualprev.storage.db import Database
from dualprev.storage.models import CheckTask, HiddenDanger, Person
from dualprev.storage.queries import phone as queries
from dualprev.storage.repos import get_or_raise, names_by_id

MAX_LISTED = 100


def _require(device: DeviceSession, permission: Permission) -> None:
    if not may(device.role, permission):
        raise ValidationError(f"您的手机权限（{device.role.label}）不能进行这项操作")


# --- check tasks -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemAnswer:
    """One checklist item as answered on the phone."""

    item_id: int
    result: CheckResult
    remark: str = ""
    photos: tuple[PreparedPhoto, ...] = ()
    rectifier_id: int | None = None
    """For a 不合格 item: who should rectify it, when the item's own responsible person is not set."""


def my_tasks(db: Database, device: DeviceSession, *, today: date) -> list[TaskRow]:
    """The due check tasks of the phone's person (and those of plans without an assignee)."""
    _require(device, Permission.CHECK)
    with db.read_session() as s:
        ids = [
            t.id or 0 for t in queries.due_tasks_of(session=s, person_id=device.person_id, limit=MAX_LISTED)
        ]
    return [tasks.get_task(db, task_id, today=today) for task_id in ids]


def _check_assignee(db: Database, device: DeviceSession, task_id: int) -> None:
    with db.read_session() as s:
        task: CheckTask = get_or_raise(s, CheckTask, task_id, "排查任务")
        if task.assignee_id is not None and task.assignee_id != device.person_id:
            raise ValidationError("这项排查任务不是分配给您的")


def task_checklist(db: Database, device: DeviceSession, task_id: int) -> Checklist:
    _require(device, Permission.CHECK)
    _check_assignee(db, device, task_id)
    return checklists.checklist(db, task_id=task_id)


def record_task(
    db: Database, device: DeviceSession, task_id: int, answers: list[ItemAnswer], *, today: date
) -> int:
    """Record the task's check as answered, every item of its checklist; returns the record's id.

    A 不合格 item opens a hidden danger pre-filled by ``checklists.failed_item_draft`` (as the PC
    does), its remark as the description and its photos as 整改前 photos.
    """
    checklist = task_checklist(db, device, task_id)
    by_item = {a.item_id: a for a in answers}
    results: list[ResultInput] = []
    for number, item in enumerate(checklist.items, start=1):
        answer = by_item.get(item.item_id or 0)
        if answer is None:
            raise ValidationError(f"第 {number} 项“{item.content[:20]}”还没有填写结果（合格/不合格/不适用）")
        danger = None
        if answer.result is CheckResult.FAIL:
            danger = checklists.failed_item_draft(
                item,
                checked_on=today,
                check_type=checklist.check_type,
                checker_names=device.person_name,
                remark=answer.remark,
                place=checklist.place,
                general_days=checklist.deadline_days_general,
                team_days=checklist.deadline_days_team,
            )
            if danger.rectifier_id is None and answer.rectifier_id is not None:
                danger = replace(danger, rectifier_id=answer.rectifier_id)
        results.append(
            ResultInput(
                item_text=item.content,
                result=answer.result,
                check_item_id=item.item_id,
                standard_text=item.standard,
                remark=answer.remark,
                photos=answer.photos,
                hidden_danger=danger,
            )
        )
    detail = recording.record_check(
        db,
        CheckInput(
            checked_on=today, checker_names=device.person_name, results=tuple(results), task_id=task_id
        ),
        actor=device.actor,
        today=today,
    )
    return detail.id


# --- rectification and acceptance ------------------------------------------------------------------


@dataclass(frozen=True)
class DangerItem:
    """A hidden danger as the phone lists it."""

    id: int
    number: str
    description: str
    location: str
    level: HiddenDangerLevel
    status: HiddenDangerStatus
    deadline: date | None
    rectifier_id: int | None
    rectifier_name: str
    rectification_measures: str
    is_overdue: bool


def _items(db: Database, rows: list[HiddenDanger], today: date) -> list[DangerItem]:
    with db.read_session() as s:
        people = names_by_id(s, Person)
    return [
        DangerItem(
            id=r.id or 0,
            number=r.number,
            description=r.description,
            location=r.location,
            level=r.level,
            status=r.status,
            deadline=r.deadline,
            rectifier_id=r.rectifier_id,
            rectifier_name=people.get(r.rectifier_id or 0, ""),
            rectification_measures=r.rectification_measures,
            is_overdue=is_overdue(r.status, r.deadline, today),
        )
        for r in rows
    ]


def my_rectifications(db: Database, device: DeviceSession, *, today: date) -> list[DangerItem]:
    """Open hidden dangers the phone's person is to rectify (待整改, 整改中), by deadline."""
    _require(device, Permission.RECTIFY)
    with db.read_session() as s:
        rows = queries.hidden_dangers_to_rectify(session=s, person_id=device.person_id)
    return _items(db, rows, today)


def awaiting_acceptance(db: Database, device: DeviceSession, *, today: date) -> list[DangerItem]:
    """待验收 hidden dangers a manager's phone may accept: never those the person rectified."""
    _require(device, Permission.ACCEPT)
    with db.read_session() as s:
        rows = queries.hidden_dangers_awaiting_acceptance(session=s, limit=MAX_LISTED)
    return [d for d in _items(db, rows, today) if d.rectifier_id != device.person_id]


def danger_item(db: Database, hidden_danger_id: int, *, today: date) -> DangerItem:
    with db.read_session() as s:
        row = s.get(HiddenDanger, hidden_danger_id)
        if row is None:
            raise NotFoundError("该隐患不存在，可能已被删除")
    return _items(db, [row], today)[0]


def report_rectified(
    db: Database,
    device: DeviceSession,
    hidden_danger_id: int,
    measures: str,
    photos: tuple[PreparedPhoto, ...],
    *,
    today: date,
) -> None:
    """整改完成，报请验收 from the rectifier's phone, with the after photos. A 待整改 hidden danger
    is started first (the same rules: a 重大隐患 needs its plan and interim measures on the PC)."""
    _require(device, Permission.RECTIFY)
    item = danger_item(db, hidden_danger_id, today=today)
    if item.rectifier_id != device.person_id:
        raise ValidationError("您不是这条隐患的整改责任人，不能报告整改完成")
    if not photos:
        raise ValidationError("请拍摄整改后的照片")
    if item.status is HiddenDangerStatus.PENDING:
        lifecycle.start_rectification(db, hidden_danger_id, StartInput(), actor=device.actor, today=today)
    elif item.status is not HiddenDangerStatus.RECTIFYING:
        raise ConflictError(f"该隐患当前为“{item.status.label}”，不能报告整改完成")
    lifecycle.submit_for_acceptance(
        db,
        hidden_danger_id,
        CompletionInput(completed_on=today, rectification_measures=measures, photos=photos),
        actor=device.actor,
        today=today,
    )


def accept_rectification(
    db: Database, device: DeviceSession, hidden_danger_id: int, conclusion: str, *, today: date
) -> None:
    """验收通过 by a manager's phone; the person is the acceptor (never the rectifier)."""
    _require(device, Permission.ACCEPT)
    lifecycle.accept(
        db,
        hidden_danger_id,
        AcceptanceInput(acceptor_id=device.person_id, accepted_on=today, conclusion=conclusion),
        actor=device.actor,
        today=today,
    )


def reject_rectification(
    db: Database, device: DeviceSession, hidden_danger_id: int, reason: str, *, today: date
) -> None:
    """验收不通过 by a manager's phone: back to 整改中 with the reason."""
    _require(device, Permission.ACCEPT)
    item = danger_item(db, hidden_danger_id, today=today)
    if item.rectifier_id == device.person_id:
        raise ValidationError("验收人不能是整改责任人本人，请由其他管理人员验收")
    lifecycle.reject(db, hidden_danger_id, RejectionInput(reason=reason), actor=device.actor, today=today)
