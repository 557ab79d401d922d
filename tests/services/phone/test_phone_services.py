"""手机端 use cases: pairing, exactly-once writes, reports under review, and field work under the
same rules as the PC (pre-filled hidden danger of a 不合格 item, acceptor ≠ rectifier, roles)."""

import io
import sqlite3
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from PIL import Image

from dualprev.domain.checks import CheckResult
from dualprev.domain.hidden_danger import HiddenDangerSource, HiddenDangerStatus, PhotoStage
from dualprev.domain.phone import (
    PAIRING_CODE_LIFETIME,
    CardId,
    Permission,
    PhoneRole,
    ReportStatus,
    may,
    parse_card_id,
)
from dualprev.errors import ConflictError, ValidationError
from dualprev.services.checks import checklists
from dualprev.services.hidden_dangers.detail import get_detail
from dualprev.services.phone import devices, field_work, once, reports
from dualprev.services.phone.devices import DeviceSession
from dualprev.services.photo_service import prepare_bytes
from dualprev.storage.db import Database
from dualprev.storage.models import utcnow

TODAY = date.today()


def _photo() -> Any:
    data = io.BytesIO()
    Image.new("RGB", (200, 150), (10, 200, 10)).save(data, format="JPEG")
    return prepare_bytes(data.getvalue(), "p.jpg")


def _phone(
    db: Database, person_id: int, role: PhoneRole = PhoneRole.WORKER, name: str = "手机"
) -> DeviceSession:
    code = devices.create_pairing(db, person_id, role, actor="安全员")
    return devices.pair(db, code.code, name).session


def _audit(db: Database) -> list[tuple[str, str]]:
    with sqlite3.connect(db.path) as conn:
        return conn.execute("SELECT actor, summary FROM audit_log ORDER BY id").fetchall()


def test_card_ids_are_read_from_the_first_line_only() -> None:
    assert parse_card_id("DP1:HRJX:6:r2\n岗位：车工") == CardId("HRJX", 6, 2)
    assert parse_card_id("DP1:-:12:r1") == CardId("-", 12, 1)
    for bad in (
        "",
        "DP2:HRJX:6:r2",
        "岗位：车工\nDP1:HRJX:6:r2",
        "DP1:HRJX:x:r2",
        "DP1:HRJX:6:2",
        "http://x/",
    ):
        assert parse_card_id(bad) is None


def test_only_managers_accept() -> None:
    assert not may(PhoneRole.WORKER, Permission.ACCEPT)
    assert all(may(PhoneRole.MANAGER, p) for p in Permission)


def test_a_pairing_code_pairs_one_phone_once_before_it_expires(demo_db: Database) -> None:
    code = devices.create_pairing(demo_db, 8, PhoneRole.WORKER, actor="安全员")
    with pytest.raises(ValidationError, match="6 位数字"):
        devices.pair(demo_db, "12", "手机")
    with pytest.raises(ValidationError, match="手机名称"):
        devices.pair(demo_db, code.code, " ")
    paired = devices.pair(demo_db, code.code, "孙磊的手机", address="192.168.1.8")
    assert paired.session.person_name == "孙磊" and paired.session.role is PhoneRole.WORKER
    assert devices.authenticate(demo_db, paired.token) == paired.session
    with pytest.raises(ValidationError, match="已过期"):
        devices.pair(demo_db, code.code, "第二部手机")  # used
    late = devices.create_pairing(
        demo_db,
        8,
        PhoneRole.WORKER,
        actor="安全员",
        now=utcnow() - PAIRING_CODE_LIFETIME - timedelta(seconds=1),
    )
    with pytest.raises(ValidationError, match="已过期"):
        devices.pair(demo_db, late.code, "第三部手机")
    assert devices.authenticate(demo_db, "forged-token") is None
    devices.revoke(demo_db, paired.session.device_id, actor="安全员")
    assert devices.authenticate(demo_db, paired.token) is None
    with pytest.raises(ConflictError):
        devices.revoke(demo_db, paired.session.device_id, actor="安全员")
    (listed,) = [d for d in devices.list_devices(demo_db) if d.name == "孙磊的手机"]
    assert listed.revoked and listed.last_address == "192.168.1.8"
    assert any(actor == "孙磊（手机：孙磊的手机）" for actor, _ in _audit(demo_db))


