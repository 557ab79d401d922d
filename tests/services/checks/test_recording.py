"""Recording a check: a failed item opens a hidden danger in the same transaction, linked both ways.
Refusals are checked twice: the message, and that nothing was written."""

import json
from datetime import timedelta

import pytest
from sqlmodel import select

from dualprev.domain.checks import CheckResult, CheckTaskStatus, CheckType
from dualprev.domain.hidden_danger import HiddenDangerSource, HiddenDangerStatus, OwnerTier, PhotoStage
from dualprev.domain.ledger import LedgerFilter
from dualprev.errors import ConflictError, ValidationError
from dualprev.services.checks import checklists, recording
from dualprev.services.checks import items as check_items
from dualprev.services.checks import records as check_records
from dualprev.services.checks import tasks as check_tasks
from dualprev.services.checks.recording import CheckInput, ResultInput
from dualprev.services.hidden_dangers import detail as hd_detail
from dualprev.services.hidden_dangers import ledger as hd_ledger
from dualprev.services.hidden_dangers import registration
from dualprev.storage.db import Database
from dualprev.storage.models import AuditLog, CheckRecord, CheckRecordResult, HiddenDanger, Photo

from .conftest import ACTOR, TODAY, check_with_one_failure, count, files_in, todays_task


def test_a_failed_item_opens_a_linked_hidden_danger_in_the_same_check(demo_db: Database) -> None:
    db = demo_db
    task = todays_task(db)
    before = files_in(db)
    check = check_with_one_failure(db, task)
    lines = len(check.results)
    detail = recording.record_check(db, check, actor=ACTOR, today=TODAY)
    assert detail.count(CheckResult.PASS) == lines - 1 and detail.count(CheckResult.FAIL) == 1
    [number] = detail.danger_numbers
    assert number == "YH-2026-0039"  # continues the demo ledger
    assert detail.summary == f"共检查 {lines} 项：合格 {lines - 1} 项，不合格 1 项（已登记隐患 {number}）。"
    assert (detail.plan_name, detail.task_due_on, detail.checker_names) == (
        "机加工车间岗位每班检查",
        TODAY,
        "吴志强",
    )
    failed = next(r for r in detail.results if r.result is CheckResult.FAIL)
    # Linked both ways: the result names the hidden danger, the hidden danger names the check record.
    danger = hd_detail.get_detail(db, failed.hidden_danger_id or 0, today=TODAY)
    assert danger.draft.check_record_id == detail.id and danger.draft.source is HiddenDangerSource.CHECK
    assert danger.check_record_text == f"{TODAY.isoformat()} 日常排查 机加工车间（吴志强）"
    assert danger.status is HiddenDangerStatus.PENDING
    assert danger.draft.description == "卡盘防护罩拆下未装回"
    assert danger.draft.check_type is CheckType.DAILY and danger.draft.finder_names == "吴志强"
    assert danger.draft.risk_point_id == failed.risk_point_id and danger.draft.area_id == 1
    assert danger.draft.owner_tier is OwnerTier.TEAM and danger.draft.deadline == TODAY + timedelta(days=3)
    assert danger.draft.accident_type_ids and danger.draft.rectifier_id is not None
    assert [p.stage for p in danger.photos] == [PhotoStage.BEFORE]
    assert [p.id for p in failed.photos] == [p.id for p in danger.photos]
    assert len(files_in(db) - before) == 2  # the photo and its thumbnail
    # The ledger shows it, found in this check; the task is done.
    ledger = hd_ledger.query(db, LedgerFilter(keyword=number), today=TODAY)
    assert [r.number for r in ledger.rows] == [number] and ledger.rows[0].source is HiddenDangerSource.CHECK
    done = check_tasks.get_task(db, task.id, today=TODAY)
    assert (done.status, done.record_id, done.checked_on) == (CheckTaskStatus.DONE, detail.id, TODAY)
    with db.read_session() as s:
        log = s.exec(
            select(AuditLog).where(AuditLog.entity == "check_record", AuditLog.entity_id == detail.id)
        ).one()
    assert json.loads(log.changes)["hidden_dangers"] == [None, [number]]
    with pytest.raises(ConflictError, match="已经完成"):
        recording.record_check(db, check_with_one_failure(db, task), actor=ACTOR, today=TODAY)


def test_a_refused_check_writes_nothing(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    db = demo_db
    task = todays_task(db)
    counts = (count(db, CheckRecord), count(db, HiddenDanger), count(db, Photo), count(db, CheckRecordResult))
    before = files_in(db)
    with pytest.raises(ValidationError, match=r"第 3 项.*不合格，登记隐患时：请指定整改责任人"):
        recording.record_check(
            db, check_with_one_failure(db, task, rectifier_id=None), actor=ACTOR, today=TODAY
        )
    data = check_with_one_failure(db, task)
    unticked = CheckInput(**{**data.__dict__, "results": (*data.results[:-1], ResultInput("灭火器", None))})  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="还没有填写结果"):
        recording.record_check(db, unticked, actor=ACTOR, today=TODAY)
    no_danger = CheckInput(**{**data.__dict__, "results": (ResultInput("防护罩", CheckResult.FAIL),)})
    with pytest.raises(ValidationError, match="请登记隐患"):
        recording.record_check(db, no_danger, actor=ACTOR, today=TODAY)

    def broken(*_args: object, **_kw: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(registration, "record_audit", broken)  # fails inside the hidden danger's registration
    with pytest.raises(OSError):
        recording.record_check(db, data, actor=ACTOR, today=TODAY)
    assert (
        count(db, CheckRecord),
        count(db, HiddenDanger),
        count(db, Photo),
        count(db, CheckRecordResult),
    ) == counts
    assert files_in(db) == before
    assert check_tasks.get_task(db, task.id, today=TODAY).status is CheckTaskStatus.DUE


def test_an_unplanned_check_with_a_free_line(demo_db: Database) -> None:
    db = demo_db
    items = checklists.checklist(
        db, item_ids=[i.id for i in check_items.list_items(db) if i.area_id == 3][:2]
    ).items
    results = (
        *(ResultInput(i.content, CheckResult.PASS, i.item_id, i.standard) for i in items),
        ResultInput("叉车充电区通风", CheckResult.NOT_APPLICABLE, remark="今日停用"),
    )
    with pytest.raises(ValidationError, match="请选择排查类型"):
        recording.record_check(
            db, CheckInput(checked_on=TODAY, checker_names="陆婷", results=results), actor=ACTOR, today=TODAY
        )
    detail = recording.record_check(
        db, CheckInput(checked_on=TODAY - timedelta(days=1), checker_names="陆婷、曹建国", results=results,
                       check_type=CheckType.HOLIDAY, area_id=3), actor=ACTOR, today=TODAY,
    )  # fmt: skip
    assert detail.plan_id is None and detail.check_type is CheckType.HOLIDAY and detail.area_name
    assert detail.results[-1].check_item_id is None and detail.results[-1].remark == "今日停用"
    rows = check_records.query_records(
        db, date_from=TODAY - timedelta(days=1), date_to=TODAY - timedelta(days=1)
    )
    mine = next(r for r in rows if r.id == detail.id)
    assert (mine.item_count, mine.passed, mine.not_applicable, mine.plan_name) == (3, 2, 1, "")
