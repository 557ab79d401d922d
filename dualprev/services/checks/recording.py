"""Recording a check: the record, every item's result with its photos, and a hidden danger for each
不合格 item, linked both ways (the ledger row names its check record, the result names its hidden
danger), all in one transaction."""

from dataclasses import dataclass, replace
from datetime import date, datetime

from dualprev.domain.checks import CheckResult, CheckTaskStatus, CheckType, record_problem, record_summary
from dualprev.domain.hidden_danger import (
    HiddenDangerDraft,
    HiddenDangerSource,
    PhotoStage,
    draft_problem,
    immediate_problem,
)
from dualprev.errors import ConflictError, ValidationError
from dualprev.services import photo_service
from dualprev.services.checks.common import raise_problem, shorten
from dualprev.services.checks.records import CheckRecordDetail, get_record
from dualprev.services.hidden_dangers import registration
from dualprev.services.photo_service import PreparedPhoto
from dualprev.storage import audit
from dualprev.storage.db import Database
from dualprev.storage.models import (
    Area,
    CheckPlan,
    CheckRecord,
    CheckRecordResult,
    CheckTask,
    Department,
    HiddenDanger,
    Photo,
    utcnow,
)
from dualprev.storage.repos import get_or_raise


@dataclass(frozen=True)
class ResultInput:
    """One item's result as recorded; a 不合格 item carries the hidden danger it opens."""

    item_text: str
    result: CheckResult
    check_item_id: int | None = None
    standard_text: str = ""
    remark: str = ""
    photos: tuple[PreparedPhoto, ...] = ()
    hidden_danger: HiddenDangerDraft | None = None
    immediate: bool = False
    """立即整改: the hidden danger was put right on the spot (一般隐患 only)."""


@dataclass(frozen=True)
class CheckInput:
    """A check as recorded: for a due task, under a plan without one, or unplanned."""

    checked_on: date
    checker_names: str
    results: tuple[ResultInput, ...]
    check_type: CheckType | None = None
    task_id: int | None = None
    plan_id: int | None = None
    department_id: int | None = None
    area_id: int | None = None
    summary: str = ""


def _linked(
    draft: HiddenDangerDraft, record_id: int, data: CheckInput, check_type: CheckType
) -> HiddenDangerDraft:
    return replace(
        draft,
        source=HiddenDangerSource.CHECK,
        check_record_id=record_id,
        check_type=check_type,
        found_on=data.checked_on,
        finder_names=draft.finder_names.strip() or data.checker_names.strip(),
    )


def _validate(data: CheckInput, check_type: CheckType, today: date) -> None:
    raise_problem(
        record_problem(
            data.checked_on, data.checker_names, [(r.item_text, r.result) for r in data.results], today
        )
    )
    for number, result in enumerate(data.results, start=1):
        if result.result is not CheckResult.FAIL:
            continue
        label = f"第 {number} 项“{shorten(result.item_text)}”不合格"
        if result.hidden_danger is None:
            raise ValidationError(f"{label}，请登记隐患", "results")
        draft = _linked(result.hidden_danger, 0, data, check_type)  # the record's id is not known yet
        problem = draft_problem(draft, today) or (immediate_problem(draft) if result.immediate else None)
        if problem is not None:
            raise ValidationError(f"{label}，登记隐患时：{problem[1]}", "results")


def record_check(
    db: Database, data: CheckInput, *, actor: str, today: date, now: datetime | None = None
) -> CheckRecordDetail:
    """Save a check in one transaction: the record, every item's result with its photos, a hidden
    danger (with the item's photos as its 整改前 photos) for each 不合格 item linked both ways, and
    the task it completes. Nothing is saved when any part is refused. ``now`` (aware) is when it is
    entered; default: the current time."""
    now = now or utcnow()
    with photo_service.staged_files(db) as files, db.session() as s:
        task = get_or_raise(s, CheckTask, data.task_id, "排查任务") if data.task_id is not None else None
        if task is not None and task.status is CheckTaskStatus.DONE:
            raise ConflictError("该排查任务已经完成，不能重复记录")
        plan_id = task.plan_id if task is not None else data.plan_id
        plan = get_or_raise(s, CheckPlan, plan_id, "排查计划") if plan_id is not None else None
        check_type = data.check_type or (plan.check_type if plan is not None else None)
        if check_type is None:
            raise ValidationError("请选择排查类型", "check_type")
        _validate(data, check_type, today)
        for model, row_id, label, field in (
            (Department, data.department_id, "受检部门", "department_id"),
            (Area, data.area_id, "区域", "area_id"),
        ):
            if row_id is not None and s.get(model, row_id) is None:
                raise ValidationError(f"所选{label}已不存在，请重新选择", field)
        record = CheckRecord(
            plan_id=plan_id,
            check_type=check_type,
            checked_on=data.checked_on,
            checker_names=data.checker_names.strip(),
            department_id=data.department_id if data.department_id is not None else (plan.department_id if plan else None),
            area_id=data.area_id if data.area_id is not None else (plan.area_id if plan else None),
            created_at=now,
        )  # fmt: skip
        s.add(record)
        s.flush()
        assert record.id is not None
        numbers: list[str] = []
        for result in data.results:
            row = CheckRecordResult(
                record_id=record.id,
                check_item_id=result.check_item_id,
                item_text=result.item_text.strip(),
                standard_text=result.standard_text.strip(),
                result=result.result,
                remark=result.remark.strip(),
            )
            danger: HiddenDanger | None = None
            if result.result is CheckResult.FAIL and result.hidden_danger is not None:
                danger = registration.register_in(
                    s,
                    _linked(result.hidden_danger, record.id, data, check_type),
                    actor=actor,
                    today=today,
                    immediate=result.immediate,
                    now=now,
                )
                row.hidden_danger_id = danger.id
                if not row.remark:
                    row.remark = danger.description
                numbers.append(danger.number)
            s.add(row)
            s.flush()
            for photo in result.photos:
                s.add(
                    Photo(
                        file_name=files.put(photo.data, ".jpg"),
                        thumb_name=files.put(photo.thumbnail, ".jpg"),
                        width=photo.width,
                        height=photo.height,
                        original_name=photo.original_name,
                        stage=PhotoStage.BEFORE if danger is not None else PhotoStage.CHECK,
                        hidden_danger_id=danger.id if danger is not None else None,
                        check_result_id=row.id,
                        taken_at=photo.taken_at,
                        created_at=now,
                    )
                )
        record.summary = data.summary.strip() or record_summary([r.result for r in data.results], numbers)
        s.add(record)
        if task is not None:
            task.status = CheckTaskStatus.DONE
            task.record_id = record.id
            s.add(task)
        where = f"（{plan.name}）" if plan is not None else ""
        audit.record(
            s,
            actor=actor,
            action="create",
            entity="check_record",
            entity_id=record.id,
            summary=f"记录{check_type.label}{where}：{record.summary[:60]}",
            changes={"checked_on": [None, data.checked_on.isoformat()], "hidden_dangers": [None, numbers]},
        )
        record_id = record.id
    return get_record(db, record_id)
