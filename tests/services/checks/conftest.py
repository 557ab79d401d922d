"""Helpers of the 隐患排查 service tests, on the demo factory: counting rows, the files beside the
database, a photo, today's task and a check of it with one failed item."""

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

from PIL import Image
from sqlmodel import func, select

from dualprev.domain.checks import CheckResult
from dualprev.services import photo_service
from dualprev.services.checks import checklists
from dualprev.services.checks import tasks as check_tasks
from dualprev.services.checks.recording import CheckInput, ResultInput
from dualprev.services.checks.tasks import TaskScope
from dualprev.storage.db import Database

from ...conftest import DEMO_TODAY

ACTOR = "沈立明"
TODAY = DEMO_TODAY


def count(db: Database, model: type[Any], *where: Any) -> int:
    with db.read_session() as s:
        return int(s.exec(select(func.count()).select_from(model).where(*where)).one())


def files_in(db: Database) -> set[Path]:
    return {p for p in db.files_dir.rglob("*") if p.is_file()} if db.files_dir.exists() else set()


def photo(colour: tuple[int, int, int] = (30, 120, 200)) -> photo_service.PreparedPhoto:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), colour).save(buffer, "JPEG")
    return photo_service.prepare_bytes(buffer.getvalue(), "IMG_2031.jpg")


def todays_task(db: Database, name: str = "机加工车间岗位每班检查") -> check_tasks.TaskRow:
    return next(
        t for t in check_tasks.list_tasks(db, today=TODAY, scope=TaskScope.TODAY) if t.plan_name == name
    )


def check_with_one_failure(
    db: Database,
    task: check_tasks.TaskRow,
    *,
    failed_index: int = 2,
    remark: str = "卡盘防护罩拆下未装回",
    **draft_changes: Any,
) -> CheckInput:
    """Every item of the task's checklist passed except one, which opens a pre-filled hidden danger."""
    checklist = checklists.checklist(db, task_id=task.id)
    results = []
    for index, item in enumerate(checklist.items):
        if index == failed_index:
            danger = checklists.failed_item_draft(
                item, checked_on=TODAY, check_type=checklist.check_type, checker_names="吴志强", remark=remark,
                general_days=checklist.deadline_days_general, team_days=checklist.deadline_days_team,
            )  # fmt: skip
            danger = replace(danger, **draft_changes)
            results.append(
                ResultInput(
                    item.content,
                    CheckResult.FAIL,
                    item.item_id,
                    item.standard,
                    remark,
                    photos=(photo(),),
                    hidden_danger=danger,
                )
            )
        else:
            results.append(ResultInput(item.content, CheckResult.PASS, item.item_id, item.standard))
    return CheckInput(checked_on=TODAY, checker_names="吴志强", results=tuple(results), task_id=task.id)
