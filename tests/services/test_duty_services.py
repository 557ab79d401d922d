"""Duty lists, duty records and training: create, edit, void (never delete), audit, what is due,
and an upgrade from schema 4 that keeps the data and adds the new records."""

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from dualprev.domain.duties import DueState, DutyRecordKind, LeaderRole, TrainingKind
from dualprev.errors import ConflictError, ValidationError
from dualprev.services import organisation_service as org
from dualprev.services.checks import records as check_records
from dualprev.services.duties import duty_lists, duty_records, reminders, training
from dualprev.services.duties.duty_lists import DutyLine, DutyListInfo
from dualprev.services.duties.duty_records import DutyRecordInfo
from dualprev.services.duties.training import Attendee, CourseInfo, SessionInfo
from dualprev.storage.db import Database, open_database
from dualprev.storage.models import AuditLog, DutyList, Enterprise, Person

from ..conftest import DEMO_TODAY

FIXTURES = Path(__file__).parent.parent / "fixtures"
TODAY = date(2026, 11, 20)


def _audit(db: Database, entity: str) -> list[AuditLog]:
    with db.read_session() as s:
        return list(s.exec(select(AuditLog).where(AuditLog.entity == entity).order_by(AuditLog.id)).all())


@pytest.fixture
def staffed(empty_db: Database) -> Database:
    org.save_enterprise(
        empty_db, org.EnterpriseProfile(name="恒锐机械", principal_name="顾建华"), actor="沈立明"
    )
    dept = org.save_department(empty_db, org.DepartmentInfo(name="机加工车间"), actor="沈立明")
    for name, role in (("顾建华", "总经理"), ("沈立明", "安全员"), ("孙磊", "车工")):
        org.save_person(empty_db, org.PersonInfo(name=name, department_id=dept.id, role=role), actor="沈立明")
    org.save_post(empty_db, org.PostInfo(name="车工", department_id=dept.id), actor="沈立明")
    return empty_db


def _person(db: Database, name: str) -> int:
    return next(p.id or 0 for p in org.list_people(db) if p.name == name)


# --- duty lists --------------------------------------------------------------------------------


def test_library_fills_every_role_and_post_once(staffed: Database) -> None:
    assert duty_lists.fill_from_library(staffed, actor="沈立明") == len(LeaderRole) + 1
    assert duty_lists.fill_from_library(staffed, actor="沈立明") == 0  # nothing twice
    lists = duty_lists.list_duty_lists(staffed)
    principal = next(d for d in lists if d.role is LeaderRole.PRINCIPAL)
    assert principal.items[0].text.startswith("建立健全并落实本单位全员安全生产责任制")
    post = next(d for d in lists if d.post_id is not None)
    assert post.title == "车工岗位" and post.department_name == "机加工车间"
    assert any("车工岗位的安全风险" in i.text for i in post.items)


def test_edit_replaces_items_and_void_keeps_the_list(staffed: Database, tmp_path: Path) -> None:
    saved = duty_lists.save_duty_list(
        staffed, DutyListInfo("分管生产副总", role=LeaderRole.DEPUTY, items=(DutyLine("管生产必须管安全"),)),
        actor="沈立明",
    )  # fmt: skip
    edited = duty_lists.save_duty_list(
        staffed,
        DutyListInfo(saved.title, role=LeaderRole.DEPUTY, id=saved.id,
                     items=(DutyLine(" 每月带队检查 ", "通用做法"), DutyLine("  "), DutyLine("督促隐患整改"))),
        actor="沈立明",
    )  # fmt: skip
    assert [(i.text, i.source) for i in edited.items] == [("每月带队检查", "通用做法"), ("督促隐患整改", "")]
    with pytest.raises(ValidationError, match="作废原因"):
        duty_lists.void_duty_list(staffed, saved.id or 0, " ", actor="沈立明")
    duty_lists.void_duty_list(staffed, saved.id or 0, "岗位撤销", actor="沈立明")
    with pytest.raises(ValidationError, match="已作废"):
        duty_lists.save_duty_list(staffed, edited, actor="沈立明")
    assert duty_lists.list_duty_lists(staffed, include_void=False) == []
    kept = duty_lists.list_duty_lists(staffed)
    assert kept[0].void_reason == "岗位撤销" and len(kept[0].items) == 2
    actions = [(e.action, json.loads(e.changes)) for e in _audit(staffed, "duty_list")]
    assert [a for a, _c in actions] == ["create", "update", "void"]
    assert actions[1][1]["items"] == ["管生产必须管安全", "每月带队检查\n督促隐患整改"]


def test_a_list_needs_a_subject_and_a_duty(staffed: Database) -> None:
    with pytest.raises(ValidationError, match="二者选其一"):
        duty_lists.save_duty_list(staffed, DutyListInfo("x", items=(DutyLine("a"),)), actor="a")
    with pytest.raises(ValidationError, match="至少要有一条"):
        duty_lists.save_duty_list(staffed, DutyListInfo("x", role=LeaderRole.EMPLOYEE), actor="a")
    with pytest.raises(ValidationError, match="清单名称"):
        duty_lists.save_duty_list(staffed, DutyListInfo(" ", role=LeaderRole.EMPLOYEE, items=(DutyLine("a"),)),
                                  actor="a")  # fmt: skip
    with staffed.read_session() as s:
        assert s.exec(select(DutyList)).all() == []


