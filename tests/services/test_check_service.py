"""隐患排查 through the service, on the demo factory: the checklist made from control measures, plans
and their tasks, a recorded check whose failed item opens a hidden danger in the same transaction,
and 首页's figures. Refusals are checked twice: the message, and that nothing was written."""

import io
import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlmodel import col, delete, func, select

from dualprev.domain.checks import (
    CheckFrequency,
    CheckItemDraft,
    CheckPlanDraft,
    CheckResult,
    CheckTaskStatus,
    CheckType,
    FrequencyTable,
)
from dualprev.domain.hidden_danger import (
    HiddenDangerCategory,
    HiddenDangerSource,
    HiddenDangerStatus,
    OwnerTier,
    PhotoStage,
)
from dualprev.domain.risk import ControlMeasureCategory, ControlTier, RiskLevel
from dualprev.errors import ConflictError, NotFoundError, ValidationError
from dualprev.services import dashboard_service, photo_service
from dualprev.services import hidden_danger_service as hs
from dualprev.services import organisation_service as org
from dualprev.services.checks import checklists, recording
from dualprev.services.checks import frequency as check_frequency
from dualprev.services.checks import items as check_items
from dualprev.services.checks import plans as check_plans
from dualprev.services.checks import records as check_records
from dualprev.services.checks import tasks as check_tasks
from dualprev.services.checks.recording import CheckInput, ResultInput
from dualprev.services.checks.tasks import TaskScope
from dualprev.storage.db import Database
from dualprev.storage.models import (
    AuditLog,
    CheckItem,
    CheckRecord,
    CheckRecordResult,
    CheckTask,
    ControlMeasure,
    Hazard,
    HiddenDanger,
    Photo,
    Setting,
)

from ..conftest import DEMO_TODAY

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


# --- the checklist from control measures -------------------------------------------------------------


def test_generation_covers_every_existing_measure_once_and_keeps_edits(demo_db: Database) -> None:
    db = demo_db
    first = check_items.generate_items(db, actor=ACTOR)
    assert first.created == 0 and first.already_covered == 372 and first.planned_measures == 9
    with db.session() as s:
        s.exec(delete(CheckItem).where(col(CheckItem.is_custom).is_(False)))  # type: ignore[call-overload]
    again = check_items.generate_items(db, actor=ACTOR)
    assert again.created == 372 and again.already_covered == 0
    items = [i for i in check_items.list_items(db) if not i.is_custom]
    assert len({i.measure_id for i in items}) == 372
    edited, switched_off = items[0], items[1]
    check_items.save_item(db, edited.id, CheckItemDraft(content="卡盘防护罩在位、联锁有效（班前试验）", standard="打开防护罩主轴不能启动",
                                                method="试验", frequency=CheckFrequency.DAILY), actor=ACTOR)  # fmt: skip
    check_items.set_item_active(db, switched_off.id, False, actor=ACTOR)
    assert check_items.generate_items(db, actor=ACTOR).created == 0
    kept = check_items.get_item(db, edited.id)
    assert (kept.content, kept.method, kept.frequency) == (
        "卡盘防护罩在位、联锁有效（班前试验）",
        "试验",
        CheckFrequency.DAILY,
    )
    assert kept.risk_point_id == edited.risk_point_id  # a generated item follows its hazard
    assert not check_items.get_item(db, switched_off.id).is_active
    assert count(db, CheckItem, col(CheckItem.is_custom).is_(False)) == 372
    with db.read_session() as s:
        summaries = s.exec(select(AuditLog.summary).where(AuditLog.entity == "check_item")).all()
    assert "由管控措施生成排查项 372 项" in summaries