def test_a_repeated_request_id_changes_nothing(demo_db: Database) -> None:
    phone = _phone(demo_db, 8)
    data = reports.ReportInput("叉车通道堆放杂物", "仓库北门", photos=(_photo(),))

    def send() -> once.Done:
        return once.once(
            demo_db, phone, "x" * 32, "report", lambda tx: {"id": reports.submit_report(tx, phone, data)}
        )

    first, second = send(), send()
    assert not first.repeated and second.repeated and first.result == second.result
    assert len(reports.list_reports(demo_db)) == 1
    other = _phone(demo_db, 9, name="别人的手机")
    with pytest.raises(ConflictError, match="已被使用"):
        once.once(demo_db, other, "x" * 32, "report", lambda tx: {})
    with pytest.raises(ValidationError, match="编号"):
        once.once(demo_db, phone, "bad id!", "report", lambda tx: {})
    # A refused write leaves neither the report nor its id behind.
    with pytest.raises(ValidationError, match="请描述"):
        once.once(
            demo_db,
            phone,
            "y" * 32,
            "report",
            lambda tx: {"id": reports.submit_report(tx, phone, reports.ReportInput(" ", "x"))},
        )
    assert not once.once(demo_db, phone, "y" * 32, "report", lambda tx: {"ok": 1}).repeated


def test_a_report_is_accepted_into_the_ledger_once_or_sent_back(demo_db: Database) -> None:
    phone = _phone(demo_db, 8)
    first = reports.submit_report(
        demo_db, phone, reports.ReportInput("砂轮机防护罩松动", post_id=1, photos=(_photo(),))
    )
    second = reports.submit_report(demo_db, phone, reports.ReportInput("地面油污", "一车间"))
    assert reports.pending_count(demo_db) == 2
    draft = reports.draft_for(demo_db, first, today=TODAY)
    assert draft.source is HiddenDangerSource.WORKER_REPORT and draft.finder_names == "孙磊"
    assert draft.location == "车工" and draft.deadline is not None
    detail = reports.accept_report(
        demo_db, first, replace(draft, rectifier_id=draft.rectifier_id or 8), actor="安全员", today=TODAY
    )
    assert detail.number.startswith("YH-") and detail.status is HiddenDangerStatus.PENDING
    assert (
        len(detail.photos_of(PhotoStage.BEFORE)) == 1
        and detail.photos_of(PhotoStage.BEFORE)[0].path.is_file()
    )
    with pytest.raises(ConflictError, match="已登记"):
        reports.accept_report(demo_db, first, draft, actor="安全员", today=TODAY)
    with pytest.raises(ValidationError, match="退回原因"):
        reports.reject_report(demo_db, second, " ", actor="安全员")
    reports.reject_report(demo_db, second, "不是隐患", actor="安全员")
    mine = {r.id: r for r in reports.reports_of(demo_db, 8)}
    assert mine[first].status is ReportStatus.ACCEPTED and mine[first].hidden_danger_number == detail.number
    assert mine[second].status is ReportStatus.REJECTED and mine[second].reject_reason == "不是隐患"
    assert reports.pending_count(demo_db) == 0


def test_a_failed_item_opens_the_same_hidden_danger_as_on_the_pc(demo_db: Database) -> None:
    task = _due_task(demo_db)
    phone = _phone(demo_db, task["assignee_id"], name="班长手机")
    listed = field_work.my_tasks(demo_db, phone, today=TODAY)
    assert task["id"] in [t.id for t in listed]
    checklist = field_work.task_checklist(demo_db, phone, task["id"])
    first, *rest = checklist.items
    answers = [
        field_work.ItemAnswer(first.item_id or 0, CheckResult.FAIL, "防护栏松脱", (_photo(),), rectifier_id=8)
    ]
    answers += [field_work.ItemAnswer(i.item_id or 0, CheckResult.PASS) for i in rest]
    with pytest.raises(ValidationError, match="还没有填写结果"):
        field_work.record_task(demo_db, phone, task["id"], answers[:1] if rest else [], today=TODAY)
    record_id = field_work.record_task(demo_db, phone, task["id"], answers, today=TODAY)
    assert record_id
    expected = checklists.failed_item_draft(
        first, checked_on=TODAY, check_type=checklist.check_type, checker_names=phone.person_name, remark="防护栏松脱",
        place=checklist.place, general_days=checklist.deadline_days_general, team_days=checklist.deadline_days_team,
    )  # fmt: skip
    number = _danger_of_record(demo_db, record_id)
    detail = get_detail(demo_db, number, today=TODAY)
    assert detail.draft == replace(
        expected, check_record_id=record_id, rectifier_id=expected.rectifier_id or 8
    )
    assert len(detail.photos_of(PhotoStage.BEFORE)) == 1
    other = _phone(demo_db, 1 if task["assignee_id"] != 1 else 2, name="别人")
    with pytest.raises(ValidationError, match="不是分配给您的"):
        field_work.task_checklist(demo_db, other, task["id"])