def test_a_post_with_a_duty_list_is_not_deleted(staffed: Database) -> None:
    duty_lists.fill_from_library(staffed, actor="a")
    post = org.list_posts(staffed)[0]
    with pytest.raises(ConflictError, match="岗位安全生产责任清单"):
        org.delete_post(staffed, post.id or 0, actor="a")


# --- duty records ------------------------------------------------------------------------------


def test_duty_records_validate_link_and_void(demo_db: Database) -> None:
    principal = _person(demo_db, "顾建华")
    check = check_records.query_records(demo_db, limit=1)[0]
    before = len(duty_records.list_duty_records(demo_db))
    saved = duty_records.save_duty_record(
        demo_db, DutyRecordInfo(DutyRecordKind.CHECK, check.checked_on, "  11月带队检查 ", leader_id=principal,
                                check_record_id=check.id), actor="沈立明", today=DEMO_TODAY)  # fmt: skip
    assert saved.title == "11月带队检查" and saved.leader_name == "顾建华"
    assert saved.check_record_text.startswith(check.checked_on.isoformat())
    bad: list[tuple[DutyRecordInfo, str]] = [
        (DutyRecordInfo(DutyRecordKind.INVESTMENT, TODAY, "劳保"), "金额"),
        (DutyRecordInfo(DutyRecordKind.MEETING, TODAY, "会议", leader_id=principal, amount_fen=100), "金额"),
        (DutyRecordInfo(DutyRecordKind.DRILL, TODAY, "演练"), "带队"),
        (DutyRecordInfo(DutyRecordKind.MEETING, date(2026, 11, 21), "会", leader_id=principal), "晚于今天"),
        (
            DutyRecordInfo(
                DutyRecordKind.DRILL, TODAY, "演练", leader_id=principal, check_record_id=check.id
            ),
            "排查",
        ),
    ]
    for info, message in bad:
        with pytest.raises(ValidationError, match=message):
            duty_records.save_duty_record(demo_db, info, actor="a", today=TODAY)
    assert len(duty_records.list_duty_records(demo_db)) == before + 1
    edited = duty_records.save_duty_record(
        demo_db, DutyRecordInfo(DutyRecordKind.INVESTMENT, TODAY, "消防器材", leader_id=principal,
                                amount_fen=1_234_567, id=saved.id), actor="a", today=TODAY)  # fmt: skip
    assert edited.kind is DutyRecordKind.INVESTMENT and edited.amount_fen == 1_234_567
    duty_records.void_duty_record(demo_db, saved.id or 0, "重复录入", actor="沈立明")
    assert (
        next(r for r in duty_records.list_duty_records(demo_db) if r.id == saved.id).void_reason == "重复录入"
    )
    assert saved.id not in {r.id for r in duty_records.list_duty_records(demo_db, include_void=False)}
    assert [e.action for e in _audit(demo_db, "duty_record")][-3:] == ["create", "update", "void"]


def test_demo_status_shows_last_month_overdue_and_a_voided_check_counts_no_more(demo_db: Database) -> None:
    status = duty_records.duty_status(demo_db, today=DEMO_TODAY)
    assert status.principal_name == "顾建华"
    overdue = status.of_state(DueState.OVERDUE)
    assert [(p.kind, p.label) for p in overdue] == [(DutyRecordKind.CHECK, "2026年10月")]
    due = [(p.kind, p.label) for p in status.of_state(DueState.DUE)]
    assert due == [(DutyRecordKind.CHECK, "2026年11月"), (DutyRecordKind.DRILL, "2026年下半年"),
                   (DutyRecordKind.MEETING, "2026年第4季度")]  # fmt: skip
    september = next(p for p in status.periods if p.label == "2026年9月")
    led = next(r for r in duty_records.list_duty_records(demo_db, kind=DutyRecordKind.CHECK)
               if r.held_on == september.done_on)  # fmt: skip
    duty_records.void_duty_record(demo_db, led.id or 0, "记录日期有误", actor="a")
    labels = [p.label for p in duty_records.duty_status(demo_db, today=DEMO_TODAY).of_state(DueState.OVERDUE)]
    assert labels == ["2026年9月", "2026年10月"]
    texts = [r.text for r in reminders.reminders(demo_db, today=DEMO_TODAY)]
    assert "顾建华带队检查（截止 2026-09-30）" in texts


# --- training ----------------------------------------------------------------------------------


def _session(
    db: Database, course: CourseInfo, held_on: date, hours: int, *people: tuple[str, str, bool]
) -> Any:
    attendees = tuple(Attendee(_person(db, name), score, passed) for name, score, passed in people)
    return training.save_session(db, SessionInfo(course.id or 0, held_on, hours, trainer="沈立明",
                                                 attendees=attendees), actor="a", today=TODAY)  # fmt: skip


