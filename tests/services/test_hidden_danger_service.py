"""The hidden-danger loop through the service: numbers, transitions, refusals, the ledger query.

Refusals are checked twice: the error the user sees, and that the database is unchanged afterwards.
"""

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlmodel import col, func, select

from dualprev.domain.checks import CheckType
from dualprev.domain.hidden_danger import (
    REMEDIATION_PLAN_ITEMS,
    HiddenDangerDraft,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
    OwnerTier,
    PhotoStage,
)
from dualprev.domain.ledger import LedgerFilter, LedgerSort, LedgerSortKey
from dualprev.errors import NotFoundError, ValidationError
from dualprev.services import organisation_service as org
from dualprev.services import photo_service
from dualprev.services.hidden_dangers import choices, lifecycle
from dualprev.services.hidden_dangers import detail as hd_detail
from dualprev.services.hidden_dangers import ledger as hd_ledger
from dualprev.services.hidden_dangers import registration as hd_registration
from dualprev.services.hidden_dangers.lifecycle import (
    AcceptanceInput,
    CompletionInput,
    PostEvaluationInput,
    RejectionInput,
    RemediationPlanInput,
    ReportInput,
    StartInput,
)
from dualprev.storage.db import Database, open_database
from dualprev.storage.models import AuditLog, CheckRecord, HiddenDanger, HiddenDangerEvent, Photo, Setting

from ..conftest import DEMO_TODAY, count_rows

S = HiddenDangerStatus
TODAY = date(2026, 11, 20)
ACTOR = "沈立明"
BASIS = "《工贸企业重大事故隐患判定标准》第七条第（一）项"
FULL_PLAN = RemediationPlanInput(**{key: f"{label}：按方案落实" for key, label in REMEDIATION_PLAN_ITEMS})


@dataclass(frozen=True)
class Org:
    workshop: int
    team: int
    office: int
    area: int
    other_area: int
    rectifier: int
    acceptor: int
    manager: int


@pytest.fixture
def factory(empty_db: Database) -> Org:
    db = empty_db
    org.save_enterprise(db, org.EnterpriseProfile(name="恒锐精密机械有限公司"), actor=ACTOR)
    workshop = org.save_department(db, org.DepartmentInfo(name="冲压车间"), actor=ACTOR)
    team = org.save_department(db, org.DepartmentInfo(name="冲压一班", parent_id=workshop.id), actor=ACTOR)
    office = org.save_department(db, org.DepartmentInfo(name="安全环保部"), actor=ACTOR)
    area = org.save_area(db, org.AreaInfo(name="冲压区"), actor=ACTOR)
    other = org.save_area(db, org.AreaInfo(name="仓库"), actor=ACTOR)
    people = [
        org.save_person(db, org.PersonInfo(name=name, department_id=dept), actor=ACTOR)
        for name, dept in (("王海", team.id), ("沈立明", office.id), ("顾建华", office.id))
    ]
    ids = [p.id or 0 for p in people]
    return Org(workshop.id or 0, team.id or 0, office.id or 0, area.id or 0, other.id or 0, *ids)


def draft(o: Org, **changes: Any) -> HiddenDangerDraft:
    base = HiddenDangerDraft(
        found_on=date(2026, 11, 10),
        description="3号压力机光电保护装置失效",
        area_id=o.area,
        location="3号压力机",
        responsible_department_id=o.team,
        rectifier_id=o.rectifier,
        deadline=date(2026, 11, 17),
        rectification_measures="更换光电保护装置",
    )
    return replace(base, **changes)