def test_rectification_from_the_phone_keeps_acceptor_and_rectifier_apart(demo_db: Database) -> None:
    rectifier = _phone(demo_db, 8, name="孙磊的手机")
    manager = _phone(demo_db, 3, PhoneRole.MANAGER, name="部长手机")
    report_id = reports.submit_report(demo_db, rectifier, reports.ReportInput("车床皮带罩缺螺丝", "一车间"))
    draft = replace(reports.draft_for(demo_db, report_id, today=TODAY), rectifier_id=8)
    danger = reports.accept_report(demo_db, report_id, draft, actor="安全员", today=TODAY).id
    assert [d.id for d in field_work.my_rectifications(demo_db, rectifier, today=TODAY)] == [danger]
    with pytest.raises(ValidationError, match="整改后的照片"):
        field_work.report_rectified(demo_db, rectifier, danger, "已补齐螺丝", (), today=TODAY)
    with pytest.raises(ValidationError, match="不是这条隐患的整改责任人"):
        field_work.report_rectified(demo_db, manager, danger, "已补齐螺丝", (_photo(),), today=TODAY)
    field_work.report_rectified(demo_db, rectifier, danger, "已补齐螺丝", (_photo(),), today=TODAY)
    assert get_detail(demo_db, danger, today=TODAY).status is HiddenDangerStatus.AWAITING_ACCEPTANCE
    with pytest.raises(ValidationError, match="权限"):
        field_work.accept_rectification(demo_db, rectifier, danger, "好", today=TODAY)
    rectifier_as_manager = _phone(demo_db, 8, PhoneRole.MANAGER, name="孙磊管理")
    assert danger not in [
        d.id for d in field_work.awaiting_acceptance(demo_db, rectifier_as_manager, today=TODAY)
    ]
    with pytest.raises(ValidationError, match="验收人不能是整改责任人"):
        field_work.accept_rectification(demo_db, rectifier_as_manager, danger, "好", today=TODAY)
    field_work.reject_rectification(demo_db, manager, danger, "螺丝规格不对", today=TODAY)
    assert get_detail(demo_db, danger, today=TODAY).status is HiddenDangerStatus.RECTIFYING
    field_work.report_rectified(demo_db, rectifier, danger, "换成 M8 螺丝", (_photo(),), today=TODAY)
    field_work.accept_rectification(demo_db, manager, danger, "合格", today=TODAY)
    closed = get_detail(demo_db, danger, today=TODAY)
    assert closed.status is HiddenDangerStatus.CLOSED and closed.acceptor_id == 3
    assert any("部长手机" in e.actor for e in closed.events) and any(
        "孙磊的手机" in e.actor for e in closed.events
    )


def _due_task(db: Database) -> dict[str, int]:
    with sqlite3.connect(db.path) as conn:
        row = conn.execute(
            "SELECT t.id, t.assignee_id FROM check_task t JOIN check_plan p ON p.id = t.plan_id "
            "WHERE t.status = 'due' AND t.assignee_id IS NOT NULL AND p.is_active ORDER BY t.due_on LIMIT 1"
        ).fetchone()
    return {"id": row[0], "assignee_id": row[1]}


def _danger_of_record(db: Database, record_id: int) -> int:
    with sqlite3.connect(db.path) as conn:
        (row,) = conn.execute(
            "SELECT hidden_danger_id FROM check_record_result WHERE record_id = ? AND hidden_danger_id IS NOT NULL",
            (record_id,),
        ).fetchall()
    return int(row[0])