def test_a_new_measure_becomes_an_item_with_the_table_frequency(demo_db: Database) -> None:
    db = demo_db
    with db.session() as s:
        hazard = s.exec(select(Hazard).where(Hazard.current_level == RiskLevel.MAJOR)).first()
        assert hazard is not None
        s.add(ControlMeasure(hazard_id=hazard.id, category=ControlMeasureCategory.MANAGEMENT,
                             content="喷漆作业前检测可燃气体浓度并记录", control_tier=ControlTier.COMPANY))  # fmt: skip
        s.add(ControlMeasure(hazard_id=hazard.id, category=ControlMeasureCategory.ENGINEERING,
                             content="加装自动灭火装置", is_existing=False))  # fmt: skip
        hazard_id, point_id = hazard.id, hazard.risk_point_id
    result = check_items.generate_items(db, actor=ACTOR)
    assert result.created == 1 and result.planned_measures == 10
    [item] = [i for i in check_items.list_items(db) if i.content == "喷漆作业前检测可燃气体浓度并记录"]
    assert (item.hazard_id, item.risk_point_id, item.level) == (hazard_id, point_id, RiskLevel.MAJOR)
    assert item.control_tier is ControlTier.COMPANY and item.frequency is CheckFrequency.MONTHLY
    assert item.check_type is CheckType.COMPREHENSIVE and item.method == "查阅记录、现场核实"
    assert item.source_text == "管控措施·管理措施"


def test_free_items_are_added_edited_and_deleted_only_while_unused(demo_db: Database) -> None:
    db = demo_db
    with pytest.raises(ValidationError, match="请填写排查内容"):
        check_items.save_item(db, None, CheckItemDraft(content=" "), actor=ACTOR)
    row = check_items.save_item(db, None, CheckItemDraft(content=" 消防通道畅通 ", standard="宽度不小于1.4m", method="现场查看",
                                                check_type=CheckType.DAILY), actor=ACTOR)  # fmt: skip
    assert row.is_custom and row.content == "消防通道畅通" and row.risk_point_id is None
    check_items.delete_item(db, row.id, actor=ACTOR)
    with pytest.raises(NotFoundError):
        check_items.get_item(db, row.id)
    generated = next(i for i in check_items.list_items(db) if not i.is_custom)
    with pytest.raises(ConflictError, match="可以停用"):
        check_items.delete_item(db, generated.id, actor=ACTOR)
    used = next(
        i for i in check_items.list_items(db) if i.content == "全员安全生产责任制建立、逐级签订并公示"
    )
    with pytest.raises(ConflictError, match="已在 2 次排查记录中使用"):
        check_items.delete_item(db, used.id, actor=ACTOR)
    off = check_items.set_item_active(db, used.id, False, actor=ACTOR)
    assert not off.is_active and used.id not in {
        i.id for i in check_items.list_items(db, include_inactive=False)
    }


def test_frequency_table_is_a_setting(demo_db: Database) -> None:
    db = demo_db
    assert check_frequency.frequency_table(db) == FrequencyTable()
    changed = FrequencyTable().with_frequency(
        RiskLevel.SIGNIFICANT, ControlTier.COMPANY, CheckFrequency.MONTHLY
    )
    check_frequency.save_frequency_table(db, changed, actor=ACTOR)
    assert (
        check_frequency.frequency_table(db).frequency(RiskLevel.SIGNIFICANT, ControlTier.COMPANY)
        is CheckFrequency.MONTHLY
    )
    with db.read_session() as s:
        stored = json.loads(s.get(Setting, check_frequency.FREQUENCY_SETTING).value)  # type: ignore[union-attr]
        log = s.exec(select(AuditLog).where(AuditLog.summary == "修改排查频次表")).one()
    assert stored["2"]["company"] == "monthly"
    assert json.loads(log.changes) == {"较大/公司级": ["每季度", "每月"]}


# --- plans and tasks ---------------------------------------------------------------------------------


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


# --- recording a check -------------------------------------------------------------------------------