def test_training_files_hours_gaps_and_void(staffed: Database) -> None:
    induction = training.save_course(
        staffed, CourseInfo("三级安全教育", TrainingKind.INDUCTION, 24), actor="a"
    )
    annual = training.save_course(staffed, CourseInfo("年度再培训", TrainingKind.ANNUAL, 8), actor="a")
    _session(staffed, induction, date(2025, 3, 1), 24, ("孙磊", "90", True), ("顾建华", "88", True))
    gaps = training.training_gaps(staffed, today=TODAY)
    assert [f.name for f in gaps.no_induction] == ["沈立明"]
    assert [(f.name, f.year_hours, f.required_hours) for f in gaps.short_hours] == [
        ("顾建华", 0, 12),
        ("孙磊", 0, 8),
    ]
    first = _session(staffed, annual, date(2026, 3, 1), 8, ("孙磊", "52", False), ("顾建华", "90", True))
    assert first.passed_count == 1
    gaps = training.training_gaps(staffed, today=TODAY)
    assert [(f.name, f.year_hours) for f in gaps.short_hours] == [
        ("顾建华", 8),
        ("孙磊", 0),
    ]  # failed: no hours
    # the resit passes: edit the session's attendee result
    retaken = training.save_session(staffed, SessionInfo(annual.id or 0, date(2026, 3, 1), 8, id=first.id,
        attendees=(Attendee(_person(staffed, "孙磊"), "81", True),)), actor="a", today=TODAY)  # fmt: skip
    assert [(a.person_name, a.score) for a in retaken.attendees] == [("孙磊", "81")]
    file = training.training_file(staffed, _person(staffed, "孙磊"), today=TODAY)
    assert file.has_induction and file.year_hours == 8 and file.missing_hours == 0
    training.void_session(staffed, first.id or 0, "培训未实际举行", actor="a")
    file = training.training_file(staffed, _person(staffed, "孙磊"), today=TODAY)
    assert file.year_hours == 0 and len(file.entries) == 1
    assert [s.void_reason for s in training.list_sessions(staffed)] == ["培训未实际举行", ""]
    with pytest.raises(ValidationError, match="已作废"):
        training.save_session(staffed, retaken, actor="a", today=TODAY)
    with pytest.raises(ConflictError, match="培训记录"):  # attended: kept, not deleted
        org.delete_person(staffed, _person(staffed, "孙磊"), actor="a")


def test_session_refusals_and_void_course(staffed: Database) -> None:
    course = training.save_course(staffed, CourseInfo("专题", TrainingKind.SPECIAL, 4), actor="a")
    sun = _person(staffed, "孙磊")
    refusals = [
        (SessionInfo(course.id or 0, TODAY, 4), "参训人员"),
        (SessionInfo(course.id or 0, TODAY, 0, attendees=(Attendee(sun),)), "学时"),
        (SessionInfo(course.id or 0, date(2026, 12, 1), 4, attendees=(Attendee(sun),)), "晚于今天"),
        (SessionInfo(course.id or 0, TODAY, 4, attendees=(Attendee(sun), Attendee(sun))), "重复"),
    ]
    for info, message in refusals:
        with pytest.raises(ValidationError, match=message):
            training.save_session(staffed, info, actor="a", today=TODAY)
    training.void_course(staffed, course.id or 0, "课程合并", actor="a")
    with pytest.raises(ValidationError, match="课程已作废"):
        training.save_session(staffed, SessionInfo(course.id or 0, TODAY, 4, attendees=(Attendee(sun),)),
                              actor="a", today=TODAY)  # fmt: skip
    assert training.list_courses(staffed, include_void=False) == []
    with pytest.raises(ValidationError, match="课程名称"):
        training.save_course(staffed, CourseInfo(" ", TrainingKind.SPECIAL), actor="a")


# --- upgrade -----------------------------------------------------------------------------------


def test_schema_4_file_upgrades_keeps_its_data_and_takes_duties(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_0004.sqlite", path)
    db = open_database(path)
    assert db.backup_path is not None
    created = duty_lists.fill_from_library(db, actor="a")
    person = _person(db, "张师傅")
    course = training.save_course(db, CourseInfo("三级安全教育", TrainingKind.INDUCTION, 24), actor="a")
    training.save_session(db, SessionInfo(course.id or 0, TODAY, 24, attendees=(Attendee(person, "90"),)),
                          actor="a", today=TODAY)  # fmt: skip
    db.close()
    reopened = open_database(path)
    with reopened.read_session() as s:
        assert s.exec(select(Enterprise)).one().name == "旧版测试机械厂"
        assert s.exec(select(Person)).one().name == "张师傅"
    assert len(duty_lists.list_duty_lists(reopened)) == created >= len(LeaderRole)
    assert training.training_file(reopened, person, today=TODAY).has_induction
    reopened.close()