def jpeg(colour: tuple[int, int, int] = (200, 30, 30), size: tuple[int, int] = (800, 600)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


def photo(colour: tuple[int, int, int] = (200, 30, 30)) -> photo_service.PreparedPhoto:
    return photo_service.prepare_bytes(jpeg(colour), "IMG_0001.jpg")


def events(db: Database, hd_id: int) -> list[tuple[str, S | None, S | None]]:
    return [
        (e.action, e.from_status, e.to_status) for e in hd_detail.get_detail(db, hd_id, today=TODAY).events
    ]


def count(db: Database, model: type[Any], *where: Any) -> int:
    with db.read_session() as s:
        return int(s.exec(select(func.count()).select_from(model).where(*where)).one())


def files_in(db: Database) -> set[Path]:
    return {p for p in db.files_dir.rglob("*") if p.is_file()} if db.files_dir.exists() else set()


# --- registration ------------------------------------------------------------------------------------


def test_numbers_run_per_year(empty_db: Database, factory: Org) -> None:
    first = hd_registration.register(empty_db, draft(factory), actor=ACTOR, today=TODAY)
    second = hd_registration.register(
        empty_db, draft(factory, description="冲床脚踏开关无防护罩"), actor=ACTOR, today=TODAY
    )
    old = hd_registration.register(
        empty_db,
        draft(factory, found_on=date(2025, 12, 30), deadline=date(2026, 1, 6)),
        actor=ACTOR,
        today=TODAY,
    )
    assert [first.number, second.number, old.number] == ["YH-2026-0001", "YH-2026-0002", "YH-2025-0001"]


def test_number_continues_the_demo_ledger_and_uses_the_prefix_setting(demo_db: Database) -> None:
    people = org.list_people(demo_db)
    new = hd_registration.register(
        demo_db,
        HiddenDangerDraft(
            found_on=DEMO_TODAY,
            description="配电箱门锁损坏",
            location="装配车间",
            rectifier_id=people[0].id,
            deadline=DEMO_TODAY + timedelta(days=3),
        ),
        actor=ACTOR,
        today=DEMO_TODAY,
    )
    assert new.number == "YH-2026-0039"
    with demo_db.session() as s:
        s.merge(Setting(key="hidden_danger_number_prefix", value=json.dumps("ZG")))
    again = hd_registration.register(
        demo_db, replace(new.draft, description="另一处"), actor=ACTOR, today=DEMO_TODAY
    )
    assert again.number == "ZG-2026-0001"


def test_register_records_event_audit_and_accident_types(empty_db: Database, factory: Org) -> None:
    types = choices.list_accident_types(empty_db)
    # A new enterprise uses GB 6441-2025, in code order.
    assert [t.name for t in types][:4] == ["物体打击", "厂(场)内车辆致害", "道路(轨道)车辆致害", "机械致害"]
    assert "机械伤害" not in {t.name for t in types}
    machine = next(t.id for t in types if t.name == "机械致害")
    detail = hd_registration.register(
        empty_db, draft(factory, accident_type_ids=(machine,)), actor=ACTOR, today=TODAY
    )
    assert detail.status is S.PENDING and detail.accident_type_names == ("机械致害",)
    assert detail.rectifier_name == "王海" and detail.department_name == "冲压一班"
    assert [(e.action, e.actor, e.to_status) for e in detail.events] == [("登记", ACTOR, S.PENDING)]
    assert detail.events[0].remark == "来源：自查发现"
    reopened = open_database(empty_db.path, create=False)
    try:
        with reopened.read_session() as s:
            entry = s.exec(select(AuditLog).where(AuditLog.entity == "hidden_danger")).one()
        assert entry.action == "create" and entry.entity_id == detail.id and entry.actor == ACTOR
        assert "YH-2026-0001" in entry.summary
    finally:
        reopened.close()


def test_register_refuses_an_incomplete_draft_and_writes_nothing(empty_db: Database, factory: Org) -> None:
    with pytest.raises(ValidationError) as info:
        hd_registration.register(empty_db, draft(factory, rectifier_id=None), actor=ACTOR, today=TODAY)
    assert info.value.field == "rectifier_id" and info.value.message == "请指定整改责任人"
    with pytest.raises(ValidationError, match="所选区域已不存在"):
        hd_registration.register(empty_db, draft(factory, area_id=999), actor=ACTOR, today=TODAY)
    assert count(empty_db, HiddenDanger) == 0 and count(empty_db, HiddenDangerEvent) == 0


def test_source_check_links_the_check_record(empty_db: Database, factory: Org) -> None:
    with empty_db.session() as s:
        record = CheckRecord(
            check_type=CheckType.COMPREHENSIVE,
            checked_on=date(2026, 11, 10),
            checker_names="沈立明、王海",
            area_id=factory.area,
        )
        s.add(record)
        s.flush()
        record_id = record.id
    refs = choices.list_check_records(empty_db)
    assert refs[0].text == "2026-11-10 综合排查 冲压区（沈立明、王海）"
    detail = hd_registration.register(
        empty_db,
        draft(factory, source=HiddenDangerSource.CHECK, check_record_id=record_id),
        actor=ACTOR,
        today=TODAY,
    )
    assert detail.draft.check_record_id == record_id and detail.check_record_text == refs[0].text
    assert detail.events[0].remark == "来源：排查发现"


def test_deadline_suggestion_reads_the_settings(empty_db: Database) -> None:
    found = date(2026, 11, 10)
    assert choices.suggested_deadline(empty_db, found, HiddenDangerLevel.GENERAL, None) == date(2026, 11, 17)
    assert choices.suggested_deadline(empty_db, found, HiddenDangerLevel.GENERAL, OwnerTier.TEAM) == date(
        2026, 11, 13
    )
    assert choices.suggested_deadline(empty_db, found, HiddenDangerLevel.MAJOR, None) is None
    with empty_db.session() as s:
        s.merge(Setting(key="deadline_days.general", value="10"))
        s.merge(Setting(key="deadline_days.team", value="2"))
    assert choices.suggested_deadline(empty_db, found, HiddenDangerLevel.GENERAL, OwnerTier.WORKSHOP) == date(
        2026, 11, 20
    )
    assert choices.suggested_deadline(empty_db, found, HiddenDangerLevel.GENERAL, OwnerTier.TEAM) == date(
        2026, 11, 12
    )
    assert choices.choices(empty_db).deadline_days_general == 10


# --- the general loop ----------------------------------------------------------------------------------


def test_general_loop_with_rejection_and_photos(empty_db: Database, factory: Org) -> None:
    db = empty_db
    hd = hd_registration.register(db, draft(factory), actor=ACTOR, photos=[photo()], today=TODAY).id
    lifecycle.start_rectification(db, hd, StartInput(remark="已停机"), actor="王海", today=TODAY)
    done = CompletionInput(
        date(2026, 11, 12),
        "更换光电保护装置并试验",
        funds_fen=120000,
        photos=(photo((30, 160, 30)), photo((30, 30, 160))),
    )
    lifecycle.submit_for_acceptance(db, hd, done, actor="王海", today=TODAY)
    rejected = lifecycle.reject(
        db, hd, RejectionInput("防护装置响应时间不达标", date(2026, 11, 19)), actor=ACTOR, today=TODAY
    )
    assert rejected.status is S.RECTIFYING and rejected.completed_on is None
    assert rejected.draft.deadline == date(2026, 11, 19)
    lifecycle.submit_for_acceptance(
        db, hd, replace(done, completed_on=date(2026, 11, 14), photos=()), actor="王海", today=TODAY
    )
    closed = lifecycle.accept(
        db,
        hd,
        AcceptanceInput(factory.acceptor, date(2026, 11, 15), "复测合格，同意销号"),
        actor=ACTOR,
        today=TODAY,
    )
    assert closed.status is S.CLOSED
    assert (closed.acceptor_name, closed.accepted_on, closed.completed_on) == (
        "沈立明",
        date(2026, 11, 15),
        date(2026, 11, 14),
    )
    assert closed.draft.funds_fen == 120000
    assert events(db, hd) == [
        ("登记", None, S.PENDING),
        ("开始整改", S.PENDING, S.RECTIFYING),
        ("整改完成", S.RECTIFYING, S.AWAITING_ACCEPTANCE),
        ("验收不通过", S.AWAITING_ACCEPTANCE, S.RECTIFYING),
        ("整改完成", S.RECTIFYING, S.AWAITING_ACCEPTANCE),
        ("验收通过", S.AWAITING_ACCEPTANCE, S.CLOSED),
    ]
    assert closed.events[-1].remark == "验收人：沈立明；复测合格，同意销号"
    assert closed.events[3].remark == "防护装置响应时间不达标（整改期限调整为 2026-11-19）"
    assert [p.stage for p in closed.photos] == [PhotoStage.BEFORE, PhotoStage.AFTER, PhotoStage.AFTER]
    assert all(p.path.is_file() and p.thumb_path.is_file() for p in closed.photos)
    assert count(db, AuditLog, AuditLog.entity == "hidden_danger") == 6


def test_the_rectifier_cannot_accept_and_nothing_changes(empty_db: Database, factory: Org) -> None:
    db = empty_db
    hd = hd_registration.register(db, draft(factory), actor=ACTOR, today=TODAY).id
    lifecycle.start_rectification(db, hd, actor=ACTOR, today=TODAY)
    lifecycle.submit_for_acceptance(
        db, hd, CompletionInput(date(2026, 11, 12), "更换"), actor=ACTOR, today=TODAY
    )
    before = count(db, HiddenDangerEvent)
    with pytest.raises(ValidationError, match="验收人不能是整改责任人本人"):
        lifecycle.accept(
            db, hd, AcceptanceInput(factory.rectifier, date(2026, 11, 13), "合格"), actor=ACTOR, today=TODAY
        )
    detail = hd_detail.get_detail(db, hd, today=TODAY)
    assert detail.status is S.AWAITING_ACCEPTANCE and detail.acceptor_id is None
    assert count(db, HiddenDangerEvent) == before


def test_closing_without_acceptance_is_refused(empty_db: Database, factory: Org) -> None:
    db = empty_db
    hd = hd_registration.register(db, draft(factory), actor=ACTOR, today=TODAY).id
    acceptance = AcceptanceInput(factory.acceptor, date(2026, 11, 13), "合格")
    with pytest.raises(ValidationError, match="报请验收，并由验收人验收通过后才能销号"):
        lifecycle.accept(db, hd, acceptance, actor=ACTOR, today=TODAY)
    lifecycle.start_rectification(db, hd, actor=ACTOR, today=TODAY)
    with pytest.raises(ValidationError, match="才能销号"):
        lifecycle.accept(db, hd, acceptance, actor=ACTOR, today=TODAY)
    assert hd_detail.get_detail(db, hd, today=TODAY).status is S.RECTIFYING


def test_immediate_rectification_still_needs_an_acceptor(empty_db: Database, factory: Org) -> None:
    db = empty_db
    detail = hd_registration.register(
        db, draft(factory, rectification_measures="当场恢复防护罩"), actor=ACTOR, immediate=True, today=TODAY
    )
    assert detail.status is S.AWAITING_ACCEPTANCE and detail.is_immediate
    assert detail.completed_on == detail.draft.found_on
    assert [(e.action, e.to_status) for e in detail.events] == [
        ("登记", S.PENDING),
        ("立即整改", S.AWAITING_ACCEPTANCE),
    ]
    with pytest.raises(ValidationError, match="请选择验收人"):
        lifecycle.accept(
            db, detail.id, AcceptanceInput(None, date(2026, 11, 10), "合格"), actor=ACTOR, today=TODAY
        )
    closed = lifecycle.accept(
        db,
        detail.id,
        AcceptanceInput(factory.manager, date(2026, 11, 10), "现场确认"),
        actor=ACTOR,
        today=TODAY,
    )
    assert closed.status is S.CLOSED and closed.acceptor_name == "顾建华"


def test_a_major_danger_cannot_be_fixed_on_the_spot(empty_db: Database, factory: Org) -> None:
    with pytest.raises(ValidationError, match="重大隐患不能立即整改销号"):
        hd_registration.register(
            empty_db,
            draft(factory, level=HiddenDangerLevel.MAJOR, basis=BASIS),
            actor=ACTOR,
            immediate=True,
            today=TODAY,
        )
    assert count(empty_db, HiddenDanger) == 0


# --- 重大隐患 ------------------------------------------------------------------------------------------------


def test_major_loop_needs_plan_interim_measures_and_post_evaluation(empty_db: Database, factory: Org) -> None:
    db = empty_db
    hd = hd_registration.register(
        db,
        draft(factory, level=HiddenDangerLevel.MAJOR, deadline=date(2026, 12, 31), basis=BASIS),
        actor=ACTOR,
        today=TODAY,
    ).id
    assert hd_detail.get_detail(db, hd, today=TODAY).plan_missing == tuple(
        label for _k, label in REMEDIATION_PLAN_ITEMS
    )
    with pytest.raises(ValidationError, match="重大隐患须先制定治理方案（五到位），尚缺：目标和任务"):
        lifecycle.start_rectification(db, hd, actor=ACTOR, today=TODAY)
    partial = replace(FULL_PLAN, funds_and_materials="")
    assert lifecycle.save_remediation_plan(db, hd, partial, actor=ACTOR, today=TODAY).plan_missing == (
        "经费和物资",
    )
    with pytest.raises(ValidationError, match=r"尚缺：经费和物资$"):
        lifecycle.start_rectification(
            db, hd, StartInput(interim_measures="3号压力机停用"), actor=ACTOR, today=TODAY
        )
    assert hd_detail.get_detail(db, hd, today=TODAY).status is S.PENDING
    assert (
        hd_detail.get_detail(db, hd, today=TODAY).draft.interim_measures == ""
    )  # the refused write left nothing
    lifecycle.save_remediation_plan(db, hd, FULL_PLAN, actor=ACTOR, today=TODAY)
    with pytest.raises(ValidationError, match="临时管控措施"):
        lifecycle.start_rectification(db, hd, actor=ACTOR, today=TODAY)
    started = lifecycle.start_rectification(
        db, hd, StartInput(interim_measures="3号压力机停用，挂牌上锁"), actor=ACTOR, today=TODAY
    )
    assert started.status is S.RECTIFYING and started.draft.interim_measures == "3号压力机停用，挂牌上锁"
    with pytest.raises(ValidationError, match="整改已经开始"):
        lifecycle.save_remediation_plan(db, hd, partial, actor=ACTOR, today=TODAY)
    reported = lifecycle.record_report_to_authority(
        db, hd, ReportInput("丰泽镇应急管理办公室", date(2026, 11, 11)), actor=ACTOR, today=TODAY
    )
    assert (reported.reported_to, reported.reported_on) == ("丰泽镇应急管理办公室", date(2026, 11, 11))
    with pytest.raises(ValidationError, match="报请验收之后"):
        lifecycle.record_post_evaluation(
            db, hd, PostEvaluationInput("合格", date(2026, 11, 18)), actor=ACTOR, today=TODAY
        )
    lifecycle.submit_for_acceptance(
        db, hd, CompletionInput(date(2026, 11, 17), "更换并联锁"), actor=ACTOR, today=TODAY
    )
    acceptance = AcceptanceInput(factory.acceptor, date(2026, 11, 19), "验收合格")
    assert reported.report_method == "书面报告"
    with pytest.raises(ValidationError, match="重大隐患须先完成治理后评估"):
        lifecycle.accept(db, hd, acceptance, actor=ACTOR, today=TODAY)
    lifecycle.record_post_evaluation(
        db, hd, PostEvaluationInput("第三方检测合格，隐患消除", date(2026, 11, 18)), actor=ACTOR, today=TODAY
    )
    closed = lifecycle.accept(db, hd, acceptance, actor=ACTOR, today=TODAY)
    assert closed.status is S.CLOSED
    assert closed.plan is not None and closed.plan.post_evaluation == "第三方检测合格，隐患消除"
    actions = [e.action for e in closed.events]
    assert actions == [
        "登记",
        "治理方案",
        "治理方案",
        "开始整改",
        "上报",
        "整改完成",
        "治理后评估",
        "验收通过",
    ]
    assert closed.events[1].remark == "制定治理方案，尚缺：经费和物资"
    assert closed.events[2].remark == "修改治理方案，五到位内容齐全"


def test_level_change_and_edits_are_recorded(empty_db: Database, factory: Org) -> None:
    db = empty_db
    hd = hd_registration.register(db, draft(factory), actor=ACTOR, today=TODAY)
    edited = hd_registration.update(
        db,
        hd.id,
        replace(hd.draft, level=HiddenDangerLevel.MAJOR, location="3号压力机出料口", basis=BASIS),
        actor=ACTOR,
        today=TODAY,
    )
    assert edited.level is HiddenDangerLevel.MAJOR
    assert edited.events[-1].action == "修改"
    assert edited.events[-1].remark == "修改了：隐患级别、部位、判定依据；隐患级别由一般隐患改为重大隐患"
    hd_registration.update(db, hd.id, edited.draft, actor=ACTOR, today=TODAY)  # nothing changed: no event
    assert len(hd_detail.get_detail(db, hd.id, today=TODAY).events) == 2
    # Raising is possible at any open status, but a 重大隐患 needs its 判定依据.
    general = hd_registration.register(db, draft(factory), actor=ACTOR, today=TODAY)
    lifecycle.start_rectification(db, general.id, actor=ACTOR, today=TODAY)
    raised_draft = replace(general.draft, level=HiddenDangerLevel.MAJOR)
    with pytest.raises(ValidationError, match="重大隐患须有判定依据"):
        hd_registration.update(db, general.id, raised_draft, actor=ACTOR, today=TODAY)
    raised = hd_registration.update(
        db, general.id, replace(raised_draft, standard_item="3-2"), actor=ACTOR, today=TODAY
    )
    assert raised.level is HiddenDangerLevel.MAJOR and raised.status is S.RECTIFYING
    # Lowering needs a reason, which the timeline and the audit trail keep.
    lowered = replace(raised.draft, level=HiddenDangerLevel.GENERAL)
    with pytest.raises(ValidationError, match="降级理由"):
        hd_registration.update(db, general.id, lowered, actor=ACTOR, today=TODAY)
    assert hd_detail.get_detail(db, general.id, today=TODAY).level is HiddenDangerLevel.MAJOR
    back = hd_registration.update(
        db, general.id, lowered, actor=ACTOR, level_reason="复核：不属于判定标准情形", today=TODAY
    )
    assert back.level is HiddenDangerLevel.GENERAL
    assert back.events[-1].remark.endswith("隐患级别由重大隐患改为一般隐患，理由：复核：不属于判定标准情形")
    with db.read_session() as s:
        summaries = [r.summary for r in s.exec(select(AuditLog)).all()]
    assert any("理由：复核：不属于判定标准情形" in text for text in summaries)


def test_void_keeps_the_record_visible(empty_db: Database, factory: Org) -> None:
    db = empty_db
    hd = hd_registration.register(db, draft(factory), actor=ACTOR, today=TODAY).id
    with pytest.raises(ValidationError, match="请填写作废原因"):
        lifecycle.void(db, hd, " ", actor=ACTOR, today=TODAY)
    voided = lifecycle.void(db, hd, "重复登记（同 YH-2026-0002）", actor=ACTOR, today=TODAY)
    assert voided.status is S.VOID and voided.void_reason == "重复登记（同 YH-2026-0002）"
    assert voided.events[-1].action == "作废" and voided.events[-1].to_status is S.VOID
    assert hd_ledger.query(db, LedgerFilter(statuses=(S.VOID,)), today=TODAY).rows[0].id == hd
    with db.read_session() as s:
        entry = s.exec(select(AuditLog).where(AuditLog.action == "void")).one()
    assert entry.entity_id == hd and "重复登记" in entry.summary
    with pytest.raises(ValidationError, match="该隐患已经作废"):
        lifecycle.void(db, hd, "again", actor=ACTOR, today=TODAY)
    with pytest.raises(ValidationError, match="不能再修改"):
        hd_registration.update(db, hd, voided.draft, actor=ACTOR, today=TODAY)


def test_missing_record_is_not_found(empty_db: Database) -> None:
    with pytest.raises(NotFoundError):
        hd_detail.get_detail(empty_db, 42, today=TODAY)
    with pytest.raises(NotFoundError):
        lifecycle.start_rectification(empty_db, 42, actor=ACTOR, today=TODAY)


def test_a_failed_write_leaves_neither_rows_nor_files(
    empty_db: Database, factory: Org, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kw: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(hd_registration, "record_audit", broken)
    with pytest.raises(OSError):
        hd_registration.register(empty_db, draft(factory), actor=ACTOR, photos=[photo()], today=TODAY)
    assert count(empty_db, HiddenDanger) == 0 and count(empty_db, Photo) == 0
    assert files_in(empty_db) == set()


# --- the ledger query ------------------------------------------------------------------------------------


def test_demo_ledger_shows_every_status_and_the_overdue(demo_db: Database) -> None:
    every = count_rows(demo_db, HiddenDanger)
    result = hd_ledger.query(demo_db, today=DEMO_TODAY, limit=every)
    assert result.total == len(result.rows) == every  # void and closed ones included
    assert {r.status for r in result.rows} == set(S)
    overdue = hd_ledger.overdue(demo_db, today=DEMO_TODAY)
    assert overdue.total >= 1 and all(r.is_overdue and r.status.is_open for r in overdue.rows)
    assert [r.deadline for r in overdue.rows] == sorted(r.deadline for r in overdue.rows if r.deadline)
    summary = hd_ledger.summary(demo_db, today=DEMO_TODAY)
    assert summary.total == every and summary.overdue == overdue.total
    assert summary.overdue == sum(1 for r in result.rows if r.is_overdue)
    due = hd_ledger.due_soon(demo_db, today=DEMO_TODAY)
    assert due.total == summary.due_soon
    assert due.rows and all(r.days_left is not None and 0 <= r.days_left <= 3 for r in due.rows)


def test_demo_major_has_its_plan_report_and_photos(demo_db: Database) -> None:
    majors = hd_ledger.query(demo_db, LedgerFilter(levels=(HiddenDangerLevel.MAJOR,)), today=DEMO_TODAY)
    assert majors.total == 3  # the spray booth, and the two the 判定标准 self-check found
    spray_booth = next(r for r in majors.rows if r.number == "YH-2026-0021")
    detail = hd_detail.get_detail(demo_db, spray_booth.id, today=DEMO_TODAY)
    assert detail.plan is not None and detail.plan_missing == ()
    assert detail.reported_to and detail.reported_on is not None
    assert detail.photos and all(p.path.is_file() for p in detail.photos)
    assert detail.events[0].action == "登记"


def test_paging_returns_consistent_slices(demo_db: Database) -> None:
    every = count_rows(demo_db, HiddenDanger)
    whole = [r.id for r in hd_ledger.query(demo_db, today=DEMO_TODAY, limit=every).rows]
    pages = [hd_ledger.query(demo_db, today=DEMO_TODAY, offset=o, limit=10) for o in range(0, every, 10)]
    assert [r.id for p in pages for r in p.rows] == whole
    assert len(pages) > 1 and all(p.total == every for p in pages)
    assert len(pages[-1].rows) == every - 10 * (len(pages) - 1)
    assert hd_ledger.query(demo_db, today=DEMO_TODAY, offset=every).rows == ()


@pytest.mark.parametrize("key", list(LedgerSortKey))
def test_every_sort_key_orders_the_rows(demo_db: Database, key: LedgerSortKey) -> None:
    up = hd_ledger.query(demo_db, sort=LedgerSort(key, descending=False), today=DEMO_TODAY, limit=100).rows
    down = hd_ledger.query(demo_db, sort=LedgerSort(key, descending=True), today=DEMO_TODAY, limit=100).rows
    assert [r.id for r in down] == [r.id for r in reversed(up)]
    value = {
        LedgerSortKey.NUMBER: lambda r: r.number,
        LedgerSortKey.FOUND_ON: lambda r: r.found_on,
        LedgerSortKey.DEADLINE: lambda r: r.deadline or date.max,
        LedgerSortKey.RECTIFIER: lambda r: r.rectifier_name,
        LedgerSortKey.STATUS: lambda r: list(S).index(r.status),
        LedgerSortKey.LEVEL: lambda r: 0 if r.level is HiddenDangerLevel.MAJOR else 1,
    }.get(key)
    if value is not None:
        keys = [value(r) for r in up]
        assert keys == sorted(keys)


def test_filters(demo_db: Database) -> None:
    def ids(flt: LedgerFilter) -> set[int]:
        return {r.id for r in hd_ledger.query(demo_db, flt, today=DEMO_TODAY, limit=100).rows}

    every = hd_ledger.query(demo_db, today=DEMO_TODAY, limit=100).rows
    by_id = {r.id: r for r in every}
    assert ids(LedgerFilter(statuses=(S.PENDING, S.RECTIFYING))) == {
        r.id for r in every if r.status in (S.PENDING, S.RECTIFYING)
    }
    assert ids(LedgerFilter(overdue_only=True)) == {r.id for r in every if r.is_overdue}
    assert ids(LedgerFilter(source=HiddenDangerSource.EXTERNAL)) == {
        r.id for r in every if r.source is HiddenDangerSource.EXTERNAL
    }
    start, end = DEMO_TODAY - timedelta(days=30), DEMO_TODAY - timedelta(days=10)
    assert ids(LedgerFilter(found_from=start, found_to=end)) == {
        r.id for r in every if start <= r.found_on <= end
    }
    spray = ids(LedgerFilter(keyword="喷漆房"))
    assert spray and all(
        "喷漆房" in by_id[i].description + by_id[i].location + by_id[i].risk_point_name for i in spray
    )
    assert ids(LedgerFilter(keyword="喷漆房 曹建国")) == {
        i for i in spray if by_id[i].rectifier_name == "曹建国"
    }
    assert ids(LedgerFilter(keyword="100%")) == set()  # LIKE wildcards are searched for literally
    areas = {a.name: a.id for a in org.list_areas(demo_db)}
    in_area = ids(LedgerFilter(area_id=areas["喷涂车间"]))
    assert in_area and all(by_id[i].area_name == "喷涂车间" or by_id[i].risk_point_name for i in in_area)


def test_department_filter_includes_sub_departments(empty_db: Database, factory: Org) -> None:
    team = hd_registration.register(empty_db, draft(factory), actor=ACTOR, today=TODAY)
    office = hd_registration.register(
        empty_db, draft(factory, responsible_department_id=factory.office), actor=ACTOR, today=TODAY
    )
    assert [
        r.id
        for r in hd_ledger.query(empty_db, LedgerFilter(department_id=factory.workshop), today=TODAY).rows
    ] == [team.id]
    assert [
        r.id for r in hd_ledger.query(empty_db, LedgerFilter(department_id=factory.office), today=TODAY).rows
    ] == [office.id]
    assert hd_ledger.row_position(empty_db, office.id, today=TODAY) == 0  # newest first, then by id
    assert (
        hd_ledger.row_position(empty_db, office.id, LedgerFilter(department_id=factory.workshop), today=TODAY)
        is None
    )


@pytest.fixture
def many(empty_db: Database, factory: Org) -> Iterator[Database]:
    """Two thousand rows to check that a page query does not load the whole table."""
    with empty_db.session() as s:
        s.add_all(
            HiddenDanger(
                number=f"YH-2026-{i:04d}",
                found_on=date(2026, 1, 1) + timedelta(days=i % 300),
                description=f"隐患{i}",
                deadline=date(2026, 1, 8) + timedelta(days=i % 300),
                status=list(S)[i % 5],
                rectifier_id=factory.rectifier,
            )
            for i in range(1, 2001)
        )
    yield empty_db


def test_large_ledger_pages_and_counts(many: Database) -> None:
    page = hd_ledger.query(
        many,
        LedgerFilter(overdue_only=True),
        LedgerSort(LedgerSortKey.RECTIFIER),
        today=TODAY,
        offset=1000,
        limit=50,
    )
    assert page.total == sum(1 for i in range(1, 2001) if list(S)[i % 5].is_open)  # all deadlines are past
    assert len(page.rows) == 50 and all(r.is_overdue for r in page.rows)
    with many.read_session() as s:
        assert (
            s.exec(select(func.count()).select_from(HiddenDanger).where(col(HiddenDanger.id) > 0)).one()
            == 2000
        )