def test_a_failed_item_opens_a_linked_hidden_danger_in_the_same_check(demo_db: Database) -> None:
    db = demo_db
    task = todays_task(db)
    before = files_in(db)
    detail = recording.record_check(db, check_with_one_failure(db, task), actor=ACTOR, today=TODAY)
    assert detail.count(CheckResult.PASS) == 9 and detail.count(CheckResult.FAIL) == 1
    [number] = detail.danger_numbers
    assert number == "YH-2026-0037"  # continues the demo ledger
    assert detail.summary == f"共检查 10 项：合格 9 项，不合格 1 项（已登记隐患 {number}）。"
    assert (detail.plan_name, detail.task_due_on, detail.checker_names) == (
        "机加工车间岗位每班检查",
        TODAY,
        "吴志强",
    )
    failed = next(r for r in detail.results if r.result is CheckResult.FAIL)
    # Linked both ways: the result names the hidden danger, the hidden danger names the check record.
    danger = hs.get_detail(db, failed.hidden_danger_id or 0, today=TODAY)
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
    ledger = hs.query(db, hs.LedgerFilter(keyword=number), today=TODAY)
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

    monkeypatch.setattr(hs, "_audit", broken)  # fails inside the hidden danger's registration
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


def test_failed_item_draft_prefills_where_what_and_when(demo_db: Database) -> None:
    checklist = checklists.checklist(demo_db, task_id=todays_task(demo_db).id)
    item = checklist.items[0]
    draft = checklists.failed_item_draft(
        item, checked_on=TODAY, check_type=CheckType.DAILY, checker_names=" 吴志强 "
    )
    assert draft.description == f"{item.content}——排查不符合要求"
    assert (draft.risk_point_id, draft.area_id, draft.location) == (
        item.risk_point_id,
        item.area_id,
        item.location,
    )
    assert draft.basis == item.standard and draft.finder_names == "吴志强"
    assert draft.category is HiddenDangerCategory.SITE and draft.source is HiddenDangerSource.CHECK
    company = checklists.ChecklistItem(item_id=None, content="安全生产责任制考核记录齐全", control_tier=ControlTier.COMPANY,
                               measure_category=ControlMeasureCategory.MANAGEMENT)  # fmt: skip
    other = checklists.failed_item_draft(
        company, checked_on=TODAY, check_type=None, checker_names="x", place="安全环保部"
    )
    assert other.owner_tier is OwnerTier.COMPANY and other.deadline == TODAY + timedelta(days=7)
    assert other.category is HiddenDangerCategory.MANAGEMENT and other.location == "安全环保部"


# --- 首页 ---------------------------------------------------------------------------------------------


def test_dashboard_figures(demo_db: Database) -> None:
    figures = dashboard_service.dashboard(demo_db, today=TODAY)
    assert figures.month_start == date(2026, 11, 1)
    with demo_db.read_session() as s:
        found = s.exec(select(HiddenDanger).where(col(HiddenDanger.found_on) >= date(2026, 11, 1))).all()
    real = [h for h in found if h.status is not HiddenDangerStatus.VOID]
    closed = [h for h in real if h.status is HiddenDangerStatus.CLOSED]
    assert (figures.month_found, figures.month_closed) == (len(real), len(closed))
    assert figures.month_rate_text == f"{round(100 * len(closed) / len(real), 1)}%"
    assert (figures.tasks.due_today, figures.tasks.overdue) == (2, 1)
    assert [m.label for m in figures.months] == ["6月", "7月", "8月", "9月", "10月", "11月"]
    assert figures.months[-1].found == len(real)
    assert figures.recent and figures.recent == tuple(
        sorted(figures.recent, key=lambda a: a.at, reverse=True)
    )
    task = todays_task(demo_db)
    detail = recording.record_check(demo_db, check_with_one_failure(demo_db, task), actor=ACTOR, today=TODAY)
    after = dashboard_service.dashboard(demo_db, today=TODAY)
    assert after.month_found == figures.month_found + 1 and after.tasks.due_today == 1
    assert {(a.kind, a.target_id) for a in after.recent[:3]} >= {
        (dashboard_service.ActivityKind.CHECK_RECORD, detail.id)
    }


def test_no_hidden_danger_this_month_has_no_rate(empty_db: Database) -> None:
    figures = dashboard_service.dashboard(empty_db, today=TODAY)
    assert figures.month_rate is None and figures.month_rate_text == "—" and figures.recent == ()
    assert (
        check_items.list_items(empty_db) == []
        and check_items.generate_items(empty_db, actor=ACTOR).created == 0
    )
